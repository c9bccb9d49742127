"""Writes ipywidgets-states.json: the full state ipywidgets sends in each model's comm_open,
for the controls Receptive draws (the widget tests compare the kernel's states with these).

Run with the project's venv after `pip install ipywidgets` (not a dependency of the suite):
    .venv/bin/python Tests/ReceptiveKernelTests/Fixtures/ipywidgets_states.py
Model references (IPY_MODEL_<id>) are written as IPY_MODEL_layout / IPY_MODEL_style.
"""
import json
import pathlib

import ipywidgets
from ipywidgets import Checkbox, Dropdown, FloatSlider, IntSlider, Output, Play, VBox


def state(widget):
    found = widget.get_state()
    for key in ("layout", "style"):
        if key in found:
            found[key] = f"IPY_MODEL_{key}"
    return found


widgets = {
    "IntSlider": IntSlider(min=1, max=7, step=1, value=3, description="k"),
    "FloatSlider": FloatSlider(min=0, max=1, step=0.05, value=0.5, description="sigma"),
    "Dropdown": Dropdown(options=["valid", "same", "full"], value="same", description="mode"),
    "Checkbox": Checkbox(value=True, description="flip"),
    "Play": Play(min=0, max=5, step=1, interval=200, value=0, description="t"),
    "VBox": VBox(),
    "Output": Output(),
}
fixture = {
    "generator": f"ipywidgets {ipywidgets.__version__} (protocol {ipywidgets._version.__protocol_version__})",
    "models": {name: state(widget) for name, widget in widgets.items()},
    "styles": {name: widget.style.get_state() for name, widget in widgets.items() if hasattr(widget, "style")},
    "layout": widgets["VBox"].layout.get_state(),
}
path = pathlib.Path(__file__).with_name("ipywidgets-states.json")
path.write_text(json.dumps(fixture, indent=1, sort_keys=True) + "\n")
print(f"wrote {path}")

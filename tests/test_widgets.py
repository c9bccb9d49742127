"""Jupyter widgets over comms, driven from jupyter_client as JupyterLab's widget manager drives
them: interact opens ipywidgets 8 models and displays a VBox; updates from the "front end" are
echoed and re-render the Output; state requests restore it; bad input is logged and ignored;
fast updates coalesce; an interrupt stops a long callback; a restart closes every comm."""
import time
import uuid

import pytest

from conftest import run_cell

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def show(kc, code):
    """Runs a cell that shows widgets: (models by _model_name → [comm ids], the display content)."""
    reply, outputs = run_cell(kc, code)
    assert reply["status"] == "ok", reply
    models = {}
    for msg in outputs:
        if msg["msg_type"] == "comm_open":
            assert msg["content"]["target_name"] == "jupyter.widget"
            assert msg["metadata"] == {"version": "2.1.0"}
            name = msg["content"]["data"]["state"]["_model_name"]
            models.setdefault(name, []).append(msg["content"]["comm_id"])
    displays = [m["content"] for m in outputs if m["msg_type"] == "display_data"]
    return models, displays[-1] if displays else None


def send(kc, msg_type, content, buffers=None):
    """Sends a shell message as a front end would; returns its msg_id."""
    msg = kc.session.msg(msg_type, content)
    kc.session.send(kc.shell_channel.socket, msg, buffers=buffers or [])
    return msg["header"]["msg_id"]


def until_idle(kc, msg_id, timeout=30):
    """The iopub messages parented to msg_id, through its idle status."""
    found = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        found.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return found
    raise AssertionError(f"no idle for {msg_id}")


def update(kc, comm_id, state):
    return until_idle(kc, send(kc, "comm_msg", {"comm_id": comm_id, "data": {
        "method": "update", "state": state, "buffer_paths": []}}))


def outputs_of(messages, output_id):
    """The last `outputs` set on the Output model among messages, or None."""
    found = None
    for msg in messages:
        if msg["msg_type"] == "comm_msg" and msg["content"]["comm_id"] == output_id:
            state = msg["content"]["data"].get("state", {})
            if "outputs" in state:
                found = state["outputs"]
    return found


def value_of(kc, expression):
    reply, outputs = run_cell(kc, expression)
    assert reply["status"] == "ok", reply
    return [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"][0]


BLUR = ('fn blur(k) = heatmap(correlate(image("letter", size: 16), box(k)))\n'
        'k = slider(1, 7, step: 2)\ninteract(blur, k: k)')


def test_interact_opens_models_and_a_slider_update_rerenders_the_output(kernel):
    km, kc = kernel
    models, display = show(kc, BLUR)
    assert sorted(models) == ["IntSliderModel", "LayoutModel", "OutputModel", "SliderStyleModel", "VBoxModel"]
    assert display["data"][WIDGET_VIEW] == {"model_id": models["VBoxModel"][0], "version_major": 2, "version_minor": 0}
    assert display["data"]["text/plain"].startswith("interact: blur(k: 1) (f ran once with these values; the controls need a front end")
    slider, output = models["IntSliderModel"][0], models["OutputModel"][0]

    messages = update(kc, slider, {"value": 5})
    kinds = [m["msg_type"] for m in messages]
    assert kinds[0] == "status" and kinds[-1] == "status", kinds
    echo = [m for m in messages if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == slider]
    assert echo[0]["content"]["data"] == {"method": "echo_update", "state": {"value": 5}, "buffer_paths": []}
    rendered = outputs_of(messages, output)
    assert rendered[0]["output_type"] == "display_data"
    expected = value_of(kc, "blur(5)")
    assert rendered[0]["data"]["text/plain"] == expected
    assert value_of(kc, "k.value") == "5"


def test_comm_info_lists_the_models_and_requests_restore_their_state(kernel):
    km, kc = kernel
    models, _ = show(kc, BLUR)
    every = {comm for ids in models.values() for comm in ids}
    reply = kc.comm_info(target_name="jupyter.widget", reply=True)["content"]
    assert set(reply["comms"]) == every
    assert all(info == {"target_name": "jupyter.widget"} for info in reply["comms"].values())
    assert kc.comm_info(target_name="other", reply=True)["content"]["comms"] == {}
    assert set(kc.comm_info(reply=True)["content"]["comms"]) == every

    slider = models["IntSliderModel"][0]
    update(kc, slider, {"value": 3})
    messages = until_idle(kc, send(kc, "comm_msg", {"comm_id": slider, "data": {"method": "request_state"}}))
    state = [m for m in messages if m["msg_type"] == "comm_msg"][0]["content"]["data"]
    assert state["method"] == "update" and state["state"]["value"] == 3 and state["state"]["max"] == 7

    # The page-reload path of ipywidgets 8: open the control comm, ask for every state.
    control = uuid.uuid4().hex
    opened = until_idle(kc, send(kc, "comm_open", {"comm_id": control, "target_name": "jupyter.widget.control",
                                                   "data": {}}))
    assert not [m for m in opened if m["msg_type"] == "comm_close"]
    messages = until_idle(kc, send(kc, "comm_msg", {"comm_id": control, "data": {"method": "request_states"}}))
    states = [m for m in messages if m["msg_type"] == "comm_msg"][0]["content"]["data"]
    assert states["method"] == "update_states" and set(states["states"]) == every
    assert states["states"][slider]["state"]["value"] == 3
    until_idle(kc, send(kc, "comm_close", {"comm_id": control, "data": {}}))


def test_unknown_targets_are_closed(kernel):
    km, kc = kernel
    messages = until_idle(kc, send(kc, "comm_open", {"comm_id": "x1", "target_name": "nosuch", "data": {}}))
    closes = [m["content"] for m in messages if m["msg_type"] == "comm_close"]
    assert closes == [{"comm_id": "x1", "data": {}}]


def test_bad_input_is_ignored_and_the_kernel_answers_with_its_state_intact(kernel):
    km, kc = kernel
    models, _ = show(kc, BLUR)
    slider, output = models["IntSliderModel"][0], models["OutputModel"][0]
    huge = "x" * (20 << 20)
    state = until_idle(kc, send(kc, "comm_msg", {"comm_id": output, "data": {"method": "request_state"}}))
    initial = outputs_of(state, output)
    bad = [
        ("comm_msg", {"comm_id": "no-such-comm", "data": {"method": "update", "state": {"value": 3}}}),
        ("comm_msg", {"data": {"method": "update"}}),
        ("comm_msg", {"comm_id": slider}),
        ("comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"value": "seven"}}}),
        ("comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"value": 99}}}),
        ("comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"value": [1, 2]}}}),
        ("comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"min": -5}}}),
        ("comm_msg", {"comm_id": slider, "data": {"method": "update", "state": "not an object"}}),
        ("comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"value": huge}}}),
        ("comm_msg", {"comm_id": output, "data": {"method": "update", "state": {"outputs": [huge]}}}),
        ("comm_msg", {"comm_id": slider, "data": {"method": 42}}),
        ("comm_close", {"comm_id": "no-such-comm", "data": {}}),
        ("comm_open", {"target_name": "jupyter.widget", "data": {}}),
        ("comm_open", {"comm_id": slider, "target_name": "jupyter.widget", "data": {}}),
    ]
    for msg_type, content in bad:
        messages = until_idle(kc, send(kc, msg_type, content))
        # A rejected update of the Output is answered with its outputs as they were.
        assert outputs_of(messages, output) in (None, initial), (msg_type, str(content)[:80])
        assert not [m for m in messages if m["msg_type"] == "error"]
    assert value_of(kc, "k.value") == "1"
    assert kc.kernel_info(reply=True)["content"]["status"] == "ok"
    assert set(kc.comm_info(reply=True)["content"]["comms"]) == {c for ids in models.values() for c in ids}
    # The slider still works after all that.
    assert outputs_of(update(kc, slider, {"value": 3}), output)[0]["data"]["text/plain"] == value_of(kc, "blur(3)")


def test_errors_show_in_the_output_with_their_caret_and_the_controls_stay_live(kernel):
    km, kc = kernel
    models, _ = show(kc, "fn pick(i) {\n    return [10, 20, 30][i]\n}\ninteract(pick, i: slider(0, 5))")
    slider, output = models["IntSliderModel"][0], models["OutputModel"][0]
    error = outputs_of(update(kc, slider, {"value": 4}), output)[0]
    assert error["output_type"] == "error" and error["ename"] == "IndexError"
    assert "2 |     return [10, 20, 30][i]" in error["traceback"]
    assert any("^" in line for line in error["traceback"])
    assert outputs_of(update(kc, slider, {"value": 2}), output)[0]["data"]["text/plain"] == "30"


def test_fast_updates_are_coalesced_and_the_last_value_is_rendered(kernel):
    km, kc = kernel
    # About 20 ms a render in a debug build: 100 updates sent at once would take 2 s one by one.
    models, _ = show(kc, "fn slow(k) {\n    total = 0\n    for i in arange(20000) { total += 1 }\n    return k\n}\n"
                         "interact(slow, k: slider(0, 1000))")
    slider, output = models["IntSliderModel"][0], models["OutputModel"][0]
    ids = [send(kc, "comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"value": v},
                                                            "buffer_paths": []}}) for v in range(1, 101)]
    renders = []
    last = None
    for msg_id in ids:
        for msg in until_idle(kc, msg_id):
            if msg["msg_type"] == "comm_msg" and msg["content"]["comm_id"] == output:
                renders.append(msg_id)
                last = msg["content"]["data"]["state"]["outputs"]
    assert last[0]["data"]["text/plain"] == "100"
    assert renders[-1] == ids[-1]
    assert len(renders) < 50, f"{len(renders)} renders for 100 queued updates"
    print(f"{len(renders)} renders for 100 queued updates")


def test_interrupt_stops_a_long_callback_and_the_kernel_goes_on(kernel):
    km, kc = kernel
    models, _ = show(kc, "fn slow(k) {\n    total = 0\n    if k > 0 { for i in arange(1000000) { for j in arange(1000) "
                         "{ total += 1 } } }\n    return k\n}\ninteract(slow, k: slider(0, 3))")
    slider, output = models["IntSliderModel"][0], models["OutputModel"][0]
    msg_id = send(kc, "comm_msg", {"comm_id": slider, "data": {"method": "update", "state": {"value": 1}}})
    time.sleep(0.5)
    started = time.monotonic()
    km.interrupt_kernel()
    messages = until_idle(kc, msg_id)
    elapsed = time.monotonic() - started
    error = outputs_of(messages, output)[0]
    assert error["output_type"] == "error" and error["ename"] == "Interrupted"
    assert elapsed < 2, elapsed
    assert value_of(kc, "1 + 1") == "2"
    assert outputs_of(update(kc, slider, {"value": 0}), output)[0]["data"]["text/plain"] == "0"


def test_restart_closes_every_comm(kernel):
    km, kc = kernel
    models, _ = show(kc, BLUR)
    every = {comm for ids in models.values() for comm in ids}
    msg_id = kc.shutdown(restart=True)
    closed = set()
    deadline = time.monotonic() + 10
    while closed != every and time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=10)
        if msg["msg_type"] == "comm_close" and msg["parent_header"].get("msg_id") == msg_id:
            closed.add(msg["content"]["comm_id"])
    assert closed == every


def test_animate_updates_one_display_in_place(kernel):
    km, kc = kernel
    reply, outputs = run_cell(kc, "fn square(i) = i * i\nanimate(square, frames: 4, interval_ms: 10)")
    assert reply["status"] == "ok"
    frames = [(m["msg_type"], m["content"]["data"]["text/plain"], m["content"]["transient"]["display_id"])
              for m in outputs if m["msg_type"] in ("display_data", "update_display_data")]
    assert [(kind, text) for kind, text, _ in frames] == [
        ("display_data", "0"), ("update_display_data", "1"), ("update_display_data", "4"), ("update_display_data", "9")]
    assert len({display for _, _, display in frames}) == 1


def test_receptive_run_shows_f_once_with_a_note(receptive_bin, tmp_path):
    import subprocess
    script = tmp_path / "interact.rcp"
    script.write_text("fn twice(k) = k * 2\ninteract(twice, k: slider(1, 7, value: 3))\n"
                      "fn square(i) = i * i\nanimate(square, frames: 4, interval_ms: 500)\n")
    started = time.monotonic()
    done = subprocess.run([receptive_bin, "run", str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ("interact: twice(k: 3) (f ran once with these values; the controls need a front end with Jupyter widgets)\n6\n9\n")
    assert time.monotonic() - started < 1.5, "receptive run prints the last frame without waiting between frames"


def test_jupyter_console_shows_f_once_with_a_note(venv_bin):
    import pexpect
    from conftest import KERNEL_NAME, leave_console
    console = pexpect.spawn(str(venv_bin / "jupyter"), ["console", "--kernel", KERNEL_NAME, "--simple-prompt"],
                            encoding="utf-8", timeout=60, dimensions=(40, 200))
    try:
        console.expect(r"In \[1\]: ")
        console.sendline("fn twice(k) = k * 2")
        console.expect(r"In \[2\]: ")
        console.sendline("interact(twice, k: slider(1, 7, value: 3))")
        console.expect(r"interact: twice\(k: 3\) \(f ran once with these values; the controls need a front end with Jupyter widgets\)")
        console.expect("6")
        console.expect(r"In \[3\]: ")
        leave_console(console)
    finally:
        console.close(force=True)


def test_interrupt_stops_an_animation_between_frames(kernel):
    km, kc = kernel
    msg_id = kc.execute("fn square(i) = i * i\nanimate(square, frames: 100, interval_ms: 1000)")
    time.sleep(1.5)
    started = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted"
    assert time.monotonic() - started < 2


def test_a_notebook_run_in_process_keeps_the_text_fallback(receptive_bin, tmp_path):
    import json
    import subprocess
    import nbformat
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {
        "name": "receptive", "display_name": "Receptive", "language": "receptive"}})
    notebook.cells = [nbformat.v4.new_code_cell("fn twice(k) = k * 2\ninteract(twice, k: slider(1, 7, value: 3))")]
    path = tmp_path / "interact.ipynb"
    nbformat.write(notebook, str(path))
    done = subprocess.run([receptive_bin, "run", str(path), "--save"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    outputs = json.loads(path.read_text())["cells"][0]["outputs"]
    assert [output["output_type"] for output in outputs] == ["display_data"]
    assert "".join(outputs[0]["data"]["text/plain"]) == (
        "interact: twice(k: 3) (f ran once with these values; the controls need a front end with Jupyter widgets)\n6")
    assert list(outputs[0]["data"]) == ["text/plain"], "no widget view without the widgets' models"

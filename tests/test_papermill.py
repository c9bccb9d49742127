"""papermill with Receptive notebooks. The translator lives in integrations/papermill, which
scripts/setup.sh installs into .venv; papermill finds it through the package's `papermill.engine`
entry point, loaded whenever papermill is imported. Values must arrive exactly: every float
read back from the kernel's shortest round-trip text must be the same Double."""
import math
import pathlib
import random
import struct
import subprocess
import sys

import nbformat
import papermill
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from conftest import KERNEL_NAME, ROOT, VENV_BIN

COURSE_NOTEBOOK = ROOT / "notebooks" / "00-tour.ipynb"
KERNELSPEC = {"name": KERNEL_NAME, "display_name": "Receptive", "language": "receptive"}


def papermill_cli(*args, cwd):
    return subprocess.run([str(VENV_BIN / "papermill"), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def test_installing_the_package_registers_the_translator_for_the_kernel_and_the_language():
    probe = ("from papermill.translators import papermill_translators as t\n"
             "print(t.find_translator('receptive', 'python').__name__, "
             "t.find_translator('a-custom-kernel-name', 'receptive').__name__)")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["ReceptiveTranslator", "ReceptiveTranslator"]
    import receptive_papermill.translator as installed
    source = ROOT / "integrations" / "papermill" / "receptive_papermill" / "translator.py"
    assert pathlib.Path(installed.__file__).read_text() == source.read_text(), \
        "the installed translator is not the repository's: run scripts/setup.sh"


def test_cli_runs_the_course_notebook_with_another_size(tmp_path):
    out = tmp_path / "out.ipynb"
    run = papermill_cli(COURSE_NOTEBOOK, out, "-p", "size", "9", cwd=COURSE_NOTEBOOK.parent)
    assert run.returncode == 0, run.stderr
    notebook = nbformat.read(out, as_version=4)
    tags = [cell.metadata.get("tags", []) for cell in notebook.cells]
    parameters = next(index for index, cell_tags in enumerate(tags) if "parameters" in cell_tags)
    injected = notebook.cells[parameters + 1]
    assert "injected-parameters" in injected.metadata["tags"]
    assert injected.source == "# Parameters\nsize = 9\n"
    letter = next(cell for cell in notebook.cells if cell.source.startswith('letter = image("letter", size: size)'))
    heatmap = letter.outputs[0]["data"]["text/plain"]
    assert heatmap.splitlines()[-1].split() == ["shape", "9×9", "shape", "9×8"], heatmap
    assert not [o for c in notebook.cells for o in c.get("outputs", []) if o["output_type"] == "error"]


def test_values_without_a_receptive_literal_are_refused_before_the_run(tmp_path):
    run = papermill_cli(COURSE_NOTEBOOK, tmp_path / "out.ipynb", "-y", "opts: {a: 1}", cwd=tmp_path)
    assert run.returncode != 0
    assert "parameter 'opts' is a dict; Receptive has no literal for a mapping" in run.stderr, run.stderr
    for parameters, message in [
        ({"grid": [[1, 2], [3]]}, "parameter 'grid' is ragged: element [1] has shape 1 but element [0] has shape 2"),
        ({"mixed": [1, [2]]}, "parameter 'mixed' is ragged: element [1] has shape 1 but element [0] has shape scalar"),
        ({"deep": [1, "a", [{"x": 1}]]}, "parameter 'deep', element [2][0], is a dict"),
        ({"if": 1}, "parameter 'if' is not a Receptive name"),
        ({"n": 2**53 + 1}, "parameter 'n' is the integer 9007199254740993, which no Double holds exactly"),
        ({"s": "a\r\nb"}, "parameter 's' contains a carriage return (U+000D) at index 1"),
        ({"when": object()}, "parameter 'when' has type object"),
    ]:
        with pytest.raises(papermill.PapermillException) as raised:
            papermill.execute_notebook(str(COURSE_NOTEBOOK), str(tmp_path / "out.ipynb"), parameters=parameters)
        assert message in str(raised.value)


def test_help_notebook_lists_the_parameters_cell():
    run = papermill_cli("--help-notebook", COURSE_NOTEBOOK, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "size: number (default 16)" in run.stdout


def _doubles():
    """Doubles from random bit patterns (every exponent, subnormals) and the awkward ones."""
    rng = random.Random(18)
    values = [0.1, 1 / 3, 1e-05, 1e16, 9.5e15, 2.0**53, 5e-324, 1.7976931348623157e308, -2.5e-7, 1e22]
    while len(values) < 200:
        value = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if math.isfinite(value):
            values.append(value)
    return values


STRINGS = ["", "plain", 'say "hi"', "back\\slash", "two\nlines\n", "tab\there", "émile × 🙂", "\x01 raw control",
           "# not a comment", "ends with backslash \\", "{braces} and $dollars"]


def test_api_round_trips_every_kind_of_value_exactly(tmp_path):
    parameters = {
        "doubles": _doubles(), "negative_zero": -0.0, "not_a_number": math.nan, "plus_infinity": math.inf,
        "minus_infinity": -math.inf, "big_integer": 2**60, "count": 7, "flag": True, "nothing": None,
        "grid": [[1.5, -2], [3, 4e-300]], "mixed": [1, "a", True, None, [2, 3]], "pair": (1, "x"), "single": ("y",),
        "empty": [], **{f"text{index}": text for index, text in enumerate(STRINGS)},
    }
    checks = [
        "for v in doubles { print(v) }", "print(1 / negative_zero)", "print(not_a_number, plus_infinity, minus_infinity)",
        "print(big_integer)", "print(count, flag, nothing)", "print(grid.shape)\nfor v in flatten(grid) { print(v) }",
        "print(mixed)", "print(pair, single)", "print(empty.shape)",
        *[f"print(text{index})" for index in range(len(STRINGS))],
    ]
    defaults = new_code_cell("doubles = []\ncount = 0", metadata={"tags": ["parameters"]})
    source = new_notebook(cells=[defaults, *map(new_code_cell, checks)],
                          metadata={"kernelspec": KERNELSPEC, "language_info": {"name": "receptive"}})
    nbformat.write(source, tmp_path / "in.ipynb")
    result = papermill.execute_notebook(str(tmp_path / "in.ipynb"), str(tmp_path / "out.ipynb"),
                                        parameters=parameters, engine_name="receptive")
    printed = ["".join(o["text"] for o in cell.outputs if o["output_type"] == "stream")
               for cell in result.cells if "injected-parameters" not in cell.metadata.get("tags", [])][1:]
    doubles = [float(line) for line in printed[0].splitlines()]
    assert [struct.pack("<d", v) for v in doubles] == [struct.pack("<d", v) for v in parameters["doubles"]]
    assert printed[1:9] == ["-inf\n", "nan inf -inf\n", "1.152921504606847e+18\n", "7 true none\n",
                            "[2, 2]\n1.5\n-2\n3\n4e-300\n", '[1, "a", true, none, tensor 2]\n', '(1, "x") ("y",)\n', "[0]\n"]
    assert float(printed[3]) == 2**60
    assert printed[9:] == [text + "\n" for text in STRINGS]

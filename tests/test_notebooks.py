"""Every notebook under notebooks/ is re-executed through the installed kernel (nbclient) and
each code cell's text outputs are compared with the outputs saved in the file, nbval-style.
A cell whose source contains the marker `# output varies` (timings) is run but its outputs are
not compared. A cell that is meant to fail carries nbclient's `raises-exception` tag. The same cells run as one `receptive run --mark-cells` script must print the same
text, so the command line and the kernel agree."""
import difflib
import pathlib
import subprocess

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import KERNEL_NAME, ROOT

VOLATILE_MARKER = "# output varies"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def output_text(output) -> str:
    kind = output["output_type"]
    if kind == "stream":
        return output["text"]
    if kind in ("execute_result", "display_data"):
        return output["data"].get("text/plain", "") + "\n"
    if kind == "error":
        return f"{output['ename']}: {output['evalue']}\n"
    return ""


def cell_texts(notebook):
    return [("".join(output_text(o) for o in cell.outputs), VOLATILE_MARKER in cell.source)
            for cell in notebook.cells if cell.cell_type == "code"]


def diff(expected: str, actual: str, label: str) -> str:
    return "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        f"{label} (saved)", f"{label} (now)"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_outputs_are_reproduced_by_the_kernel(path):
    saved = nbformat.read(path, as_version=4)
    fresh = nbformat.read(path, as_version=4)
    NotebookClient(fresh, kernel_name=KERNEL_NAME, timeout=300,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    problems = []
    for index, ((expected, volatile), (actual, _)) in enumerate(zip(cell_texts(saved), cell_texts(fresh))):
        if not expected:
            problems.append(f"code cell {index} has no saved output")
        elif "Error: " in actual and "Error: " not in expected:
            problems.append(f"code cell {index} failed:\n{actual}")
        elif not volatile and expected != actual:
            problems.append(diff(expected, actual, f"{path.name} code cell {index}"))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_receptive_run_prints_what_the_notebook_shows(path, receptive_bin, tmp_path):
    notebook = nbformat.read(path, as_version=4)
    cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    script = tmp_path / (path.stem + ".rcp")
    script.write_text("".join(f"# %%\n{cell.source}\n" for cell in cells))
    run = subprocess.run([receptive_bin, "run", "--mark-cells", str(script)], cwd=path.parent,
                         capture_output=True, text=True, timeout=300)
    expects_error = any(o["output_type"] == "error" for c in cells for o in c.outputs)
    assert run.returncode == (1 if expects_error else 0), run.stderr
    printed = run.stdout.split("# %%\n")[1:]
    assert len(printed) == len(cells), run.stdout
    for index, (cell_output, (expected, volatile)) in enumerate(zip(printed, cell_texts(notebook))):
        if not volatile:
            assert cell_output == expected, diff(expected, cell_output, f"{path.name} cell {index} via run")

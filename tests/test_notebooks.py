"""Every notebook under notebooks/ is re-executed through the installed kernel (nbclient) and
each code cell's text outputs are compared with the outputs saved in the file, with nbval's
markers read by nbval's own functions: a cell with the comment line `# NBVAL_IGNORE_OUTPUT` (or
the tag `nbval-ignore-output`) is run but not compared, `# NBVAL_SKIP` (`nbval-skip`) is not
run, and a cell meant to fail carries the tag `raises-exception` (which nbclient and papermill
honour too). `receptive run NOTEBOOK --check` must agree, and so must the same cells run as one
`receptive run --mark-cells` script. CI also runs `pytest --nbval notebooks/` itself
(scripts/test.sh); test_notebook_tools.py checks that nbval fails when it should."""
import difflib
import subprocess
from collections import defaultdict

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import KERNEL_NAME, ROOT, nbval_markers

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def output_text(output) -> str:
    """What is compared (as `receptive run --check` compares it): streams as written, a
    display's or result's text/plain on its own line, an error as `Kind: message`. An empty
    display (a finished progress bar) shows nothing."""
    kind = output["output_type"]
    if kind == "stream":
        return output["text"]
    if kind in ("execute_result", "display_data"):
        text = output["data"].get("text/plain", "")
        return text + "\n" if text else ""
    if kind == "error":
        return f"{output['ename']}: {output['evalue']}\n"
    return ""


def code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def cell_text(cell) -> str:
    return "".join(output_text(output) for output in cell.outputs)


def diff(expected: str, actual: str, label: str) -> str:
    return "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        f"{label} (saved)", f"{label} (now)"))


class RecordingClient(NotebookClient):
    """nbclient, noting which message types each cell's execution published."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.message_types = defaultdict(set)

    def process_message(self, msg, cell, cell_index):
        self.message_types[cell_index].add(msg["msg_type"])
        return super().process_message(msg, cell, cell_index)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_outputs_are_reproduced_by_the_kernel(path):
    saved = nbformat.read(path, as_version=4)
    fresh = nbformat.read(path, as_version=4)
    for cell in code_cells(fresh):
        if nbval_markers(cell)["skip"]:
            cell.source = ""  # nbclient does not run a blank cell
    client = RecordingClient(fresh, kernel_name=KERNEL_NAME, timeout=300,
                             resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    problems = []
    for index, (old, new) in enumerate(zip(code_cells(saved), code_cells(fresh))):
        options = nbval_markers(old)
        expected, actual = cell_text(old), cell_text(new)
        position = saved.cells.index(old)
        if options["skip"]:
            continue
        if old.execution_count is None:
            problems.append(f"code cell {index} was never run in the saved notebook: save it with its outputs")
        elif "Error: " in actual and "Error: " not in expected:
            problems.append(f"code cell {index} failed:\n{actual}")
        elif options["check"] and expected != actual:
            problems.append(diff(expected, actual, f"{path.name} code cell {index}"))
        # nbval compares a cell's outputs as first published: a display updated in place or a
        # cleared output would differ from the saved (final) one, so such cells must not be compared.
        updated = client.message_types[position] & {"update_display_data", "clear_output"}
        if options["check"] and updated:
            problems.append(f"code cell {index} sends {', '.join(sorted(updated))}, which nbval does not apply: "
                            "mark it with a `# NBVAL_IGNORE_OUTPUT` line")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_receptive_run_check_agrees(path, receptive_bin):
    run = subprocess.run([receptive_bin, "run", str(path), "--check"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "all outputs match" in run.stdout


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_receptive_run_prints_what_the_notebook_shows(path, receptive_bin, tmp_path):
    notebook = nbformat.read(path, as_version=4)
    cells = [cell for cell in code_cells(notebook) if not nbval_markers(cell)["skip"]]
    script = tmp_path / (path.stem + ".rcp")
    script.write_text("".join(f"# %%\n{cell.source}\n" for cell in cells))
    run = subprocess.run([receptive_bin, "run", "--mark-cells", str(script)], cwd=path.parent,
                         capture_output=True, text=True, timeout=300)
    expects_error = any(o["output_type"] == "error" for c in cells for o in c.outputs)
    assert run.returncode == (1 if expects_error else 0), run.stderr
    printed = run.stdout.split("# %%\n")[1:]
    assert len(printed) == len(cells), run.stdout
    for index, (cell_output, cell) in enumerate(zip(printed, cells)):
        if nbval_markers(cell)["check"]:
            expected = cell_text(cell)
            assert cell_output == expected, diff(expected, cell_output, f"{path.name} cell {index} via run")

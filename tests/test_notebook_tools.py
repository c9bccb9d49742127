"""`receptive run NOTEBOOK --save` writes what Jupyter writes, and nbval and `receptive run
--check` agree on what passes: the same markers, the same failures.

A notebook made here is saved by `receptive run --save`; the file must be valid nbformat 4, be
byte for byte what nbformat writes for it, and hold the outputs nbclient stores when it runs the
same notebook through the kernel. nbval (`pytest --nbval`, no other flags) must pass on it, fail
when an unmarked cell's saved output is changed, and pass when the changed cell carries
`# NBVAL_IGNORE_OUTPUT` or the tag nbval-ignore-output, or when a failing cell is NBVAL_SKIP."""
import os
import subprocess
import sys

from xml.etree import ElementTree

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conftest import KERNEL_NAME, ROOT

CELLS = [
    ('print("two", 1 + 1)\nshow([1, 2])\nwarn("careful")\n3 * 7', []),
    ("undefined_name + 1", ["raises-exception"]),
    ("# NBVAL_IGNORE_OUTPUT\nprint(\"differs from run to run\")", []),
    ('# NBVAL_IGNORE_OUTPUT\nprint("gone")\nclear()\nprint("kept")\nheatmap([[0, 1], [1, 0]])', []),
    ("   ", []),
    ("x = 5", []),
    ('y = "é×🙂\\t\\"q\\""\nprint(y, x / 3)\ny', []),
]


def make_notebook(path):
    cells = [new_markdown_cell("# A notebook made by a test")]
    cells += [new_code_cell(source, metadata={"tags": tags} if tags else {}) for source, tags in CELLS]
    notebook = new_notebook(cells=cells, metadata={"kernelspec": {"name": KERNEL_NAME, "display_name": "Receptive",
                                                                  "language": "receptive"}})
    nbformat.write(notebook, path)


@pytest.fixture()
def saved(receptive_bin, tmp_path):
    path = tmp_path / "made.ipynb"
    make_notebook(path)
    run = subprocess.run([receptive_bin, "run", str(path), "--save"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    return path


def nbval(paths) -> dict:
    """Runs `pytest --nbval` once over the notebooks (a pytest start costs seconds) and returns
    each notebook's failed cells, read from the JUnit report."""
    report = paths[0].parent / "nbval.xml"
    run = subprocess.run([sys.executable, "-m", "pytest", "--nbval", "-p", "no:cacheprovider", "-q",
                          f"--junitxml={report}", *map(str, paths)],
                         cwd=paths[0].parent, capture_output=True, text=True, timeout=300)
    failed = {path.name: [] for path in paths}
    for case in ElementTree.parse(report).iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            notebook = case.get("classname", "").split(".")[0] + ".ipynb"
            failed[notebook].append(f"{case.get('name')}: {case.find('failure') if case.find('failure') is not None else case.find('error')}")
    assert run.returncode in (0, 1), run.stdout + run.stderr
    return failed


def check(receptive_bin, path):
    return subprocess.run([receptive_bin, "run", str(path), "--check"], capture_output=True, text=True, timeout=120)


def test_save_writes_valid_nbformat_exactly_as_jupyter_would(saved, tmp_path):
    text = saved.read_text(encoding="utf-8")
    notebook = nbformat.read(saved, as_version=4)
    nbformat.validate(notebook)
    assert nbformat.writes(notebook) + "\n" == text

    reference = nbformat.read(saved, as_version=4)
    for cell in reference.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    NotebookClient(reference, kernel_name=KERNEL_NAME, timeout=120, allow_errors=True, record_timing=False,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert [c.get("outputs") for c in notebook.cells] == [c.get("outputs") for c in reference.cells]
    assert [c.get("execution_count") for c in notebook.cells] == [c.get("execution_count") for c in reference.cells]
    assert notebook.metadata.language_info == reference.metadata.language_info
    kept = notebook.cells[4]
    assert [o["output_type"] for o in kept.outputs] == ["stream", "execute_result"] and kept.outputs[0]["text"] == "kept\n"


def test_nbval_and_check_pass_fail_and_honour_the_same_markers(saved, receptive_bin, tmp_path):
    def variant(name, change):
        notebook = nbformat.read(saved, as_version=4)
        change([cell for cell in notebook.cells if cell.cell_type == "code"])
        path = tmp_path / f"{name}.ipynb"
        nbformat.write(notebook, path)
        return path

    def corrupt(cell):
        cell.outputs[0]["text"] = cell.outputs[0]["text"].replace("two 2", "two 3")

    def commented(cells):
        corrupt(cells[0])
        cells[0].source = "# NBVAL_IGNORE_OUTPUT\n" + cells[0].source

    def tagged(cells):
        corrupt(cells[0])
        cells[0].metadata["tags"] = ["nbval-ignore-output"]

    def skipped(cells):  # x = 5 is never run, so the next cell must not need x
        cells[5].source = "# NBVAL_SKIP\nthis_fails()\n" + cells[5].source
        cells[6].source = cells[6].source.replace("x / 3", "3")
        cells[6].outputs[0]["text"] = cells[6].outputs[0]["text"].replace("1.6666666666666667", "3")

    def unmarked(cells):  # clears its output: nbval compares what was first published ("gone")
        cells[3].source = cells[3].source.split("\n", 1)[1]

    passing = [saved] + [variant(name, change) for name, change in
                         [("commented", commented), ("tagged", tagged), ("skipped", skipped)]]
    changed = variant("changed", lambda cells: corrupt(cells[0]))
    cleared = variant("cleared", unmarked)
    failed = nbval([*passing, changed, cleared])

    for path in passing:
        assert failed[path.name] == [], failed[path.name]
        assert (result := check(receptive_bin, path)).returncode == 0, (path.name, result.stdout)
    assert len(failed["changed.ipynb"]) == 1 and "Cell 0" in failed["changed.ipynb"][0]
    result = check(receptive_bin, changed)
    assert result.returncode == 1 and "-two 3\n+two 2\n" in result.stdout, result.stdout
    assert len(failed["cleared.ipynb"]) == 1 and "Cell 3" in failed["cleared.ipynb"][0]
    result = check(receptive_bin, cleared)
    assert result.returncode == 1 and "clears or updates its output in place" in result.stdout, result.stdout


def test_run_explains_what_it_cannot_run(receptive_bin, tmp_path):
    python = tmp_path / "python.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("import os")],
                                metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                          "language": "python"}}), python)
    for args, status, message in [
        ([str(tmp_path / "absent.ipynb")], 2, "cannot read '" + str(tmp_path / "absent.ipynb") + "': no such file"),
        ([str(python), "--check"], 2, "its kernel's language is 'python', not Receptive"),
        ([str(tmp_path / "script.rcp"), "--save"], 64, "--check and --save take a notebook (.ipynb)"),
        ([str(python), "--check", "--save"], 64, "choose one of --check and --save"),
    ]:
        run = subprocess.run([receptive_bin, "run", *args], capture_output=True, text=True, timeout=60)
        assert run.returncode == status and message in run.stderr, (args, run.returncode, run.stderr)


def test_a_notebook_run_draws_as_the_kernel_does_whatever_the_locale(receptive_bin):
    env = {key: value for key, value in os.environ.items() if key not in ("RECEPTIVE_CHARSET", "LC_ALL", "LC_CTYPE")}
    run = subprocess.run([receptive_bin, "run", str(ROOT / "notebooks" / "00-tour.ipynb"), "--check"],
                         capture_output=True, text=True, timeout=120, env={**env, "LANG": "C"})
    assert run.returncode == 0 and "all outputs match" in run.stdout, run.stdout

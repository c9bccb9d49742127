"""Real front ends: jupyter console in a pseudo-terminal, nbclient on a notebook, the
kernelspec in `jupyter kernelspec list`, and the command line's error handling."""
import json
import subprocess

import nbformat
import pexpect
from nbclient import NotebookClient

from conftest import KERNEL_NAME, leave_console


def test_kernelspec_is_listed(venv_bin):
    listing = subprocess.run([str(venv_bin / "jupyter"), "kernelspec", "list", "--json"],
                             check=True, capture_output=True, text=True).stdout
    spec = json.loads(listing)["kernelspecs"][KERNEL_NAME]["spec"]
    assert spec["display_name"] == "Receptive"
    assert spec["language"] == "receptive"
    assert spec["interrupt_mode"] == "message"


def test_jupyter_console_runs_a_cell(venv_bin):
    console = pexpect.spawn(str(venv_bin / "jupyter"),
                            ["console", "--kernel", KERNEL_NAME, "--simple-prompt"],
                            encoding="utf-8", timeout=60, dimensions=(40, 120))
    try:
        console.expect(r"In \[1\]: ")
        console.sendline("6 * 7")
        console.expect(r"Out\[1\]: 42")
        console.expect(r"In \[2\]: ")
        console.sendline('print("from the console")')
        console.expect("from the console")
        console.expect(r"In \[3\]: ")
        leave_console(console)
    finally:
        console.close(force=True)


def test_nbclient_executes_a_notebook():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("x = [1, 2, 3]"),
        nbformat.v4.new_code_cell("x * 2"),
        nbformat.v4.new_code_cell('print("sum", sum(x))'),
    ]
    NotebookClient(notebook, kernel_name=KERNEL_NAME, timeout=60).execute()
    doubled = notebook.cells[1].outputs[0]
    assert doubled["output_type"] == "execute_result"
    assert "2" in doubled["data"]["text/plain"] and "6" in doubled["data"]["text/plain"]
    printed = notebook.cells[2].outputs[0]
    assert printed["output_type"] == "stream" and printed["text"] == "sum 6\n"


def test_bad_connection_file_exits_2_with_one_line(receptive_bin, tmp_path):
    missing = subprocess.run([receptive_bin, "kernel", "-f", str(tmp_path / "missing.json")],
                             capture_output=True, text=True, timeout=30)
    assert missing.returncode == 2
    assert len(missing.stderr.strip().splitlines()) == 1
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")
    malformed = subprocess.run([receptive_bin, "kernel", "--connection-file", str(broken)],
                               capture_output=True, text=True, timeout=30)
    assert malformed.returncode == 2
    assert len(malformed.stderr.strip().splitlines()) == 1

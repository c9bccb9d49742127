"""Shared set-up for the integration tests: they drive the built `receptive` binary from real
Jupyter clients. The kernelspec is installed into a throwaway prefix and found through
JUPYTER_PATH, so the tests never touch the user's own Jupyter directories."""
import atexit
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

import pytest
from nbval.plugin import find_comment_markers, find_metadata_tags

ROOT = pathlib.Path(__file__).resolve().parents[1]
RECEPTIVE = os.environ.get("RECEPTIVE_BIN") or str(ROOT / ".build" / "debug" / "receptive")
VENV_BIN = pathlib.Path(sys.executable).parent
KERNEL_NAME = "receptive"

_scratch = tempfile.mkdtemp(prefix="receptive-tests-")
atexit.register(shutil.rmtree, _scratch, ignore_errors=True)
subprocess.run([RECEPTIVE, "install", "--prefix", _scratch, "--name", KERNEL_NAME],
               check=True, capture_output=True, text=True)
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    [os.path.join(_scratch, "share", "jupyter"), os.environ.get("JUPYTER_PATH", "")]).rstrip(os.pathsep)
os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(_scratch, "runtime")
os.environ["JUPYTER_DATA_DIR"] = os.path.join(_scratch, "data")
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
# The tests compare Unicode pictures, and `receptive run` draws ASCII when the locale is not
# UTF-8 (as on a CI machine with LANG unset); test_charset.py removes this to test that rule.
os.environ["RECEPTIVE_CHARSET"] = "unicode"


@pytest.fixture(scope="session")
def receptive_bin() -> str:
    return RECEPTIVE


@pytest.fixture(scope="session")
def venv_bin() -> pathlib.Path:
    return VENV_BIN


@pytest.fixture()
def kernel():
    """A started kernel and a ready blocking client; shut down afterwards."""
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=30)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def run_cell(kc, code: str, timeout: float = 30, **kwargs):
    """Executes `code`, returning (reply content, list of iopub messages for it)."""
    outputs = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append, **kwargs)
    return reply["content"], outputs


def texts(outputs, msg_type: str):
    """The text/plain (or stream text) of every iopub message of one type."""
    found = []
    for msg in outputs:
        if msg["msg_type"] != msg_type:
            continue
        content = msg["content"]
        found.append(content["text"] if msg_type == "stream" else content["data"]["text/plain"])
    return found


def leave_console(console) -> None:
    """Ends a jupyter console session in a pseudo-terminal as a user does: end of input at the
    prompt, then "y" to its exit question."""
    import pexpect
    console.sendeof()
    console.expect(r"exit \(\[y\]/n\)\? ")
    console.sendline("y")
    console.expect(pexpect.EOF, timeout=30)


def nbval_markers(cell) -> dict:
    """nbval's options for a notebook cell, read by nbval's own functions: 'check', 'skip',
    'check_exception' (comment lines such as `# NBVAL_IGNORE_OUTPUT` override tags)."""
    options = {"check": True, "skip": False, "check_exception": False}
    options.update(dict(find_metadata_tags(cell.metadata)))
    options.update(dict(find_comment_markers(cell.source)))
    return options

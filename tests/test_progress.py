"""Progress bars: display_data + update_display_data in Jupyter, stderr only on a terminal."""
import os
import subprocess
import time

import pexpect
import pytest
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME, RECEPTIVE, run_cell

# Long enough (about a second in a debug build) to draw and redraw once the delay is zero.
LONG_TIMEIT = """x = zeros(1, 8, 128, 128)
w = zeros(8, 8, 3, 3)
fn work() = conv2d(x, w)
timeit(work, repeat: 5).repeat"""


@pytest.fixture()
def eager_kernel(monkeypatch):
    """A kernel whose progress bars appear at once (RECEPTIVE_PROGRESS_DELAY_MS=0)."""
    monkeypatch.setenv("RECEPTIVE_PROGRESS_DELAY_MS", "0")
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=30)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_long_timeit_displays_then_updates_one_progress_display(eager_kernel):
    _, kc = eager_kernel
    reply, outputs = run_cell(kc, LONG_TIMEIT, timeout=120)
    assert reply["status"] == "ok"
    shown = [m for m in outputs if m["msg_type"] == "display_data"]
    updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
    assert len(shown) == 1 and updates
    display_id = shown[0]["content"]["transient"]["display_id"]
    assert shown[0]["content"]["data"]["text/plain"].startswith("timeit ")
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    assert updates[-1]["content"]["data"]["text/plain"] == ""
    assert outputs.index(shown[0]) < outputs.index(updates[0])


def test_interrupt_stops_work_while_the_bar_shows_and_clears_it(eager_kernel):
    km, kc = eager_kernel
    msg_id = kc.execute(LONG_TIMEIT.replace("repeat: 5", "repeat: 10000"))
    outputs = []
    while not any(m["msg_type"] == "display_data" for m in outputs):
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") == msg_id:
            outputs.append(msg)
    started = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    assert time.monotonic() - started < 5
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        outputs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    display_id = outputs[[m["msg_type"] for m in outputs].index("display_data")]["content"]["transient"]["display_id"]
    cleared = [m for m in outputs if m["msg_type"] == "update_display_data"
               and m["content"]["transient"]["display_id"] == display_id
               and m["content"]["data"]["text/plain"] == ""]
    assert cleared


def test_fast_cell_shows_no_progress_by_default(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "fn work() = 1 + 1\ntimeit(work, repeat: 3).repeat")
    assert reply["status"] == "ok"
    assert not [m for m in outputs if m["msg_type"] in ("display_data", "update_display_data")]


def script(tmp_path):
    path = tmp_path / "long.rcp"
    path.write_text(LONG_TIMEIT.replace("timeit(work, repeat: 5).repeat", "print(timeit(work, repeat: 5).repeat)") + "\n")
    return str(path)


def test_run_keeps_piped_stderr_free_of_progress(tmp_path):
    env = dict(os.environ, RECEPTIVE_PROGRESS_DELAY_MS="0")
    done = subprocess.run([RECEPTIVE, "run", script(tmp_path)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert done.stdout.strip() == "5"
    assert done.stderr == ""


def test_run_draws_and_erases_the_bar_on_a_terminal(tmp_path):
    env = dict(os.environ, RECEPTIVE_PROGRESS_DELAY_MS="0")
    child = pexpect.spawn(RECEPTIVE, ["run", script(tmp_path)], env=env, encoding="utf-8", timeout=120)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "\rtimeit " in child.before
    assert "\r\x1b[K" in child.before

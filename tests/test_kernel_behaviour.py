"""The kernel's behaviour seen from jupyter_client: results, errors with carets, state kept
across cells, stop-on-error, stdin, interrupt, restart and shutdown."""
import queue
import threading
import time

from jupyter_client.manager import KernelManager

from conftest import KERNEL_NAME, run_cell, texts


def test_state_persists_and_results_render(kernel):
    _, kc = kernel
    reply, _ = run_cell(kc, "x = 20\nfn twice(a) = a * 2")
    assert reply["status"] == "ok"
    reply, outputs = run_cell(kc, "twice(x) + 2")
    assert reply["status"] == "ok"
    assert texts(outputs, "execute_result") == ["42"]
    assert reply["execution_count"] == 2


def test_error_reports_kind_message_and_caret(kernel):
    _, kc = kernel
    run_cell(kc, "signal = 1")
    reply, outputs = run_cell(kc, "y = 1\nsignl + 1")
    assert reply["status"] == "error"
    assert reply["ename"] == "NameError"
    assert "signal" in reply["evalue"]  # suggests the nearest defined name
    errors = [m for m in outputs if m["msg_type"] == "error"]
    assert len(errors) == 1
    traceback = "\n".join(errors[0]["content"]["traceback"])
    assert "signl + 1" in traceback and "^" in traceback
    reply, outputs = run_cell(kc, "y")  # assignments before the error remain
    assert texts(outputs, "execute_result") == ["1"]


def test_tensor_result_carries_text_and_html(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "[[1, 2], [3, 4]] * 2")
    assert reply["status"] == "ok"
    result = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]
    assert "2×2" in result["text/plain"] and "8" in result["text/plain"]
    assert result["text/html"].startswith("<")


def test_stop_on_error_aborts_queued_requests(kernel):
    _, kc = kernel
    first = kc.execute("missing_name")
    second = kc.execute("after = 1")
    replies = {}
    while len(replies) < 2:
        msg = kc.get_shell_msg(timeout=30)
        replies[msg["parent_header"]["msg_id"]] = msg["content"]
    assert replies[first]["status"] == "error"
    assert replies[second]["status"] == "error"
    reply, _ = run_cell(kc, "after")
    assert reply["status"] == "error" and reply["ename"] == "NameError"


def test_input_request_round_trip(kernel):
    _, kc = kernel
    msg_id = kc.execute('name = input("Who are you? ")\nprint("hello", name)', allow_stdin=True)
    request = kc.get_stdin_msg(timeout=30)
    assert request["msg_type"] == "input_request"
    assert request["content"]["prompt"] == "Who are you? "
    kc.input("Ada")
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "ok"
    reply, outputs = run_cell(kc, "name")
    assert texts(outputs, "execute_result") == ['"Ada"']


def test_interrupt_stops_a_long_loop_and_keeps_state(kernel):
    km, kc = kernel
    run_cell(kc, "kept = 7")
    msg_id = kc.execute("total = 0\nfor i in arange(1000000) { for j in arange(1000) { total += 1 } }")
    busy_seen = threading.Event()

    def wait_busy():
        while True:
            msg = kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                busy_seen.set()
                return

    wait_busy()
    time.sleep(0.3)
    started = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    elapsed = time.monotonic() - started
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    assert elapsed < 5, f"interrupt took {elapsed:.2f}s"
    reply, outputs = run_cell(kc, "kept")
    assert texts(outputs, "execute_result") == ["7"], (reply, outputs)


def test_restart_gives_a_fresh_state():
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=30)
        run_cell(kc, "remembered = 1")
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=30)
        reply, _ = run_cell(kc, "remembered")
        assert reply["status"] == "error" and reply["ename"] == "NameError"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    assert not km.is_alive()


def test_kernel_info_is_answered_on_control_while_a_cell_runs(kernel):
    km, kc = kernel
    msg_id = kc.execute("spin = 0\nfor i in arange(1000000) { for j in arange(1000) { spin += 1 } }")
    time.sleep(0.5)
    info = kc.session.msg("kernel_info_request")
    kc.control_channel.send(info)
    reply = kc.control_channel.get_msg(timeout=10)
    assert reply["msg_type"] == "kernel_info_reply"
    assert reply["content"]["language_info"]["name"] == "receptive"
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id

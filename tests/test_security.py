"""Messages that are not signed with the connection key are dropped and never run."""
import time

import zmq
from jupyter_client.session import Session

from conftest import run_cell


def _send_raw(kc, key: bytes, code: str):
    forger = Session(key=key, username="mallory")
    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"tcp://{kc.ip}:{kc.shell_port}")
    message = forger.msg("execute_request", content={
        "code": code, "silent": False, "store_history": True, "user_expressions": {},
        "allow_stdin": False, "stop_on_error": True})
    forger.send(socket, message)
    return socket


def test_forged_signature_gets_no_reply_and_runs_nothing(kernel):
    _, kc = kernel
    socket = _send_raw(kc, b"not-the-key", "forged = 1")
    assert socket.poll(timeout=1500) == 0, "the kernel answered a forged message"
    socket.close()
    reply, _ = run_cell(kc, "forged")
    assert reply["status"] == "error" and reply["ename"] == "NameError"


def test_garbage_frames_do_not_kill_the_kernel(kernel):
    _, kc = kernel
    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"tcp://{kc.ip}:{kc.shell_port}")
    for frames in ([b"junk"], [b"<IDS|MSG>"], [b"<IDS|MSG>", b"sig", b"{", b"}", b"{}", b"{}"],
                   [b"<IDS|MSG>", b"", b"not json", b"{}", b"{}", b"{}"]):
        socket.send_multipart(frames)
    time.sleep(0.5)
    socket.close()
    reply, outputs = run_cell(kc, "1 + 1")
    assert reply["status"] == "ok"

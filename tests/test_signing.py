"""Signing policy: unknown schemes refuse to start, an empty key is warned about, replayed
messages are dropped."""
import json
import subprocess

from conftest import run_cell
from kernel_process import KernelProcess


def test_unknown_signature_scheme_exits_2_with_one_line(receptive_bin, tmp_path):
    connection = {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004,
                  "hb_port": 5005, "ip": "127.0.0.1", "key": "", "transport": "tcp",
                  "signature_scheme": "hmac-md5"}
    path = tmp_path / "kernel.json"
    path.write_text(json.dumps(connection))
    result = subprocess.run([receptive_bin, "kernel", "-f", str(path)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "expected signature_scheme 'hmac-sha256', found 'hmac-md5'" in lines[0], result.stderr


def test_empty_key_runs_unsigned_but_warns(receptive_bin, tmp_path):
    with KernelProcess(receptive_bin, tmp_path, key=b"") as kernel:
        kc = kernel.client()
        try:
            reply, _ = run_cell(kc, "1 + 2")
            assert reply["status"] == "ok"
        finally:
            kc.stop_channels()
        stderr = kernel.stderr()
    assert b"empty key" in stderr and b"not signed" in stderr, stderr


def test_a_replayed_request_is_dropped(receptive_bin, tmp_path):
    with KernelProcess(receptive_bin, tmp_path) as kernel:
        kc = kernel.client()
        try:
            session = kernel.session()
            socket = kernel.dealer("shell")
            message = session.msg("execute_request", content={
                "code": "replayed = 1", "silent": False, "store_history": True, "user_expressions": {},
                "allow_stdin": False, "stop_on_error": True})
            frames = session.serialize(message)
            socket.send_multipart(frames)
            assert socket.poll(timeout=10000), "the kernel did not answer the original request"
            socket.recv_multipart()
            socket.send_multipart(frames)
            assert socket.poll(timeout=1500) == 0, "the kernel answered a replayed request"
            socket.close()
            reply, _ = run_cell(kc, "replayed")
            assert reply["status"] == "ok"
        finally:
            kc.stop_channels()

"""Helpers for the tests that run Jupyter servers on loopback (Kernel Gateway, JupyterHub,
Enterprise Gateway): free ports, waiting for HTTP, running cells over the Jupyter websocket
protocol, and stopping exactly the processes a test started, by their ids."""
import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timezone

import websocket

# Runs long enough (about 10 s in a debug build, 10^9 additions checking for an interrupt at each
# step) that a test can interrupt it.
LONG_CELL = "total = 0\nfor i in arange(1000000) { for j in arange(1000) { total += 1 } }"


def free_port() -> int:
    """A TCP port nothing listens on at 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(url: str, method: str = "GET", body=None, token: str | None = None, timeout: float = 30):
    """(status, parsed JSON or None) of an HTTP request; HTTP errors are returned, not raised."""
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"token {token}"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            text = response.read()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, None


def wait_for(url: str, process: subprocess.Popen, log_path, token: str | None = None, timeout: float = 60,
             status: int | None = None):
    """Waits until `url` answers (with `status`, when given); fails with the server's log if it died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}:\n{read_log(log_path)}")
        try:
            answered = request(url, token=token, timeout=2)[0]
            if status is None or answered == status:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout} s:\n{read_log(log_path)}")


def read_log(path) -> str:
    with contextlib.suppress(OSError):
        return open(path, encoding="utf-8", errors="replace").read()[-6000:]
    return ""


def stop(process: subprocess.Popen, timeout: float = 20):
    """SIGTERM to this process alone, then SIGKILL if it has not exited in time."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError):
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    return True


def wait_gone(pid: int, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(pid):
            return True
        time.sleep(0.1)
    return False


class KernelSocket:
    """A kernel's `/api/kernels/ID/channels` websocket, speaking the JSON message format."""

    def __init__(self, url: str, token: str | None = None, timeout: float = 30):
        headers = [f"Authorization: token {token}"] if token else []
        self.ws = websocket.create_connection(url, header=headers, timeout=timeout)
        self.session = uuid.uuid4().hex

    def close(self):
        self.ws.close()

    def send(self, msg_type: str, content: dict, channel: str = "shell") -> str:
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": self.session, "msg_type": msg_type,
                       "version": "5.3", "date": datetime.now(timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": [],
        }))
        return msg_id

    def execute(self, code: str, timeout: float = 60) -> dict:
        """Runs a cell; returns {"status", "ename", "stdout", "results", "errors"} once the reply
        and the kernel's idle status have both arrived."""
        msg_id = self.send("execute_request", {"code": code, "silent": False, "store_history": True,
                                               "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        return self.collect(msg_id, timeout)

    def collect(self, msg_id: str, timeout: float = 60) -> dict:
        found = {"status": None, "ename": None, "stdout": "", "results": [], "errors": []}
        idle = False
        deadline = time.monotonic() + timeout
        while found["status"] is None or not idle:
            self.ws.settimeout(max(0.1, deadline - time.monotonic()))
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "execute_reply":
                found["status"], found["ename"] = content["status"], content.get("ename")
            elif kind == "status":
                idle = content["execution_state"] == "idle"
            elif kind == "stream" and content["name"] == "stdout":
                found["stdout"] += content["text"]
            elif kind in ("execute_result", "display_data"):
                found["results"].append(content["data"]["text/plain"])
            elif kind == "error":
                found["errors"].append(f"{content['ename']}: {content['evalue']}")
        return found

"""A kernel started directly from a connection file the test writes, for the hardening tests
that need control over the file (transport, key, scheme) or over the process (signals)."""
import json
import os
import subprocess
import time

import zmq
from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.session import Session


class KernelProcess:
    """A `receptive kernel` process with its connection info; a context manager that kills it."""

    def __init__(self, receptive_bin, directory, extra_args=(), **connection):
        connection.setdefault("key", b"hardening-key")
        self.path = os.path.join(str(directory), "kernel.json")
        self.path, self.info = write_connection_file(self.path, **connection)
        with open(self.path) as handle:
            self.info = json.load(handle)
        # stderr goes to a file, not a pipe: a kernel logging thousands of dropped messages
        # would block on a full pipe that nobody reads.
        self.stderr_path = os.path.join(str(directory), "kernel-stderr.log")
        with open(self.stderr_path, "wb") as stderr:
            self.process = subprocess.Popen([receptive_bin, "kernel", "-f", self.path, *extra_args],
                                            stdout=subprocess.DEVNULL, stderr=stderr)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)

    def stderr(self) -> bytes:
        """What the kernel wrote to stderr so far."""
        with open(self.stderr_path, "rb") as handle:
            return handle.read()

    def endpoint(self, channel: str) -> str:
        port = self.info[f"{channel}_port"]
        if self.info["transport"] == "ipc":
            return f"ipc://{self.info['ip']}-{port}"
        return f"tcp://{self.info['ip']}:{port}"

    def client(self, **traits) -> BlockingKernelClient:
        """A started, ready blocking client."""
        kc = BlockingKernelClient(**traits)
        kc.load_connection_file(self.path)
        kc.start_channels()
        kc.wait_for_ready(timeout=30)
        return kc

    def session(self, key=None) -> Session:
        return Session(key=self.info["key"].encode() if key is None else key, username="tester")

    def dealer(self, channel: str, context=None) -> zmq.Socket:
        socket = (context or zmq.Context.instance()).socket(zmq.DEALER)
        socket.linger = 0
        socket.connect(self.endpoint(channel))
        return socket


def wait_for_exit(process, seconds: float) -> int | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return process.returncode
        time.sleep(0.05)
    return None

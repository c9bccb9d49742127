"""Kernel startup in phases, for comparing builds: Receptive binaries started in turn, each start timed
from launching the process to (a) its shell port accepting a TCP connection (the sockets are
bound), (b) the kernel_info_reply to a raw DEALER that was connecting from before the launch with
a 1 ms reconnect interval (so it does not wait out ZeroMQ's 100 ms default), and (c) jupyter_client's
start as kernel_latency.py times it, counting the starts where jupyter_client connected before the
kernel had bound and so waited its reconnect interval (over 100 ms).
Usage: .venv/bin/python benchmarks/kernel_startup.py [--rounds 40] BIN [BIN...]
"""
import argparse
import hashlib
import hmac
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

import zmq

from kernel_latency import startup_seconds


def free_ports(count):
    sockets = [socket.socket() for _ in range(count)]
    for each in sockets:
        each.bind(("127.0.0.1", 0))
    ports = [each.getsockname()[1] for each in sockets]
    for each in sockets:
        each.close()
    return ports


def phases(binary, data_dir, context):
    """Seconds from launch to bound shell port and to the first kernel_info_reply."""
    ports = free_ports(5)
    info = dict(zip(["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"], ports),
                ip="127.0.0.1", key=uuid.uuid4().hex, transport="tcp", signature_scheme="hmac-sha256")
    directory = tempfile.mkdtemp(prefix="receptive-startup-")
    path = os.path.join(directory, "connection.json")
    with open(path, "w") as handle:
        json.dump(info, handle)
    shell = context.socket(zmq.DEALER)
    shell.setsockopt(zmq.RECONNECT_IVL, 1)
    shell.setsockopt(zmq.LINGER, 0)
    key = info["key"].encode()

    def send(msg_type, content):
        parts = [json.dumps({"msg_id": uuid.uuid4().hex, "session": "startup", "username": "startup",
                             "version": "5.4", "date": "2026-01-01T00:00:00Z", "msg_type": msg_type}).encode(),
                 b"{}", b"{}", json.dumps(content).encode()]
        shell.send_multipart([b"<IDS|MSG>", hmac.new(key, b"".join(parts), hashlib.sha256).hexdigest().encode()] + parts)

    started = time.perf_counter()
    process = subprocess.Popen([binary, "kernel", "-f", path], env={**os.environ, "JUPYTER_DATA_DIR": data_dir})
    while True:
        try:
            socket.create_connection(("127.0.0.1", info["shell_port"]), timeout=1).close()
            break
        except OSError:
            time.sleep(0.0002)
    bound = time.perf_counter() - started
    shell.connect(f"tcp://127.0.0.1:{info['shell_port']}")
    send("kernel_info_request", {})
    shell.recv_multipart()
    replied = time.perf_counter() - started
    send("shutdown_request", {"restart": False})
    shell.recv_multipart()
    process.wait(10)
    shell.close(0)
    return bound, replied


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("binaries", nargs="+")
    args = parser.parse_args()
    prefix = tempfile.mkdtemp(prefix="receptive-startup-specs-")
    names = {}
    for index, binary in enumerate(args.binaries):
        names[binary] = f"receptive-startup-{index}"
        subprocess.run([binary, "install", "--prefix", prefix, "--name", names[binary]], check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [os.path.join(prefix, "share", "jupyter"),
                                                               os.environ.get("JUPYTER_PATH")]))
    # One history database per binary, kept across its starts, as a user's is.
    data_dirs = {binary: tempfile.mkdtemp(prefix="receptive-startup-data-") for binary in args.binaries}
    os.environ["JUPYTER_DATA_DIR"] = tempfile.mkdtemp(prefix="receptive-startup-data-")
    context = zmq.Context()
    samples = {binary: ([], [], []) for binary in args.binaries}
    for _ in range(args.rounds):
        for binary in args.binaries:
            bound, replied = phases(binary, data_dirs[binary], context)
            samples[binary][0].append(bound)
            samples[binary][1].append(replied)
            samples[binary][2].append(startup_seconds(names[binary]))
    print(f"load average before the last round: {os.getloadavg()}")
    for binary, (bound, replied, client) in samples.items():
        lost = sum(seconds > 0.1 for seconds in client)
        print(f"{binary}: bound {statistics.median(bound) * 1e3:.1f} ms, first reply {statistics.median(replied) * 1e3:.1f} ms; "
              f"jupyter_client start {statistics.median(client) * 1e3:.1f} ms (lost the connect race {lost}/{len(client)})")


if __name__ == "__main__":
    sys.exit(main())

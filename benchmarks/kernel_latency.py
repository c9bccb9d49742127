"""Kernel latency: Receptive against ipykernel, started with jupyter_client in the same run.

For each kernel: time from launching the process to the first kernel_info_reply, and the
round trip of execute("1+1") until status idle (median and p99 over many runs).
Round trips alternate between the kernels, so load from elsewhere weighs on all alike.
--floor adds a kernel that does no work (canned replies from pyzmq): what jupyter_client alone
costs, the least any kernel can show. --raw adds the same round trip from a bare pyzmq client,
which sees the kernel's side without jupyter_client's per-message parsing.
Usage: .venv/bin/python benchmarks/kernel_latency.py [--runs 200] [--starts 5] [--floor] [--raw]
(the Receptive kernelspec must be installed, e.g. by scripts/demo.sh, or pass --receptive BIN).
"""
import argparse
import hashlib
import hmac
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import zmq
from jupyter_client.manager import KernelManager

FLOOR_KERNEL = "latency-floor"


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def startup_seconds(kernel_name):
    km = KernelManager(kernel_name=kernel_name)
    started = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        while True:
            kc.kernel_info()
            try:
                reply = kc.get_shell_msg(timeout=0.05)
            except Exception:
                continue
            if reply["msg_type"] == "kernel_info_reply":
                return time.perf_counter() - started
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def round_trips(kernel_name, runs):
    return interleaved_round_trips([kernel_name], runs)[kernel_name]


def interleaved_round_trips(kernel_names, runs, raw=False, block=50):
    """Round trips of every kernel in turns of `block` back-to-back trips, so that the other work
    on the machine weighs on all of them alike while each kernel still runs warm (single trips in
    turn would also bill ipykernel's work after idle to the next kernel); 10 warm-up trips each."""
    managers = {}
    for name in kernel_names:
        managers[name] = KernelManager(kernel_name=name)
        managers[name].start_kernel()
    clients = {name: (RawClient if raw else JupyterClient)(km) for name, km in managers.items()}
    samples = {name: [] for name in kernel_names}
    try:
        for name, client in clients.items():
            [client.trip() for _ in range(10)]
        for done in range(0, runs, block):
            for name, client in clients.items():
                samples[name] += [client.trip() for _ in range(min(block, runs - done))]
    finally:
        for name, client in clients.items():
            client.close()
            managers[name].shutdown_kernel(now=True)
    return samples


class JupyterClient:
    """execute("1+1") until status idle, as a front end sees it (jupyter_client's blocking client)."""

    def __init__(self, km):
        self.kc = km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def trip(self):
        started = time.perf_counter()
        msg_id = self.kc.execute("1+1")
        while True:
            msg = self.kc.get_iopub_msg(timeout=30)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                break
        elapsed = time.perf_counter() - started
        self.kc.get_shell_msg(timeout=30)
        return elapsed

    def close(self):
        self.kc.stop_channels()


class RawClient:
    """The same round trip from a bare pyzmq DEALER and SUB: no per-message parsing but the
    content of each iopub message, so the kernel's side shows."""

    def __init__(self, km):
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        kc.stop_channels()
        info = km.get_connection_info()
        self.key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
        self.context = zmq.Context()
        self.shell, self.iopub = self.context.socket(zmq.DEALER), self.context.socket(zmq.SUB)
        self.shell.connect(f"tcp://{info['ip']}:{info['shell_port']}")
        self.iopub.setsockopt(zmq.SUBSCRIBE, b"")
        self.iopub.connect(f"tcp://{info['ip']}:{info['iopub_port']}")
        time.sleep(0.5)
        while self.iopub.poll(100):
            self.iopub.recv_multipart()
        self.content = json.dumps({"code": "1+1", "silent": False, "store_history": True, "user_expressions": {},
                                   "allow_stdin": False, "stop_on_error": True}).encode()

    def trip(self):
        header = json.dumps({"msg_id": uuid.uuid4().hex, "session": "raw", "username": "raw", "version": "5.4",
                             "date": "2026-01-01T00:00:00Z", "msg_type": "execute_request"}).encode()
        parts = [header, b"{}", b"{}", self.content]
        signature = hmac.new(self.key, b"".join(parts), hashlib.sha256).hexdigest().encode()
        started = time.perf_counter()
        self.shell.send_multipart([b"<IDS|MSG>", signature] + parts)
        while json.loads(self.iopub.recv_multipart()[-1]).get("execution_state") != "idle":
            pass
        elapsed = time.perf_counter() - started
        self.shell.recv_multipart()
        return elapsed

    def close(self):
        self.shell.close(0)
        self.iopub.close(0)


def echo_kernel(connection_file):
    """Serves canned, correctly signed replies and does nothing else; the parent header frame is
    echoed byte for byte, so no JSON is re-encoded. The floor of the round trip."""
    with open(connection_file) as handle:
        info = json.load(handle)
    key = info["key"].encode()
    context = zmq.Context()

    def bound(kind, port):
        socket = context.socket(kind)
        socket.bind(f"{info['transport']}://{info['ip']}:{info[port]}")
        return socket

    shell, control, iopub = bound(zmq.ROUTER, "shell_port"), bound(zmq.ROUTER, "control_port"), bound(zmq.PUB, "iopub_port")
    heartbeat, _stdin = bound(zmq.REP, "hb_port"), bound(zmq.ROUTER, "stdin_port")
    threading.Thread(target=lambda: zmq.proxy(heartbeat, heartbeat), daemon=True).start()
    session, counter = uuid.uuid4().hex, iter(range(1, 1 << 62))

    def frames(msg_type, parent, content):
        header = (b'{"msg_id":"%s_%d","msg_type":"%s","session":"%s","username":"kernel",'
                  b'"date":"2026-01-01T00:00:00.000000Z","version":"5.4"}'
                  % (session.encode(), next(counter), msg_type.encode(), session.encode()))
        parts = [header, parent, b"{}", content]
        signature = hmac.new(key, digestmod=hashlib.sha256)
        for part in parts:
            signature.update(part)
        return [b"<IDS|MSG>", signature.hexdigest().encode()] + parts

    poller = zmq.Poller()
    poller.register(shell, zmq.POLLIN)
    poller.register(control, zmq.POLLIN)
    count = 0
    while True:
        try:
            ready = poller.poll()
        except KeyboardInterrupt:  # jupyter_client interrupts before it kills
            continue
        for socket, _ in ready:
            request = socket.recv_multipart()
            split = request.index(b"<IDS|MSG>")
            identities, parent = request[:split], request[split + 2]
            msg_type = json.loads(parent)["msg_type"]
            iopub.send_multipart([b"status"] + frames("status", parent, b'{"execution_state":"busy"}'))
            if msg_type == "execute_request":
                count += 1
                iopub.send_multipart([b"execute_input"] + frames(
                    "execute_input", parent, b'{"code":"1+1","execution_count":%d}' % count))
                iopub.send_multipart([b"execute_result"] + frames(
                    "execute_result", parent, b'{"data":{"text/plain":"2"},"execution_count":%d,"metadata":{}}' % count))
                reply = b'{"status":"ok","execution_count":%d,"user_expressions":{},"payload":[]}' % count
            elif msg_type == "kernel_info_request":
                reply = (b'{"status":"ok","protocol_version":"5.4","implementation":"floor","implementation_version":"1",'
                         b'"language_info":{"name":"floor","version":"1","file_extension":".txt"},"banner":""}')
            else:
                reply = b'{"status":"ok","restart":false}'
            socket.send_multipart(identities + frames(msg_type.replace("_request", "_reply"), parent, reply))
            iopub.send_multipart([b"status"] + frames("status", parent, b'{"execution_state":"idle"}'))
            if msg_type == "shutdown_request":
                return


def install_floor_kernel():
    """A throwaway kernelspec running `echo_kernel` in this Python."""
    prefix = tempfile.mkdtemp(prefix="latency-floor-")
    directory = os.path.join(prefix, "kernels", FLOOR_KERNEL)
    os.makedirs(directory)
    with open(os.path.join(directory, "kernel.json"), "w") as handle:
        json.dump({"argv": [sys.executable, os.path.abspath(__file__), "--echo-kernel", "{connection_file}"],
                   "display_name": "latency floor", "language": "floor"}, handle)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [prefix, os.environ.get("JUPYTER_PATH")]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--receptive", help="a receptive binary to install a throwaway kernelspec for")
    parser.add_argument("--floor", action="store_true", help="also time a kernel that does no work")
    parser.add_argument("--raw", action="store_true", help="also time the round trip from a bare pyzmq client")
    parser.add_argument("--echo-kernel", metavar="CONNECTION_FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.echo_kernel:
        return echo_kernel(args.echo_kernel)
    if args.receptive:
        prefix = tempfile.mkdtemp(prefix="receptive-bench-")
        subprocess.run([args.receptive, "install", "--prefix", prefix], check=True, capture_output=True)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    names = ["receptive", "python3"]
    if args.floor:
        install_floor_kernel()
        names.append(FLOOR_KERNEL)
    starts = {name: statistics.median(startup_seconds(name) for _ in range(args.starts)) for name in names}
    trips = interleaved_round_trips(names, args.runs)
    raw = interleaved_round_trips(names, args.runs, raw=True) if args.raw else {name: [float("nan")] for name in names}
    results = {name: (starts[name], statistics.median(trips[name]), percentile(trips[name], 0.99),
                      statistics.median(raw[name]), percentile(raw[name], 0.99)) for name in names}
    print(f"{'kernel':<15}{'startup ms':>11}{'1+1 median ms':>15}{'1+1 p99 ms':>12}{'raw median':>12}{'raw p99':>9}")
    for name, (start, median, p99, raw_median, raw_p99) in results.items():
        print(f"{name:<15}{start * 1e3:>11.1f}{median * 1e3:>15.3f}{p99 * 1e3:>12.3f}"
              f"{raw_median * 1e3:>12.3f}{raw_p99 * 1e3:>9.3f}")
    ours, theirs = results["receptive"], results["python3"]
    print(f"startup: receptive {ours[0] * 1e3:.1f} ms (target ≤ 150 ms), "
          f"{theirs[0] / ours[0]:.1f}× faster than ipykernel")
    print(f"round trip median: {theirs[1] / ours[1]:.1f}× faster than ipykernel (target ≥ 10×); "
          f"p99 {theirs[2] / ours[2]:.1f}×")
    if args.floor:
        floor = results[FLOOR_KERNEL]
        print(f"floor (a kernel doing no work): median {floor[1] * 1e3:.3f} ms, so at most "
              f"{theirs[1] / floor[1]:.1f}× (p99 {theirs[2] / floor[2]:.1f}×) is reachable with this client")


if __name__ == "__main__":
    sys.exit(main())

"""Widget latency: a slider change to the output it causes, through jupyter_client, for
Receptive's interact and ipywidgets' interact on ipykernel in the same run.

Each kernel shows a slider over a kernel size k and a function of k: Receptive
`heatmap(correlate(image("letter", size: 64), box(k)))`, ipykernel the same box blur of a 64×64
image with scipy, printed. A client then sends the slider's `update` comm messages as JupyterLab
does and times, for each, the first output message the kernel publishes in answer (Receptive:
the Output model's new `outputs`; ipykernel: the output captured for the Output widget).
Rows: the median of one change at a time; then 1,000 changes sent at once: the time from the
last one sent to the output of the last value, and the kernel's resident memory before and after
(twice, so that growth would show).
Usage: .venv/bin/python benchmarks/widget_latency.py [--receptive BIN] [--changes 200]
writes benchmarks/results/widgets.{md,json}; bench.py includes the same rows in its table.
(ipywidgets must be importable for the ipykernel peer; without it that peer is left out).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import psutil
from jupyter_client.manager import start_new_kernel

RECEPTIVE_CODE = ('fn blur(k) = heatmap(correlate(image("letter", size: 64), box(k)))\n'
                  'interact(blur, k: slider(1, 9, step: 2))')
PYTHON_CODE = """
import numpy as np
from scipy import signal
from ipywidgets import IntSlider, interact
image = (np.add.outer(np.arange(64), np.arange(64)) % 7 < 3).astype(float)
def blur(k):
    print(signal.correlate2d(image, np.full((k, k), 1 / k**2), mode="valid").round(2))
interact(blur, k=IntSlider(min=1, max=9, step=2, value=1));
"""


class WidgetSession:
    """A kernel with an interact shown, and its slider's and output's comm ids."""

    def __init__(self, kernel_name, code):
        self.km, self.kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=60)
        self.slider = self.output = None
        reply = self.kc.execute_interactive(code, timeout=60, output_hook=self._opened)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"{kernel_name}: {reply['content']}")
        self.process = psutil.Process(self.km.provisioner.process.pid)

    def _opened(self, msg):
        if msg["msg_type"] != "comm_open":
            return
        name = msg["content"]["data"]["state"].get("_model_name")
        if name == "IntSliderModel":
            self.slider = msg["content"]["comm_id"]
        elif name == "OutputModel":
            self.output = msg["content"]["comm_id"]

    def send(self, value):
        msg = self.kc.session.msg("comm_msg", {"comm_id": self.slider, "data": {
            "method": "update", "state": {"value": value}, "buffer_paths": []}})
        self.kc.session.send(self.kc.shell_channel.socket, msg)
        return msg["header"]["msg_id"]

    def output_for(self, msg_id, timeout=30):
        """Waits for the first output published in answer to msg_id; returns when it came."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind in ("stream", "display_data", "error") or (
                    kind == "comm_msg" and msg["content"]["comm_id"] == self.output
                    and "outputs" in msg["content"]["data"].get("state", {})):
                return time.perf_counter()
        raise TimeoutError(f"no output for {msg_id}")

    def idle(self, msg_id, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                return
        raise TimeoutError(f"no idle for {msg_id}")

    def one_change(self, value):
        started = time.perf_counter()
        msg_id = self.send(value)
        published = self.output_for(msg_id)
        self.idle(msg_id)
        return published - started

    def burst(self, count):
        """Sends `count` changes at once; seconds from the last sent to its output, RSS before/after."""
        before = self.process.memory_info().rss
        ids = [self.send(1 + 2 * (i % 5)) for i in range(count - 1)]
        last_sent = time.perf_counter()
        last = self.send(9)
        published = self.output_for(last)
        self.idle(last)
        return published - last_sent, before, self.process.memory_info().rss, len(ids) + 1

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def measure(kernel_name, code, changes):
    session = WidgetSession(kernel_name, code)
    try:
        for value in (3, 1):
            session.one_change(value)  # warm-up
        # Each value differs from the one before (ipywidgets does not run f for an unchanged value).
        times = [session.one_change(1 + 2 * (i % 5)) for i in range(1, changes + 1)]
        bursts = [session.burst(1000) for _ in range(2)]
        return statistics.median(times), bursts
    finally:
        session.close()


def widget_rows(changes=200):
    """The benchmark rows (bench.py's format); the Receptive kernelspec must be on JUPYTER_PATH."""
    ours, our_bursts = measure("receptive", RECEPTIVE_CODE, changes)
    peers, peer_bursts = {}, None
    try:
        import ipywidgets  # noqa: F401  (the peer runs in ipykernel, in this same venv)
        peers["ipykernel + ipywidgets"], peer_bursts = measure("python3", PYTHON_CODE, changes)
    except ImportError:
        pass
    peer = peers.get("ipykernel + ipywidgets")
    lag = max(b[0] for b in our_bursts)
    growth_mb = (our_bursts[1][2] - our_bursts[0][2]) / 2**20
    first_mb = (our_bursts[0][2] - our_bursts[0][1]) / 2**20
    notes = [f"peer last-value lag {max(b[0] for b in peer_bursts) * 1e3:.0f} ms"] if peer_bursts else []
    return [
        {"workload": "slider change → output published (interact, 64×64 letter, box(k) heatmap), median",
         "receptive_s": ours, "peers_s": peers, "ratio": peer / ours if peer else None,
         "target": "≤ 20 ms", "met": ours <= 0.020, "notes": []},
        {"workload": "1,000 rapid slider changes: last value rendered after the last change (worst of 2 bursts)",
         "receptive_s": lag, "peers_s": {}, "ratio": None,
         "target": "≤ 1 s, memory flat", "met": lag <= 1.0 and growth_mb <= 5,
         "notes": notes + [f"RSS +{first_mb:.1f} MB over the first burst, +{growth_mb:.1f} MB over the second"]},
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--receptive", help="a receptive binary to install a throwaway kernelspec for")
    parser.add_argument("--changes", type=int, default=200)
    args = parser.parse_args()
    if args.receptive:
        prefix = tempfile.mkdtemp(prefix="receptive-bench-")
        subprocess.run([args.receptive, "install", "--prefix", prefix], check=True, capture_output=True)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    import bench  # the table format of the other rows
    load = os.getloadavg()[0]
    bench.write_results("widgets", widget_rows(args.changes), load)


if __name__ == "__main__":
    sys.exit(main())

"""Kernel latency: Receptive against ipykernel, started with jupyter_client in the same run.

For each kernel: time from launching the process to the first kernel_info_reply, and the
round trip of execute("1+1") until status idle (median and p99 over many runs).
Usage: .venv/bin/python benchmarks/kernel_latency.py [--runs 200] [--starts 5]
(the Receptive kernelspec must be installed, e.g. by scripts/demo.sh, or pass --receptive BIN).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager


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
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    samples = []
    try:
        for _ in range(runs + 10):
            started = time.perf_counter()
            msg_id = kc.execute("1+1")
            while True:
                msg = kc.get_iopub_msg(timeout=30)
                if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                        and msg["content"]["execution_state"] == "idle"):
                    break
            samples.append(time.perf_counter() - started)
            kc.get_shell_msg(timeout=30)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return samples[10:]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--receptive", help="a receptive binary to install a throwaway kernelspec for")
    args = parser.parse_args()
    if args.receptive:
        prefix = tempfile.mkdtemp(prefix="receptive-bench-")
        subprocess.run([args.receptive, "install", "--prefix", prefix], check=True, capture_output=True)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    results = {}
    for name in ("receptive", "python3"):
        starts = [startup_seconds(name) for _ in range(args.starts)]
        trips = round_trips(name, args.runs)
        results[name] = (statistics.median(starts), statistics.median(trips), percentile(trips, 0.99))
    print(f"{'kernel':<12}{'startup ms':>12}{'1+1 median ms':>16}{'1+1 p99 ms':>13}")
    for name, (start, median, p99) in results.items():
        print(f"{name:<12}{start * 1e3:>12.1f}{median * 1e3:>16.3f}{p99 * 1e3:>13.3f}")
    ours, theirs = results["receptive"], results["python3"]
    print(f"startup: receptive {ours[0] * 1e3:.1f} ms (target ≤ 150 ms), "
          f"{theirs[0] / ours[0]:.1f}× faster than ipykernel")
    print(f"round trip median: {theirs[1] / ours[1]:.1f}× faster than ipykernel (target ≥ 10×); "
          f"p99 {theirs[2] / ours[2]:.1f}×")


if __name__ == "__main__":
    sys.exit(main())

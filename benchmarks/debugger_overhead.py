"""Debugger overhead: what JupyterLab's bug icon costs a cell when no breakpoint is set.

One Receptive kernel, driven through jupyter_client: a function looping 10⁶ times (two
statements an iteration) is defined and timed with the debugger off, then defined again and timed
with the debugger on (initialize, attach, configurationDone, as JupyterLab sends them; a function
defined while it is on carries statement markers), then off again (disconnect). Each time is
the median of 7 runs of the cell `work()`, as the front end sees it (execute_interactive), so it
includes the round trip; all three in the same run, since this machine's load moves every
absolute number.
Usage: .venv/bin/python benchmarks/debugger_overhead.py [--receptive BIN]
writes benchmarks/results/debugger.{md,json}.
"""
import argparse
import itertools
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

ROOT = pathlib.Path(__file__).resolve().parents[1]
CELL = "fn work() {\n    total = 0\n    for i in range(1000000) {\n        total += i\n    }\n    return total\n}"
RUNS = 7


class DebuggedKernel:
    """A Receptive kernel and the debug requests JupyterLab sends on control."""

    def __init__(self):
        self.km, self.kc = start_new_kernel(kernel_name="receptive", startup_timeout=60)
        self.seq = itertools.count()

    def debug(self, command, arguments=None):
        msg = self.kc.session.msg("debug_request", {"type": "request", "seq": next(self.seq), "command": command,
                                                     "arguments": arguments or {}})
        self.kc.control_channel.send(msg)
        reply = self.kc.control_channel.get_msg(timeout=30)["content"]
        if not reply.get("success"):
            raise RuntimeError(f"{command}: {reply}")

    def run(self, code):
        reply = self.kc.execute_interactive(code, timeout=300, output_hook=lambda _: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"{code!r}: {reply['content']}")

    def median_of_work(self):
        self.run(CELL)
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            self.run("work()")
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def debugger_rows():
    """The benchmark row (bench.py's format); the Receptive kernelspec must be on JUPYTER_PATH."""
    kernel = DebuggedKernel()
    try:
        off = kernel.median_of_work()
        kernel.debug("initialize", {"adapterID": "receptive", "linesStartAt1": True, "columnsStartAt1": True})
        kernel.debug("attach")
        kernel.debug("configurationDone")
        on = kernel.median_of_work()
        kernel.debug("disconnect", {"restart": False, "terminateDebuggee": False})
        off_again = kernel.median_of_work()
    finally:
        kernel.close()
    return [{
        "workload": "10⁶-iteration loop cell with the debugger on and no breakpoint, median of 7",
        "receptive_s": on, "peers_s": {"same kernel, debugger off": off}, "ratio": off / on,
        "target": "≤ 1.25× the time with the debugger off", "met": on <= 1.25 * off,
        "notes": [f"off again after disconnect {off_again * 1e3:.1f} ms"],
    }]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--receptive", default=str(ROOT / ".build/release/receptive"),
                        help="the receptive binary to install a throwaway kernelspec for")
    args = parser.parse_args()
    prefix = tempfile.mkdtemp(prefix="receptive-bench-")
    subprocess.run([args.receptive, "install", "--prefix", prefix], check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    import bench  # the table format of the other rows
    load = os.getloadavg()[0]
    bench.write_results("debugger", debugger_rows(), load)


if __name__ == "__main__":
    sys.exit(main())

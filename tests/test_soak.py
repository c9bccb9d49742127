"""Soak: many mixed requests without memory growth, several clients at once, and a heartbeat
that stays quick during a long computation. RECEPTIVE_SOAK_COUNT sets the request count."""
import os
import threading
import time

import zmq

from conftest import run_cell, texts
from kernel_process import KernelProcess

COUNT = int(os.environ.get("RECEPTIVE_SOAK_COUNT", "600"))
CELLS = [
    "t = randn(40, 40)\nsum(t @ t)",
    "missing_name + 1",
    "heatmap(randn(8, 8))",
    "c = conv2d(randn(16, 16), ones(3, 3))\nc.shape",
    "print(\"line\", i_count)\ni_count += 1",
    "lineplot(arange(30))",
    "zeros(2, 3) + ones(3, 2)",
]
LONG_CELL = "spin = 0\nfor i in arange(1000000) { for j in arange(1000) { spin += 1 } }"


def _rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS in /proc status")


def test_mixed_requests_do_not_grow_memory(receptive_bin, tmp_path):
    with KernelProcess(receptive_bin, tmp_path) as kernel:
        kc = kernel.client()
        try:
            assert run_cell(kc, "i_count = 0")[0]["status"] == "ok"
            warm_up = max(len(CELLS) * 10, COUNT // 5)
            baseline = None
            for index in range(COUNT):
                if index == warm_up:
                    baseline = _rss_kib(kernel.process.pid)
                kc.execute_interactive(CELLS[index % len(CELLS)], timeout=60, output_hook=lambda _: None)
            final = _rss_kib(kernel.process.pid)
            print(f"RSS after warm-up {baseline} KiB, after {COUNT} requests {final} KiB")
            assert final <= baseline * 1.10, f"RSS grew from {baseline} KiB to {final} KiB"
            reply, outputs = run_cell(kc, "i_count")
            assert texts(outputs, "execute_result") == [str(sum(1 for i in range(COUNT) if i % len(CELLS) == 4))]
        finally:
            kc.stop_channels()


def test_three_clients_all_get_their_replies_and_output(receptive_bin, tmp_path):
    with KernelProcess(receptive_bin, tmp_path) as kernel:
        clients = [kernel.client() for _ in range(3)]
        results = {}

        def work(number, kc):
            for round_ in range(10):
                reply, outputs = run_cell(kc, f"print(\"client {number} round {round_}\")\n{number} * 100 + {round_}")
                results[(number, round_)] = (reply["status"], texts(outputs, "stream"),
                                             texts(outputs, "execute_result"))

        try:
            threads = [threading.Thread(target=work, args=(n, kc)) for n, kc in enumerate(clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
            for number in range(3):
                for round_ in range(10):
                    assert results.get((number, round_)) == (
                        "ok", [f"client {number} round {round_}\n"], [str(number * 100 + round_)])
        finally:
            for kc in clients:
                kc.stop_channels()


def test_heartbeat_answers_quickly_during_a_long_computation(receptive_bin, tmp_path):
    with KernelProcess(receptive_bin, tmp_path) as kernel:
        kc = kernel.client()
        context = zmq.Context()
        try:
            kc.execute(LONG_CELL)
            time.sleep(0.3)
            ping = context.socket(zmq.REQ)
            ping.linger = 0
            ping.connect(kernel.endpoint("hb"))
            times = []
            for _ in range(20):
                started = time.monotonic()
                ping.send(b"ping")
                assert ping.poll(timeout=2000), "the heartbeat did not answer within 2 s"
                assert ping.recv() == b"ping"
                times.append(time.monotonic() - started)
                time.sleep(0.02)
            times.sort()
            print(f"heartbeat round trips: median {times[10] * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms")
            # One slow round trip out of twenty is scheduling noise on a loaded 2-core machine.
            assert times[-2] < 0.050, f"heartbeat round trips {times}"
        finally:
            context.destroy(linger=0)
            kc.stop_channels()

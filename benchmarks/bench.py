"""Runs every benchmark and prints one table: workload, Receptive's median, each peer's
median, the ratio (fastest peer ÷ Receptive; above 1 means Receptive is faster), the target and
whether it is met. Also writes the table to benchmarks/results/latest.{json,md}.

Usage: .venv/bin/python benchmarks/bench.py [--receptive BIN] [--torch-python PY] [--quick]
                                            [--only REGEX] [--no-kernel]
BIN defaults to the release build (.build/release/receptive). numpy and scipy are required.
--only keeps the workloads whose name matches REGEX (and writes no results file); --no-kernel
skips the kernel start-up and round-trip rows.
torch is optional: its peers run in a separate process of PY (default: $RECEPTIVE_TORCH_PYTHON,
else this Python), any interpreter with torch and numpy, with as many threads as Receptive uses
cores; they are skipped with a note when PY has no torch. The kernel rows start Receptive and
ipykernel with jupyter_client in the same run.

This machine's environment may set OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (old OpenBLAS builds
misbehave on its CPU); they pin numpy's current OpenBLAS to a slower kernel, so the benchmark
re-runs itself without them and records which kernel numpy's OpenBLAS then chose."""
import argparse
import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import kernel_latency  # noqa: E402
from learning import learning_rows  # noqa: E402
import widget_latency  # noqa: E402
from workloads import CORE_WORKLOADS, EVERYDAY_WORKLOADS, WORKLOADS, TorchConv, TorchSoftmax  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
TORCH_PEER = pathlib.Path(__file__).resolve().parent / "torch_peer.py"
REPEAT = 7
PINNING = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


class PeerUnavailable(Exception):
    """A peer that cannot run here; its message says why and what to do."""


def interpreter_label(python):
    """How results name a Python interpreter: by its role, never by its path, which belongs to
    the machine that ran the benchmark (results are committed)."""
    path = pathlib.Path(os.path.abspath(python))
    # Not resolved through symlinks: every virtual environment's python links to the same
    # system interpreter, so a separate venv with torch would pass for this one.
    if path == pathlib.Path(os.path.abspath(sys.executable)):
        return "the benchmark's own Python"
    if path.is_relative_to(ROOT / ".venv"):
        return "the project's .venv"
    return "a separate Python given by --torch-python"


class TorchPeers:
    """Runs `TorchConv` peers in `python` (any interpreter with torch and numpy) with `threads`
    intra-op threads, each in its own process so torch need not be installed in this venv."""

    def __init__(self, python, threads):
        self.python, self.threads = python, threads
        self.label = interpreter_label(python)
        probe = subprocess.run([python, str(TORCH_PEER), "--version"], capture_output=True, text=True)
        self.version = probe.stdout.strip() if probe.returncode == 0 else None

    def describe(self):
        if self.version is None:
            return (f"torch not measured: {self.label} cannot import torch (install it there, or "
                    "pass --torch-python / set RECEPTIVE_TORCH_PYTHON to a Python that has it)")
        return f"torch {self.version} ({self.label}), {self.threads} threads, float64"

    def time(self, spec, workdir, repeat):
        if self.version is None:
            raise PeerUnavailable(f"torch not importable by {self.label}")
        out = workdir / "torch-result.npy"
        if isinstance(spec, TorchSoftmax):
            operation = ["--op", "softmax", str(workdir / f"{spec.x}.npy")]
        else:
            operation = ["--op", "conv2d", "--padding", str(spec.padding), str(workdir / f"{spec.image}.npy"),
                         str(workdir / f"{spec.kernel}.npy")]
        run = subprocess.run([self.python, str(TORCH_PEER), "--threads", str(self.threads),
                              "--repeat", str(repeat)] + operation + [str(out)],
                             capture_output=True, text=True, timeout=900)
        if run.returncode != 0:
            raise RuntimeError(run.stderr.strip())
        return float(run.stdout.strip().splitlines()[-1]), np.load(out)


def time_python(function, data, repeat=REPEAT):
    function(data)  # warm-up
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(data)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), result


def run_receptive(binary, workdir, statements, repeat=REPEAT):
    script = workdir / "bench.rcp"
    script.write_text(statements + "\nr = timeit(work, repeat: %d)\n"
                      'save("result.npy", tensor(work()))\nprint(r.median)\n' % repeat)
    run = subprocess.run([binary, "run", str(script)], cwd=workdir, capture_output=True,
                         text=True, timeout=900)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip() or run.stdout.strip())
    return float(run.stdout.strip().splitlines()[-1]), np.load(workdir / "result.npy")


def peak_rss_mb(command, cwd):
    """The peak resident memory of one command, measured by GNU time: a child forked from this
    Python process would count Python's own pages too (Linux keeps the pre-exec high-water mark)."""
    run = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, cwd=cwd, capture_output=True,
                         text=True, timeout=900)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip())
    return int(run.stderr.strip().splitlines()[-1]) / 1024.0


def time_peer(function, data, workdir, torch, repeat):
    if isinstance(function, (TorchConv, TorchSoftmax)):
        return torch.time(function, workdir, repeat)
    try:
        return time_python(function, data, repeat)
    except ImportError as missing:
        raise PeerUnavailable(f"{missing.name} not installed") from missing


def differences(ours, reference):
    """The largest absolute difference, and the largest in units in the last place of the
    reference (numpy.spacing of its magnitude), between two results of the same shape."""
    ours, reference = np.asarray(ours, dtype=np.float64), np.asarray(reference, dtype=np.float64)
    if ours.shape != reference.shape:
        raise RuntimeError(f"result shape {ours.shape} differs from the reference's {reference.shape}")
    both_nan = np.isnan(ours) & np.isnan(reference)
    gap = np.where(both_nan, 0.0, np.abs(ours - reference))
    gap = np.where(ours == reference, 0.0, gap)  # equal infinities
    return float(np.max(gap, initial=0.0)), float(np.max(gap / np.spacing(np.abs(reference)), initial=0.0))


def numeric_rows(binary, torch, workloads):
    rows = []
    rng = np.random.default_rng(0)
    for workload in workloads:
        with tempfile.TemporaryDirectory() as scratch:
            workdir = pathlib.Path(scratch)
            data = workload.inputs(rng)
            for name, array in data.items():
                np.save(workdir / f"{name}.npy", array)
            ours, our_result = run_receptive(binary, workdir, workload.receptive, workload.repeat)
            peers, notes, reference = {}, [], None
            for peer, function in workload.peers.items():
                try:
                    peers[peer], result = time_peer(function, data, workdir, torch, workload.repeat)
                except PeerUnavailable as reason:
                    notes.append(f"{peer} skipped ({reason})")
                    continue
                if peer == workload.compare_to:
                    reference = result
            check, ulps = differences(our_result, reference) if reference is not None else (None, None)
            ratios = {peer: seconds / ours for peer, seconds in peers.items()}
            unmeasured = [peer for peer in workload.targets if peer not in ratios]
            rows.append({"workload": workload.name, "receptive_s": ours, "peers_s": peers,
                         "ratio": min(ratios.values()), "ratios": ratios, "target": workload.target,
                         "targets": workload.targets, "unmeasured_targets": unmeasured,
                         "met": all(ratios[peer] >= needed for peer, needed in workload.targets.items()
                                    if peer in ratios),
                         "max_abs_diff": check, "max_ulp_diff": ulps, "notes": notes})
        print(markdown(rows[-1:]).splitlines()[-1], flush=True)
    return rows


def spy_row(binary):
    with tempfile.TemporaryDirectory() as scratch:
        workdir = pathlib.Path(scratch)
        statements = ('m = connectivity(conv_layer([[-1, 1]]), input: (280, 320))\n'
                      'fn work() = spy(m)\nr = timeit(work, repeat: 7)\nprint(r.median)\n')
        (workdir / "spy.rcp").write_text(statements)
        run = subprocess.run([binary, "run", "spy.rcp"], cwd=workdir, capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(run.stderr.strip())
        seconds = float(run.stdout.strip().splitlines()[-1])
        peak = peak_rss_mb([binary, "run", "spy.rcp"], workdir)
    return {"workload": "spy of the 89,320 × 89,600 fig 9.6 connectivity", "receptive_s": seconds,
            "peers_s": {}, "ratio": None, "target": "≤ 0.5 s, peak ≤ 100 MB",
            "met": seconds <= 0.5 and peak <= 100, "peak_mb": peak, "notes": []}


def memory_row(binary):
    with tempfile.TemporaryDirectory() as scratch:
        workdir = pathlib.Path(scratch)
        rng = np.random.default_rng(1)
        np.save(workdir / "x.npy", rng.standard_normal((1024, 1024)))
        np.save(workdir / "k.npy", rng.standard_normal((7, 7)))
        (workdir / "mem.rcp").write_text('x = load("x.npy")\nk = load("k.npy")\n'
                                         'y = correlate(x, k, mode: "same")\n')
        ours = peak_rss_mb([binary, "run", "mem.rcp"], workdir)
        theirs = peak_rss_mb([sys.executable, "-c",
                              "import numpy as np; from scipy import signal; "
                              "x = np.load('x.npy'); k = np.load('k.npy'); "
                              "y = signal.correlate2d(x, k, mode='same')"], workdir)
    return {"workload": "peak memory, 1024×1024 7×7 same (whole process)", "receptive_s": None,
            "peers_s": {}, "ratio": theirs / ours, "target": "≤ 2× numpy's process",
            "met": ours <= 2 * theirs, "peak_mb": ours, "peer_peak_mb": theirs, "notes": []}


def exp_memory_row(binary):
    """Peak resident memory of `exp` of a 4096² float64 tensor loaded from .npy, whole process."""
    with tempfile.TemporaryDirectory() as scratch:
        workdir = pathlib.Path(scratch)
        np.save(workdir / "x.npy", np.random.default_rng(2).standard_normal((4096, 4096)))
        (workdir / "exp.rcp").write_text('x = load("x.npy")\ny = exp(x)\n')
        ours = peak_rss_mb([binary, "run", "exp.rcp"], workdir)
        theirs = peak_rss_mb([sys.executable, "-c", "import numpy as np; x = np.load('x.npy'); y = np.exp(x)"],
                             workdir)
    return {"workload": "peak memory, exp(x) on 4096×4096 (whole process)", "receptive_s": None,
            "peers_s": {}, "ratio": theirs / ours, "target": "≤ 1.2× numpy's process",
            "met": ours <= 1.2 * theirs, "peak_mb": ours, "peer_peak_mb": theirs, "notes": []}


def numpy_blas():
    """The kernel numpy's OpenBLAS runs here (its scipy-openblas build reports it by name)."""
    import ctypes
    import glob
    for library in glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "*openblas*")):
        for symbol in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename"):
            function = getattr(ctypes.CDLL(library), symbol, None)
            if function is not None:
                function.restype = ctypes.c_char_p
                return f"numpy {np.__version__}, OpenBLAS {function().decode()} kernel"
    return f"numpy {np.__version__}"


def kernel_rows(binary, quick):
    prefix = tempfile.mkdtemp(prefix="receptive-bench-")
    subprocess.run([binary, "install", "--prefix", prefix], check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
    runs, starts = (50, 3) if quick else (300, 7)
    stats = {}
    for name in ("receptive", "python3"):
        startup = statistics.median(kernel_latency.startup_seconds(name) for _ in range(starts))
        trips = kernel_latency.round_trips(name, runs)
        stats[name] = (startup, statistics.median(trips), kernel_latency.percentile(trips, 0.99))
    ours, theirs = stats["receptive"], stats["python3"]
    return [
        {"workload": "kernel startup to first kernel_info_reply", "receptive_s": ours[0],
         "peers_s": {"ipykernel": theirs[0]}, "ratio": theirs[0] / ours[0],
         "target": "≤ 150 ms and ≥ 8× faster", "met": ours[0] <= 0.150 and theirs[0] / ours[0] >= 8,
         "notes": []},
        {"workload": "execute 1+1 round trip, median", "receptive_s": ours[1],
         "peers_s": {"ipykernel": theirs[1]}, "ratio": theirs[1] / ours[1], "target": "≥ 10× faster",
         "met": theirs[1] / ours[1] >= 10, "notes": []},
        {"workload": "execute 1+1 round trip, p99", "receptive_s": ours[2],
         "peers_s": {"ipykernel": theirs[2]}, "ratio": theirs[2] / ours[2], "target": "≥ 10× faster",
         "met": theirs[2] / ours[2] >= 10, "notes": []},
    ]


def fmt_seconds(value):
    if value is None:
        return "—"
    return f"{value * 1e3:.3f} ms" if value < 1 else f"{value:.3f} s"


def markdown(rows):
    lines = ["| workload | Receptive | peers | ratio | target | met |", "|---|---|---|---|---|---|"]
    for row in rows:
        ratios = row.get("ratios", {})
        peers = "; ".join(f"{k} {fmt_seconds(v)}" + (f" ({ratios[k]:.2f}×)" if len(ratios) > 1 else "")
                          for k, v in row["peers_s"].items()) or "—"
        if "peak_mb" in row:
            peers += f"; peak {row['peak_mb']:.0f} MB" + (
                f" vs {row['peer_peak_mb']:.0f} MB" if "peer_peak_mb" in row else "")
        ratio = "—" if row["ratio"] is None else f"{row['ratio']:.2f}×"
        notes = (" (" + "; ".join(row["notes"]) + ")") if row["notes"] else ""
        check = "" if row.get("max_abs_diff") is None else f" Δ={row['max_abs_diff']:.1e}"
        if row.get("max_ulp_diff") is not None:
            check += f" ({row['max_ulp_diff']:.3g} ulp)"
        lines.append(f"| {row['workload']}{notes} | {fmt_seconds(row['receptive_s'])}{check} | "
                     f"{peers} | {ratio} | {row['target']} | {met_cell(row)} |")
    return "\n".join(lines)


def write_results(stem, rows, load):
    """Prints `rows` as a table and writes them to benchmarks/results/STEM.{md,json}, for the
    scripts that measure rows of their own (widget_latency.py, debugger_overhead.py); `load` is
    the load average before the run."""
    table = markdown(rows) + f"\n\n{len(os.sched_getaffinity(0))} cores (load average {load:.2f} before the run)."
    print(table)
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / f"{stem}.json").write_text(json.dumps({"load_average_before": load, "rows": rows}, indent=2,
                                                     ensure_ascii=False))
    (results / f"{stem}.md").write_text(table + "\n")


def met_cell(row):
    if not row["met"]:
        return "NO"
    unmeasured = row.get("unmeasured_targets")
    return f"yes (not verified vs {', '.join(unmeasured)})" if unmeasured else "yes"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--receptive", default=str(ROOT / ".build" / "release" / "receptive"))
    parser.add_argument("--torch-python", default=os.environ.get("RECEPTIVE_TORCH_PYTHON", sys.executable),
                        help="a Python with torch and numpy that runs the torch peers")
    parser.add_argument("--torch-threads", type=int, default=len(os.sched_getaffinity(0)),
                        help="torch's threads (default: the cores this process may use, as Receptive)")
    parser.add_argument("--quick", action="store_true", help="fewer kernel round trips")
    parser.add_argument("--only", help="run only the workloads whose name matches this regular expression")
    parser.add_argument("--no-kernel", action="store_true", help="skip the kernel start-up and round-trip rows")
    args = parser.parse_args()
    if any(name in os.environ for name in PINNING):
        environment = {name: value for name, value in os.environ.items() if name not in PINNING}
        os.execve(sys.executable, [sys.executable] + sys.argv, environment)
    args.receptive = os.path.abspath(args.receptive)
    torch = TorchPeers(args.torch_python, args.torch_threads)
    # The machine may be shared: the load average before the run says how far to trust it.
    load = os.getloadavg()[0]
    workloads = WORKLOADS + CORE_WORKLOADS + EVERYDAY_WORKLOADS
    only = re.compile(args.only) if args.only else None
    if only:
        workloads = [workload for workload in workloads if only.search(workload.name)]
    rows = [] if args.no_kernel or only else kernel_rows(args.receptive, args.quick)
    if not (args.no_kernel or only):
        rows += widget_latency.widget_rows(50 if args.quick else 200)
    rows += numeric_rows(args.receptive, torch, workloads)
    rows += learning_rows(args.receptive, torch, only=only, run_receptive=run_receptive, peak_rss_mb=peak_rss_mb,
                          time_python=time_python, repeat=REPEAT)
    if not only:
        rows += [spy_row(args.receptive), memory_row(args.receptive), exp_memory_row(args.receptive)]
    environment = {"cores": len(os.sched_getaffinity(0)), "load_average_before": load,
                   "numpy": numpy_blas(), "torch": torch.describe()}
    table = markdown(rows) + (f"\n\n{environment['cores']} cores (load average {load:.2f} before "
                              f"the run); {environment['numpy']}; {environment['torch']}.")
    print(table)
    if only:
        return 0
    results = ROOT / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "latest.json").write_text(json.dumps({"environment": environment, "rows": rows},
                                                    indent=2, ensure_ascii=False))
    (results / "latest.md").write_text(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

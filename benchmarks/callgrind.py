"""Counts the instructions one call of each numeric workload takes, under callgrind, so a change
to a fast path can be compared before and after on this noisy machine (instruction counts repeat
where timings do not).

Each workload runs twice through `receptive run`: once calling `work()` once, once calling it
`1 + CALLS` times; the difference of the two totals over CALLS is one call's count, without
start-up and loading. The binary is copied without its debug information first (valgrind 3.19
cannot read the DWARF 5 that Swift 6 and clang write and gives up). Valgrind has no AVX-512, so
the kernels measured are the AVX2+FMA ones (or the portable ones on a CPU without AVX2).

--annotate DIR instead builds a release binary with DWARF 4 debug information (swiftc
-dwarf-version=4, clang -gdwarf-4; scratch path .build/callgrind, a build of its own) and keeps
each workload's callgrind.out files in DIR with their debug information, so that
`callgrind_annotate --inclusive=yes DIR/FILE` shows functions and source lines.

With --interpreter it counts the interpreter's workloads instead, and beside each the CPython
peers' counts, found the same way (a script calling the peer once, then 1 + CALLS times, in
this Python): instructions are not time, but they compare where the machine's load does not.

Usage: .venv/bin/python benchmarks/callgrind.py [--receptive BIN | --annotate DIR] [--only SUBSTRING]
                                                [--calls N] [--interpreter]
BIN defaults to the release build (.build/release/receptive)."""
import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from learning import CNN, CNN_NAME, cnn_data  # noqa: E402
from workloads import CORE_WORKLOADS, EVERYDAY_WORKLOADS, WORKLOADS, Workload  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]

# Paths the benchmark's rows do not time but a window change touches: pooling, a layer's
# forward pass, its connectivity matrix and the matrix product that checks it; and the
# learning rows' epoch, whose steps benchmarks/results/learning-speed.md records.
EXTRA = [
    Workload("maxpool 1024×1024, 2×2", lambda rng: {"x": rng.standard_normal((1024, 1024))},
             'x = load("x.npy")\nfn work() = maxpool(x, 2)'),
    Workload("avgpool 1024×1024, 3×3, stride 1, padding 1",
             lambda rng: {"x": rng.standard_normal((1024, 1024))},
             'x = load("x.npy")\nfn work() = avgpool(x, 3, stride: 1, padding: 1)'),
    Workload("pool_layer max 3, 280×320, stride 1, padding 1",
             lambda rng: {"x": rng.standard_normal((280, 320))},
             'x = load("x.npy")\np = pool_layer((3, 3), stride: 1, padding: 1)\nfn work() = p(x)'),
    Workload("tiled 2×2 layer, t 2, on 280×320",
             lambda rng: {"x": rng.standard_normal((280, 320))},
             'x = load("x.npy")\nl = tiled((2, 2), t: 2)\nfn work() = l(x)'),
    Workload("connectivity of the fig 9.6 layer on 280×320", lambda rng: {},
             'l = conv_layer([[-1, 1]])\nfn work() = connectivity(l, input: (280, 320))'),
    Workload("as_matrix of a 3×3 wrap layer, 64×64, times the input",
             lambda rng: {"x": rng.standard_normal((64, 64))},
             'x = load("x.npy")\nl = conv_layer((3, 3), padding: 1, padding_mode: "wrap")\n'
             'fn work() = as_matrix(l, input: (64, 64)) @ flatten(x)'),
    # One epoch of the small CNN (forward, backward and sgd, 32 steps), as learning.py times it.
    Workload(CNN_NAME, cnn_data, CNN),
]


# swift build flags for a binary whose debug information valgrind 3.19 reads.
DWARF4_BUILD = ["swift", "build", "-c", "release", "--product", "receptive", "--scratch-path", ".build/callgrind",
                "-Xswiftc", "-g", "-Xswiftc", "-dwarf-version=4", "-Xcc", "-gdwarf-4"]


def instructions(binary, workdir, script, out=None):
    path = workdir / "script.rcp"
    path.write_text(script)
    out = out or workdir / "callgrind.out"
    run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary, "run", str(path)],
                         cwd=workdir, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(run.stderr[-2000:])
    match = re.search(r"Collected : (\d+)", run.stderr)
    if not match:
        raise RuntimeError("callgrind printed no total:\n" + run.stderr[-2000:])
    return int(match.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--receptive", default=str(ROOT / ".build/release/receptive"))
    parser.add_argument("--annotate", metavar="DIR",
                        help="build with DWARF 4 and keep each workload's callgrind.out files in DIR")
    parser.add_argument("--only", default="", help="run the workloads whose name contains this")
    parser.add_argument("--calls", type=int, default=3)
    parser.add_argument("--interpreter", action="store_true",
                        help="the interpreter's workloads, with their CPython peers' counts")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    if args.interpreter:
        rows = [w for w in WORKLOADS if "interpreter" in w.name]
    else:
        rows = [w for w in WORKLOADS if "interpreter" not in w.name] + EXTRA + CORE_WORKLOADS + EVERYDAY_WORKLOADS
    keep = pathlib.Path(args.annotate).resolve() if args.annotate else None
    with tempfile.TemporaryDirectory() as directory:
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            subprocess.run(DWARF4_BUILD, cwd=ROOT, check=True)
            binary = ROOT / ".build/callgrind/release/receptive"
        else:
            binary = pathlib.Path(directory) / "receptive"
            subprocess.run(["strip", "--strip-debug", "-o", str(binary), args.receptive], check=True)
        for index, workload in enumerate(rows):
            if args.only not in workload.name:
                continue
            prefix = keep / f"{index:02d}-{re.sub(r'[^A-Za-z0-9]+', '-', workload.name).strip('-')}" if keep else None
            line = (f"{workload.name:55} {per_call(binary, workload, rng, args.calls, prefix):>16,.0f} "
                    "instructions per call")
            if args.interpreter:
                peers = [f"{peer} {peer_per_call(peer, workload, rng, args.calls):,.0f}" for peer in workload.peers]
                line += " (" + "; ".join(peers) + ")"
            print(line, flush=True)


def per_call(binary, workload, rng, calls, keep_prefix=None):
    """One call's instructions; with `keep_prefix`, the two runs' callgrind.out files are kept
    as PREFIX.once.out and PREFIX.calls.out."""
    with tempfile.TemporaryDirectory() as directory:
        workdir = pathlib.Path(directory)
        for name, array in workload.inputs(rng).items():
            np.save(workdir / f"{name}.npy", array)
        kept = (None, None) if keep_prefix is None else (pathlib.Path(f"{keep_prefix}.once.out"),
                                                          pathlib.Path(f"{keep_prefix}.calls.out"))
        once = instructions(binary, workdir, workload.receptive + "\nr = work()\n", kept[0])
        many = instructions(binary, workdir, workload.receptive + "\nr = work()\n" + "r = work()\n" * calls,
                            kept[1])
    return (many - once) / calls


def peer_per_call(peer, workload, rng, calls):
    """One call of a Python peer, counted as `per_call` counts Receptive's."""
    with tempfile.TemporaryDirectory() as directory:
        workdir = pathlib.Path(directory)
        for name, array in workload.inputs(rng).items():
            np.save(workdir / f"{name}.npy", array)
        names = ", ".join(repr(name) for name in workload.inputs(rng))
        setup = (f"import sys, numpy as np\nsys.path.insert(0, {str(pathlib.Path(__file__).parent)!r})\n"
                 f"from workloads import WORKLOADS\n"
                 f"w = next(w for w in WORKLOADS if w.name == {workload.name!r})\n"
                 f"d = {{name: np.load(name + '.npy') for name in [{names}]}}\n"
                 f"f = w.peers[{peer!r}]\nf(d)\n")
        once = python_instructions(workdir, setup)
        many = python_instructions(workdir, setup + "f(d)\n" * calls)
    return (many - once) / calls


def python_instructions(workdir, script):
    path = workdir / "peer.py"
    path.write_text(script)
    out = workdir / "callgrind.out"
    run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, str(path)],
                         cwd=workdir, capture_output=True, text=True)
    match = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or not match:
        raise RuntimeError(run.stderr[-2000:])
    return int(match.group(1))


if __name__ == "__main__":
    main()

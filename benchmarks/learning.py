"""The learning rows of the benchmark (gradients and training), run by bench.py in the same run
as its other rows: each times Receptive inside the language (`timeit` through `receptive run`)
and its peer (torch autograd in float64 with as many threads as Receptive has cores, or numpy),
and checks Receptive's answer against the peer's (max abs difference), so that a fast wrong
gradient cannot pass.

* the gradient of sum(conv2d(x, w, padding: 1) * r) with respect to x (1×64×56×56) and w
  (64×64×3×3), against torch autograd;
* one epoch of SGD (lr 0.01, batch 32, in order) on a small CNN (conv 1→8 3×3, relu, max pool 2,
  conv 8→16 3×3, relu, max pool 2, dense 400 → 10, all with bias, cross-entropy) over 1,024
  random 28×28 images, from the same weights, against torch; also each process's peak memory;
* learning [-1, 1] back from the figure 9.6 picture and its edge map by 100 steps of gradient
  descent with `grad` in a loop, against the gradient written out by hand in numpy.

bench.py runs these rows with the others. Alone, `.venv/bin/python benchmarks/learning.py
[--receptive BIN] [--torch-python PY] [--only REGEX]` runs just them and writes
results/learning.{md,json}."""
import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
TORCH_PEER = HERE / "torch_learning_peer.py"
FIGURE = HERE.parent / "notebooks" / "data" / "figure96.pgm"

CONV_BACKWARD = """x = load("x.npy")
w = load("w.npy")
probe = load("r.npy")
fn loss(x, w) = sum(conv2d(x, w, padding: 1) * probe)
fn work() {
    g = grad(loss, x, w)
    return concat((flatten(g[0]), flatten(g[1])))
}"""

CNN = """images = load("images.npy")
labels = load("labels.npy")
c1 = conv_layer((3, 3), out_channels: 8, bias: true)
c1.weight = load("w1.npy")
c1.bias = load("b1.npy")
c2 = conv_layer((3, 3), in_channels: 8, out_channels: 16, bias: true)
c2.weight = load("w2.npy")
c2.bias = load("b2.npy")
d = dense_layer(400, 10, bias: true)
d.weight = load("w3.npy")
d.bias = load("b3.npy")
m = sequential(c1, relu, pool_layer((2, 2)), c2, relu, pool_layer((2, 2)), d)
fn epoch(model) = train(model, images, labels, loss: cross_entropy, optimizer: sgd(lr: 0.01), epochs: 1,
                        batch: 32, shuffle: false, plot: false)
fn work() {
    n = copy(m)
    epoch(n)
    return n.layers[-1].weight
}"""

KERNEL_LOOP = """x = load("x.npy")
y = load("y.npy")
fn loss(w) = mean((correlate(x, w) - y) ** 2)
fn work() {
    w = [[0, 0]]
    for step in arange(100) { w = w - grad(loss, w) }
    return w
}"""


def figure_pair():
    """The figure 9.6 picture in [0, 1] and its [-1, 1] edge map."""
    raw = FIGURE.read_bytes()
    # P5, a comment line, "width height", "255", then the raster (one byte a pixel).
    header = [line for line in raw.split(b"\n", 4)[:4] if not line.startswith(b"#")]
    width, height = (int(v) for v in header[1].split())
    x = np.frombuffer(raw[-width * height:], dtype=np.uint8).reshape(height, width) / 255.0
    return x, x[:, 1:] - x[:, :-1]


def numpy_kernel_loop(x, y):
    """100 steps of gradient descent on mean((w0·x[:, :-1] + w1·x[:, 1:] − y)²), by hand."""
    left, right = x[:, :-1], x[:, 1:]
    w = np.zeros(2)
    scale = 2.0 / y.size
    for _ in range(100):
        e = w[0] * left + w[1] * right - y
        w = w - scale * np.array([np.sum(e * left), np.sum(e * right)])
    return w.reshape(1, 2)


def cnn_data(rng):
    def uniform(shape, fan_in):
        bound = 1 / np.sqrt(fan_in)
        return rng.uniform(-bound, bound, size=shape)
    return {"images": rng.random((1024, 1, 28, 28)), "labels": rng.integers(0, 10, 1024).astype(np.float64),
            "w1": uniform((8, 1, 3, 3), 9), "b1": uniform((8,), 9),
            "w2": uniform((16, 8, 3, 3), 72), "b2": uniform((16,), 72),
            "w3": uniform((10, 400), 400), "b3": uniform((10,), 400)}


def save_all(workdir, data):
    for name, array in data.items():
        np.save(workdir / f"{name}.npy", array)


def torch_peer(torch, workload, workdir, repeat):
    run = subprocess.run([torch.python, str(TORCH_PEER), "--threads", str(torch.threads), "--repeat", str(repeat),
                          workload, str(workdir)], capture_output=True, text=True, timeout=1800)
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip())
    return float(run.stdout.strip().splitlines()[-1]), np.load(workdir / "torch-result.npy")


def row(name, ours, peer, seconds, difference, target, needed, notes=()):
    ratio = seconds / ours if seconds is not None else None
    return {"workload": name, "receptive_s": ours, "peers_s": {peer: seconds} if seconds is not None else {},
            "ratio": ratio, "ratios": {peer: ratio} if ratio is not None else {}, "target": target,
            "targets": {peer: needed}, "unmeasured_targets": [] if ratio is not None else [peer],
            "met": ratio is None or ratio >= needed, "max_abs_diff": difference, "notes": list(notes)}


CONV_NAME = "conv2d forward + backward (x and w), x 1×64×56×56, w 64×64×3×3, padding 1"
CNN_NAME = "one epoch of a small CNN, 1,024 28×28 images, batch 32, sgd"
LOOP_NAME = "learning [-1, 1] from the 280×320 figure 9.6 pair, grad in a loop, 100 steps"


def learning_rows(binary, torch, *, only, run_receptive, peak_rss_mb, time_python, repeat):
    """The rows whose names `only` (a regular expression, or None for all) matches; the timing
    helpers are bench.py's, so that every row is timed alike."""
    def wanted(name):
        return only is None or only.search(name)
    rng = np.random.default_rng(9)
    rows = []
    if wanted(CONV_NAME):
        rows.append(conv_backward_row(binary, torch, rng, run_receptive, repeat))
    if wanted(CNN_NAME):
        rows.append(cnn_row(binary, torch, rng, run_receptive, peak_rss_mb, repeat))
    if wanted(LOOP_NAME):
        rows.append(kernel_loop_row(binary, run_receptive, time_python))
    return rows


def conv_backward_row(binary, torch, rng, run_receptive, repeat):
    with tempfile.TemporaryDirectory() as scratch:
        workdir = pathlib.Path(scratch)
        save_all(workdir, {"x": rng.standard_normal((1, 64, 56, 56)),
                           "w": rng.standard_normal((64, 64, 3, 3)) * 0.05,
                           "r": rng.standard_normal((1, 64, 56, 56))})
        ours, result = run_receptive(binary, workdir, CONV_BACKWARD)
        theirs, difference, notes = None, None, []
        if torch.version is None:
            notes.append("torch peer skipped (torch not importable)")
        else:
            theirs, reference = torch_peer(torch, "conv-backward", workdir, repeat)
            difference = float(np.max(np.abs(result - reference)))
        return row(CONV_NAME, ours, "torch autograd f64", theirs, difference, "≥ 1.5× torch f64", 1.5, notes)


def cnn_row(binary, torch, rng, run_receptive, peak_rss_mb, repeat):
    with tempfile.TemporaryDirectory() as scratch:
        workdir = pathlib.Path(scratch)
        save_all(workdir, cnn_data(rng))
        ours, result = run_receptive(binary, workdir, CNN)
        theirs, difference, notes, peak, peer_peak = None, None, [], None, None
        (workdir / "epoch.rcp").write_text(CNN + "\nepoch(m)\n")
        peak = peak_rss_mb([binary, "run", "epoch.rcp"], workdir)
        if torch.version is None:
            notes.append("torch peer skipped (torch not importable)")
        else:
            theirs, reference = torch_peer(torch, "cnn-epoch", workdir, repeat)
            difference = float(np.max(np.abs(result - reference)))
            peer_peak = peak_rss_mb([torch.python, str(TORCH_PEER), "--threads", str(torch.threads),
                                     "--memory-only", "cnn-epoch", str(workdir)], workdir)
        cnn = row(CNN_NAME, ours, "torch f64", theirs, difference, "≥ 1.5× torch f64; peak memory ≤ torch's", 1.5,
                  notes)
        cnn["peak_mb"] = peak
        if peer_peak is not None:
            cnn["peer_peak_mb"] = peer_peak
            cnn["met"] = cnn["met"] and peak <= peer_peak
        return cnn


def kernel_loop_row(binary, run_receptive, time_python):
    with tempfile.TemporaryDirectory() as scratch:
        workdir = pathlib.Path(scratch)
        x, y = figure_pair()
        save_all(workdir, {"x": x, "y": y})
        ours, result = run_receptive(binary, workdir, KERNEL_LOOP)
        peer = "numpy hand-written gradient"
        theirs, reference = time_python(lambda pair: numpy_kernel_loop(*pair), (x, y))
        return row(LOOP_NAME, ours, peer, theirs, float(np.max(np.abs(result - reference))), "≥ 1× numpy", 1.0)



def main():
    import bench  # the timing helpers, the torch peers and the table format of the other rows
    parser = argparse.ArgumentParser(description="the learning rows of the benchmark, alone")
    parser.add_argument("--receptive", default=str(HERE.parent / ".build" / "release" / "receptive"))
    parser.add_argument("--torch-python", default=os.environ.get("RECEPTIVE_TORCH_PYTHON", sys.executable),
                        help="a Python with torch and numpy that runs the torch peers")
    parser.add_argument("--torch-threads", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--only", help="run only the rows whose name matches this regular expression")
    args = parser.parse_args()
    torch = bench.TorchPeers(args.torch_python, args.torch_threads)
    load = os.getloadavg()[0]
    rows = learning_rows(os.path.abspath(args.receptive), torch, only=re.compile(args.only) if args.only else None,
                         run_receptive=bench.run_receptive, peak_rss_mb=bench.peak_rss_mb,
                         time_python=bench.time_python, repeat=bench.REPEAT)
    environment = {"cores": len(os.sched_getaffinity(0)), "load_average_before": load, "torch": torch.describe()}
    table = bench.markdown(rows) + (f"\n\n{environment['cores']} cores (load average {load:.2f} before the run); "
                                    f"{environment['torch']}.")
    print(table)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "learning.json").write_text(json.dumps({"environment": environment, "rows": rows}, indent=2,
                                                      ensure_ascii=False))
    (results / "learning.md").write_text(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

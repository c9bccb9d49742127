"""The numeric workloads of the benchmark: each builds its inputs once, times Receptive inside
the language (`timeit` through `receptive run`, so the interpreter is included) and the peers in
Python, and checks Receptive's answer against one peer's (max abs difference). torch peers are
`TorchConv` specs, run by bench.py in a separate Python (benchmarks/torch_peer.py)."""
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import numpy as np


@dataclass
class Workload:
    name: str
    inputs: Callable[[np.random.Generator], dict]   # name → array, saved as .npy for Receptive
    receptive: str                                   # statements; must define `fn work()`
    peers: dict = field(default_factory=dict)        # peer name → f(inputs), a TorchConv or a TorchSoftmax
    target: str = ""
    targets: dict = field(default_factory=dict)      # peer name → required peer time / ours
    compare_to: Optional[str] = None                 # peer whose result must agree
    repeat: int = 7                                  # timed calls per side (the median is kept)


@dataclass
class TorchConv:
    """torch.nn.functional.conv2d in float64 on inputs `image` and `kernel` (names in the
    workload's inputs), timed by benchmarks/torch_peer.py in the Python that has torch."""
    image: str
    kernel: str
    padding: int


@dataclass
class TorchSoftmax:
    """torch.softmax(x, dim=-1) in float64 on input `x`, timed by benchmarks/torch_peer.py."""
    x: str


def _scipy_ndimage(x, k):
    from scipy import ndimage
    return ndimage.correlate(x, k, mode="constant", cval=0.0)


def _scipy_signal_same(x, k):
    from scipy import signal
    return signal.correlate2d(x, k, mode="same")


def _einsum_conv(x, w):
    padded = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    windows = np.lib.stride_tricks.sliding_window_view(padded, (3, 3), axis=(2, 3))
    return np.einsum("nchwij,ocij->nohw", windows, w, optimize=True)


def _python_loop(_):
    total = 0.0
    for i in range(1_000_000):
        total += i
    return total


def _fib(n):
    return n if n < 2 else _fib(n - 1) + _fib(n - 2)


def _as_lists(d):
    """The inputs as nested Python lists, made once (by the untimed warm-up call)."""
    if "_lists" not in d:
        d["_lists"] = (d["x"].tolist(), d["k"].tolist())
    return d["_lists"]


def _correlate_lists(d):
    x, k = _as_lists(d)
    kh, kw = len(k), len(k[0])
    rows, columns = len(x) - kh + 1, len(x[0]) - kw + 1
    out = [[0.0] * columns for _ in range(rows)]
    for i in range(rows):
        for j in range(columns):
            s = 0.0
            for a in range(kh):
                for b in range(kw):
                    s += x[i + a][j + b] * k[a][b]
            out[i][j] = s
    return out


def _correlate_numpy_scalars(d):
    x, k = d["x"], d["k"]
    kh, kw = k.shape
    rows, columns = x.shape[0] - kh + 1, x.shape[1] - kw + 1
    out = np.zeros((rows, columns))
    for i in range(rows):
        for j in range(columns):
            s = 0.0
            for a in range(kh):
                for b in range(kw):
                    s += x[i + a, j + b] * k[a, b]
            out[i, j] = s
    return out


def _append_loop(_):
    xs = []
    for i in range(100_000):
        xs.append(i)
    return xs


def _comprehension(_):
    return [i * 2 for i in range(100_000)]


def course_function(notebook: str, name: str) -> str:
    """The definition of `fn name(...) { ... }` in a code cell of a course notebook: from its
    first line to the first line that is only `}`."""
    path = Path(__file__).resolve().parent.parent / "notebooks" / notebook
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        lines = "".join(cell["source"]).splitlines()
        start = next((n for n, line in enumerate(lines) if line.startswith(f"fn {name}(")), None)
        if cell["cell_type"] == "code" and start is not None:
            end = lines.index("}", start)
            return "\n".join(lines[start:end + 1])
    raise LookupError(f"no code cell of notebooks/{notebook} defines fn {name}")


# The hand-written valid correlation of CS231n's conv_forward_naive, as a new user writes it: the
# course's own cell (notebook 1, "Two dimensions by hand"), so the row times what students run.
HAND_CORRELATION = ('x = load("x.npy")\nk = load("k.npy")\n'
                    + course_function("01-convolution.ipynb", "correlate_by_hand")
                    + "\nfn work() = correlate_by_hand(x, k)")


SAME_PEERS = ("scipy.ndimage.correlate", "scipy.signal.correlate2d", "torch conv2d")


def same_2d(size, ratio, side=1024, peers=SAME_PEERS):
    """A side×side image correlated with a size×size kernel, mode "same": Receptive must be
    `ratio`× faster than every peer in `peers`."""
    return Workload(
        f"{side}×{side} image, {size}×{size} kernel, same",
        lambda rng: {"x": rng.standard_normal((side, side)), "k": rng.standard_normal((size, size))},
        'x = load("x.npy")\nk = load("k.npy")\nfn work() = correlate(x, k, mode: "same")',
        {name: peer for name, peer in {
            "scipy.ndimage.correlate": lambda d: _scipy_ndimage(d["x"], d["k"]),
            "scipy.signal.correlate2d": lambda d: _scipy_signal_same(d["x"], d["k"]),
            "torch conv2d": TorchConv("x", "k", size // 2)}.items() if name in peers},
        f"≥ {ratio:g}× fastest peer" if len(peers) > 1 else f"≥ {ratio:g}× {peers[0]}",
        {peer: ratio for peer in peers}, "scipy.ndimage.correlate" if "scipy.signal.correlate2d" not in peers
        else "scipy.signal.correlate2d")


WORKLOADS = [
    Workload(
        "fig 9.6 edge detection 280×320, [-1, 1], valid",
        lambda rng: {"x": rng.random((280, 320)), "k": np.array([[-1.0, 1.0]])},
        'x = load("x.npy")\nk = [[-1, 1]]\nfn work() = correlate(x, k)',
        {"numpy slicing": lambda d: d["x"][:, 1:] - d["x"][:, :-1],
         "scipy.signal.correlate2d": lambda d: __import__("scipy.signal").signal.correlate2d(d["x"], d["k"], mode="valid"),
         "torch conv2d": TorchConv("x", "k", 0)},
        "≤ 1.5× numpy slicing", {"numpy slicing": 1 / 1.5}, "numpy slicing"),
    same_2d(3, 5.0),
    same_2d(7, 3.0),
    Workload(
        "conv2d 1×64×56×56 → 64, 3×3, padding 1",
        lambda rng: {"x": rng.standard_normal((1, 64, 56, 56)), "w": rng.standard_normal((64, 64, 3, 3))},
        'x = load("x.npy")\nw = load("w.npy")\nfn work() = conv2d(x, w, padding: 1)',
        {"numpy sliding_window+einsum": lambda d: _einsum_conv(d["x"], d["w"]),
         "torch conv2d f64": TorchConv("x", "w", 1)},
        "≥ 1× numpy-einsum, ≥ 1.5× torch f64",
        {"numpy sliding_window+einsum": 1.0, "torch conv2d f64": 1.5}, "numpy sliding_window+einsum"),
    Workload(
        "1-D signal 10⁶ samples, width-5 kernel, valid",
        lambda rng: {"x": rng.standard_normal(1_000_000), "k": rng.standard_normal(5)},
        'x = load("x.npy")\nk = load("k.npy")\nfn work() = correlate(x, k)',
        {"numpy.correlate": lambda d: np.correlate(d["x"], d["k"], "valid"),
         "scipy.signal.correlate": lambda d: __import__("scipy.signal").signal.correlate(d["x"], d["k"], mode="valid")},
        "≥ 1× numpy", {"numpy.correlate": 1.0}, "numpy.correlate"),
    Workload(
        "interpreter: for loop summing 10⁶ numbers",
        lambda rng: {},
        'fn work() {\n  total = 0\n  for i in arange(1000000) { total += i }\n  return total\n}',
        {"CPython for loop": _python_loop},
        "≥ 4× CPython", {"CPython for loop": 4.0}, "CPython for loop"),
    Workload(
        "interpreter: recursive fib(22)",
        lambda rng: {},
        "fn fib(n) {\n  if n < 2 { return n }\n  return fib(n - 1) + fib(n - 2)\n}\nfn work() = fib(22)",
        {"CPython": lambda _: _fib(22)},
        "≥ 1.5× CPython", {"CPython": 1.5}, "CPython"),
    Workload(
        "interpreter: hand-written 64×64 3×3 valid correlation, element indexing",
        lambda rng: {"x": rng.standard_normal((64, 64)), "k": rng.standard_normal((3, 3))},
        HAND_CORRELATION,
        {"CPython nested lists": _correlate_lists, "CPython numpy scalar indexing": _correlate_numpy_scalars},
        "≥ 1× lists, ≥ 3× numpy", {"CPython nested lists": 1.0, "CPython numpy scalar indexing": 3.0},
        "CPython numpy scalar indexing"),
    Workload(
        "interpreter: a 10⁵-element list with append",
        lambda rng: {},
        "fn work() {\n  xs = []\n  for i in range(100000) { append(xs, i) }\n  return xs\n}",
        {"CPython list.append": _append_loop},
        "≥ 1× CPython", {"CPython list.append": 1.0}, "CPython list.append"),
    Workload(
        "interpreter: a 10⁵-element list comprehension",
        lambda rng: {},
        "fn work() = [i * 2 for i in range(100000)]",
        {"CPython list comprehension": _comprehension},
        "≥ 1× CPython", {"CPython list comprehension": 1.0}, "CPython list comprehension"),
]


# The tensor core's everyday operations (issue 20): each at 64², 1024² and 2048² against numpy
# in the same run, Receptive's result checked against numpy's (max abs difference and ulps).
def _square_inputs(side):
    return lambda rng: {"x": rng.standard_normal((side, side)), "y": rng.standard_normal((side, side))}


def _core(name, receptive, numpy_peer, side, inputs=None, repeat=None, target=1.0):
    return Workload(
        f"{name}, {side}×{side}", inputs or _square_inputs(side),
        'x = load("x.npy")\ny = load("y.npy")\nfn work() = ' + receptive,
        {"numpy": numpy_peer}, f"≥ {target:g}× numpy", {"numpy": target}, "numpy",
        repeat or (201 if side <= 64 else 21))


def _softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


CORE_OPERATIONS = [
    ("x * 2", "x * 2", lambda d: d["x"] * 2),
    ("x + y", "x + y", lambda d: d["x"] + d["y"]),
    ("x + y[0] (broadcast)", "x + y[0]", lambda d: d["x"] + d["y"][0]),
    ("exp(x)", "exp(x)", lambda d: np.exp(d["x"])),
    ("tanh(x)", "tanh(x)", lambda d: np.tanh(d["x"])),
    ("sum(x)", "sum(x)", lambda d: np.sum(d["x"])),
    ("max(x, axis: 0)", "max(x, axis: 0)", lambda d: np.max(d["x"], axis=0)),
    ("x.T + 0 (transpose, materialised)", "x.T + 0", lambda d: d["x"].T + 0),
]

CORE_WORKLOADS = [_core(name, receptive, peer, side)
                  for side in (64, 1024, 2048) for name, receptive, peer in CORE_OPERATIONS]
CORE_WORKLOADS += [_core("x @ y", "x @ y", lambda d: d["x"] @ d["y"], side, repeat=51 if side <= 256 else 7)
                   for side in (64, 256, 1024)]
CORE_WORKLOADS += [
    Workload("softmax(x, axis: -1), 1024×1000", lambda rng: {"x": rng.standard_normal((1024, 1000))},
             'x = load("x.npy")\nfn work() = softmax(x, axis: -1)',
             {"numpy": lambda d: _softmax(d["x"]), "torch softmax f64": TorchSoftmax("x")},
             "≥ 1× numpy, ≥ 1× torch f64", {"numpy": 1.0, "torch softmax f64": 1.0}, "numpy", 21),
    same_2d(3, 5.0, side=2048, peers=("scipy.ndimage.correlate",)),
    same_2d(3, 5.0, side=4096, peers=("scipy.ndimage.correlate",)),
]

# The rest of the everyday operations at 1024² (not rows of issue 20's table, held to the same
# "at least numpy" bar): the other functions, reductions along rows, copies, products.
EVERYDAY_WORKLOADS = [
    _core("log(|x|)", "log(abs(x))", lambda d: np.log(np.abs(d["x"])), 1024),
    _core("sin(x)", "sin(x)", lambda d: np.sin(d["x"]), 1024),
    _core("cos(x)", "cos(x)", lambda d: np.cos(d["x"]), 1024),
    _core("sqrt(|x|)", "sqrt(abs(x))", lambda d: np.sqrt(np.abs(d["x"])), 1024),
    _core("sigmoid(x)", "sigmoid(x)", lambda d: 1 / (1 + np.exp(-d["x"])), 1024),
    _core("x ** 3", "x ** 3", lambda d: d["x"] ** 3, 1024),
    _core("sum(x, axis: 1)", "sum(x, axis: 1)", lambda d: np.sum(d["x"], axis=1), 1024),
    _core("max(x, axis: 1)", "max(x, axis: 1)", lambda d: np.max(d["x"], axis=1), 1024),
    # transpose(x) alone is a view in both (no work); slicing every element of it copies it
    # into row-major order, as np.ascontiguousarray does.
    _core("transpose(x)[:, :] (copied)", "transpose(x)[:, :]", lambda d: np.ascontiguousarray(d["x"].T), 2048),
    _core("x[::2, 1:-1] (copied)", "x[::2, 1:-1]", lambda d: d["x"][::2, 1:-1].copy(), 2048),
    Workload("matrix × vector, 2048×2048 @ 2048",
             lambda rng: {"x": rng.standard_normal((2048, 2048)), "v": rng.standard_normal(2048)},
             'x = load("x.npy")\nv = load("v.npy")\nfn work() = x @ v',
             {"numpy": lambda d: d["x"] @ d["v"]}, "≥ 1× numpy", {"numpy": 1.0}, "numpy", 21),
    Workload("stacked @, 64 × (128×128 @ 128×128)",
             lambda rng: {"a": rng.standard_normal((64, 128, 128)), "b": rng.standard_normal((64, 128, 128))},
             'a = load("a.npy")\nb = load("b.npy")\nfn work() = a @ b',
             {"numpy": lambda d: d["a"] @ d["b"]}, "≥ 1× numpy", {"numpy": 1.0}, "numpy", 21),
]

"""The numeric workloads of the benchmark: each builds its inputs once, times Receptive inside
the language (`timeit` through `receptive run`, so the interpreter is included) and the peers in
Python, and checks Receptive's answer against one peer's (max abs difference). torch peers are
`TorchConv` specs, run by bench.py in a separate Python (benchmarks/torch_peer.py)."""
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np


@dataclass
class Workload:
    name: str
    inputs: Callable[[np.random.Generator], dict]   # name → array, saved as .npy for Receptive
    receptive: str                                   # statements; must define `fn work()`
    peers: dict = field(default_factory=dict)        # peer name → f(inputs) or a TorchConv
    target: str = ""
    targets: dict = field(default_factory=dict)      # peer name → required peer time / ours
    compare_to: Optional[str] = None                 # peer whose result must agree


@dataclass
class TorchConv:
    """torch.nn.functional.conv2d in float64 on inputs `image` and `kernel` (names in the
    workload's inputs), timed by benchmarks/torch_peer.py in the Python that has torch."""
    image: str
    kernel: str
    padding: int


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


SAME_PEERS = ("scipy.ndimage.correlate", "scipy.signal.correlate2d", "torch conv2d")


def every_peer(ratio):
    """The targets of a 1024² row: "≥ ratio× faster than the fastest peer" is that against each."""
    return {peer: ratio for peer in SAME_PEERS}


def same_2d(size, ratio):
    """The 1024×1024 image correlated with a size×size kernel, mode "same": Receptive must be
    `ratio`× faster than every peer."""
    return Workload(
        f"1024×1024 image, {size}×{size} kernel, same",
        lambda rng: {"x": rng.standard_normal((1024, 1024)), "k": rng.standard_normal((size, size))},
        'x = load("x.npy")\nk = load("k.npy")\nfn work() = correlate(x, k, mode: "same")',
        {"scipy.ndimage.correlate": lambda d: _scipy_ndimage(d["x"], d["k"]),
         "scipy.signal.correlate2d": lambda d: _scipy_signal_same(d["x"], d["k"]),
         "torch conv2d": TorchConv("x", "k", size // 2)},
        f"≥ {ratio:g}× fastest peer", every_peer(ratio), "scipy.signal.correlate2d")


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
        "faster than CPython", {"CPython for loop": 1.0}, "CPython for loop"),
]

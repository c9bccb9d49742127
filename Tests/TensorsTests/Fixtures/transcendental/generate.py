"""Writes the high-precision reference of the transcendental-function accuracy tests
(Tests/TensorsTests/TranscendentalAccuracyTests.swift).

Run once from the repository root with a Python that has numpy and mpmath (`.venv` has both):

    .venv/bin/python Tests/TensorsTests/Fixtures/transcendental/generate.py

For each of exp, log, sin, cos, tanh, sigmoid, sqrt (and pow, of two arguments) it draws inputs
over the function's whole range, weighted towards where algorithms go wrong (near 0, near the
limits where results overflow, underflow or turn subnormal, where the vector paths hand over to
libm, near multiples of pi/2, huge arguments, subnormal inputs), evaluates the function with
mpmath at 256 bits, and stores, per point, the input(s), the correctly rounded double and the
rest (exact value minus that double, in ulps of it), so a test can measure errors in fractions
of an ulp. Points whose result overflows or is NaN are left out: the tests check those specials
against libm (numpy's semantics) directly.

The files are small on purpose (a few thousand points per function, ~0.6 MB in all): the tests'
sweep of 10^7 points per function uses glibc's long-double functions as its reference, and these
points are also what checks that reference (it must agree with mpmath to 1/100 ulp here).
provenance.json names the tools and versions that made the files. Deterministic (fixed seed).
"""
import json
import platform
import sys
from pathlib import Path

import mpmath
import numpy as np

HERE = Path(__file__).resolve().parent
rng = np.random.default_rng(20261204)
mpmath.mp.prec = 256
COUNT = 4000


def log_uniform(low_exp, high_exp, n, signed=True):
    """|x| = 2^u with u uniform in [low_exp, high_exp), random mantissa via the exponent."""
    values = np.exp2(rng.uniform(low_exp, high_exp, n))
    if signed:
        values *= rng.choice([-1.0, 1.0], n)
    return values


def around(points, ulps=3):
    """Each point and its neighbours up to `ulps` doubles away on either side."""
    out = []
    for p in points:  # nextafter past the largest double gives inf: filtered out later
        x = float(p)
        out.append(x)
        up = down = x
        for _ in range(ulps):
            up, down = np.nextafter(up, np.inf), np.nextafter(down, -np.inf)
            out += [float(up), float(down)]
    return out


def random_finite_bits(n, positive=False):
    bits = rng.integers(0, 1 << 63, n, dtype=np.int64).astype(np.uint64)
    if not positive:
        bits |= rng.integers(0, 2, n, dtype=np.uint64) << np.uint64(63)
    values = bits.view(np.float64)
    return values[np.isfinite(values)]


def correctly_rounded(value):
    """The double nearest to an mpf (ties to even), and the rest (exact minus that) in ulps of it:
    np.spacing(|rounded|), 2^-1074 among the subnormals, so the rest is representable there too."""
    if value == 0:
        return 0.0, 0.0
    if abs(value) < mpmath.mpf(2) ** -1022:
        rounded = float(mpmath.ldexp(mpmath.nint(mpmath.ldexp(value, 1074)), -1074))
    else:
        with mpmath.workprec(53):
            rounded = float(+value)
    spacing = float(np.spacing(abs(rounded)))
    return rounded, float((value - mpmath.mpf(rounded)) / mpmath.mpf(spacing))


def sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


FUNCTIONS = {
    "exp": (mpmath.exp, lambda: np.concatenate([
        rng.uniform(-745.2, 709.8, COUNT // 2), log_uniform(-60, 0, COUNT // 4),
        rng.uniform(-20, 20, COUNT // 8),
        around([708.0, -708.0, 709.782712893384, -708.3964185322641, -745.1332191019411, 0.5 * np.log(2)])])),
    "log": (mpmath.log, lambda: np.concatenate([
        random_finite_bits(COUNT // 2, positive=True), 1 + log_uniform(-50, -1, COUNT // 4),
        log_uniform(-1074, 1024, COUNT // 8, signed=False),
        around([2.0 ** -1022, np.sqrt(0.5), np.sqrt(2.0), 1.0, np.finfo(float).max])])),
    "sin": (mpmath.sin, lambda: np.concatenate([
        log_uniform(-40, 20, COUNT // 2), log_uniform(20, 1023, COUNT // 8),
        rng.uniform(-10, 10, COUNT // 8),
        around(np.arange(1, 200) * np.pi / 2, ulps=1), around([2.0 ** 20, -(2.0 ** 20)])])),
    "cos": (mpmath.cos, lambda: np.concatenate([
        log_uniform(-40, 20, COUNT // 2), log_uniform(20, 1023, COUNT // 8),
        rng.uniform(-10, 10, COUNT // 8),
        around(np.arange(1, 200) * np.pi / 2, ulps=1), around([2.0 ** 20, -(2.0 ** 20)])])),
    "tanh": (mpmath.tanh, lambda: np.concatenate([
        log_uniform(-40, 5, COUNT // 2), rng.uniform(-25, 25, COUNT // 4),
        around([0.2554128118829953, 0.5493061443340549, 22.0, -22.0, 2.0 ** -28])])),
    "sigmoid": (sigmoid, lambda: np.concatenate([
        rng.uniform(-745, 745, COUNT // 2), rng.uniform(-40, 40, COUNT // 4), log_uniform(-40, 0, COUNT // 8),
        around([40.0, -708.0, 708.0, 36.7])])),
    "sqrt": (mpmath.sqrt, lambda: np.concatenate([
        random_finite_bits(COUNT // 2, positive=True), log_uniform(-1074, 1024, COUNT // 4, signed=False)])),
}


def pow_points():
    n = COUNT // 4
    x = log_uniform(-40, 40, n, signed=False)
    # exponents that keep x^y within the doubles, some beyond
    y = rng.uniform(-1, 1, n) * 760 / np.abs(np.log(x))
    xs, ys = [x], [y]
    base = log_uniform(-5, 5, n, signed=False)
    xs.append(base), ys.append(rng.uniform(-30, 30, n))
    negative = -log_uniform(-5, 5, n, signed=False)
    xs.append(negative), ys.append(np.round(rng.uniform(-40, 40, n)))
    near_one = 1 + log_uniform(-50, -2, n)
    xs.append(near_one), ys.append(rng.uniform(-1, 1, n) * 2.0 ** rng.uniform(0, 50, n))
    return np.concatenate(xs), np.concatenate(ys)


def main():
    np.seterr(over="ignore")
    summary = {}
    for name, (function, inputs) in FUNCTIONS.items():
        rows = []
        for x in inputs():
            value = function(mpmath.mpf(float(x)))
            if not mpmath.isfinite(value) or abs(value) > mpmath.mpf(np.finfo(float).max):
                continue
            rounded, rest = correctly_rounded(value)
            rows.append((float(x), rounded, rest))
        np.save(HERE / f"{name}.npy", np.array(rows, dtype=np.float64))
        summary[name] = len(rows)
    rows = []
    for x, y in zip(*pow_points()):
        value = mpmath.power(mpmath.mpf(float(x)), mpmath.mpf(float(y)))
        if mpmath.im(value) != 0:
            continue
        value = mpmath.re(value)
        if not mpmath.isfinite(value) or abs(value) > mpmath.mpf(np.finfo(float).max):
            continue
        rounded, rest = correctly_rounded(value)
        rows.append((float(x), float(y), rounded, rest))
    np.save(HERE / "pow.npy", np.array(rows, dtype=np.float64))
    summary["pow"] = len(rows)
    provenance = {
        "generator": "Tests/TensorsTests/Fixtures/transcendental/generate.py",
        "mpmath": mpmath.__version__, "mpmath_precision_bits": mpmath.mp.prec,
        "numpy": np.__version__, "python": platform.python_version(),
        "columns": {"unary": ["x", "correctly rounded f(x)", "f(x) minus that, in ulps of it"],
                    "pow": ["x", "y", "correctly rounded x**y", "x**y minus that, in ulps of it"]},
        "ulp": "numpy.spacing(|correctly rounded|): 2^(e-52) for 2^e <= |r| < 2^(e+1), 2^-1074 below 2^-1022",
        "points": summary,
    }
    (HERE / "provenance.json").write_text(json.dumps(provenance, indent=2) + "\n")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

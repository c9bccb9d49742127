"""Generates numpy_cases.json: random indexing, padding, rolling and reduction cases with the
results numpy gives, for NumpyDifferentialTests.swift. Run once from the repository's root; the
output is committed.

    .venv/bin/python Tests/TensorsTests/Fixtures/make_numpy_cases.py
"""
import json
from pathlib import Path

import numpy as np

rng = np.random.default_rng(20261128)


def random_shape(max_rank, low=0, high=6):
    return [int(e) for e in rng.integers(low, high + 1, size=int(rng.integers(1, max_rank + 1)))]


def bound():
    return None if rng.random() < 0.3 else int(rng.integers(-8, 9))


def slicing_case():
    shape = random_shape(3)
    components = []
    for axis in range(int(rng.integers(0, len(shape) + 1))):
        if rng.random() < 0.35:
            components.append({"index": int(rng.integers(-shape[axis] - 1, shape[axis] + 1))})
        else:
            step = None if rng.random() < 0.3 else int(rng.choice([-3, -2, -1, 1, 2, 3]))
            components.append({"start": bound(), "stop": bound(), "step": step})
    key = tuple(c["index"] if "index" in c else slice(c["start"], c["stop"], c["step"]) for c in components)
    source = np.arange(float(np.prod(shape))).reshape(shape)
    try:
        result = source[key]
    except IndexError:
        return {"shape": shape, "components": components, "error": True}
    return {"shape": shape, "components": components, "resultShape": list(result.shape),
            "values": np.asarray(result).ravel().tolist()}


def pad_case():
    shape = random_shape(2, low=1, high=5)
    mode = str(rng.choice(["constant", "reflect", "edge", "wrap"]))
    widths = [[int(w) for w in rng.integers(0, 9, size=2)] for _ in shape]
    result = np.pad(np.arange(float(np.prod(shape))).reshape(shape), widths, mode=mode)
    return {"shape": shape, "mode": mode, "widths": widths, "resultShape": list(result.shape),
            "values": result.ravel().tolist()}


def roll_case():
    shape = random_shape(3, low=1, high=5)
    shift = int(rng.integers(-9, 10))
    axis = None if rng.random() < 0.3 else int(rng.integers(-len(shape), len(shape)))
    result = np.roll(np.arange(float(np.prod(shape))).reshape(shape), shift, axis=axis)
    return {"shape": shape, "shift": shift, "axis": axis, "values": result.ravel().tolist()}


def reduction_case():
    shape = random_shape(3, low=1, high=9)
    values = rng.normal(size=shape).round(3)
    name = str(rng.choice(["sum", "mean", "min", "max", "argmax", "argmin"]))
    axis = None if rng.random() < 0.3 else int(rng.integers(-len(shape), len(shape)))
    result = np.asarray(getattr(np, name)(values, axis=axis), dtype=float)
    return {"shape": shape, "input": values.ravel().tolist(), "reduction": name, "axis": axis,
            "resultShape": list(result.shape), "values": result.ravel().tolist()}


cases = {
    "slicing": [slicing_case() for _ in range(300)],
    "padding": [pad_case() for _ in range(80)],
    "rolling": [roll_case() for _ in range(80)],
    "reductions": [reduction_case() for _ in range(100)],
}
(Path(__file__).parent / "numpy_cases.json").write_text(json.dumps(cases, separators=(",", ":")) + "\n")

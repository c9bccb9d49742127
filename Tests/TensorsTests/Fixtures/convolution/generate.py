"""Writes the reference cases the convolution tests compare against.

Run from the repository root with the project's Python (numpy + scipy):

    .venv/bin/python Tests/TensorsTests/Fixtures/convolution/generate.py [--torch PYTHON]

* signal.json: scipy.signal.convolve / correlate (method="direct") for rank 1 and 2, random
  shapes (odd and even kernels, kernels larger than the input), every mode; cases where scipy
  raises are recorded as errors. Where scipy.signal.convolve2d / correlate2d agree with the
  n-d functions the script asserts so; correlate2d's "same" crop differs for even kernels
  (it starts at m // 2, the n-d functions at (m - 1) // 2) and Receptive follows the n-d ones.
* layer.json: conv1d / conv2d, max/avg pooling and adaptive max/avg pooling with
  torch.nn.functional semantics over random stride, padding (number, pair, "valid", "same"),
  dilation, groups, bias and output sizes (the adaptive cases come last, so that adding them
  left every earlier case as it was). The
  expected values come from independent direct-loop numpy implementations of torch's
  formulas written below. When `--torch PYTHON` names an interpreter with torch installed,
  every case (results and errors) is also computed by torch in that interpreter and the two
  must agree within 1e-12 of the scale; the file's "reference" field says which was done.

Each case carries "scale": the largest sum of |input| * |weight| products (plus |bias|) that
goes into one output, so the tests can bound the rounding error of a different summation
order. The fixtures are deterministic (fixed seed).
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
from scipy import signal

HERE = Path(__file__).resolve().parent
rng = np.random.default_rng(20261128)


def tensor(array):
    array = np.asarray(array, dtype=np.float64)
    return {"shape": list(array.shape), "data": [float(v) for v in array.ravel()]}


def values(shape):
    # Rounded so the JSON stays small; the values are still irregular enough to catch index errors.
    return np.round(rng.standard_normal(shape), 4)


# ---------------------------------------------------------------- scipy.signal

def signal_case(function, x, k, mode):
    case = {"function": function, "mode": mode, "x": tensor(x), "k": tensor(k)}
    reference = signal.convolve if function == "convolve" else signal.correlate
    try:
        result = reference(x, k, mode=mode, method="direct")
    except ValueError as error:
        case["error"] = str(error)
        return case
    if x.ndim == 2 and not (function == "correlate" and mode == "same" and any(m % 2 == 0 for m in k.shape)):
        two_d = signal.convolve2d if function == "convolve" else signal.correlate2d
        assert np.allclose(two_d(x, k, mode=mode), result, rtol=0, atol=1e-12), (function, mode, x.shape, k.shape)
    case["expected"] = tensor(result)
    case["scale"] = float(np.max(signal.correlate(np.abs(x), np.abs(k), mode="full", method="direct")))
    return case


def signal_cases():
    cases = []
    for _ in range(60):
        n, m = int(rng.integers(1, 40)), int(rng.integers(1, 9))
        if rng.random() < 0.2:
            n, m = m, n  # the kernel longer than the input
        x, k = values((n,)), values((m,))
        for function in ("convolve", "correlate"):
            cases.append(signal_case(function, x, k, str(rng.choice(["full", "same", "valid"]))))
    for _ in range(70):
        shape_x = tuple(int(v) for v in rng.integers(1, 13, size=2))
        shape_k = tuple(int(v) for v in rng.integers(1, 6, size=2))
        if rng.random() < 0.25:
            shape_x, shape_k = shape_k, shape_x
        x, k = values(shape_x), values(shape_k)
        for function in ("convolve", "correlate"):
            cases.append(signal_case(function, x, k, str(rng.choice(["full", "same", "valid"]))))
    # Rows wide enough for the sixteen-column SIMD interior, with odd and even kernels.
    for shape_x, shape_k in [((6, 41), (3, 3)), ((5, 37), (2, 4)), ((4, 50), (3, 7)), ((7, 19), (1, 2))]:
        x, k = values(shape_x), values(shape_k)
        for function in ("convolve", "correlate"):
            for mode in ("full", "same", "valid"):
                cases.append(signal_case(function, x, k, mode))
    # Mixed shapes in valid mode: scipy raises.
    for shape_x, shape_k in [((5, 3), (2, 4)), ((2, 6), (3, 1))]:
        for function in ("convolve", "correlate"):
            cases.append(signal_case(function, values(shape_x), values(shape_k), "valid"))
    return cases


# ---------------------------------------------------------------- torch formulas in numpy

def axis_padding(padding, kernel, dilation, spatial):
    if padding == "valid":
        return [(0, 0)] * spatial
    if padding == "same":
        totals = [d * (k - 1) for k, d in zip(kernel, dilation)]
        return [(t // 2, t - t // 2) for t in totals]
    return [(p, p) for p in padding]


def conv_numpy(x, w, bias, stride, padding, dilation, groups):
    """Direct loops over torch's definition; x is N×C×spatial (1 or 2 spatial axes)."""
    spatial = x.ndim - 2
    if spatial == 1:
        x, w = x[:, :, None, :], w[:, :, None, :]
        stride, dilation = [1] + stride, [1] + dilation
        padding = padding if isinstance(padding, str) else [0] + padding
    pads = axis_padding(padding, w.shape[2:], dilation, 2)
    n, c, h, width = x.shape
    o, cg = w.shape[:2]
    padded = np.zeros((n, c, h + sum(pads[0]), width + sum(pads[1])))
    padded[:, :, pads[0][0]:pads[0][0] + h, pads[1][0]:pads[1][0] + width] = x
    eff = [d * (k - 1) + 1 for k, d in zip(w.shape[2:], dilation)]
    out_h = (padded.shape[2] - eff[0]) // stride[0] + 1
    out_w = (padded.shape[3] - eff[1]) // stride[1] + 1
    out = np.zeros((n, o, out_h, out_w))
    per_group = o // groups
    for b in range(n):
        for oc in range(o):
            g = oc // per_group
            for i in range(out_h):
                for j in range(out_w):
                    total = 0.0 if bias is None else bias[oc]
                    for ci in range(cg):
                        for p in range(w.shape[2]):
                            for q in range(w.shape[3]):
                                total += (padded[b, g * cg + ci, i * stride[0] + p * dilation[0],
                                                 j * stride[1] + q * dilation[1]] * w[oc, ci, p, q])
                    out[b, oc, i, j] = total
    return out[:, :, 0, :] if spatial == 1 else out


def pool_numpy(x, kind, size, stride, padding):
    """max_pool / avg_pool (ceil_mode False, count_include_pad True) on the last 1 or 2 axes."""
    spatial = len(size)
    lead = x.shape[:-spatial]
    planes = x.reshape((-1,) + x.shape[-spatial:])
    if spatial == 1:
        planes, size, stride, padding = planes[:, None, :], [1] + size, [1] + stride, [0] + padding
    fill = -np.inf if kind == "max" else 0.0
    h, width = planes.shape[1:]
    padded = np.full((planes.shape[0], h + 2 * padding[0], width + 2 * padding[1]), fill)
    padded[:, padding[0]:padding[0] + h, padding[1]:padding[1] + width] = planes
    out_h = (padded.shape[1] - size[0]) // stride[0] + 1
    out_w = (padded.shape[2] - size[1]) // stride[1] + 1
    out = np.zeros((planes.shape[0], out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            window = padded[:, i * stride[0]:i * stride[0] + size[0], j * stride[1]:j * stride[1] + size[1]]
            out[:, i, j] = window.max(axis=(1, 2)) if kind == "max" else window.sum(axis=(1, 2)) / (size[0] * size[1])
    return out.reshape(lead + out.shape[-spatial:])


# ---------------------------------------------------------------- random layer cases

def conv_case():
    spatial = int(rng.integers(1, 3))
    groups = int(rng.choice([1, 1, 2, 3]))
    # Up to 6 outputs per group, so the four-channel blocked kernel (and its short last block) runs.
    cg, per_group = int(rng.integers(1, 4)), int(rng.integers(1, 7))
    kernel = [int(v) for v in rng.integers(1, 5, size=spatial)]
    dilation = [int(v) for v in rng.integers(1, 4, size=spatial)]
    stride = [int(v) for v in rng.integers(1, 4, size=spatial)]
    choice = rng.random()
    if choice < 0.15:
        padding, stride = "same", [1] * spatial
    elif choice < 0.25:
        padding = "valid"
    else:
        padding = [int(v) for v in rng.integers(0, 3, size=spatial)]
    pads = axis_padding(padding, kernel, dilation, spatial)
    eff = [d * (k - 1) + 1 for k, d in zip(kernel, dilation)]
    size = [max(1, e - sum(p) + int(rng.integers(0, 7))) for e, p in zip(eff, pads)]
    batched = bool(rng.random() < 0.6)
    batch = int(rng.integers(1, 3))
    x = values(((batch,) if batched else ()) + (groups * cg,) + tuple(size))
    w = values((groups * per_group, cg) + tuple(kernel))
    bias = values((groups * per_group,)) if rng.random() < 0.5 else None
    # One value instead of a pair, sometimes, as the builtins allow.
    uniform = lambda v: v[:1] if len(set(v)) == 1 and rng.random() < 0.5 else v
    return {"function": f"conv{spatial}d", "x": x, "w": w, "bias": bias, "stride": uniform(stride),
            "padding": padding if isinstance(padding, str) else uniform(padding),
            "dilation": uniform(dilation), "groups": groups}


def expand(values_, spatial):
    return values_ * spatial if len(values_) == 1 else values_


def conv_expected(case):
    spatial = int(case["function"][4])
    x = case["x"] if case["x"].ndim == spatial + 2 else case["x"][None]
    padding = case["padding"] if isinstance(case["padding"], str) else expand(case["padding"], spatial)
    out = conv_numpy(x, case["w"], case["bias"], expand(case["stride"], spatial), padding,
                     expand(case["dilation"], spatial), case["groups"])
    abs_bias = None if case["bias"] is None else np.abs(case["bias"])
    scale = conv_numpy(np.abs(x), np.abs(case["w"]), abs_bias, expand(case["stride"], spatial), padding,
                       expand(case["dilation"], spatial), case["groups"])
    squeeze = case["x"].ndim == spatial + 1
    return (out[0] if squeeze else out), float(scale.max())


def pool_case():
    spatial = int(rng.integers(1, 3))
    kind = str(rng.choice(["max", "avg"]))
    size = [int(v) for v in rng.integers(1, 5, size=spatial)]
    stride = [int(v) for v in rng.integers(1, 4, size=spatial)] if rng.random() < 0.7 else None
    padding = [int(rng.integers(0, s // 2 + 1)) for s in size]
    extent = [max(1, s - 2 * p + int(rng.integers(0, 7))) for s, p in zip(size, padding)]
    lead = [(), (2,), (2, 3)][int(rng.integers(0, 3))]
    return {"function": f"{kind}_pool{spatial}d", "x": values(lead + tuple(extent)), "size": size,
            "stride": stride, "padding": padding}


def pool_expected(case):
    spatial = int(case["function"][-2])
    kind = case["function"][:3]
    stride = case["stride"] or case["size"]
    out = pool_numpy(case["x"], kind, case["size"], stride, case["padding"])
    scale = pool_numpy(np.abs(case["x"]), "avg", case["size"], stride, case["padding"])
    return out, float(scale.max()) * (case["size"][0] * (case["size"][-1] if spatial == 2 else 1))


def adaptive_numpy(x, kind, output):
    """adaptive_max_pool / adaptive_avg_pool on the last 1 or 2 axes: output i of an axis of
    length L pools L·i // n up to ceil(L·(i+1) / n), torch's start_index and end_index. kind
    "sum" adds the window up (for the rounding scale)."""
    spatial = len(output)
    lead = x.shape[:-spatial]
    planes = x.reshape((-1,) + x.shape[-spatial:])
    if spatial == 1:
        planes, output = planes[:, None, :], [1] + output
    h, width = planes.shape[1:]
    out = np.zeros((planes.shape[0], output[0], output[1]))
    for i in range(output[0]):
        r0, r1 = i * h // output[0], -(-(i + 1) * h // output[0])
        for j in range(output[1]):
            c0, c1 = j * width // output[1], -(-(j + 1) * width // output[1])
            window = planes[:, r0:r1, c0:c1]
            out[:, i, j] = {"max": window.max(axis=(1, 2)), "avg": window.mean(axis=(1, 2)),
                            "sum": window.sum(axis=(1, 2))}[kind]
    return out.reshape(lead + tuple(output[-spatial:]))


def adaptive_case():
    spatial = int(rng.integers(1, 3))
    kind = str(rng.choice(["max", "avg"]))
    extent = [int(v) for v in rng.integers(1, 13, size=spatial)]
    # More outputs than inputs too: windows of one input, some repeated.
    output = [int(rng.integers(1, e + 3)) for e in extent]
    lead = [(), (2,), (2, 3)][int(rng.integers(0, 3))]
    return {"function": f"adaptive_{kind}_pool{spatial}d", "x": values(lead + tuple(extent)), "size": output,
            "stride": None, "padding": [0]}


def adaptive_expected(case):
    kind = "max" if "_max_" in case["function"] else "avg"
    out = adaptive_numpy(case["x"], kind, case["size"])
    return out, float(adaptive_numpy(np.abs(case["x"]), "sum", case["size"]).max())


# Argument combinations torch rejects; the tests expect a TensorError for each.
ERROR_CASES = [
    {"function": "conv2d", "x": (1, 5, 8, 8), "w": (4, 3, 3, 3), "groups": 1},            # channels
    {"function": "conv2d", "x": (6, 8, 8), "w": (3, 3, 3, 3), "groups": 2},               # O % groups
    {"function": "conv2d", "x": (1, 2, 3, 3), "w": (1, 2, 5, 5), "groups": 1},            # kernel too big
    {"function": "conv2d", "x": (1, 1, 5, 5), "w": (1, 1, 3, 3), "stride": [2], "padding": "same"},
    {"function": "conv2d", "x": (1, 1, 5, 5), "w": (2, 1, 3, 3), "bias": (3,)},           # bias size
    {"function": "conv2d", "x": (5, 5), "w": (1, 1, 3, 3)},                                # input rank
    {"function": "conv1d", "x": (1, 2, 4), "w": (1, 2, 3), "dilation": [2]},              # dilated too big
    {"function": "conv1d", "x": (2, 8), "w": (1, 2, 3), "stride": [0]},                   # stride 0
    {"function": "conv1d", "x": (2, 8), "w": (1, 2, 3), "padding": [-1]},                 # negative pad
    {"function": "max_pool2d", "x": (1, 6, 6), "size": [3], "padding": [2]},              # pad > size/2
    {"function": "avg_pool2d", "x": (1, 2, 2), "size": [3]},                              # window too big
    {"function": "max_pool1d", "x": (1, 6), "size": [0]},                                 # size 0
]


def error_case(spec):
    case = {"function": spec["function"], "x": tensor(values(spec["x"]))}
    if "w" in spec:
        case.update(w=tensor(values(spec["w"])), stride=spec.get("stride", [1]),
                    padding=spec.get("padding", [0]), dilation=spec.get("dilation", [1]),
                    groups=spec.get("groups", 1))
        case["bias"] = tensor(values(spec["bias"])) if "bias" in spec else None
    else:
        case.update(size=spec["size"], stride=spec.get("stride"), padding=spec.get("padding", [0]))
    case["error"] = "torch raises"
    return case


def encode(case, expected, scale):
    out = {key: (tensor(value) if isinstance(value, np.ndarray) else value) for key, value in case.items()}
    out["expected"], out["scale"] = tensor(expected), scale
    return out


TORCH_SCRIPT = r"""
import json, sys, torch
import torch.nn.functional as F
cases = json.load(sys.stdin)
def t(v): return None if v is None else torch.tensor(v["data"], dtype=torch.float64).reshape(v["shape"])
results = []
for case in cases:
    try:
        f = case["function"]
        if f.startswith("adaptive"):
            x = t(case["x"])
            spatial = int(f[-2]); bare = x.dim() == spatial
            if bare: x = x[None]
            r = getattr(F, f)(x, tuple(case["size"]) if spatial == 2 else case["size"][0])
            if f.startswith("adaptive_max"): r = r[0] if isinstance(r, tuple) else r
            if bare: r = r[0]
        elif f.startswith("conv"):
            p = case["padding"]
            p = p if isinstance(p, str) else tuple(p) if len(p) > 1 else p[0]
            s, d = case["stride"], case["dilation"]
            s = tuple(s) if len(s) > 1 else s[0]
            d = tuple(d) if len(d) > 1 else d[0]
            r = getattr(F, f)(t(case["x"]), t(case["w"]), t(case["bias"]), stride=s, padding=p, dilation=d, groups=case["groups"])
        else:
            sz = tuple(case["size"]) if len(case["size"]) > 1 else case["size"][0]
            st = case["stride"]; st = None if st is None else tuple(st) if len(st) > 1 else st[0]
            pd = tuple(case["padding"]) if len(case["padding"]) > 1 else case["padding"][0]
            x = t(case["x"])
            # torch pools C×W / C×H×W or batched; a bare W or H×W gets a channel axis.
            spatial = int(f[-2]); bare = x.dim() == spatial
            if bare: x = x[None]
            if f.startswith("avg"):
                r = getattr(F, f)(x, sz, st, pd, ceil_mode=False, count_include_pad=True)
            else:
                r = getattr(F, f)(x, sz, st, pd, ceil_mode=False)
            if bare: r = r[0]
        results.append({"data": r.flatten().tolist(), "shape": list(r.shape)})
    except Exception as error:
        results.append({"error": str(error)})
json.dump({"version": torch.__version__, "results": results}, sys.stdout)
"""


def check_with_torch(python, cases):
    run = subprocess.run([python, "-c", TORCH_SCRIPT], input=json.dumps(cases), capture_output=True,
                         text=True, check=True)
    answer = json.loads(run.stdout)
    for case, result in zip(cases, answer["results"]):
        if "error" in case:
            assert "error" in result, (case["function"], "torch accepted an error case")
            continue
        assert "error" not in result, (case, result)
        assert result["shape"] == case["expected"]["shape"], (case["function"], result["shape"])
        diff = np.max(np.abs(np.array(result["data"]) - np.array(case["expected"]["data"])), initial=0)
        assert diff <= 1e-12 * max(case["scale"], 1e-300), (case["function"], diff)
    return answer["version"]


def layer_cases():
    cases = []
    for _ in range(110):
        case = conv_case()
        cases.append(encode(case, *conv_expected(case)))
    for _ in range(90):
        case = pool_case()
        cases.append(encode(case, *pool_expected(case)))
    for _ in range(6):
        # Wide rows and few output channels: the direct kernel's SIMD interior.
        case = conv_case()
        case["x"] = values(case["x"].shape[:-1] + (case["x"].shape[-1] + 40,))
        cases.append(encode(case, *conv_expected(case)))
    cases += [error_case(spec) for spec in ERROR_CASES]
    for _ in range(60):
        case = adaptive_case()
        cases.append(encode(case, *adaptive_expected(case)))
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--torch", help="a Python interpreter with torch, to cross-check the layer cases")
    options = parser.parse_args()
    signal_data = {"reference": f"scipy {__import__('scipy').__version__} scipy.signal (method='direct')",
                   "cases": signal_cases()}
    layers = layer_cases()
    reference = "numpy direct loops of torch's formulas"
    if options.torch:
        reference += f", checked against torch {check_with_torch(options.torch, layers)}"
    for name, data in [("signal.json", signal_data), ("layer.json", {"reference": reference, "cases": layers})]:
        (HERE / name).write_text(json.dumps(data, separators=(",", ":")) + "\n")
        print(f"wrote {name}: {len(data['cases'])} cases, {(HERE / name).stat().st_size} bytes")


if __name__ == "__main__":
    sys.exit(main())

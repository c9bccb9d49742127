"""Writes the reference gradients the Learning tests compare against, with torch.autograd.

Run from the repository root with any Python that has torch (and numpy):

    python Tests/LearningTests/Fixtures/generate.py

Every case is a function f of some inputs; the reference is torch's value of f and the
gradient of sum(f(inputs) * r) with respect to each input (r a fixed random tensor of f's
shape, so that every element of every gradient is checked), all in float64 on the CPU.

* autodiff.json: arithmetic with broadcasting, elementwise functions, clip, reductions (whole
  tensor and along an axis), matrix products and moving operations, on random shapes, plus
  the kinks where torch makes a choice: relu and abs at 0, clamp at its bounds, ties and NaN in
  max/min, pow at 0, sqrt at 0, remainder.
* convolution.json: conv1d/conv2d over random shapes, stride, padding (number, pair, "same",
  "valid"), dilation, groups and bias, and scipy's correlate/convolve in every mode (written
  with torch's conv and pads, the way scipy defines them).
* pooling.json: max/avg pooling 1-D and 2-D over random windows, strides and paddings, with
  ties, NaN and -inf inside windows.
* losses.json: softmax and log_softmax along each axis, mse, cross_entropy (batched and one
  example), with extreme logits.
* optimizers.json: torch.optim.SGD (momentum, weight decay) and Adam (betas, eps, weight decay)
  applied for five steps to a weight and a bias with given gradients; the parameters after
  every step.
* training.json: three steps of a small CNN (conv 1→3 3×3 with bias, relu, max pool 2, dense
  with bias → 4, cross_entropy, SGD with momentum) from given weights on a given batch: the
  loss and every parameter after each step.

Each case also stores "scale": for the multilinear operations (products, convolutions, sums)
the largest element of the same gradient computed on the absolute values of the inputs and of
r, which bounds the rounding error of any summation order; for the others the largest
magnitude in the expected gradient. Non-finite numbers are stored as the strings "nan",
"inf" and "-inf". The files are deterministic (fixed seed); the "reference" field names torch's
version.
"""
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

HERE = Path(__file__).resolve().parent
rng = np.random.default_rng(20261204)
torch.set_default_dtype(torch.float64)


def encode(value):
    if np.isnan(value):
        return "nan"
    if np.isinf(value):
        return "inf" if value > 0 else "-inf"
    return float(value)


def stored(array):
    array = np.asarray(array, dtype=np.float64)
    return {"shape": list(array.shape), "data": [encode(v) for v in array.ravel()]}


def values(shape, low=-2.0, high=2.0):
    return np.round(rng.uniform(low, high, size=shape), 4)


def case(op, inputs, f, options=None, differentiable=None, multilinear=False):
    """Runs f on the inputs with torch.autograd; `differentiable` lists which inputs get a gradient."""
    differentiable = differentiable or [True] * len(inputs)
    tensors = [torch.tensor(x, requires_grad=d) for x, d in zip(inputs, differentiable)]
    out = f(*tensors)
    r = torch.tensor(values(tuple(out.shape), 0.5, 1.5))
    (out * r).sum().backward()
    grads = [t.grad.numpy() if d else None for t, d in zip(tensors, differentiable)]
    if multilinear:
        absolute = [torch.tensor(np.abs(x), requires_grad=d) for x, d in zip(inputs, differentiable)]
        (f(*absolute) * r.abs()).sum().backward()
        scale = max(float(t.grad.abs().max()) if d and t.grad.numel() else 0.0
                    for t, d in zip(absolute, differentiable))
    else:
        finite = [np.abs(g[np.isfinite(g)]) for g in grads if g is not None]
        scale = max([float(g.max()) for g in finite if g.size] + [0.0])
    return {"op": op, "options": options or {}, "inputs": [stored(x) for x in inputs],
            "r": stored(r.numpy()), "value": stored(out.detach().numpy()),
            "grads": [stored(g) if g is not None else None for g in grads], "scale": scale}


def random_shape(rank, low=1, high=5):
    return tuple(int(v) for v in rng.integers(low, high + 1, size=rank))


# ------------------------------------------------------------------ autodiff.json

def autodiff_cases():
    cases = []
    binary = {"add": torch.add, "subtract": torch.sub, "multiply": torch.mul, "divide": torch.div,
              "power": torch.pow, "remainder": torch.remainder}
    for name, f in binary.items():
        for _ in range(6):
            shape = random_shape(int(rng.integers(1, 4)))
            other = tuple(1 if rng.random() < 0.4 else s for s in shape)[int(rng.integers(0, len(shape))):]
            a, b = (values(shape, 0.3, 2.5), values(other, 0.4, 2.0)) if name == "power" else (values(shape), values(other))
            if name in ("divide", "remainder"):
                b = np.where(np.abs(b) < 0.2, 0.7, b)
            if rng.random() < 0.5:
                a, b = b, a
            if name == "power":
                a = np.abs(a) + 0.3
            cases.append(case(name, [a, b], f, multilinear=name in ("add", "subtract", "multiply")))
    # torch's choices at kinks and special points.
    cases.append(case("power", [np.array([0.0, 0.0, 0.0, 2.0, -1.5]), np.array([2.0, 0.0, -1.0, 0.0, 2.0])], torch.pow))
    cases.append(case("remainder", [np.array([5.5, -5.5, 5.5, -5.5, 3.0]), np.array([2.0, 2.0, -2.0, -2.0, 1.5])],
                      torch.remainder))
    unary = {"abs": torch.abs, "sqrt": torch.sqrt, "exp": torch.exp, "log": torch.log, "sin": torch.sin,
             "cos": torch.cos, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu}
    for name, f in unary.items():
        for _ in range(3):
            x = values(random_shape(int(rng.integers(1, 4))), 0.1 if name in ("sqrt", "log") else -3, 3)
            cases.append(case(name, [x], f))
    kinks = np.array([0.0, -0.0, 1.0, -1.0, 2.5])
    cases.append(case("relu", [kinks], torch.relu))
    cases.append(case("abs", [kinks], torch.abs))
    cases.append(case("sqrt", [np.array([0.0, 1.0, 4.0])], torch.sqrt))
    for _ in range(4):
        x = values(random_shape(2))
        cases.append(case("clip", [x], lambda t: torch.clamp(t, -0.75, 1.25), {"low": -0.75, "high": 1.25}))
    cases.append(case("clip", [np.array([-1.0, -0.5, 0.0, 0.5, 1.0])], lambda t: torch.clamp(t, -0.5, 0.5),
                      {"low": -0.5, "high": 0.5}))
    reductions = {
        "sum": (lambda t: t.sum(), lambda t, d: t.sum(d)),
        "mean": (lambda t: t.mean(), lambda t, d: t.mean(d)),
        "max": (lambda t: t.max(), lambda t, d: t.amax(d)),
        "min": (lambda t: t.min(), lambda t, d: t.amin(d)),
        "norm": (lambda t: torch.linalg.vector_norm(t), lambda t, d: torch.linalg.vector_norm(t, dim=d)),
    }
    for name, (whole, along) in reductions.items():
        for _ in range(3):
            x = values(random_shape(3))
            cases.append(case(name, [x], whole, multilinear=name in ("sum", "mean")))
            axis = int(rng.integers(-3, 3))
            cases.append(case(name, [x], lambda t, a=axis: along(t, a), {"axis": axis},
                              multilinear=name in ("sum", "mean")))
    ties = np.array([[1.0, 3.0, 3.0, -2.0], [0.5, 0.5, 0.5, 0.5], [-1.0, -4.0, -4.0, 2.0]])
    with_nan = np.array([[1.0, np.nan, 3.0], [2.0, 2.0, -1.0], [np.nan, np.nan, 0.0]])
    zero_row = np.array([[0.0, 0.0], [3.0, 4.0]])
    for name, (whole, along) in reductions.items():
        if name in ("max", "min"):
            for x in (ties, with_nan):
                cases.append(case(name, [x], whole))
                for axis in (0, 1):
                    cases.append(case(name, [x], lambda t, a=axis: along(t, a), {"axis": axis}))
    cases.append(case("norm", [zero_row], lambda t: torch.linalg.vector_norm(t, dim=1), {"axis": 1}))
    for left, right in (((3, 4), (4, 5)), ((3, 4), (4,)), ((4,), (4, 2)), ((5,), (5,)), ((1, 7), (7, 1))):
        cases.append(case("matmul", [values(left), values(right)], torch.matmul, multilinear=True))
    x = values((3, 4, 2))
    cases.append(case("reshape", [x], lambda t: t.reshape(4, 6), {"shape": [4, 6]}))
    cases.append(case("transpose", [x], lambda t: t.permute(2, 0, 1), {"axes": [2, 0, 1]}))
    cases.append(case("flip", [x], lambda t: t.flip(1), {"axes": [1]}))
    cases.append(case("roll", [x], lambda t: t.roll(3, 1), {"by": [3], "axes": [1]}))
    cases.append(case("stack", [values((2, 3)), values((2, 3))], lambda a, b: torch.stack([a, b, a], 1), {"axis": 1}))
    cases.append(case("concat", [values((2, 3)), values((2, 1))], lambda a, b: torch.cat([b, a], 1), {"axis": 1}))
    cases.append(case("pad", [values((3, 4))], lambda t: F.pad(t, (2, 1, 1, 0)), {"widths": [[1, 0], [2, 1]]}))
    cases.append(case("slice", [values((5, 6))], lambda t: t[1:5:2, 4].flip(0), {"rows": [3, 0, -2], "column": 4}))
    return cases


# --------------------------------------------------------------- convolution.json

def convolution_cases():
    cases = []
    for index in range(60):
        spatial = 1 if index % 3 == 0 else 2
        groups = int(rng.choice([1, 1, 2, 3]))
        channels = groups * int(rng.integers(1, 3))
        outputs = groups * int(rng.integers(1, 3))
        kernel = random_shape(spatial, 1, 4)
        stride = [int(v) for v in rng.integers(1, 4, size=spatial)]
        dilation = [int(v) for v in rng.integers(1, 3, size=spatial)]
        padding_kind = rng.choice(["number", "pair", "same", "valid"])
        if padding_kind == "same":
            stride = [1] * spatial
            padding = "same"
        elif padding_kind == "valid":
            padding = "valid"
        elif padding_kind == "pair":
            padding = [int(v) for v in rng.integers(0, 3, size=spatial)]
        else:
            padding = [int(rng.integers(0, 3))]
        reach = [d * (k - 1) + 1 for d, k in zip(dilation, kernel)]
        size = [int(r + rng.integers(0, 7)) for r in reach]
        batched = bool(rng.random() < 0.7)
        x = values(((int(rng.integers(1, 3)),) if batched else ()) + (channels,) + tuple(size))
        w = values((outputs, channels // groups) + tuple(kernel))
        has_bias = bool(rng.random() < 0.5)
        inputs = [x, w] + ([values((outputs,))] if has_bias else [])
        function = F.conv1d if spatial == 1 else F.conv2d
        torch_padding = padding if isinstance(padding, str) else (padding[0] if len(padding) == 1 else tuple(padding))

        def f(*t, function=function, stride=stride, torch_padding=torch_padding, dilation=dilation, groups=groups):
            return function(t[0], t[1], t[2] if len(t) > 2 else None, stride=stride, padding=torch_padding,
                            dilation=dilation, groups=groups)

        options = {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups}
        cases.append(case("conv1d" if spatial == 1 else "conv2d", inputs, f, options, multilinear=True))
    for index in range(30):
        rank = 1 if index % 2 == 0 else 2
        x = values(random_shape(rank, 1, 7))
        k = values(random_shape(rank, 1, 4))
        mode = str(rng.choice(["full", "same", "valid"]))
        if mode == "valid" and not (all(a >= b for a, b in zip(x.shape, k.shape)) or all(a <= b for a, b in zip(x.shape, k.shape))):
            mode = "full"
        flips = bool(rng.random() < 0.5)
        cases.append(case("convolve" if flips else "correlate", [x, k],
                          lambda a, b, mode=mode, flips=flips: scipy_correlate(a, b, mode, flips), {"mode": mode},
                          multilinear=True))
    return cases


def scipy_correlate(x, k, mode, flips):
    """scipy.signal.correlate / convolve (n-d, rank 1 or 2) written with torch operations."""
    if flips:
        k = k.flip(list(range(k.dim())))
    pads = []
    for n, m in zip(x.shape, k.shape):
        if mode == "full":
            pads.append((m - 1, m - 1))
        elif mode == "same":
            pads.append((m - 1 - (m - 1) // 2, (m - 1) // 2))
        else:
            pads.append((max(0, m - n), max(0, m - n)))
    flat = [p for pair in reversed(pads) for p in pair]
    padded = F.pad(x, flat)
    batched = padded.reshape((1, 1) + tuple(padded.shape))
    weight = k.reshape((1, 1) + tuple(k.shape))
    out = (F.conv1d if x.dim() == 1 else F.conv2d)(batched, weight)
    out = out.reshape(tuple(out.shape[2:]))
    if mode == "same":
        out = out[tuple(slice(0, n) for n in x.shape)]
    return out


# ------------------------------------------------------------------ pooling.json

def pooling_cases():
    cases = []
    for index in range(40):
        spatial = 1 if index % 4 == 0 else 2
        kind = "max" if index % 2 == 0 else "average"
        size = [int(v) for v in rng.integers(1, 4, size=spatial)]
        stride = [int(v) for v in rng.integers(1, 4, size=spatial)]
        padding = [int(rng.integers(0, s // 2 + 1)) for s in size]
        shape = tuple(int(s + rng.integers(0, 6)) for s in size)
        leading = tuple(int(v) for v in rng.integers(1, 3, size=int(rng.integers(0, 3))))
        x = values(leading + shape)
        if kind == "max" and index % 3 == 0:
            # Ties, NaN and -inf inside windows: torch's first maximum, last NaN.
            x = np.round(x)
            flat = x.reshape(-1)
            flat[rng.integers(0, flat.size, size=max(1, flat.size // 8))] = np.nan
            flat[rng.integers(0, flat.size, size=max(1, flat.size // 8))] = -np.inf
        if spatial == 1:
            f = (lambda t, s=size, st=stride, p=padding: F.max_pool1d(t, s, st, p)) if kind == "max" else \
                (lambda t, s=size, st=stride, p=padding: F.avg_pool1d(t, s, st, p))
            if len(leading) == 0:
                f = (lambda t, g=f: g(t.unsqueeze(0)).squeeze(0))
        else:
            f = (lambda t, s=size, st=stride, p=padding: F.max_pool2d(t, s, st, p)) if kind == "max" else \
                (lambda t, s=size, st=stride, p=padding: F.avg_pool2d(t, s, st, p))
            if len(leading) == 0:
                f = (lambda t, g=f: g(t.unsqueeze(0)).squeeze(0))
        cases.append(case("maxpool" if kind == "max" else "avgpool", [x], f,
                          {"size": size, "stride": stride, "padding": padding, "spatial": spatial},
                          multilinear=kind == "average"))
    return cases


# --------------------------------------------------------------------- losses.json

def loss_cases():
    cases = []
    for _ in range(4):
        x = values(random_shape(int(rng.integers(1, 4)), 2, 5), -4, 4)
        for axis in range(-x.ndim, x.ndim):
            cases.append(case("softmax", [x], lambda t, a=axis: torch.softmax(t, a), {"axis": axis}))
            cases.append(case("log_softmax", [x], lambda t, a=axis: torch.log_softmax(t, a), {"axis": axis}))
    extreme = np.array([[1000.0, 0.0, -1000.0], [-800.0, -800.0, -801.0]])
    cases.append(case("softmax", [extreme], lambda t: torch.softmax(t, 1), {"axis": 1}))
    cases.append(case("log_softmax", [extreme], lambda t: torch.log_softmax(t, 1), {"axis": 1}))
    for _ in range(4):
        shape = random_shape(int(rng.integers(1, 4)))
        cases.append(case("mse", [values(shape), values(shape)], lambda a, b: F.mse_loss(a, b).reshape(1)))
    for rows, classes in ((1, 3), (5, 4), (8, 10)):
        logits = values((rows, classes), -3, 3)
        labels = rng.integers(0, classes, size=rows).astype(np.float64)
        cases.append(case("cross_entropy", [logits, labels],
                          lambda t, y: F.cross_entropy(t, y.long()).reshape(1), differentiable=[True, False]))
    single = values((6,), -3, 3)
    cases.append(case("cross_entropy", [single, np.array(2.0)],
                      lambda t, y: F.cross_entropy(t, y.long()).reshape(1), differentiable=[True, False]))
    cases.append(case("cross_entropy", [extreme, np.array([2.0, 0.0])],
                      lambda t, y: F.cross_entropy(t, y.long()).reshape(1), differentiable=[True, False]))
    return cases


# ----------------------------------------------------------------- optimizers.json

def optimizer_cases():
    settings = [
        ("sgd", {"lr": 0.1}),
        ("sgd", {"lr": 0.05, "momentum": 0.9}),
        ("sgd", {"lr": 0.01, "momentum": 0.5, "weight_decay": 0.1}),
        ("adam", {"lr": 0.001}),
        ("adam", {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6}),
        ("adam", {"lr": 0.05, "weight_decay": 0.01}),
    ]
    cases = []
    for name, options in settings:
        start_weight, start_bias = values((3, 4)), values((3,))
        weight = torch.tensor(start_weight, requires_grad=True)
        bias = torch.tensor(start_bias, requires_grad=True)
        optimizer = (torch.optim.SGD if name == "sgd" else torch.optim.Adam)([weight, bias], **options)
        steps = []
        for _ in range(5):
            gw, gb = values((3, 4)), values((3,))
            weight.grad, bias.grad = torch.tensor(gw), torch.tensor(gb)
            optimizer.step()
            steps.append({"grad_weight": stored(gw), "grad_bias": stored(gb),
                          "weight": stored(weight.detach().numpy()), "bias": stored(bias.detach().numpy())})
        cases.append({"optimizer": name, "options": {k: list(v) if isinstance(v, tuple) else v for k, v in options.items()},
                      "weight": stored(start_weight), "bias": stored(start_bias), "steps": steps})
    return cases


# ------------------------------------------------------------------- training.json

def training_case():
    conv_w, conv_b = values((3, 1, 3, 3), -0.5, 0.5), values((3,), -0.2, 0.2)
    dense_w, dense_b = values((4, 12), -0.3, 0.3), values((4,), -0.1, 0.1)
    images, labels = values((6, 1, 6, 6), 0, 1), rng.integers(0, 4, size=6).astype(np.float64)
    parameters = [torch.tensor(p, requires_grad=True) for p in (conv_w, conv_b, dense_w, dense_b)]
    optimizer = torch.optim.SGD(parameters, lr=0.1, momentum=0.9)
    x, y = torch.tensor(images), torch.tensor(labels).long()
    steps = []
    for _ in range(3):
        optimizer.zero_grad()
        hidden = F.max_pool2d(F.relu(F.conv2d(x, parameters[0], parameters[1])), 2)
        logits = F.linear(hidden.flatten(1), parameters[2], parameters[3])
        loss = F.cross_entropy(logits, y)
        loss.backward()
        optimizer.step()
        steps.append({"loss": loss.item(), "parameters": [stored(p.detach().numpy()) for p in parameters]})
    return {"start": [stored(p) for p in (conv_w, conv_b, dense_w, dense_b)], "images": stored(images),
            "labels": stored(labels), "lr": 0.1, "momentum": 0.9, "steps": steps}


def write(name, cases):
    document = {"reference": f"torch {torch.__version__} torch.autograd, float64, CPU", "cases": cases}
    (HERE / f"{name}.json").write_text(json.dumps(document, separators=(",", ":")) + "\n")
    print(f"{name}.json: {len(cases)} cases")


if __name__ == "__main__":
    write("autodiff", autodiff_cases())
    write("convolution", convolution_cases())
    write("pooling", pooling_cases())
    write("losses", loss_cases())
    write("optimizers", optimizer_cases())
    reference = f"torch {torch.__version__} torch.optim and torch.autograd, float64, CPU"
    (HERE / "training.json").write_text(json.dumps({"reference": reference, **training_case()},
                                                   separators=(",", ":")) + "\n")
    print("training.json: 3 steps")

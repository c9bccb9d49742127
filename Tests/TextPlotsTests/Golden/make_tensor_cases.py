"""Writes Golden/tensor_numpy_cases.json: tensors and the text numpy 2 prints for them.

Run from this folder with the project's Python, `../../../.venv/bin/python make_tensor_cases.py`;
the Swift test compares TensorFormatter's output with these strings byte for byte.
"""
import json
import numpy as np

def case(name, array, width=80, precision=8, threshold=1000, edgeitems=3):
    array = np.asarray(array, dtype=np.float64)
    body = np.array2string(array, max_line_width=width, precision=precision,
                           threshold=threshold, edgeitems=edgeitems)
    if array.ndim == 0:
        expected = body
    else:
        expected = "tensor " + "×".join(str(n) for n in array.shape) + "\n" + body
    return {"name": name, "shape": list(array.shape),
            "values": [repr(float(x)) for x in array.ravel()],
            "width": width, "precision": precision, "threshold": threshold,
            "edgeItems": edgeitems, "expected": expected}

rng = np.random.default_rng(7)
cases = [
    case("integral", [[1, 2, 3], [4, 5, 6]]),
    case("mixed fractions", [1.5, 2.25, -0.0, 3]),
    case("negative zero alone", [-0.0]),
    case("negative zero scalar", np.array(-0.0)),
    case("scalar", np.array(3.0)),
    case("scalar fraction", np.array(0.1 + 0.2)),
    case("scalar nan", np.array(np.nan)),
    case("single element", [[7.25]]),
    case("empty rank 1", np.zeros(0)),
    case("empty rank 2", np.zeros((2, 0))),
    case("nan and infinities", [1.5, np.nan, -np.inf, np.inf]),
    case("only non-finite", [np.nan, np.inf]),
    case("only negative infinity", [-np.inf, 2]),
    case("all equal", np.full((3, 3), 0.5)),
    case("thirds", np.arange(12).reshape(3, 4) / 3),
    case("rounding at precision", [0.30000000000000004, 1 / 3, 2.0]),
    case("ties at precision two", [0.125, 0.375, 2.675], precision=2),
    case("precision zero", [0.5, 1.5, 2.5, 3.7], precision=0),
    case("precision three", rng.standard_normal((3, 3)), precision=3),
    case("large triggers scientific", [1e8, 1.0]),
    case("small triggers scientific", [1e-5, 1, 1e5]),
    case("ratio triggers scientific", [0.5, 600.0, -2.0]),
    case("three digit exponent", [1e100, -1e-100]),
    case("scientific with nan", [1e-7, np.nan, -np.inf]),
    case("scientific zero", [0.0, 1e-9]),
    case("random normal", rng.standard_normal((4, 5))),
    case("random uniform rank 3", rng.random((2, 3, 4))),
    case("rank 3 integral", np.arange(24).reshape(2, 3, 4)),
    case("rank 4", np.arange(36).reshape(2, 3, 2, 3) - 10),
    case("wrapping narrow", np.arange(30) / 7, width=40),
    case("wrapping default", np.arange(40) * 1.25),
    case("wrapping rank 2", np.arange(60).reshape(2, 30) * 0.5, width=50),
    case("summarised rank 1", np.arange(2000.0)),
    case("summarised rank 2", np.arange(2000.0).reshape(40, 50) * 1.5),
    case("summarised rank 3", np.arange(4000.0).reshape(10, 20, 20)),
    case("summarised low threshold", np.arange(10.0), threshold=5, edgeitems=2),
    case("summarised edge one", np.arange(64.0).reshape(8, 8), threshold=10, edgeitems=1),
    case("summarised format from edges only", np.concatenate([[0.5], np.full(20, 1e9), [2.5]]),
         threshold=10, edgeitems=1),
    case("very tall", np.arange(50.0).reshape(50, 1) - 25),
    case("very wide narrow screen", np.linspace(-1, 1, 25), width=30),
    case("huge integers", [123456789012.0, 3.0]),
    case("below one", [0.001, 0.01, 0.1]),
    case("negative fractions", [[-0.5, 0.25], [0.125, -1]]),
    case("tiny width", [1.0, 2.0, 3.0], width=5),
]

with open("tensor_numpy_cases.json", "w", encoding="utf-8") as out:
    json.dump(cases, out, ensure_ascii=False, indent=1)
    out.write("\n")

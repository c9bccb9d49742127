"""Writes the reference cases for the layer toolkit's tests (run from the repository root):

    .venv/bin/python Tests/TensorsTests/Fixtures/layers/generate.py

convolution_matrix.json: scipy.linalg.convolution_matrix for 1-D kernels in every mode, and
scipy.signal.convolve2d outputs (zero "full"/"valid"/"same", and boundary="wrap" with mode
"same") for 2-D kernels, which as_matrix(kernel, input:, mode:) @ flatten(x) must reproduce.
"""
import json
import pathlib

import numpy as np
from scipy.linalg import convolution_matrix
from scipy.signal import convolve2d

rng = np.random.default_rng(9_2)


def values(*shape):
    return np.round(rng.uniform(-1, 1, size=shape), 3)


def one_dimensional():
    cases = []
    for width in (1, 2, 3, 4):
        for length in (width, width + 2, 7):
            for mode in ("full", "valid", "same"):
                kernel = values(width)
                matrix = convolution_matrix(kernel, length, mode)
                cases.append({"kernel": kernel.tolist(), "length": length, "mode": mode,
                              "rows": matrix.shape[0], "matrix": matrix.ravel().tolist()})
    return cases


def two_dimensional():
    cases = []
    for kernel_shape in ((1, 2), (2, 2), (3, 3), (2, 3)):
        for input_shape in ((4, 5), (6, 6)):
            for mode in ("full", "valid", "same", "wrap"):
                kernel = values(*kernel_shape)
                image = values(*input_shape)
                if mode == "wrap":
                    expected = convolve2d(image, kernel, mode="same", boundary="wrap")
                else:
                    expected = convolve2d(image, kernel, mode=mode)
                cases.append({"kernel": {"shape": list(kernel_shape), "data": kernel.ravel().tolist()},
                              "input": {"shape": list(input_shape), "data": image.ravel().tolist()},
                              "mode": mode,
                              "expected": {"shape": list(expected.shape), "data": expected.ravel().tolist()}})
    return cases


here = pathlib.Path(__file__).parent
document = {"one_dimensional": one_dimensional(), "two_dimensional": two_dimensional()}
(here / "convolution_matrix.json").write_text(json.dumps(document, indent=1) + "\n")

"""Generates the reference files for FileTests.swift with numpy (run once from the repository's root;
outputs committed):

    .venv/bin/python Tests/TensorsTests/Fixtures/make_fixtures.py
"""
from pathlib import Path

import numpy as np

here = Path(__file__).parent
values = np.array([[0, 1, -2], [3, -4, 5]])

np.save(here / "float64.npy", np.array([[0.5, -1.25, 3.0], [1e-3, 2.0, -0.0]]))
np.save(here / "float32.npy", np.array([0.1, -2.5, 3.0], dtype=np.float32))
for bits in (8, 16, 32, 64):
    np.save(here / f"int{bits}.npy", values.astype(f"int{bits}"))
np.save(here / "uint16.npy", np.array([0, 65535, 258], dtype=np.uint16))
np.save(here / "bool.npy", np.array([True, False, True]))
np.save(here / "scalar.npy", np.float64(7.5))
np.save(here / "fortran.npy", np.asfortranarray(np.arange(6.0).reshape(2, 3)))

# Netpbm files written by hand after the format's definition (16-bit samples big-endian).
(here / "grey-ascii.pgm").write_bytes(b"P2\n# a comment\n3 2\n255\n0 128 255\n1 2 3\n")
(here / "grey-16.pgm").write_bytes(b"P5 2 1 65535\n" + np.array([258, 65535], dtype=">u2").tobytes())
(here / "colour.ppm").write_bytes(b"P6\n2 1\n255\n" + bytes([255, 0, 10, 1, 2, 3]))
(here / "colour-ascii.ppm").write_bytes(b"P3 1 2 15\n15 0 7\n1 2 3\n")
(here / "table.csv").write_text("# x, y\n1, 2.5\n-3,nan\n\n4,1e-3\n")

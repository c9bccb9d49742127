"""Writes figure96.pgm, the stand-in for the photograph of Deep Learning figure 9.6: a synthetic
8-bit scene, 280 rows × 320 columns, with strong vertical edges (walls, windows, a door, a
tree trunk, a tower), slanted ones (a roof), curved ones (the sun) and smooth gradients (sky,
ground) that the [-1, 1] edge detector mostly ignores. Deterministic: numpy only, no randomness.

Usage: python make_figure96.py [OUTPUT]   (default: figure96.pgm next to this script)
"""
import pathlib
import sys

import numpy as np

HEIGHT, WIDTH = 280, 320


def scene() -> np.ndarray:
    rows, cols = np.mgrid[0:HEIGHT, 0:WIDTH].astype(float)
    # Sky: brighter at the top, a vertical gradient (no horizontal change, so no edges).
    img = 200 - 60 * rows / HEIGHT
    # Sun: a bright disk in the top right.
    img[(rows - 55) ** 2 + (cols - 255) ** 2 < 28 ** 2] = 250
    # Ground: darker band with a gentle left-to-right gradient (small, even response).
    ground = rows >= 215
    img[ground] = (70 + 40 * cols / WIDTH)[ground]
    # House: a wall, a triangular roof, two windows and a door.
    wall = (rows >= 130) & (rows < 215) & (cols >= 40) & (cols < 170)
    img[wall] = 235
    roof = (rows >= 75) & (rows < 130) & (np.abs(cols - 105) <= (rows - 75) * 75 / 55)
    img[roof] = 90
    for left in (55, 130):
        img[(rows >= 145) & (rows < 175) & (cols >= left) & (cols < left + 25)] = 40
    img[(rows >= 165) & (rows < 215) & (cols >= 92) & (cols < 118)] = 60
    # Tree: a dark trunk and a round crown.
    img[(rows >= 150) & (rows < 215) & (cols >= 228) & (cols < 242)] = 50
    img[(rows - 135) ** 2 + ((cols - 235) / 1.2) ** 2 < 30 ** 2] = 110
    # Tower: a tall bright block with a column of dark windows.
    img[(rows >= 95) & (rows < 215) & (cols >= 275) & (cols < 305)] = 225
    for top in range(105, 200, 20):
        img[(rows >= top) & (rows < top + 10) & (cols >= 284) & (cols < 296)] = 45
    return np.clip(np.round(img), 0, 255).astype(np.uint8)


def write_pgm(path: pathlib.Path, pixels: np.ndarray) -> None:
    header = f"P5\n# Receptive: synthetic stand-in for Deep Learning figure 9.6\n{WIDTH} {HEIGHT}\n255\n"
    path.write_bytes(header.encode("ascii") + pixels.tobytes())


if __name__ == "__main__":
    target = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).with_name("figure96.pgm")
    write_pgm(target, scene())

"""Generates the PNG and JPEG fixtures of ImageFileTests.swift and tests/test_images.py, with the
expected tensor of each (`NAME.npy`, float64, H×W or C×H×W as `load` returns it). Run once from
the repository's root; the outputs are committed:

    .venv/bin/python Tests/TensorsTests/Fixtures/images/make_images.py

Made with Pillow 13.0.0 (its wheel's libjpeg-turbo 3.2.0, zlib 1.2.13) and numpy. The variants
Pillow cannot write (2- and 4-bit grey, 16-bit colour, Adam7 interlacing) are written by the small
PNG encoder below, straight from the format's definition (PNG spec §7–8), and every file Pillow
can read is read back with it to check the expected values. JPEG expectations are Pillow's own
decode of the file (libjpeg-turbo's accurate integer IDCT, smooth upsampling).
"""
import struct
import zlib
from pathlib import Path

import numpy as np
import PIL
from PIL import Image, features

assert PIL.__version__ == "13.0.0", f"made with Pillow 13.0.0, found {PIL.__version__}"
here = Path(__file__).parent
H, W = 5, 7
rows, cols = np.mgrid[0:H, 0:W]


def expect(name: str, array: np.ndarray) -> None:
    """Writes NAME.npy, the tensor `load` must return: channels first, float64."""
    array = np.asarray(array, dtype=np.float64)
    if array.ndim == 3:
        array = array.transpose(2, 0, 1)
    np.save(here / f"{name}.npy", array)


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def pack_row(samples: np.ndarray, depth: int) -> bytes:
    """One row of samples (already interleaved) at `depth` bits, MSB first, padded to a byte."""
    if depth == 16:
        return samples.astype(">u2").tobytes()
    if depth == 8:
        return samples.astype(np.uint8).tobytes()
    bits = "".join(format(int(v), f"0{depth}b") for v in samples)
    bits += "0" * (-len(bits) % 8)
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]  # (x0, y0, dx, dy)


def write_png(name: str, pixels: np.ndarray, colour_type: int, depth: int, interlace: bool = False,
              extra: bytes = b"") -> None:
    """A PNG of `pixels` (H×W or H×W×C integers), filter 0 on every row."""
    height, width = pixels.shape[:2]
    flat = pixels.reshape(height, width, -1)
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    raw = b""
    for x0, y0, dx, dy in passes:
        sub = flat[y0::dy, x0::dx]
        if sub.size == 0:
            continue
        for row in sub:
            raw += b"\x00" + pack_row(row.reshape(-1), depth)
    header = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, int(interlace))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + extra + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    (here / f"{name}.png").write_bytes(data)


def check_with_pillow(name: str, expected: np.ndarray) -> None:
    with Image.open(here / f"{name}.png") as image:
        decoded = np.asarray(image)
    assert np.array_equal(decoded, expected), f"{name}: Pillow reads {decoded} for {expected}"


grey8 = (rows * 37 + cols * 11) % 256
rgb8 = np.stack([grey8, 255 - grey8, (rows * cols * 13) % 256], axis=-1)
alpha = (cols * 40) % 256
rgba8 = np.concatenate([rgb8, alpha[..., None]], axis=-1)
grey16 = (rows * 13_107 + cols * 9_973) % 65_536

# Written by Pillow.
Image.fromarray(grey8.astype(np.uint8), "L").save(here / "grey8.png")
expect("grey8", grey8)
Image.fromarray(grey16.astype(np.uint16)).save(here / "grey16.png")
check_with_pillow("grey16", grey16)
expect("grey16", grey16)
Image.fromarray(rgb8.astype(np.uint8), "RGB").save(here / "rgb8.png")
expect("rgb8", rgb8)
Image.fromarray(rgba8.astype(np.uint8), "RGBA").save(here / "rgba8.png")
expect("rgba8", rgba8)
Image.fromarray(np.stack([grey8, alpha], axis=-1).astype(np.uint8), "LA").save(here / "grey-alpha8.png")
expect("grey-alpha8", np.stack([grey8, alpha], axis=-1))
bits = (rows + cols) % 2 == 0
Image.fromarray(bits).save(here / "grey1.png")
expect("grey1", bits * 255)

palette_colours = np.array([[0, 0, 0], [255, 0, 0], [0, 128, 255], [250, 250, 210], [12, 34, 56]])
indices = (rows * 3 + cols) % len(palette_colours)
paletted = Image.fromarray(indices.astype(np.uint8), "P")
paletted.putpalette(palette_colours.astype(np.uint8).reshape(-1).tolist())
paletted.save(here / "palette.png")
expect("palette", palette_colours[indices])
paletted.save(here / "palette-alpha.png", transparency=bytes([255, 0, 128, 255, 64]))
palette_alpha = np.array([255, 0, 128, 255, 64])
expect("palette-alpha", np.concatenate([palette_colours[indices], palette_alpha[indices][..., None]], axis=-1))
with Image.open(here / "palette-alpha.png") as image:
    assert np.array_equal(np.asarray(image.convert("RGBA")), np.load(here / "palette-alpha.npy").transpose(1, 2, 0))

# Written by hand: variants Pillow does not write.
for depth in (2, 4):
    levels = (rows * W + cols) % (1 << depth)
    write_png(f"grey{depth}", levels, colour_type=0, depth=depth)
    expect(f"grey{depth}", levels * (255 // ((1 << depth) - 1)))
    check_with_pillow(f"grey{depth}", levels * (255 // ((1 << depth) - 1)))
rgb16 = np.stack([grey16, 65_535 - grey16, (grey16 * 7) % 65_536], axis=-1)
write_png("rgb16", rgb16, colour_type=2, depth=16)
expect("rgb16", rgb16)
rgba16 = np.concatenate([rgb16, ((cols + 1) * 9_000)[..., None]], axis=-1)
write_png("rgba16", rgba16, colour_type=6, depth=16)
expect("rgba16", rgba16)
write_png("rgb8-interlaced", rgb8, colour_type=2, depth=8, interlace=True)
check_with_pillow("rgb8-interlaced", rgb8)
expect("rgb8-interlaced", rgb8)
write_png("grey16-interlaced", grey16, colour_type=0, depth=16, interlace=True)
expect("grey16-interlaced", grey16)
# A grey image's transparent colour (tRNS) is ignored: still one channel.
write_png("grey8-trns", grey8, colour_type=0, depth=8, extra=chunk(b"tRNS", struct.pack(">H", 37)))
expect("grey8-trns", grey8)

# JPEG: smooth content with an edge, big enough for several 8×8 blocks and 4:2:0 chroma.
jr, jc = np.mgrid[0:24, 0:40]
photo = np.stack([(jc * 6) % 256, (jr * 10) % 256, np.where(jc > 20, 200, 30)], axis=-1).astype(np.uint8)
settings = {"baseline": {}, "progressive": {"progressive": True}, "444": {"subsampling": 0}}
for name, options in settings.items():
    Image.fromarray(photo, "RGB").save(here / f"{name}.jpg", quality=90, **options)
    with Image.open(here / f"{name}.jpg") as image:
        expect(name, np.asarray(image))
grey_photo = photo[..., 0]
for name, options in {"grey": {}, "grey-progressive": {"progressive": True}}.items():
    Image.fromarray(grey_photo, "L").save(here / f"{name}.jpg", quality=90, **options)
    with Image.open(here / f"{name}.jpg") as image:
        expect(name, np.asarray(image))
# CMYK is refused; it needs no expectation.
Image.fromarray(photo, "RGB").convert("CMYK").save(here / "cmyk.jpg", quality=90)

print("libjpeg-turbo", features.version("libjpeg_turbo"), "zlib", features.version("zlib"))

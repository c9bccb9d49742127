"""PNG and JPEG: `load` agrees with Pillow on the course's photograph, Pillow reads what `save`
writes, and thousands of hostile image files neither kill the kernel nor leave it changed.

The fuzz works like the wire fuzz (test_wire_fuzz.py): structure-aware mutations of real files
(PNG chunks with their CRCs recomputed so libpng looks past them, IHDR fields, zlib streams and
palettes; JPEG marker segments, frame and scan headers, Huffman and quantisation tables, entropy
data, repeated scans) and plain byte damage, each loaded in its own cell. Every cell must end in
a value, an IOError or a LimitError. RECEPTIVE_IMAGE_FUZZ_COUNT sets the count (default 3,000),
RECEPTIVE_IMAGE_FUZZ_SEED the seed."""
import io
import os
import pathlib
import random
import struct
import subprocess
import time
import zlib

import numpy as np
from PIL import Image

from conftest import run_cell, texts
from kernel_process import KernelProcess

ROOT = pathlib.Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "Tests" / "TensorsTests" / "Fixtures" / "images"
PHOTOS = ROOT / "notebooks" / "data"
COUNT = int(os.environ.get("RECEPTIVE_IMAGE_FUZZ_COUNT", "3000"))
SEED = int(os.environ.get("RECEPTIVE_IMAGE_FUZZ_SEED", "20261204"))


def _run(receptive_bin, tmp_path, source):
    script = tmp_path / "script.rcp"
    script.write_text(source)
    return subprocess.run([receptive_bin, "run", str(script)], capture_output=True, text=True, timeout=120)


def _pillow(path) -> np.ndarray:
    """Pillow's decode in `load`'s layout: H×W, or channels first."""
    with Image.open(path) as image:
        array = np.asarray(image).astype(np.float64)
    return array.transpose(2, 0, 1) if array.ndim == 3 else array


def test_the_photograph_loads_as_pillow_decodes_it(receptive_bin, tmp_path):
    # Pillow 13's libpng/zlib and libjpeg-turbo 3.2 are independent builds of the decoders that
    # Receptive links from Debian. PNG is lossless, and libjpeg-turbo's accurate integer IDCT and
    # smooth upsampling give the same bytes in every version, so both must agree exactly.
    source = "".join(f'save("{tmp_path}/{name}.npy", load("{PHOTOS}/chelsea.{name}"))\n' for name in ("png", "jpg"))
    result = _run(receptive_bin, tmp_path, source)
    assert result.returncode == 0, result.stderr
    for name in ("png", "jpg"):
        ours = np.load(tmp_path / f"{name}.npy")
        assert ours.shape == (3, 150, 225)
        assert np.array_equal(ours, _pillow(PHOTOS / f"chelsea.{name}")), name


def test_pillow_reads_what_save_writes(receptive_bin, tmp_path):
    cells = {
        "grey8": "reshape(arange(35) * 7, 5, 7)",
        "grey16": "reshape(arange(35) * 1871, 5, 7)",
        "grey-alpha": "stack([reshape(arange(35), 5, 7), full(5, 7, value: 200)], axis: 0)",
        "rgb": "stack([reshape(arange(35), 5, 7), reshape(arange(35), 5, 7) * 3, full(5, 7, value: 9)], axis: 0)",
        "rgba": "stack([reshape(arange(35), 5, 7), full(5, 7, value: 1), full(5, 7, value: 255), reshape(arange(35), 5, 7) * 7], axis: 0)",
    }
    source = "".join(f'x = {code}\nsave("{tmp_path}/{name}.png", x)\nsave("{tmp_path}/{name}.npy", x)\n'
                     for name, code in cells.items())
    source += f'save("{tmp_path}/rgb.ppm", load("{tmp_path}/rgb.png"))\n'
    result = _run(receptive_bin, tmp_path, source)
    assert result.returncode == 0, result.stderr
    for name in cells:
        assert np.array_equal(_pillow(tmp_path / f"{name}.png"), np.load(tmp_path / f"{name}.npy")), name
    assert np.array_equal(_pillow(tmp_path / "rgb.ppm"), np.load(tmp_path / "rgb.npy"))
    with Image.open(tmp_path / "grey16.png") as image:
        assert image.mode == "I;16"


# MARK: the fuzz

def _chunks(data: bytes):
    """A PNG's chunks as [type, body] pairs (stops at damage)."""
    chunks, position = [], 8
    while position + 12 <= len(data):
        length = struct.unpack(">I", data[position:position + 4])[0]
        kind = data[position + 4:position + 8]
        chunks.append([kind, data[position + 8:position + 8 + length]])
        position += 12 + length
    return chunks


def _png(chunks) -> bytes:
    """Chunks written back with correct lengths and CRCs."""
    out = b"\x89PNG\r\n\x1a\n"
    for kind, body in chunks:
        out += struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return out


def _segments(data: bytes):
    """A JPEG's marker segments up to the first scan's data: [(offset, marker, length)]."""
    segments, position = [], 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        segments.append((position, marker, length))
        if marker == 0xDA:
            break
        position += 2 + length
    return segments


class ImageFuzzer:
    """Makes one hostile image file at a time from the fixtures."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.pngs = [path.read_bytes() for path in sorted(FIXTURES.glob("*.png"))]
        self.jpegs = [path.read_bytes() for path in sorted(FIXTURES.glob("*.jpg"))]
        self.jpegs.append((PHOTOS / "chelsea.jpg").read_bytes())

    def damage(self, data: bytes, edits: int) -> bytes:
        data = bytearray(data)
        for _ in range(edits):
            if not data:
                break
            position = self.rng.randrange(len(data))
            action = self.rng.randrange(4)
            if action == 0:
                data[position] = self.rng.randrange(256)
            elif action == 1:
                data[position] ^= 1 << self.rng.randrange(8)
            elif action == 2:
                data[position:position] = self.rng.randbytes(self.rng.randint(1, 8))
            else:
                del data[position:position + self.rng.randint(1, 8)]
        return bytes(data)

    # PNG
    def png_fields(self):
        chunks = _chunks(self.rng.choice(self.pngs))
        header = bytearray(chunks[0][1])
        field = self.rng.randrange(7)
        if field < 2:
            value = self.rng.choice([0, 1, 2**31 - 1, 2**31, 2**32 - 1, 100_000, self.rng.randrange(1 << 16)])
            header[4 * field:4 * field + 4] = struct.pack(">I", value)
        else:
            header[6 + field] = self.rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 32, 255])
        chunks[0][1] = bytes(header)
        return _png(chunks)

    def png_pixels(self):
        chunks = _chunks(self.rng.choice(self.pngs))
        data = [body for kind, body in chunks if kind == b"IDAT"]
        raw = bytearray(zlib.decompress(b"".join(data)))
        for _ in range(self.rng.randint(1, 6)):
            raw[self.rng.randrange(len(raw))] = self.rng.choice([0, 1, 2, 3, 4, 5, 255, self.rng.randrange(256)])
        if self.rng.random() < 0.3:
            raw = raw[: self.rng.randrange(len(raw))] if self.rng.random() < 0.5 else raw + bytes(self.rng.randint(1, 5000))
        body = zlib.compress(bytes(raw))
        if self.rng.random() < 0.2:
            body = body[: self.rng.randrange(len(body))]
        rest = [chunk for chunk in chunks if chunk[0] != b"IDAT"]
        return _png(rest[:-1] + [[b"IDAT", body]] + rest[-1:])

    def png_chunks(self):
        chunks = _chunks(self.rng.choice(self.pngs))
        action = self.rng.randrange(6)
        if action == 0 and len(chunks) > 1:
            del chunks[self.rng.randrange(len(chunks))]
        elif action == 1:
            chunks.insert(self.rng.randrange(len(chunks) + 1), list(self.rng.choice(chunks)))
        elif action == 2:
            self.rng.shuffle(chunks)
        elif action == 3:
            kind = self.rng.choice([b"PLTE", b"tRNS", b"gAMA", b"iCCP", b"zTXt", b"sBIT", b"bKGD", b"acTL", b"abcd"])
            body = self.rng.randbytes(self.rng.randint(0, 800))
            if kind in (b"iCCP", b"zTXt"):
                body = b"name\x00\x00" + zlib.compress(bytes(self.rng.randint(1, 20_000_000)))
            chunks.insert(1, [kind, body])
        elif action == 4:
            index = self.rng.randrange(len(chunks))
            chunks[index][1] = self.damage(chunks[index][1], self.rng.randint(1, 4))
        else:
            # A bomb: a huge declared image whose data is one small, highly compressed stream.
            width, height = self.rng.choice([(30_000, 30_000), (1, 300_000_000), (20_000, 20_000)])
            header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
            chunks = [[b"IHDR", header], [b"IDAT", zlib.compress(bytes(4_000_000), 9)], [b"IEND", b""]]
        return _png(chunks)

    # JPEG
    def jpeg_headers(self):
        data = bytearray(self.rng.choice(self.jpegs))
        segments = _segments(data)
        offset, marker, length = self.rng.choice(segments)
        body = range(offset + 4, min(offset + 2 + length, len(data)))
        if marker in (0xC0, 0xC2) and self.rng.random() < 0.5:
            # Frame header: precision, height, width, components, sampling factors, table ids.
            position = offset + 4 + self.rng.choice([0, 1, 2, 3, 4, 5, 7, 8, 10, 11])
            data[position] = self.rng.choice([0, 1, 2, 3, 4, 8, 12, 16, 0x11, 0x22, 0x44, 0xFF, self.rng.randrange(256)])
        elif self.rng.random() < 0.2:
            data[offset + 2:offset + 4] = struct.pack(">H", self.rng.choice([0, 1, 2, length - 1, length + 1, 0xFFFF]))
        else:
            for _ in range(self.rng.randint(1, 4)):
                data[self.rng.choice(body)] = self.rng.randrange(256)
        return bytes(data)

    def jpeg_scans(self):
        data = self.rng.choice(self.jpegs)
        start = _segments(data)[-1][0]
        if self.rng.random() < 0.3:
            # Many repeated scans: a progressive file must stop at the scan limit.
            scans = data[start:-2]
            return data[:start] + scans * self.rng.randint(2, 600) + data[-2:]
        entropy = bytearray(data[start:])
        for _ in range(self.rng.randint(1, 10)):
            entropy[self.rng.randrange(len(entropy))] = self.rng.randrange(256)
        return data[:start] + bytes(entropy)

    def next(self):
        kinds = [(self.png_fields, "png"), (self.png_pixels, "png"), (self.png_chunks, "png"),
                 (self.jpeg_headers, "jpg"), (self.jpeg_scans, "jpg")]
        make, extension = self.rng.choice(kinds)
        data = make()
        if self.rng.random() < 0.15:
            data = self.damage(data, self.rng.randint(1, 6))
        if self.rng.random() < 0.1:
            data = data[: self.rng.randrange(len(data) + 1)]
        return data, extension


def test_the_kernel_survives_hostile_image_files(receptive_bin, tmp_path):
    rng = random.Random(SEED)
    fuzzer = ImageFuzzer(rng)
    folder = tmp_path / "images"
    folder.mkdir()
    with KernelProcess(receptive_bin, tmp_path) as kernel:
        kc = kernel.client()
        try:
            assert run_cell(kc, "kept = 41")[0]["status"] == "ok"
            outcomes = {"ok": 0, "IOError": 0, "LimitError": 0}
            started = time.monotonic()
            for index in range(COUNT):
                data, extension = fuzzer.next()
                path = folder / f"{index}.{extension}"
                path.write_bytes(data)
                # stop_on_error=False: the cells are independent, and after a failed cell the kernel
                # would otherwise wait for queued requests to abort them.
                reply, _ = run_cell(kc, f'x = load("{path}");', timeout=60, stop_on_error=False)
                kind = reply["status"] if reply["status"] == "ok" else reply["ename"]
                assert kind in outcomes, f"{path.name}: {reply.get('ename')}: {reply.get('evalue')}"
                outcomes[kind] += 1
                path.unlink()
            elapsed = time.monotonic() - started
            print(f"{COUNT} hostile images in {elapsed:.1f} s (seed {SEED}): {outcomes}")
            # Each kind of outcome happens, so the mutations reach past the headers into the data.
            assert min(outcomes.values()) > 0, outcomes
            assert kernel.process.poll() is None, "the kernel died"
            reply, outputs = run_cell(kc, "kept + 1")
            assert texts(outputs, "execute_result") == ["42"]
            reply, outputs = run_cell(kc, f'load("{FIXTURES}/rgb8.png")[1, 4, 6]')
            assert texts(outputs, "execute_result") == [str(int(255 - (4 * 37 + 6 * 11) % 256))]
            # libpng's and libjpeg's own messages never reach the kernel's stderr.
            log = kernel.stderr().decode(errors="replace").lower()
            assert "libpng" not in log and "jpeg" not in log, log[-2000:]
        finally:
            kc.stop_channels()

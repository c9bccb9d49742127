"""The data the notebooks read is reproducible: notebooks/data/figure96.pgm, the stand-in for the
photograph of Deep Learning figure 9.6, must be exactly what its generator script writes."""
import subprocess
import sys

from conftest import ROOT


def test_figure96_image_is_what_its_generator_writes(tmp_path):
    data = ROOT / "notebooks" / "data"
    regenerated = tmp_path / "figure96.pgm"
    subprocess.run([sys.executable, str(data / "make_figure96.py"), str(regenerated)], check=True)
    image = regenerated.read_bytes()
    assert image == (data / "figure96.pgm").read_bytes()
    assert image.startswith(b"P5\n") and b"\n320 280\n255\n" in image
    assert len(image.split(b"\n255\n", 1)[1]) == 320 * 280

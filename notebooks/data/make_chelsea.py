"""Makes the course's photograph, `chelsea.png` and `chelsea.jpg`: Chelsea the cat, from
scikit-image's sample data, halved to 150×225 pixels (outputs committed).

The photograph is scikit-image's `skimage/data/chelsea.png` (300×451 RGB), whose documentation
(`skimage.data.chelsea`) says: "No copyright restrictions. CC0 by the photographer (Stefan van
der Walt)." See LICENSE-chelsea.md beside this script. To remake the files, take the original
from the scikit-image 0.26.0 wheel (no need to install it) and run, from the repository's root:

    .venv/bin/pip download scikit-image==0.26.0 --no-deps -d /some/folder
    unzip -j /some/folder/scikit_image-0.26.0-*.whl skimage/data/chelsea.png -d /some/folder
    .venv/bin/python notebooks/data/make_chelsea.py /some/folder/chelsea.png

Made with Pillow 13.0.0 (Lanczos resampling; the JPEG progressive, quality 90, 4:2:0).
"""
import hashlib
import sys
from pathlib import Path

import PIL
from PIL import Image

ORIGINAL_SHA256 = "596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb"
assert PIL.__version__ == "13.0.0", f"made with Pillow 13.0.0, found {PIL.__version__}"
here = Path(__file__).parent
source = Path(sys.argv[1])
digest = hashlib.sha256(source.read_bytes()).hexdigest()
assert digest == ORIGINAL_SHA256, f"{source} is not scikit-image 0.26.0's chelsea.png (sha256 {digest})"
with Image.open(source) as original:
    assert original.size == (451, 300) and original.mode == "RGB"
    small = original.resize((225, 150), Image.Resampling.LANCZOS)
small.save(here / "chelsea.png", optimize=True)
small.save(here / "chelsea.jpg", quality=90, progressive=True)

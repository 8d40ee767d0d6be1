#!/usr/bin/python3
"""Golden bilinear resizes from Pillow, for tests/Research.Tests/Processing/ResizePilTests.cs (ResizePil: the resize
Segment Anything's ResizeLongestSide.apply_image uses through torchvision's PIL path).

Run from the repository root with Debian's interpreter (python3-pil):

    /usr/bin/python3 tests/reference/make_pil_resize_fixtures.py

Last run with Pillow 9.4.0 (Debian 12). Inputs are fixtures of make_resize_fixtures.py / make_clahe_fixtures.py (8-bit
grey and RGB); each case is Image.open(input).resize((width, height), Image.BILINEAR), written as pil-<name>.png;
pil-cases.json lists them.
"""

import json
import os

import PIL
from PIL import Image

FOLDER = os.path.join("tests", "Research.Tests", "Processing", "Fixtures")
CASES = [
    ("odd8-256", "odd8-1023x777.png", 256, 256),       # shrink by 4 and 3: wide filters
    ("odd8-1024x778", "odd8-1023x777.png", 1024, 778),  # SAM's longest side, almost no change
    ("synth8-100x77", "synth8-seed5.png", 100, 77),
    ("rgb8-up", "rgb8-61x47.png", 128, 96),             # enlarge: plain triangle filter
    ("rgb8-down", "rgb8-61x47.png", 20, 15),
    ("rgb8-1024x789", "rgb8-61x47.png", 1024, 789),     # the SAM case: longest side to 1024
    ("rgb8-width-only", "rgb8-61x47.png", 40, 47),      # one pass skipped
]


def main():
    listed = []
    for name, source, width, height in CASES:
        image = Image.open(os.path.join(FOLDER, source))
        assert image.mode in ("L", "RGB"), image.mode
        out = image.resize((width, height), Image.BILINEAR)
        out.save(os.path.join(FOLDER, f"pil-{name}.png"))
        listed.append({"name": name, "input": source, "width": width, "height": height, "output": f"pil-{name}.png"})
    with open(os.path.join(FOLDER, "pil-cases.json"), "w", encoding="utf-8") as f:
        json.dump({"pillow": PIL.__version__, "cases": listed}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

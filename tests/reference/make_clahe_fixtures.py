#!/usr/bin/python3
"""Golden CLAHE outputs from OpenCV, for tests/Research.Tests/Processing/ClaheTests.cs.

Run from the repository root with Debian's interpreter (python3-opencv, python3-numpy):

    /usr/bin/python3 tests/reference/make_clahe_fixtures.py

Last run with OpenCV 4.6.0 and NumPy 1.24.2 (Debian 12), cv2.setNumThreads(1).
Folder: tests/Research.Tests/Processing/Fixtures/.

Inputs:
    synth8-seed5.png     256x256 8-bit, `research datasets synth --count 1 --size 256 --seed 5` (images/synth-0000.png)
    synth16-seed6.png    256x256 16-bit, `research datasets synth --count 1 --size 256 --seed 6 --bits 16`
    odd8-1023x777.png    8-bit, written here: v(x, y) = (x * 3 + y * 5) // 8 + ((x - 500)**2 + 2 * (y - 300)**2) // 3000
                         + 40 * ((x // 37 + y // 23) % 2), clipped to 0..255 (gradients, a bowl, a checkerboard texture)
    odd16-301x207.png    16-bit, written here: v(x, y) = (x * 97 + y * 131 + (x * y) % 1009 * 23) % 40000 + 1000
Each case is out = cv2.createCLAHE(clipLimit, (tilesX, tilesY)).apply(input), written as clahe-<name>.png; cases.json
lists them.
"""

import json
import os

import cv2
import numpy as np

FOLDER = os.path.join("tests", "Research.Tests", "Processing", "Fixtures")

CASES = [
    ("synth8-default", "synth8-seed5.png", 40.0, 8, 8),
    ("synth8-clip2", "synth8-seed5.png", 2.0, 8, 8),
    ("synth8-clip0", "synth8-seed5.png", 0.0, 4, 4),
    ("synth16-clip3", "synth16-seed6.png", 3.0, 8, 8),
    ("odd8-clip2", "odd8-1023x777.png", 2.0, 8, 8),
    ("odd8-clip4-5x7", "odd8-1023x777.png", 4.0, 5, 7),
    ("odd16-clip2-3x5", "odd16-301x207.png", 2.0, 3, 5),
]


def write_inputs():
    y, x = np.mgrid[0:777, 0:1023].astype(np.int64)
    odd8 = (x * 3 + y * 5) // 8 + ((x - 500) ** 2 + 2 * (y - 300) ** 2) // 3000 + 40 * ((x // 37 + y // 23) % 2)
    cv2.imwrite(os.path.join(FOLDER, "odd8-1023x777.png"), np.clip(odd8, 0, 255).astype(np.uint8))
    y, x = np.mgrid[0:207, 0:301].astype(np.int64)
    odd16 = (x * 97 + y * 131 + (x * y) % 1009 * 23) % 40000 + 1000
    cv2.imwrite(os.path.join(FOLDER, "odd16-301x207.png"), odd16.astype(np.uint16))


def main():
    cv2.setNumThreads(1)
    write_inputs()
    listed = []
    for name, source, clip, tiles_x, tiles_y in CASES:
        image = cv2.imread(os.path.join(FOLDER, source), cv2.IMREAD_UNCHANGED)
        out = cv2.createCLAHE(clipLimit=clip, tileGridSize=(tiles_x, tiles_y)).apply(image)
        target = f"clahe-{name}.png"
        cv2.imwrite(os.path.join(FOLDER, target), out)
        listed.append({"name": name, "input": source, "clip_limit": clip, "tiles_x": tiles_x, "tiles_y": tiles_y, "output": target})
    with open(os.path.join(FOLDER, "clahe-cases.json"), "w", encoding="utf-8") as f:
        json.dump({"opencv": cv2.__version__, "cases": listed}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

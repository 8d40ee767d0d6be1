#!/usr/bin/python3
"""Golden resize outputs from OpenCV, for tests/Research.Tests/Processing/ResizeTests.cs.

Run from the repository root with Debian's interpreter (python3-opencv, python3-numpy):

    /usr/bin/python3 tests/reference/make_resize_fixtures.py

Last run with OpenCV 4.6.0 (Debian 12), cv2.setNumThreads(1). Folder: tests/Research.Tests/Processing/Fixtures/.
Inputs are the CLAHE fixtures (see make_clahe_fixtures.py) plus rgb8-61x47.png, written here:
    v(x, y, c) = (x * 37 + y * 101 + c * 59 + (x * y) % 17 * 5) % 256, channels in RGB order (cv2 writes BGR, so reversed).
Each case is cv2.resize(input, (width, height), interpolation=flag), written as resize-<name>.png; resize-cases.json lists them.
"""

import json
import os

import cv2
import numpy as np

FOLDER = os.path.join("tests", "Research.Tests", "Processing", "Fixtures")
FLAGS = {"nearest": cv2.INTER_NEAREST, "linear": cv2.INTER_LINEAR, "area": cv2.INTER_AREA}

CASES = [
    ("odd8-256-{}", "odd8-1023x777.png", 256, 256, ["nearest", "linear", "area"]),
    ("odd8-up-{}", "odd8-1023x777.png", 1500, 1000, ["nearest", "linear", "area"]),
    ("synth8-128-{}", "synth8-seed5.png", 128, 128, ["nearest", "linear", "area"]),
    ("synth8-100x77-{}", "synth8-seed5.png", 100, 77, ["linear", "area"]),
    ("synth8-64-{}", "synth8-seed5.png", 64, 64, ["area"]),
    ("synth16-97x131-{}", "synth16-seed6.png", 97, 131, ["nearest", "linear", "area"]),
    ("synth16-128-{}", "synth16-seed6.png", 128, 128, ["area"]),
    ("rgb8-up-{}", "rgb8-61x47.png", 128, 96, ["nearest", "linear", "area"]),
    ("rgb8-down-{}", "rgb8-61x47.png", 20, 15, ["linear", "area"]),
]


def main():
    cv2.setNumThreads(1)
    y, x = np.mgrid[0:47, 0:61].astype(np.int64)
    rgb = np.stack([(x * 37 + y * 101 + c * 59 + (x * y) % 17 * 5) % 256 for c in range(3)], axis=2).astype(np.uint8)
    cv2.imwrite(os.path.join(FOLDER, "rgb8-61x47.png"), rgb[:, :, ::-1])
    listed = []
    for pattern, source, width, height, flags in CASES:
        image = cv2.imread(os.path.join(FOLDER, source), cv2.IMREAD_UNCHANGED)
        for flag in flags:
            name = pattern.format(flag)
            out = cv2.resize(image, (width, height), interpolation=FLAGS[flag])
            cv2.imwrite(os.path.join(FOLDER, f"resize-{name}.png"), out)
            listed.append({"name": name, "input": source, "width": width, "height": height, "interpolation": flag,
                           "output": f"resize-{name}.png"})
    with open(os.path.join(FOLDER, "resize-cases.json"), "w", encoding="utf-8") as f:
        json.dump({"opencv": cv2.__version__, "cases": listed}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

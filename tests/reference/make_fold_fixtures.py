#!/usr/bin/python3
"""Golden folds for the 113-fold scheme, computed with NumPy, independent of the C# code.

Run from the repository root with Debian's interpreter (python3-numpy):

    /usr/bin/python3 tests/reference/make_fold_fixtures.py

Last run with NumPy 1.24.2 (Debian 12). Output: tests/Research.Tests/Augmentation/Fixtures/folds113-13x9.json.

The image is W x H = 13 x 9 (NumPy shape (9, 13)), a[y, x] = y * 13 + x + 1 as uint16: every value distinct and
the image non-square, so a wrong axis, direction or size shows up. Fold 0 is the original; fold
1 + ((r * 2 + flip) * 2 + axis) * 7 + (k - 1), r = 0..3, flip = 0/1, axis 0 = x / 1 = y, k = 1..7, is

    b = np.rot90(a, r); b = np.fliplr(b) if flip else b
    np.roll(b, k * b.shape[1] // 8, axis=1)   (axis x: right by floor(k * W / 8) of the rotated width)
    np.roll(b, k * b.shape[0] // 8, axis=0)   (axis y: down by floor(k * H / 8) of the rotated height)

For each fold the file records rotation (degrees), flip, axis, k, shift, the shape [height, width] and the SHA-256 of
the fold's samples as little-endian uint16, row-major; folds 0, 1, 20, 57 and 112 are also stored in full.
"""

import hashlib
import json
import os

import numpy as np

W, H = 13, 9
FULL = {0, 1, 20, 57, 112}


def folds(a):
    yield 0, 0, 0, "none", 0, 0, a
    for r in range(4):
        for flip in range(2):
            for axis in range(2):
                for k in range(1, 8):
                    index = 1 + ((r * 2 + flip) * 2 + axis) * 7 + (k - 1)
                    b = np.rot90(a, r)
                    if flip:
                        b = np.fliplr(b)
                    shift = k * b.shape[1] // 8 if axis == 0 else k * b.shape[0] // 8
                    out = np.roll(b, shift, axis=1 if axis == 0 else 0)
                    yield index, r * 90, flip, "x" if axis == 0 else "y", k, shift, out


def main():
    a = (np.arange(H * W, dtype=np.uint16) + 1).reshape(H, W)
    records = []
    for index, rotation, flip, axis, k, shift, out in folds(a):
        out = np.ascontiguousarray(out, dtype="<u2")
        record = {"fold": index, "rotation": rotation, "flip": flip, "axis": axis, "k": k, "shift": shift,
                  "shape": list(out.shape), "sha256": hashlib.sha256(out.tobytes()).hexdigest()}
        if index in FULL:
            record["values"] = out.tolist()
        records.append(record)
    assert [r["fold"] for r in records] == list(range(113))
    target = os.path.join("tests", "Research.Tests", "Augmentation", "Fixtures", "folds113-13x9.json")
    with open(target, "w", encoding="utf-8") as f:
        header = {"width": W, "height": H, "formula": "a[y, x] = y * 13 + x + 1 (uint16)", "numpy": np.__version__}
        f.write(json.dumps(header)[:-1] + ', "folds": [\n')
        f.write(",\n".join(json.dumps(r) for r in records))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()

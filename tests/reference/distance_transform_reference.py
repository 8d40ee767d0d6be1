#!/usr/bin/env python3
"""Golden values for src/Research/Processing/Labels/DistanceTransform.cs from an independent implementation:
scipy.ndimage.distance_transform_edt (Debian 12 python3-scipy 1.10.1, numpy 1.24.2).

Run: /usr/bin/python3 tests/reference/distance_transform_reference.py
Prints, for each mask used in tests/Research.Tests/Processing/Labels/DistanceTransformTests.cs, the mask rows and the
distances (rounded to 6 decimals) in raster order, to paste into the test.
"""
import numpy as np
from scipy import ndimage

MASKS = {
    "blob": [
        "..........",
        "..####....",
        ".######...",
        ".#######..",
        ".######...",
        "..####..#.",
        "........##",
    ],
    "ring": [
        "#######",
        "#.....#",
        "#.###.#",
        "#.###.#",
        "#.....#",
        "#######",
    ],
}

for name, rows in MASKS.items():
    mask = np.array([[c == "#" for c in r] for r in rows])
    edt = ndimage.distance_transform_edt(mask)
    print(name, mask.shape)
    print(", ".join(f"{v:.6f}" for v in edt.ravel()))

#!/usr/bin/python3
"""scikit-image's regionprops on real DSB2018 label images and hand-made cases: the golden file of the C#
Measurements tests (tests/Research.Tests/Measurements/RegionPropertiesReferenceTests.cs).

Run from the repository root with Debian's interpreter (the shared data folder beside the repository):

    /usr/bin/python3 tests/reference/make_regionprops_golden.py

Last run with Python 3.11.2, scikit-image 0.19.3, SciPy 1.10.1, NumPy 1.24.2, Pillow (Debian 12 packages).
Output: tests/Research.Tests/Measurements/Fixtures/regionprops_golden.json: for every case its label image (hand-made
cases only; DSB2018 images are named by ImageId and their labels rebuilt from the mask PNGs, object k = the k-th mask
file in sorted name order, as our KaggleDsbReader does) and, per object in label order, every property of
skimage.measure.regionprops_table. DSB2018 intensities are the RGBA image (4 channels); hand-made cases carry a
16-bit grey intensity image made here.
"""

import json
import os

import numpy as np
from PIL import Image
from skimage.measure import regionprops_table

DATA = os.path.join("..", "shared", "data", "dsb2018", "stage1_train")
OUT = os.path.join("tests", "Research.Tests", "Measurements", "Fixtures", "regionprops_golden.json")
PROPERTIES = ["label", "area", "bbox", "centroid", "perimeter", "perimeter_crofton", "eccentricity", "orientation",
              "axis_major_length", "axis_minor_length", "equivalent_diameter_area", "solidity", "area_convex",
              "extent", "euler_number", "feret_diameter_max", "area_filled", "intensity_mean", "intensity_min",
              "intensity_max"]
# Ten training images of different kinds (grey fluorescence, colour histology, bright field, large and small).
DSB_EVERY = 67


def grid(text):
    """A label image from rows of characters: '.' background, digits/letters labels (a=10, b=11, ...)."""
    rows = [r for r in text.strip().splitlines()]
    return np.array([[0 if ch == "." else int(ch, 36) for ch in row.strip()] for row in rows], dtype=np.int32)


def hand_cases():
    cases = {}
    cases["holes"] = grid("""
        ...........
        .1111111...
        .1.....1.22
        .1.333.1.22
        .1.3.3.1...
        .1.333.1.44
        .1111111.4.
        .........44
        55555......
        5.5.5......
        55555......
    """)
    cases["border"] = grid("""
        11....2222
        11.......2
        .........2
        3.........
        33...44...
        3....44...
        ..........
        5........6
        55......66
    """)
    cases["tiny"] = grid("""
        1.2222222.3
        ..........3
        4.5.......3
        .5.5..66..3
        ..5...66...
        ......7....
        .......7...
        ........7..
        .99999.....
        .9.........
        .9.........
    """)
    cases["nonconvex"] = grid("""
        1...1..2......
        1...1.222.....
        1...1..2...33.
        11111......3..
        .......44..333
        ..4444444.....
        ..4.....4.5.5.
        ..4.....4..5..
        ......4.4.5.5.
        .aaaaaa.......
        .a....a..b..b.
        .a.aa.a..bbbb.
        .a..a.a..b..b.
    """)
    cases["noncontiguous"] = grid("""
        11...11
        11...11
        .......
        ..222..
        ..2.2..
        .......
        3.....3
    """)
    rng = np.random.default_rng(15)
    yy, xx = np.mgrid[0:64, 0:72]
    blobs = np.zeros((64, 72), dtype=np.int32)
    for k in range(1, 13):
        cy, cx = rng.uniform(4, 60), rng.uniform(4, 68)
        a, b, t = rng.uniform(2, 9), rng.uniform(1, 6), rng.uniform(0, np.pi)
        u = ((yy - cy) * np.cos(t) + (xx - cx) * np.sin(t)) / a
        v = (-(yy - cy) * np.sin(t) + (xx - cx) * np.cos(t)) / b
        blobs[(u * u + v * v <= 1) & (blobs == 0)] = k * 3  # labels 3, 6, ..., not contiguous
    cases["ellipses"] = blobs
    disc = np.zeros((21, 21), dtype=np.int32)
    disc[(yy[:21, :21] - 10) ** 2 + (xx[:21, :21] - 10) ** 2 <= 81] = 7
    cases["disc"] = disc
    return cases


def intensity_for(labels, seed):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 65536, size=labels.shape, dtype=np.uint16)


def dsb_labels(image_id):
    masks = sorted(os.listdir(os.path.join(DATA, image_id, "masks")))
    labels = None
    for k, name in enumerate(masks, start=1):
        m = np.asarray(Image.open(os.path.join(DATA, image_id, "masks", name)))
        if m.ndim == 3:
            m = m[..., 0]
        if labels is None:
            labels = np.zeros(m.shape, dtype=np.int32)
        labels[m > 0] = k
    image = np.asarray(Image.open(os.path.join(DATA, image_id, "images", image_id + ".png")))
    return labels, image


def table(labels, intensity):
    t = regionprops_table(labels, intensity_image=intensity, properties=PROPERTIES)
    keys = sorted(t.keys())
    n = len(t["label"])
    rows = []
    for i in range(n):
        row = {}
        for k in keys:
            v = t[k][i]
            row[k] = int(v) if np.issubdtype(type(v), np.integer) else float(v)
        rows.append(row)
    return rows


def main():
    cases = []
    for seed, (name, labels) in enumerate(hand_cases().items()):
        intensity = intensity_for(labels, seed)
        cases.append({"name": name, "labels": labels.tolist(), "intensity": intensity.tolist(),
                      "objects": table(labels, intensity)})
    ids = sorted(os.listdir(DATA))[::DSB_EVERY]
    for image_id in ids:
        labels, image = dsb_labels(image_id)
        cases.append({"name": "dsb2018/" + image_id, "dsb2018": image_id, "objects": table(labels, image)})
    with open(OUT, "w") as f:
        json.dump({"skimage": __import__("skimage").__version__, "cases": cases}, f, separators=(",", ":"))
    print(f"wrote {OUT}: {len(cases)} cases, {sum(len(c['objects']) for c in cases)} objects")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes the golden COCO annotations for tests/Research.Tests/Encodings/CocoExportTests.cs with NumPy and
scikit-image, independently of the C# exporter.

Run from the repository root with Debian's interpreter:

    /usr/bin/python3 tests/reference/make_coco_golden.py

Last run with NumPy 1.24.2 and scikit-image 0.19.3 (Debian 12 packages). pycocotools is not packaged for
Debian 12, so the COCO uncompressed RLE is computed here from its definition (as pycocotools' rleEncode does):
flatten the binary mask in Fortran (column-major) order and count alternating runs, background first, the last
run included, so the counts sum to height * width. bbox and area come from skimage.measure.regionprops
(bbox (min_row, min_col, max_row, max_col), exclusive ends, turned into COCO's [x, y, width, height]).

Output: tests/Research.Tests/Encodings/Fixtures/coco_golden.json with, per image, the label image (row-major
list of lists) and the expected annotations in ascending label order.
"""
import json
import pathlib

import numpy as np
import skimage
from skimage.draw import ellipse
from skimage.measure import regionprops


def coco_counts(mask):
    flat = mask.flatten(order="F").astype(np.int8)
    changes = np.flatnonzero(np.diff(flat)) + 1
    bounds = np.concatenate(([0], changes, [flat.size]))
    counts = np.diff(bounds).tolist()
    if flat[0] == 1:
        counts = [0] + counts
    return [int(c) for c in counts]


def image_a():
    labels = np.zeros((13, 19), dtype=np.uint16)
    rr, cc = ellipse(5, 6, 4, 3, shape=labels.shape)
    labels[rr, cc] = 7
    rr, cc = ellipse(8, 13, 3, 5, shape=labels.shape, rotation=0.5)
    labels[rr, cc] = 40
    labels[0, 0] = 3            # first pixel: counts start with a 0-length background run
    labels[12, 18] = 12         # last pixel: no trailing background run
    labels[0:2, 17:19] = 12     # the same label in two separate pieces
    return labels


def image_b():
    labels = np.zeros((4, 6), dtype=np.uint16)
    labels[:, 2] = 1            # a full column: a run from the top of one column to its bottom
    labels[3, 3] = 1
    labels[0, 4] = 1            # continues from the bottom of column 3 into the top of column 4
    return labels


def annotations(labels):
    out = []
    for region in regionprops(labels.astype(np.int32)):
        mask = labels == region.label
        r0, c0, r1, c1 = region.bbox
        out.append({
            "label": int(region.label),
            "area": int(region.area),
            "bbox": [int(c0), int(r0), int(c1 - c0), int(r1 - r0)],
            "counts": coco_counts(mask),
        })
    return out


def main():
    images = {"a.png": image_a(), "b.png": image_b(), "empty.png": np.zeros((3, 5), dtype=np.uint16)}
    golden = {
        "made_by": f"tests/reference/make_coco_golden.py, NumPy {np.__version__}, scikit-image {skimage.__version__}",
        "images": [
            {"file_name": name, "height": int(l.shape[0]), "width": int(l.shape[1]),
             "labels": l.tolist(), "annotations": annotations(l)}
            for name, l in images.items()
        ],
    }
    out = pathlib.Path("tests/Research.Tests/Encodings/Fixtures/coco_golden.json")
    out.write_text(json.dumps(golden, indent=1) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()

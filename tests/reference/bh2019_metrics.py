#!/usr/bin/python3
"""Golden values for the BH2019 published baseline and for pixel-centre nearest-neighbour resizing.

Run from the repository root with Debian's interpreter (python3-numpy, python3-opencv, python3-pil):

    /usr/bin/python3 tests/reference/bh2019_metrics.py [DATA]     (DATA defaults to ../shared/data/bh2019)

Writes two files, independent of the C# code:

* tests/Research.Tests/Metrics/Fixtures/bh2019-published.json: the project's published test predictions
  (published-test-predictions/NNNN_05_Test_Res_DL_Pred_Binary.png, numbered 0001-0007 in the sorted order of
  test/images) against test/masks. Each prediction is read with PIL (palette indices -> grey through the palette,
  convert('L')), resized to its truth's size with cv2.INTER_NEAREST_EXACT, thresholded at > 0; the truth (1-bit PNG)
  is > 0. Per image TP, FP, FN; pixel IoU = TP / (TP + FP + FN) and Dice = 2TP / (2TP + FP + FN), micro (pooled
  counts) and mean of images; the smoothed forms of Keras-style code with smooth = 1: IoU = (I + 1) / (U + 1),
  Dice = (2I + 1) / (|A| + |B| + 1), pooled and mean of images.
* tests/Research.Tests/Processing/Fixtures/nearest-exact-indices.json: for each (source, destination) length, the
  source index cv2.resize(..., INTER_NEAREST_EXACT) takes for each destination pixel (a row 0..source-1 resized).

Last run with OpenCV 4.6.0, NumPy 1.24, Pillow 9.4 (Debian 12).
"""

import json
import os
import sys

import cv2
import numpy as np
from PIL import Image

METRICS = os.path.join("tests", "Research.Tests", "Metrics", "Fixtures", "bh2019-published.json")
INDICES = os.path.join("tests", "Research.Tests", "Processing", "Fixtures", "nearest-exact-indices.json")
SIZES = [(2, 3), (3, 2), (5, 3), (7, 16), (16, 7), (1000, 1002), (1000, 1008), (1000, 1024), (1024, 512), (512, 1024),
         (1002, 1000), (1056, 512), (1074, 1000), (37, 111)]


def counts(truth, pred):
    tp = int(np.count_nonzero(truth & pred))
    fp = int(np.count_nonzero(~truth & pred))
    fn = int(np.count_nonzero(truth & ~pred))
    return tp, fp, fn


def scores(tp, fp, fn):
    union = tp + fp + fn
    iou = tp / union if union else 1.0
    dice = 2 * tp / (2 * tp + fp + fn) if union else 1.0
    return iou, dice, (tp + 1) / (union + 1), (2 * tp + 1) / (2 * tp + fp + fn + 1)


def published(data):
    names = sorted(os.listdir(os.path.join(data, "test", "images")))
    rows = []
    for k, name in enumerate(names, start=1):
        truth = np.asarray(Image.open(os.path.join(data, "test", "masks", name))) > 0
        pred_path = os.path.join(data, "published-test-predictions", f"{k:04d}_05_Test_Res_DL_Pred_Binary.png")
        pred = np.asarray(Image.open(pred_path).convert("L"))
        h, w = truth.shape
        pred = cv2.resize(pred, (w, h), interpolation=cv2.INTER_NEAREST_EXACT) > 0
        tp, fp, fn = counts(truth, pred)
        iou, dice, siou, sdice = scores(tp, fp, fn)
        rows.append({"id": os.path.splitext(name)[0], "prediction": os.path.basename(pred_path), "width": w, "height": h,
                     "tp": tp, "fp": fp, "fn": fn, "iou": iou, "dice": dice, "smoothed_iou": siou, "smoothed_dice": sdice})
    tp, fp, fn = (sum(r[key] for r in rows) for key in ("tp", "fp", "fn"))
    iou, dice, siou, sdice = scores(tp, fp, fn)
    return {
        "source": "tests/reference/bh2019_metrics.py",
        "images": rows,
        "micro": {"iou": iou, "dice": dice, "smoothed_iou": siou, "smoothed_dice": sdice},
        "mean": {key: float(np.mean([r[key] for r in rows])) for key in ("iou", "dice", "smoothed_iou", "smoothed_dice")},
    }


def indices():
    cases = []
    for source, destination in SIZES:
        row = np.arange(source, dtype=np.float32).reshape(1, source)
        out = cv2.resize(row, (destination, 1), interpolation=cv2.INTER_NEAREST_EXACT)[0]
        cases.append({"source": source, "destination": destination, "indices": [int(v) for v in out]})
    return {"source": "tests/reference/bh2019_metrics.py", "opencv": cv2.__version__, "cases": cases}


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data", "bh2019")
    for path, value in ((METRICS, published(data)), (INDICES, indices())):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(value, f, indent=1 if path == METRICS else None)
            f.write("\n")
        print("wrote", path)
    golden = json.load(open(METRICS))
    print("micro", golden["micro"], "mean", golden["mean"])


if __name__ == "__main__":
    main()

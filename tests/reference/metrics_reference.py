#!/usr/bin/python3
"""Independent NumPy reference for the metrics (src/Research/Metrics): label pairs and golden values.

Run from the repository root with Debian's interpreter:

    /usr/bin/python3 tests/reference/metrics_reference.py

Last run with Python 3.11.2, NumPy 1.24.2, OpenCV 4.6.0 (Debian 12 packages). Output:
tests/Research.Tests/Metrics/Fixtures/{truth,pred}/pair-NN.png (16-bit label PNGs written by OpenCV) and
tests/Research.Tests/Metrics/Fixtures/golden.json (per-image values and the summary, taus 0.5, 0.75 and 0.3,
centroid radius 50, boundary tolerance 2). The C# test MetricsReferenceTests reads both.

The pairs (NumPy's seeded generator, seed 7) are 48x40 images with 3 to 8 elliptical objects; the prediction of each
object is one of: kept, shifted by up to 3 px, dilated or eroded by one pixel, dropped (a miss), split in two
along a vertical line, merged with the previous object; plus extra objects in the background, and prediction
labels renumbered to random large values. Pairs 0-3 are the special cases: empty/empty, truth only, prediction
only, perfect.

The implementation here is deliberately different from ours: per-object boolean masks instead of one contingency
pass, a full IoU matrix, and brute-force Euclidean distances between contour points instead of a distance
transform. The definitions are those of the issue (strict IoU > tau; empty truth and empty prediction score 1; a zero
denominator otherwise scores 0; hd95 = max of the two directed 95th percentiles with linear interpolation; nsd from
inner 4-connected contours; one side empty: hd95 = image diagonal, nsd 0).
"""

import json
import os

import cv2
import numpy as np

OUT = os.path.join("tests", "Research.Tests", "Metrics", "Fixtures")
W, H = 48, 40
TAUS = [0.5, 0.75, 0.3]
RADIUS = 50.0
TOLERANCE = 2.0


def ratio(num, den, empty):
    return num / den if den != 0 else (1.0 if empty else 0.0)


def ellipse(rng, shape):
    cy, cx = rng.uniform(4, shape[0] - 4), rng.uniform(4, shape[1] - 4)
    ry, rx = rng.uniform(2, 6), rng.uniform(2, 6)
    yy, xx = np.mgrid[0:shape[0], 0:shape[1]]
    return ((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2 <= 1


def make_pair(rng, index):
    truth = np.zeros((H, W), np.int64)
    pred = np.zeros((H, W), np.int64)
    if index == 0:
        return truth, pred
    for k in range(int(rng.integers(3, 9))):
        truth[ellipse(rng, (H, W)) & (truth == 0)] = k + 1
    if index == 1:
        return truth, pred
    if index == 3:
        return truth, truth.copy()
    kernel = np.ones((3, 3), np.uint8)
    labels = [v for v in np.unique(truth) if v != 0]
    if index == 2:
        truth[:] = 0
    for n, v in enumerate(labels):
        mask = (truth == v) if index != 2 else np.zeros_like(truth, bool)
        op = int(rng.integers(0, 7)) if index != 2 else 0
        if index == 2:
            mask = ellipse(rng, (H, W))
        if op == 1:
            dy, dx = rng.integers(-3, 4, size=2)
            mask = np.roll(np.roll(mask, dy, axis=0), dx, axis=1)
        elif op == 2:
            mask = cv2.dilate(mask.astype(np.uint8), kernel).astype(bool)
        elif op == 3:
            mask = cv2.erode(mask.astype(np.uint8), kernel).astype(bool)
        elif op == 4:
            continue
        elif op == 5:
            cols = np.nonzero(mask.any(axis=0))[0]
            cut = (cols.min() + cols.max()) // 2
            right = mask.copy()
            right[:, : cut + 1] = False
            mask[:, cut + 1:] = False
            pred[right & (pred == 0)] = 100 + v
        elif op == 6 and n > 0:
            pred[mask & (pred == 0)] = labels[n - 1]
            continue
        pred[mask & (pred == 0)] = v
    for e in range(int(rng.integers(0, 3))):
        pred[ellipse(rng, (H, W)) & (pred == 0) & (truth == 0)] = 200 + e
    ids = [v for v in np.unique(pred) if v != 0]
    new = rng.choice(np.arange(1, 60000), size=len(ids), replace=False)
    out = np.zeros_like(pred)
    for old, value in zip(ids, new):
        out[pred == old] = value
    return truth, out


def objects(labels):
    ids = [int(v) for v in np.unique(labels) if v != 0]
    return ids, [labels == v for v in ids]


def iou_matrix(tm, pm):
    m = np.zeros((len(tm), len(pm)))
    inter = np.zeros((len(tm), len(pm)), np.int64)
    for i, a in enumerate(tm):
        for j, b in enumerate(pm):
            inter[i, j] = np.logical_and(a, b).sum()
            union = np.logical_or(a, b).sum()
            m[i, j] = inter[i, j] / union if union else 0.0
    return m, inter


def matching(iou, tau):
    nt, npred = iou.shape
    cand = [(iou[i, j], i, j) for i in range(nt) for j in range(npred) if iou[i, j] > tau]
    cand.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_t, used_p, chosen = set(), set(), []
    for v, i, j in cand:
        if i in used_t or j in used_p:
            continue
        used_t.add(i)
        used_p.add(j)
        chosen.append(v)
    tp = len(chosen)
    return {"tp": tp, "fp": npred - tp, "fn": nt - tp, "sum_iou": float(sum(chosen))}


def box_centre(mask):
    ys, xs = np.nonzero(mask)
    return ((xs.min() + xs.max()) / 2.0, (ys.min() + ys.max()) / 2.0)


def centroid(tm, pm):
    tc = [box_centre(m) for m in tm]
    taken = [False] * len(tc)
    tp = 0
    for m in pm:
        px, py = box_centre(m)
        best, bestd = -1, np.inf
        for i, (x, y) in enumerate(tc):
            d = (x - px) ** 2 + (y - py) ** 2
            if not taken[i] and d < RADIUS ** 2 and d < bestd:
                best, bestd = i, d
        if best >= 0:
            taken[best] = True
            tp += 1
    return {"tp": tp, "fp": len(pm) - tp, "fn": len(tm) - tp}


def contour(fg):
    padded = np.pad(fg, 1, constant_values=False)
    interior = padded[1:-1, 1:-1] & padded[:-2, 1:-1] & padded[2:, 1:-1] & padded[1:-1, :-2] & padded[1:-1, 2:]
    return np.argwhere(fg & ~interior).astype(float)


def boundary(truth, pred):
    a, b = contour(truth > 0), contour(pred > 0)
    if len(a) == 0 and len(b) == 0:
        return 0.0, 1.0
    if len(a) == 0 or len(b) == 0:
        return float(np.hypot(W - 1, H - 1)), 0.0
    d = np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=2))
    ab, ba = d.min(axis=1), d.min(axis=0)
    hd95 = max(np.percentile(ab, 95), np.percentile(ba, 95))
    nsd = ((ab <= TOLERANCE).sum() + (ba <= TOLERANCE).sum()) / (len(a) + len(b))
    return float(hd95), float(nsd)


def per_image(truth, pred):
    tids, tm = objects(truth)
    pids, pm = objects(pred)
    iou, inter = iou_matrix(tm, pm)
    tpx = int(np.logical_and(truth > 0, pred > 0).sum())
    fpx = int(np.logical_and(truth == 0, pred > 0).sum())
    fnx = int(np.logical_and(truth > 0, pred == 0).sum())
    empty = tpx + fpx + fnx == 0
    dsb = []
    for k in range(10):
        t = (50 + 5 * k) / 100
        tp = int((iou > t).sum())
        fp, fn = len(pm) - tp, len(tm) - tp
        dsb.append(ratio(tp, tp + fp + fn, len(tm) == 0 and len(pm) == 0))
    # CTC: S matches R when |R and S| > 0.5 |R|
    areas = np.array([m.sum() for m in tm])
    match = inter * 2 > areas[:, None] if len(tm) and len(pm) else np.zeros((len(tm), len(pm)), bool)
    seg_sum = float(sum(iou[i, j] for i in range(len(tm)) for j in range(len(pm)) if match[i, j]))
    per_pred = match.sum(axis=0) if len(tm) else np.zeros(len(pm), int)
    ns = int(sum(k - 1 for k in per_pred if k > 0))
    fp_det = int(sum(1 for k in per_pred if k == 0))
    fn_det = int(len(tm) - match.any(axis=1).sum()) if len(pm) else len(tm)
    hd95, nsd = boundary(truth, pred)
    return {
        "n_true": len(tm), "n_pred": len(pm),
        "pixel": {"tp": tpx, "fp": fpx, "fn": fnx,
                  "iou": ratio(tpx, tpx + fpx + fnx, empty), "dice": ratio(2 * tpx, 2 * tpx + fpx + fnx, empty)},
        "dsb2018": float(np.mean(dsb)), "dsb2018_per_threshold": dsb,
        "matching": {str(t): matching(iou, t) for t in TAUS},
        "ctc": {"sum_iou": seg_sum, "ns": ns, "fn": fn_det, "fp": fp_det},
        "centroid": centroid(tm, pm),
        "hd95": hd95, "nsd": nsd,
    }


def summary(images):
    def s(key):
        return sum(im["pixel"][key] for im in images)
    tp, fp, fn = s("tp"), s("fp"), s("fn")
    e = tp + fp + fn == 0
    result = {
        "images": len(images),
        "pixel": {"iou": ratio(tp, tp + fp + fn, e), "dice": ratio(2 * tp, 2 * tp + fp + fn, e),
                  "precision": ratio(tp, tp + fp, e), "recall": ratio(tp, tp + fn, e)},
        "pixel_macro": {"iou": float(np.mean([im["pixel"]["iou"] for im in images])),
                        "dice": float(np.mean([im["pixel"]["dice"] for im in images]))},
        "dsb2018_score": float(np.mean([im["dsb2018"] for im in images])),
        "matching": {},
        # Keras-style smoothed scores, smooth = 1: (I + 1) / (U + 1) and (2I + 1) / (|A| + |B| + 1).
        "pixel_smoothed": {"smooth": 1, "iou": (tp + 1) / (tp + fp + fn + 1), "dice": (2 * tp + 1) / (2 * tp + fp + fn + 1),
                           "iou_mean": float(np.mean([(im["pixel"]["tp"] + 1) / (im["pixel"]["tp"] + im["pixel"]["fp"] + im["pixel"]["fn"] + 1) for im in images])),
                           "dice_mean": float(np.mean([(2 * im["pixel"]["tp"] + 1) / (2 * im["pixel"]["tp"] + im["pixel"]["fp"] + im["pixel"]["fn"] + 1) for im in images]))},
    }
    for t in TAUS:
        c = {k: sum(im["matching"][str(t)][k] for im in images) for k in ("tp", "fp", "fn", "sum_iou")}
        e = c["tp"] + c["fp"] + c["fn"] == 0
        result["matching"][str(t)] = {
            "tp": c["tp"], "fp": c["fp"], "fn": c["fn"],
            "precision": ratio(c["tp"], c["tp"] + c["fp"], e), "recall": ratio(c["tp"], c["tp"] + c["fn"], e),
            "f1": ratio(2 * c["tp"], 2 * c["tp"] + c["fp"] + c["fn"], e),
            "mean_matched_iou": ratio(c["sum_iou"], c["tp"], e),
            "pq": ratio(c["sum_iou"], c["tp"] + c["fp"] / 2 + c["fn"] / 2, e)}
    n_true = sum(im["n_true"] for im in images)
    n_pred = sum(im["n_pred"] for im in images)
    seg_sum = sum(im["ctc"]["sum_iou"] for im in images)
    aogm = sum(5 * im["ctc"]["ns"] + 10 * im["ctc"]["fn"] + im["ctc"]["fp"] for im in images)
    result["ctc"] = {"seg": ratio(seg_sum, n_true, n_true == 0 and n_pred == 0),
                     "det": 1 - min(aogm, 10 * n_true) / (10 * n_true)}
    errors = np.array([abs(im["n_pred"] - im["n_true"]) for im in images], float)
    rel = [(im["n_pred"] - im["n_true"]) / im["n_true"] for im in images if im["n_true"] > 0]
    result["counting"] = {"mae": float(errors.mean()), "medae": float(np.median(errors)),
                          "mpe": float(100 * np.mean(rel)) if rel else 0.0}
    c = {k: sum(im["centroid"][k] for im in images) for k in ("tp", "fp", "fn")}
    e = c["tp"] + c["fp"] + c["fn"] == 0
    result["centroid"] = {**c, "precision": ratio(c["tp"], c["tp"] + c["fp"], e),
                          "recall": ratio(c["tp"], c["tp"] + c["fn"], e),
                          "f1": ratio(2 * c["tp"], 2 * c["tp"] + c["fp"] + c["fn"], e)}
    result["boundary"] = {"hd95": float(np.mean([im["hd95"] for im in images])),
                          "nsd": float(np.mean([im["nsd"] for im in images]))}
    return result


def main():
    rng = np.random.default_rng(7)
    os.makedirs(os.path.join(OUT, "truth"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "pred"), exist_ok=True)
    images = {}
    for index in range(16):
        truth, pred = make_pair(rng, index)
        name = f"pair-{index:02d}"
        cv2.imwrite(os.path.join(OUT, "truth", name + ".png"), truth.astype(np.uint16))
        cv2.imwrite(os.path.join(OUT, "pred", name + ".png"), pred.astype(np.uint16))
        images[name] = per_image(truth, pred)
    golden = {"taus": TAUS, "radius": RADIUS, "tolerance": TOLERANCE, "numpy": np.__version__,
              "opencv": cv2.__version__, "images": images, "summary": summary(list(images.values()))}
    with open(os.path.join(OUT, "golden.json"), "w") as f:
        json.dump(golden, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

"""Reference for the evaluate-dsb2018-test benchmark: a straightforward NumPy evaluation of label pairs.

Reads pairs.txt (lines "id width height") and pairs.bin (int32 little-endian: truth then prediction per image,
row-major) written by the C# case, then computes every metric of `research evaluate` except the boundary ones,
with the definitions of src/Research/Metrics: per image a contingency table with np.unique over combined label
keys, a dense IoU matrix, matching with IoU > tau (tau >= 0.5, so unique), DSB2018 over t = 0.50..0.95, CTC
SEG/DET with |R and S| > 0.5 |R|, bounding-box-centre detection within 50 px, counting errors; pooled as the
library pools them. Prints the benchlib JSON; the fingerprint is compared with ours.
"""

import numpy as np

import benchlib


def ratio(num, den, empty):
    return num / den if den != 0 else (1.0 if empty else 0.0)


def image_counts(t, p):
    tl, ta = np.unique(t[t > 0], return_counts=True)
    pl, pa = np.unique(p[p > 0], return_counts=True)
    both = (t > 0) & (p > 0)
    keys, inter = np.unique(t[both].astype(np.int64) * (1 << 32) + p[both], return_counts=True)
    ti = np.searchsorted(tl, keys >> 32)
    pi = np.searchsorted(pl, keys & 0xFFFFFFFF)
    iou = inter / (ta[ti] + pa[pi] - inter)
    tp_px = int(inter.sum())
    out = {"nt": len(tl), "np": len(pl), "px": (tp_px, int(pa.sum()) - tp_px, int(ta.sum()) - tp_px)}
    empty = len(tl) == 0 and len(pl) == 0
    dsb = [ratio(int((iou > k / 100).sum()), len(tl) + len(pl) - int((iou > k / 100).sum()), empty) for k in range(50, 100, 5)]
    out["dsb"] = float(np.mean(dsb))
    for tau in (0.5, 0.75):
        m = iou > tau
        out[tau] = (int(m.sum()), float(iou[m].sum()))
    match = 2 * inter > ta[ti]
    per_pred = np.bincount(pi[match], minlength=len(pl))
    out["seg"] = float(iou[match].sum())
    out["aogm"] = 5 * int(np.maximum(per_pred - 1, 0).sum()) + 10 * (len(tl) - int(match.sum())) + int((per_pred == 0).sum())
    out["cen"] = centroid(t, p, tl, pl)
    return out


def centres(labels, ids):
    h, w = labels.shape
    ys, xs = np.nonzero(labels)
    v = labels[ys, xs]
    idx = np.searchsorted(ids, v)
    minx = np.full(len(ids), w); maxx = np.full(len(ids), -1); miny = np.full(len(ids), h); maxy = np.full(len(ids), -1)
    np.minimum.at(minx, idx, xs); np.maximum.at(maxx, idx, xs); np.minimum.at(miny, idx, ys); np.maximum.at(maxy, idx, ys)
    return np.stack([(minx + maxx) / 2, (miny + maxy) / 2], axis=1)


def centroid(t, p, tl, pl):
    if len(tl) == 0 or len(pl) == 0:
        return 0
    tc, pc = centres(t, tl), centres(p, pl)
    d = ((pc[:, None, :] - tc[None, :, :]) ** 2).sum(axis=2)
    taken = np.zeros(len(tl), bool)
    tp = 0
    for j in range(len(pl)):
        row = np.where(taken | (d[j] >= 2500), np.inf, d[j])
        k = int(np.argmin(row))
        if np.isfinite(row[k]):
            taken[k] = True
            tp += 1
    return tp


def evaluate(pairs):
    images = [image_counts(t, p) for t, p in pairs]
    tp, fp, fn = (sum(im["px"][k] for im in images) for k in range(3))
    e = tp + fp + fn == 0
    s = {"iou": ratio(tp, tp + fp + fn, e), "dsb": float(np.mean([im["dsb"] for im in images]))}
    s["macro"] = float(np.mean([ratio(im["px"][0], sum(im["px"]), sum(im["px"]) == 0) for im in images]))
    nt = sum(im["nt"] for im in images)
    npred = sum(im["np"] for im in images)
    for tau in (0.5, 0.75):
        mtp = sum(im[tau][0] for im in images)
        miou = sum(im[tau][1] for im in images)
        s[tau] = (mtp, npred - mtp, nt - mtp, ratio(miou, mtp + (npred - mtp) / 2 + (nt - mtp) / 2, False))
    s["seg"] = ratio(sum(im["seg"] for im in images), nt, nt == 0 and npred == 0)
    s["det"] = 1 - min(sum(im["aogm"] for im in images), 10 * nt) / (10 * nt)
    ctp = sum(im["cen"] for im in images)
    s["cen"] = (ctp, npred - ctp)
    err = np.array([abs(im["np"] - im["nt"]) for im in images], float)
    rel = [(im["np"] - im["nt"]) / im["nt"] for im in images if im["nt"] > 0]
    s["count"] = (float(err.mean()), float(np.median(err)), 100 * float(np.mean(rel)))
    return s


def fingerprint(s):
    m50, m75 = s[0.5], s[0.75]
    return (f"dsb={s['dsb']:.6f} iou={s['iou']:.6f} macro={s['macro']:.6f} m50={m50[0]}/{m50[1]}/{m50[2]} pq50={m50[3]:.6f} "
            f"m75={m75[0]} seg={s['seg']:.6f} det={s['det']:.6f} cen={s['cen'][0]}/{s['cen'][1]} "
            f"mae={s['count'][0]:.4f} medae={s['count'][1]:.4f} mpe={s['count'][2]:.4f}")


def main():
    args = benchlib.arguments(__doc__, [("index", "pairs.txt"), ("data", "pairs.bin")])
    raw = np.fromfile(args.data, dtype="<i4")
    pairs, offset = [], 0
    for line in open(args.index):
        _, w, h = line.split()
        n = int(w) * int(h)
        t = raw[offset:offset + n].reshape(int(h), int(w)); offset += n
        p = raw[offset:offset + n].reshape(int(h), int(w)); offset += n
        pairs.append((t, p))
    timings = {"numpy": benchlib.measure(lambda: evaluate(pairs), args.warmup, args.repeats)}
    benchlib.emit(timings, {"numpy": fingerprint(evaluate(pairs))}, benchlib.versions(numpy=np))


if __name__ == "__main__":
    main()

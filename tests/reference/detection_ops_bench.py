#!/usr/bin/env python3
"""Reference for the roi-align-1000 and nms-5000 benchmarks: torchvision 0.14's roi_align (1,000 boxes over a
1 x 256 x 200 x 200 level, spatial scale 1/4, 7 x 7, sampling ratio 2, aligned False, as Mask R-CNN's box pooler)
and nms (5,000 boxes, IoU threshold 0.7, as its RPN) in Debian's PyTorch 1.13, 2 threads, on the raw float32 inputs
the harness wrote (Cases/DetectionOpsCase.cs).

Run by the harness: /usr/bin/python3 tests/reference/detection_ops_bench.py --warmup W --repeats R OP DIR
Fingerprints: roi_align "shape=... sum=%.1f" (sum in double); nms "kept=N index-sum=S".
"""
import os

import numpy as np
import torch
import torchvision
from torchvision.ops import nms, roi_align

import benchlib


def load(folder, name, shape):
    return torch.from_numpy(np.fromfile(os.path.join(folder, name), dtype="<f4").reshape(shape))


def main():
    args = benchlib.arguments("torchvision roi_align / nms timing", [("op", "roi_align or nms"), ("dir", "fixture folder")])
    torch.set_num_threads(2)
    if args.op == "roi_align":
        features = load(args.dir, "features.f32", (1, 256, 200, 200))
        rois = load(args.dir, "rois.f32", (1000, 5))
        timings = {"torchvision": benchlib.measure(lambda: roi_align(features, rois, (7, 7), 0.25, 2, False), args.warmup, args.repeats)}
        out = roi_align(features, rois, (7, 7), 0.25, 2, False)
        shape = "x".join(str(s) for s in out.shape)
        fingerprint = f"shape={shape} sum={out.double().sum().item():.1f}"
    elif args.op == "nms":
        boxes = load(args.dir, "boxes.f32", (5000, 4))
        scores = load(args.dir, "scores.f32", (5000,))
        timings = {"torchvision": benchlib.measure(lambda: nms(boxes, scores, 0.7), args.warmup, args.repeats)}
        keep = nms(boxes, scores, 0.7)
        fingerprint = f"kept={keep.numel()} index-sum={keep.sum().item()}"
    else:
        raise SystemExit(f"unknown op {args.op}: use roi_align or nms")
    benchlib.emit(timings, {"torchvision": fingerprint}, benchlib.versions(torch=torch, torchvision=torchvision))


if __name__ == "__main__":
    main()

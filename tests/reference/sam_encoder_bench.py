#!/usr/bin/env python3
"""Reference for the sam-encoder-vit-t and sam-encoder-vit-b benchmarks: the official image encoder (MobileSAM's
TinyViT from ../shared/oracles/mobile-sam with ../shared/oracles/timm-shim, or Segment Anything's ViT-B from
../shared/oracles/segment-anything) in Debian's PyTorch 1.13, 2 threads, evaluation mode, no autograd, on the
1 x 3 x 1024 x 1024 float32 input and with the random weights the harness wrote (Cases/SamEncoderCase.cs saves them
with TorchSharp.PyBridge, so both sides compute with the same numbers).

Run by the harness: /usr/bin/python3 tests/reference/sam_encoder_bench.py --warmup W --repeats R VARIANT DIR
Fingerprint: "shape=... sum=%.0f" of the embedding (sum in double).
"""
import os
import sys

import numpy as np
import torch

import benchlib

ORACLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "oracles")


def build(variant):
    if variant == "vit-t":
        sys.path[:0] = [os.path.join(ORACLES, "mobile-sam"), os.path.join(ORACLES, "timm-shim")]
        from mobile_sam import sam_model_registry
        return sam_model_registry["vit_t"]()
    if variant == "vit-b":
        sys.path[:0] = [os.path.join(ORACLES, "segment-anything")]
        from segment_anything import sam_model_registry
        return sam_model_registry["vit_b"]()
    raise SystemExit(f"unknown variant {variant}: use vit-t or vit-b")


def main():
    args = benchlib.arguments("official SAM image encoder timing", [("variant", "vit-t or vit-b"), ("dir", "fixture folder")])
    torch.set_num_threads(2)
    model = build(args.variant)
    model.load_state_dict(torch.load(os.path.join(args.dir, "weights.pth")))
    model.eval()
    image = torch.from_numpy(np.fromfile(os.path.join(args.dir, "input.f32"), dtype="<f4").reshape(1, 3, 1024, 1024))
    with torch.no_grad():
        timings = {"official": benchlib.measure(lambda: model.image_encoder(image), args.warmup, args.repeats)}
        out = model.image_encoder(image)
    shape = "x".join(str(s) for s in out.shape)
    benchlib.emit(timings, {"official": f"shape={shape} sum={out.double().sum().item():.0f}"}, benchlib.versions(torch=torch))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference for the sam-decoder-step benchmark: one training step of the official Segment Anything mask decoder
(MobileSAM's vit_t from ../shared/oracles/mobile-sam with ../shared/oracles/timm-shim; its decoder and prompt encoder
are SAM's) in Debian's PyTorch 1.13, 2 threads: 16 box prompts against the 1 x 256 x 64 x 64 embedding the harness
wrote, the harness's 16 x 1 x 256 x 256 soft targets, loss = soft Dice (eps 1, per object) + BCE-with-logits + MSE
between the predicted IoU and the IoU of (logits > 0) with (target > 0.5), backward, torch.optim.AdamW (lr 1e-4,
weight decay 0.01) on the decoder; image and prompt encoders frozen.

Run by the harness: /usr/bin/python3 tests/reference/sam_decoder_step_bench.py --warmup W --repeats R DIR
Fingerprint: "loss0=%.4f", the loss before any step.
"""
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

import benchlib

ORACLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "oracles")


def main():
    args = benchlib.arguments("official SAM decoder training step timing", [("dir", "fixture folder")])
    torch.set_num_threads(2)
    sys.path[:0] = [os.path.join(ORACLES, "mobile-sam"), os.path.join(ORACLES, "timm-shim")]
    from mobile_sam import sam_model_registry
    sam = sam_model_registry["vit_t"]()
    sam.load_state_dict(torch.load(os.path.join(args.dir, "weights.pth")))
    for p in list(sam.image_encoder.parameters()) + list(sam.prompt_encoder.parameters()):
        p.requires_grad_(False)
    embedding = torch.from_numpy(np.fromfile(os.path.join(args.dir, "embedding.f32"), dtype="<f4").reshape(1, 256, 64, 64))
    target = torch.from_numpy(np.fromfile(os.path.join(args.dir, "targets.f32"), dtype="<f4").reshape(16, 1, 256, 256))
    boxes = torch.tensor(np.loadtxt(os.path.join(args.dir, "boxes.txt"), dtype=np.float32))
    optimizer = torch.optim.AdamW(sam.mask_decoder.parameters(), lr=1e-4, weight_decay=0.01)

    def loss():
        sparse, dense = sam.prompt_encoder(points=None, boxes=boxes, masks=None)
        logits, iou = sam.mask_decoder(image_embeddings=embedding, image_pe=sam.prompt_encoder.get_dense_pe(),
                                       sparse_prompt_embeddings=sparse, dense_prompt_embeddings=dense, multimask_output=False)
        p = torch.sigmoid(logits).flatten(1)
        t = target.flatten(1)
        dice = 1 - ((2 * (p * t).sum(1) + 1) / (p.sum(1) + t.sum(1) + 1)).mean()
        with torch.no_grad():
            pred, true = (logits > 0).flatten(1), (target > 0.5).flatten(1)
            inter, union = (pred & true).sum(1).float(), (pred | true).sum(1).float()
            true_iou = torch.where(union > 0, inter / union.clamp(min=1), torch.ones_like(union)).unsqueeze(1)
        return dice + F.binary_cross_entropy_with_logits(logits, target) + F.mse_loss(iou, true_iou)

    with torch.no_grad():
        first = loss().item()

    def step():
        optimizer.zero_grad()
        loss().backward()
        optimizer.step()

    timings = {"official": benchlib.measure(step, args.warmup, args.repeats)}
    benchlib.emit(timings, {"official": f"loss0={first:.4f}"}, benchlib.versions(torch=torch))


if __name__ == "__main__":
    main()

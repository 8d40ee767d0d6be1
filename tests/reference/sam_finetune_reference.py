#!/usr/bin/env python3
"""Golden values for SAM decoder fine-tuning (src/Research.Torch/Sam/FineTuning, issue 17), computed with the official
segment_anything MaskDecoder and PromptEncoder (../shared/oracles/segment-anything) and torch.optim.AdamW in Debian
12's python3-torch 1.13, on the tiny SAM of sam_reference.py (sam_tiny.pth).

The case: a seeded 1 x 32 x 8 x 8 image embedding, three box prompts in the 64 px input frame, soft targets
3 x 1 x 32 x 32 (the fraction of each low-resolution pixel inside an ellipse, as the project's targets are averages
of a mask), and the losses written out in plain torch from their definitions:
  dice-bce  = (1 - mean_i (2 sum(p t) + 1) / (sum p + sum t + 1)) + BCE-with-logits (mean) + MSE(iou_pred, iou_true)
  focal-dice = dice loss + 20 x sigmoid focal loss (alpha 0.25, gamma 2; mean) + MSE(iou_pred, iou_true)
with iou_true the IoU of (logits > 0) and (target > 0.5), computed without gradient. The image and prompt encoders
are frozen; AdamW (lr 1e-3, weight decay 0.01) steps the decoder twice on the dice-bce loss; the golden file holds
both losses before the steps, the loss at each step and the low-resolution logits and IoU after the second step.

Run: PYTHONPATH=../shared/oracles/segment-anything /usr/bin/python3 tests/reference/sam_finetune_reference.py
Writes: tests/Research.Torch.Tests/Sam/Fixtures/sam_tiny_finetune_golden.json
"""
import json
import os

import torch
import torch.nn.functional as F

from sam_reference import OUT, t, tiny_sam

assert torch.__version__.startswith("1.13"), torch.__version__


def targets():
    """Three ellipses in the 32 x 32 low-resolution frame, each pixel the fraction of its 4 x 4 sub-grid inside."""
    ys, xs = torch.meshgrid(torch.arange(128, dtype=torch.float64) + 0.5, torch.arange(128, dtype=torch.float64) + 0.5, indexing="ij")
    shapes = [(30, 40, 18, 12), (90, 70, 25, 30), (60, 100, 10, 8)]
    out = []
    for cx, cy, rx, ry in shapes:
        inside = (((xs - cx) / rx) ** 2 + ((ys - cy) / ry) ** 2 <= 1).double()
        out.append(F.avg_pool2d(inside[None, None], 4)[0])
    return torch.stack(out).float()


def dice_loss(logits, target):
    p = torch.sigmoid(logits).flatten(1)
    t_ = target.flatten(1)
    dice = (2 * (p * t_).sum(1) + 1) / (p.sum(1) + t_.sum(1) + 1)
    return 1 - dice.mean()


def focal(logits, target):
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, target, reduction="none")
    p_t = p * target + (1 - p) * (1 - target)
    alpha_t = 0.25 * target + 0.75 * (1 - target)
    return (alpha_t * (1 - p_t) ** 2 * ce).mean()


def true_iou(logits, target):
    with torch.no_grad():
        pred = (logits > 0).flatten(1)
        true = (target > 0.5).flatten(1)
        inter = (pred & true).sum(1).float()
        union = (pred | true).sum(1).float()
        return torch.where(union > 0, inter / union.clamp(min=1), torch.ones_like(union)).unsqueeze(1)


def loss(kind, logits, iou, target):
    mask = dice_loss(logits, target) + (F.binary_cross_entropy_with_logits(logits, target) if kind == "dice-bce" else 20 * focal(logits, target))
    return mask + F.mse_loss(iou, true_iou(logits, target))


def decode(sam, embedding, boxes):
    sparse, dense = sam.prompt_encoder(points=None, boxes=boxes, masks=None)
    return sam.mask_decoder(image_embeddings=embedding, image_pe=sam.prompt_encoder.get_dense_pe(),
                            sparse_prompt_embeddings=sparse, dense_prompt_embeddings=dense, multimask_output=False)


def main():
    sam = tiny_sam()
    sam.load_state_dict(torch.load(os.path.join(OUT, "sam_tiny.pth")))
    for p in list(sam.image_encoder.parameters()) + list(sam.prompt_encoder.parameters()):
        p.requires_grad_(False)
    g = torch.Generator().manual_seed(23)
    embedding = torch.randn(1, 32, 8, 8, generator=g)
    boxes = torch.tensor([[4.0, 6.0, 20.0, 16.0], [13.5, 10.0, 36.0, 32.5], [20.0, 22.0, 31.0, 30.0]])
    target = targets()
    logits, iou = decode(sam, embedding, boxes)
    golden = {"embedding": t(embedding), "boxes": t(boxes), "targets": t(target),
              "loss_dice_bce": loss("dice-bce", logits, iou, target).item(), "loss_focal_dice": loss("focal-dice", logits, iou, target).item(),
              "true_iou": t(true_iou(logits, target))}
    optimizer = torch.optim.AdamW(sam.mask_decoder.parameters(), lr=1e-3, weight_decay=0.01)
    steps = []
    for _ in range(2):
        optimizer.zero_grad()
        logits, iou = decode(sam, embedding, boxes)
        value = loss("dice-bce", logits, iou, target)
        value.backward()
        optimizer.step()
        steps.append(value.item())
    golden["step_losses"] = steps
    with torch.no_grad():
        logits, iou = decode(sam, embedding, boxes)
    golden["logits_after"] = t(logits)
    golden["iou_after"] = t(iou)
    with open(os.path.join(OUT, "sam_tiny_finetune_golden.json"), "w") as f:
        json.dump(golden, f)
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference values for the losses in src/Research.Torch/Losses, computed with Debian 12's python3-torch 1.13
(an independent implementation of the same definitions) on the tiny tensors used in
tests/Research.Torch.Tests/Losses/LossTests.cs.

Run: /usr/bin/python3 tests/reference/loss_reference.py
"""
import torch
import torch.nn.functional as F

# Batch of 2 images, 1 channel, 2 x 3 pixels.
logits = torch.tensor([[[[2.0, -1.0, 0.5], [0.0, -3.0, 1.5]]], [[[-0.5, 1.0, -2.0], [3.0, 0.25, -1.0]]]])
mask = torch.tensor([[[[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]]], [[[0.0, 1.0, 0.0], [1.0, 1.0, 0.0]]]])
weights = torch.tensor([[[[1.5, 1.0, 1.5], [1.2, 1.0, 1.5]]], [[[1.0, 1.5, 1.1], [1.5, 1.5, 1.0]]]])
# 3 classes for the cross-entropy case: logits [2, 3, 2, 3] = the numbers 0..35 scaled, target classes [2, 2, 3].
ce_logits = (torch.arange(36, dtype=torch.float32).reshape(2, 3, 2, 3) * 0.37) % 2.1 - 1.0
ce_target = torch.tensor([[[0, 1, 2], [2, 1, 0]], [[1, 1, 0], [0, 2, 2]]])


def soft_dice_loss(x, t, eps=1.0):
    p = torch.sigmoid(x).flatten(1)
    t = t.flatten(1)
    dice = (2 * (p * t).sum(1) + eps) / (p.sum(1) + t.sum(1) + eps)
    return 1 - dice.mean()


bce = F.binary_cross_entropy_with_logits(logits, mask)
dice = soft_dice_loss(logits, mask)
print(f"bce {bce.item():.7f}")
print(f"dice {dice.item():.7f}")
print(f"bce-dice {(bce + dice).item():.7f}")
print(f"weighted-bce {F.binary_cross_entropy_with_logits(logits, mask, weights).item():.7f}")
print(f"cross-entropy {F.cross_entropy(ce_logits, ce_target).item():.7f}")

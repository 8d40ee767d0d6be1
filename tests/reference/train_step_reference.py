#!/usr/bin/env python3
"""Reference for the train-step-unet16 benchmark: one training step (forward, BCE-with-logits, backward, Adam step)
of the U-Net of tests/reference/model_reference.py (depth 4, base 16, 1 input channel, 1 logit) on a batch of
8 x 1 x 256 x 256, with 2 threads, in Debian's PyTorch 1.13 (python3-torch).

Run by the harness: /usr/bin/python3 tests/reference/train_step_reference.py --warmup W --repeats R
The input and target are seeded random tensors (torch.manual_seed(0)); the fingerprint is the parameter count.
"""
import contextlib
import os
import sys

import torch

import benchlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with contextlib.redirect_stdout(sys.stderr):  # model_reference prints its own checks on import
    import model_reference


def main():
    args = benchlib.arguments("U-Net base 16 training step, batch 8 of 1x256x256, 2 threads", [])
    torch.set_num_threads(2)
    torch.manual_seed(0)
    model = model_reference.UNet(1, 1, 16)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    x = torch.rand(8, 1, 256, 256)
    target = (torch.rand(8, 1, 256, 256) > 0.5).float()

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), target)
        loss.backward()
        optimizer.step()
        return loss.item()

    timings = {"pytorch": benchlib.measure(step, args.warmup, args.repeats)}
    benchlib.emit(timings, {"pytorch": f"parameters={model_reference.count(model)}"}, benchlib.versions(torch=torch))


if __name__ == "__main__":
    main()

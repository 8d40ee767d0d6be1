#!/usr/bin/env python3
"""Reference for the maskrcnn-train-step benchmark: one training step of torchvision 0.14's Mask R-CNN with a
ResNet-50-FPN backbone (every layer trainable, batch norm frozen) in Debian's PyTorch 1.13, 2 threads: two 512 x 512
images and their five elliptical objects as the harness wrote them, the five losses, backward, SGD (lr 0.01,
momentum 0.9). The weights are the harness's (saved from the C# model with TorchSharp.PyBridge; the names are
torchvision's, loaded strictly).

Run by the harness: /usr/bin/python3 tests/reference/maskrcnn_train_step_bench.py --warmup W --repeats R DIR
Fingerprint: "parameters=N", the parameters with the frozen batch norms' scales and shifts, as torchvision counts a
model built without trained weights.
"""
import os

import torch
import torchvision
from torchvision.models.detection import MaskRCNN
from torchvision.models.detection.backbone_utils import resnet_fpn_backbone

import benchlib
import maskrcnn_fixture


def main():
    args = benchlib.arguments("torchvision Mask R-CNN training step timing", [("dir", "fixture folder")])
    torch.set_num_threads(2)
    model = MaskRCNN(resnet_fpn_backbone(backbone_name="resnet50", weights=None, trainable_layers=5), num_classes=2, min_size=512, max_size=512)
    model.load_state_dict(torch.load(os.path.join(args.dir, "weights.pth")), strict=True)
    model.train()
    images, targets = map(list, zip(*(maskrcnn_fixture.load(args.dir, str(i), 512, 512) for i in range(2))))
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=0.01, momentum=0.9)

    def step():
        optimizer.zero_grad()
        losses = model(images, targets)
        sum(losses.values()).backward()
        optimizer.step()

    timings = {"torchvision": benchlib.measure(step, args.warmup, args.repeats)}
    benchlib.emit(timings, {"torchvision": f"parameters={maskrcnn_fixture.parameter_count(model)}"}, benchlib.versions(torch=torch, torchvision=torchvision))


if __name__ == "__main__":
    main()

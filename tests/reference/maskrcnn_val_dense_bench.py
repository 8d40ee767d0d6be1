#!/usr/bin/env python3
"""Reference for the maskrcnn-val-dense benchmark: the five training losses of torchvision 0.14's Mask R-CNN with a
ResNet-18-FPN backbone (batch norm frozen) under torch.no_grad(), as a validation pass computes them, in Debian's
PyTorch 1.13 with 2 threads: one 1024 x 1024 image with 144 elliptical objects as the harness wrote it, doubled by the
model's transform (min_size = max_size = 2048). torchvision casts the whole mask stack to float to resize it and
again in project_masks_on_boxes; the benchmark's point is the peak memory. The weights are the harness's (saved from
the C# model with TorchSharp.PyBridge; the names are torchvision's, loaded strictly).

Run by the harness: /usr/bin/python3 tests/reference/maskrcnn_val_dense_bench.py --warmup W --repeats R DIR
Fingerprint: "parameters=N objects=M" (N as torchvision counts a model built without trained weights).
"""
import os

import torch
import torchvision
from torchvision.models.detection import MaskRCNN
from torchvision.models.detection.backbone_utils import resnet_fpn_backbone

import benchlib
import maskrcnn_fixture


def main():
    args = benchlib.arguments("torchvision Mask R-CNN validation losses on a dense image", [("dir", "fixture folder")])
    torch.set_num_threads(2)
    model = MaskRCNN(resnet_fpn_backbone(backbone_name="resnet18", weights=None, trainable_layers=5), num_classes=2, min_size=2048, max_size=2048)
    model.load_state_dict(torch.load(os.path.join(args.dir, "weights.pth")), strict=True)
    model.train()
    image, target = maskrcnn_fixture.load(args.dir, "", 1024, 1024)

    def losses():
        with torch.no_grad():
            float(sum(model([image], [target]).values()))

    timings = {"torchvision": benchlib.measure(losses, args.warmup, args.repeats)}
    benchlib.emit(timings, {"torchvision": f"parameters={maskrcnn_fixture.parameter_count(model)} objects={len(target['boxes'])}"}, benchlib.versions(torch=torch, torchvision=torchvision))


if __name__ == "__main__":
    main()

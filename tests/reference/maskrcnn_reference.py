#!/usr/bin/env python3
"""Golden file for the Mask R-CNN model in src/Research.Torch/Detection/MaskRcnn (issue 16), made with Debian 12's
python3-torchvision 0.14 and python3-torch 1.13: torchvision's Mask R-CNN (ResNet-FPN backbone, RPN, RoI heads,
mask head) in evaluation mode, step by step, on one fixed image.

Weights: a state dict of a ResNet-50 model is 176 MB, too large for the repository, so the weights are not stored:
every entry is filled from a formula both sides compute (fill() below, mirrored in MaskRcnnFixtures.cs), entries
taken in the sorted order of their names, so equal outputs also mean equal state-dict names and shapes. The state-dict
names and shapes of maskrcnn_resnet50_fpn and of the resnet18/resnet34 variants (num_classes 2 and 91) are written
as key lists.

The case: a 3 x 64 x 80 RGB image in [0, 1] (a formula with a hash texture), models with min_size 128 and max_size 200 (so the
image is resized by 2 to 128 x 160, a batch without padding), backbones resnet18 and resnet50, num_classes 2.
Training mode (losses_resnet18): the five losses for three ellipse objects and for an image without objects, with
samplers large enough to take every anchor and proposal. Recorded per backbone: the transformed batch, each FPN level (in brief: sums and 64 values), the RPN's proposals,
the detections (boxes, scores, labels) and the pasted masks (probabilities at the original size: every mask's sum
and the first mask in full).

Run: /usr/bin/python3 tests/reference/maskrcnn_reference.py
Writes: tests/Research.Torch.Tests/Detection/Fixtures/maskrcnn_golden.json and maskrcnn_{resnet18,resnet34,resnet50}_keys.txt
"""
import json
import math
import os

import torch
import torchvision
from torchvision.models.detection import MaskRCNN, maskrcnn_resnet50_fpn
from torchvision.models.detection.backbone_utils import resnet_fpn_backbone
from torchvision.models.detection.rpn import concat_box_prediction_layers

assert torchvision.__version__.startswith("0.14"), torchvision.__version__
OUT = os.path.join(os.path.dirname(__file__), "..", "Research.Torch.Tests", "Detection", "Fixtures")


def t(x):
    data = x.detach().flatten().float()
    return {"shape": list(x.shape), "data": [float(str(v)) for v in data.numpy()]}


def summary(x):
    """A large tensor in brief: shape, sum and sum of absolute values (float64), and 64 values at a fixed stride."""
    flat = x.detach().flatten()
    stride = max(1, flat.numel() // 64)
    return {"shape": list(x.shape), "sum": float(flat.double().sum()), "abs_sum": float(flat.double().abs().sum()),
            "stride": stride, "sample": [float(str(v)) for v in flat[::stride][:64].float().numpy()]}


def fill(model):
    """Entry k (sorted names, num_batches_tracked left out and alone) of n values: v_j = 2 frac(|sin(12.9898 j + 78.233 k)| 43758.5453) - 1 in float64 (a hash: pseudo-random, so scores spread out), then: running_var 1 + 0.25 |v|,
    running_mean 0.1 v, other 1-D weights (batch norm) 1 + 0.1 v, biases 0.05 v, weights v sqrt(3 / fan_in) with
    fan_in = n / shape[0]."""
    sd = model.state_dict()
    with torch.no_grad():
        for k, name in enumerate(n for n in sorted(sd) if not n.endswith("num_batches_tracked")):
            tensor = sd[name]
            n = tensor.numel()
            hashed = torch.sin(torch.arange(n, dtype=torch.float64) * 12.9898 + 78.233 * k).abs() * 43758.5453
            v = 2 * torch.frac(hashed) - 1
            if name.endswith("running_var"):
                v = 1 + 0.25 * v.abs()
            elif name.endswith("running_mean"):
                v = 0.1 * v
            elif name.endswith("weight") and tensor.dim() == 1:
                v = 1 + 0.1 * v
            elif name.endswith("bias"):
                v = 0.05 * v
            else:
                v = v * math.sqrt(3.0 / (n / tensor.shape[0]))
            tensor.copy_(v.reshape(tensor.shape).float())


def image():
    """3 x 64 x 80 in [0, 1]: smooth waves plus a hash texture (frac(sin(...) * 43758.5453), computed in float64), so
    that neighbouring anchors do not tie in score. Resized by exactly 2 to 128 x 160, multiples of 32: no padding,
    whose cells would all score alike and tie at the RPN's top-n cut."""
    ys = torch.arange(64, dtype=torch.float64)[:, None]
    xs = torch.arange(80, dtype=torch.float64)[None, :]
    channels = []
    for c in range(3):
        wave = 0.5 + 0.5 * torch.sin(0.11 * xs + 0.07 * ys + c) * torch.cos(0.05 * ys - 0.03 * xs * c)
        noise = torch.frac(torch.sin(xs * 12.9898 + ys * 78.233 + c * 37.719).abs() * 43758.5453)
        channels.append(0.6 * wave + 0.4 * noise)
    return torch.stack(channels).float()


def model(backbone):
    net = MaskRCNN(resnet_fpn_backbone(backbone_name=backbone, weights=None, trainable_layers=5), num_classes=2, min_size=128, max_size=200)
    fill(net)
    return net.eval()


def run(net):
    x = image()
    with torch.no_grad():
        images, _ = net.transform([x])
        features = net.backbone(images.tensors)
        proposals, _ = net.rpn(images, features)
        detections, _ = net.roi_heads(features, proposals, images.image_sizes)
        detections = net.transform.postprocess(detections, images.image_sizes, [tuple(x.shape[-2:])])[0]
        direct = net([x])[0]
    assert torch.equal(direct["boxes"], detections["boxes"])
    # the RPN's scores of its proposals (sigmoid of objectness), to tell ties from differences
    objectness, deltas = net.rpn.head(list(features.values()))
    anchors = net.rpn.anchor_generator(images, list(features.values()))
    per_level = [o[0].numel() for o in objectness]
    objectness, deltas = concat_box_prediction_layers(objectness, deltas)
    decoded = net.rpn.box_coder.decode(deltas.detach(), anchors).view(1, -1, 4)
    boxes2, scores2 = net.rpn.filter_proposals(decoded, objectness, images.image_sizes, per_level)
    assert torch.equal(boxes2[0], proposals[0])
    out = {"batch": summary(images.tensors), "image_sizes": [list(s) for s in images.image_sizes],
           "features": {k: summary(v) for k, v in features.items()}, "proposals": t(proposals[0]), "proposal_scores": t(scores2[0]),
           "boxes": t(detections["boxes"]), "scores": t(detections["scores"]), "labels": [int(v) for v in detections["labels"]],
           "mask_sums": [float(m.double().sum()) for m in detections["masks"]], "masks_shape": list(detections["masks"].shape)}
    if len(detections["masks"]) > 0:
        out["mask0"] = t(detections["masks"][0])
    return out


def targets():
    """Three ellipses (masks 64 x 80, label 1) with their boxes (pixel edges), and an image without objects."""
    ys = torch.arange(64, dtype=torch.float64)[:, None] + 0.5
    xs = torch.arange(80, dtype=torch.float64)[None, :] + 0.5
    shapes = [(20, 18, 9, 6), (52, 40, 12, 15), (35, 50, 6, 5)]
    masks = torch.stack([(((xs - cx) / rx) ** 2 + ((ys - cy) / ry) ** 2 <= 1) for cx, cy, rx, ry in shapes]).to(torch.uint8)
    boxes = []
    for m in masks:
        yy, xx = torch.where(m > 0)
        boxes.append([float(xx.min()), float(yy.min()), float(xx.max()) + 1, float(yy.max()) + 1])
    return {"boxes": torch.tensor(boxes), "labels": torch.ones(3, dtype=torch.int64), "masks": masks}


def losses(backbone):
    """Training-mode losses with samplers so large that they take every positive and negative (the loss is then a
    function of the inputs alone, not of torch.randperm's draws)."""
    net = MaskRCNN(resnet_fpn_backbone(backbone_name=backbone, weights=None, trainable_layers=5), num_classes=2, min_size=128, max_size=200,
                   rpn_batch_size_per_image=1_000_000, box_batch_size_per_image=1_000_000)
    fill(net)
    net.train()
    out = {}
    target = targets()
    out["objects"] = {k: v.item() for k, v in net([image()], [target]).items()}
    empty = {"boxes": torch.zeros((0, 4)), "labels": torch.zeros((0,), dtype=torch.int64), "masks": torch.zeros((0, 64, 80), dtype=torch.uint8)}
    out["empty"] = {k: v.item() for k, v in net([image()], [empty]).items()}
    out["target_boxes"] = t(target["boxes"])
    return out


def keys(net):
    return "".join(f"{k} {'x'.join(str(s) for s in v.shape)}\n" for k, v in net.state_dict().items())


def main():
    torch.set_num_threads(2)
    golden = {"image": t(image()), "batch": t(model("resnet18").transform([image()])[0].tensors)}
    for backbone in ["resnet18", "resnet50"]:
        golden[backbone] = run(model(backbone))
    golden["losses_resnet18"] = losses("resnet18")
    with open(os.path.join(OUT, "maskrcnn_golden.json"), "w") as f:
        json.dump(golden, f)
        f.write("\n")
    for backbone in ["resnet18", "resnet34"]:
        net = MaskRCNN(resnet_fpn_backbone(backbone_name=backbone, weights=None, trainable_layers=5), num_classes=2)
        with open(os.path.join(OUT, f"maskrcnn_{backbone}_keys.txt"), "w") as f:
            f.write(keys(net))
    with open(os.path.join(OUT, "maskrcnn_resnet50_keys.txt"), "w") as f:
        f.write(keys(maskrcnn_resnet50_fpn(weights=None, weights_backbone=None, num_classes=2)))


if __name__ == "__main__":
    main()

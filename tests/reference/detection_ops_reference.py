#!/usr/bin/env python3
"""Golden file for the detection operators in src/Research.Torch/Detection (groundwork of issue 16), made with
Debian 12's python3-torchvision 0.14 and python3-torch 1.13: box coder (weights (1,1,1,1) and (10,10,5,5)),
box_iou, clip_boxes_to_image, remove_small_boxes, nms and batched_nms (with tied scores), roi_align (aligned
False/True, sampling ratios 2, 0 and -1, several spatial scales; forward and the gradient of a weighted sum with
respect to the features), batched_nms above 1,000 boxes (torchvision's per-category path), MultiScaleRoIAlign (forward
and gradient) and its LevelMapper and AnchorGenerator.

Inputs are made here with fixed seeds and stored in the file next to the outputs (float32 values written exactly).
Run: /usr/bin/python3 tests/reference/detection_ops_reference.py
Writes: tests/Research.Torch.Tests/Detection/Fixtures/detection_ops_golden.json
"""
import json
import math
import os

import numpy  # noqa: F401 (tensor.numpy)
import torch
import torchvision
from torchvision.models.detection._utils import BoxCoder
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.image_list import ImageList
from torchvision.ops import box_iou, clip_boxes_to_image, remove_small_boxes, nms, batched_nms, roi_align
from torchvision.ops.poolers import initLevelMapper

assert torchvision.__version__.startswith("0.14"), torchvision.__version__
OUT = os.path.join(os.path.dirname(__file__), "..", "Research.Torch.Tests", "Detection", "Fixtures",
                   "detection_ops_golden.json")


def t(x):
    """A tensor as a flat list with its shape; float32 values in the shortest decimal form that reads back exactly."""
    data = x.detach().flatten()
    if data.dtype == torch.float32:
        values = [float(str(v)) for v in data.numpy()]
    else:
        values = data.tolist()
    return {"shape": list(x.shape), "data": values}


def random_boxes(g, n, size, min_wh=1.0, max_wh=30.0):
    xy = torch.rand(n, 2, generator=g) * size
    wh = min_wh + torch.rand(n, 2, generator=g) * (max_wh - min_wh)
    return torch.cat([xy, xy + wh], dim=1)


g = torch.Generator().manual_seed(16)
golden = {"torch": torch.__version__, "torchvision": torchvision.__version__}

# Box coder.
proposals = random_boxes(g, 12, 50.0)
reference = random_boxes(g, 12, 50.0)
codes = torch.randn(12, 8, generator=g) * 2.0
codes[0, 2] = 9.0  # beyond log(1000/16) before division by the weights: clipped
codes[1, 3] = 30.0
coders = []
for w in [(1.0, 1.0, 1.0, 1.0), (10.0, 10.0, 5.0, 5.0)]:
    coder = BoxCoder(w, bbox_xform_clip=math.log(1000.0 / 16))
    coders.append({"weights": list(w), "encoded": t(coder.encode_single(reference, proposals)),
                   "decoded": t(coder.decode_single(codes, proposals))})
golden["box_coder"] = {"proposals": t(proposals), "reference": t(reference), "codes": t(codes), "cases": coders}

# Box ops.
a = random_boxes(g, 7, 20.0)
b = random_boxes(g, 9, 20.0)
b[0] = a[0]
golden["box_iou"] = {"a": t(a), "b": t(b), "iou": t(box_iou(a, b))}
wild = torch.randn(10, 4, generator=g) * 40.0 + 20.0
golden["clip"] = {"boxes": t(wild), "height": 50, "width": 60, "clipped": t(clip_boxes_to_image(wild, (50, 60)))}
small = random_boxes(g, 15, 20.0, min_wh=0.0, max_wh=8.0)
small[3, 2] = small[3, 0]  # zero width
golden["remove_small"] = {"boxes": t(small), "cases": [
    {"min_size": m, "keep": remove_small_boxes(small, m).tolist()} for m in (1e-3, 2.0, 5.0)]}

# NMS with ties: scores rounded to one decimal, so many boxes share a score; a few exact duplicate boxes.
boxes = random_boxes(g, 300, 100.0, min_wh=4.0, max_wh=40.0)
boxes[10] = boxes[20]
boxes[30] = boxes[40]
scores = (torch.rand(300, generator=g) * 10).round() / 10
scores[10] = scores[20]
idxs = torch.randint(0, 4, (300,), generator=g)
golden["nms"] = {"boxes": t(boxes), "scores": t(scores), "idxs": idxs.tolist(), "cases": [
    {"iou_threshold": th, "keep": nms(boxes, scores, th).tolist(),
     "batched_keep": batched_nms(boxes, scores, idxs, th).tolist()} for th in (0.3, 0.5, 0.7)]}

# RoIAlign: 2 images, 3 channels, 13 x 17; boxes in image coordinates, some outside the map, one degenerate.
features = torch.randn(2, 3, 13, 17, generator=g)
rois_xyxy = random_boxes(g, 9, 40.0, min_wh=0.5, max_wh=30.0)
rois_xyxy[0] = torch.tensor([-10.0, -6.0, 8.0, 5.0])
rois_xyxy[1] = torch.tensor([50.0, 40.0, 90.0, 80.0])
rois_xyxy[2] = torch.tensor([12.0, 12.0, 12.0, 12.0])
batch = torch.tensor([0, 1, 0, 1, 1, 0, 0, 1, 1], dtype=torch.float32)
rois = torch.cat([batch[:, None], rois_xyxy], dim=1)
cases = []
for scale in (0.5, 0.25, 1.0):
    for size in ((7, 7), (2, 3)):
        for ratio in (2, 0, -1):
            for aligned in (False, True):
                if scale == 1.0 and (size != (2, 3) or ratio == -1):
                    continue
                x = features.clone().requires_grad_(True)
                out = roi_align(x, rois, size, scale, ratio, aligned)
                weights = torch.randn(out.shape, generator=g)
                (out * weights).sum().backward()
                cases.append({"spatial_scale": scale, "output_size": list(size), "sampling_ratio": ratio,
                              "aligned": aligned, "output": t(out), "weights": t(weights), "grad": t(x.grad)})
golden["roi_align"] = {"features": t(features), "rois": t(rois), "cases": cases}

# LevelMapper (k_min 2, k_max 5, canonical scale 224, level 4, eps 1e-6), boxes around the level borders.
mapper = initLevelMapper(2, 5, canonical_scale=224, canonical_level=4, eps=1e-6)
sides = torch.tensor([1.0, 10.0, 55.9, 56.0, 111.9, 112.0, 112.1, 223.9, 224.0, 447.9, 448.0, 1000.0])
lm_boxes = torch.stack([torch.zeros_like(sides), torch.zeros_like(sides), sides, sides], dim=1)
lm_boxes = torch.cat([lm_boxes, random_boxes(g, 20, 300.0, min_wh=2.0, max_wh=500.0)])
golden["level_mapper"] = {"boxes": t(lm_boxes), "levels": mapper([lm_boxes]).tolist()}

# AnchorGenerator as in maskrcnn_resnet50_fpn: one size per level, ratios 0.5, 1, 2; image 64 x 96 (batch padded).
sizes = ((32,), (64,), (128,), (256,), (512,))
ratios = ((0.5, 1.0, 2.0),) * len(sizes)
generator = AnchorGenerator(sizes, ratios)
image = torch.zeros(1, 3, 64, 96)
feature_shapes = [(16, 24), (8, 12), (4, 6), (2, 3), (1, 2)]
feature_maps = [torch.zeros(1, 256, h, w) for h, w in feature_shapes]
anchors = generator(ImageList(image, [(64, 96)]), feature_maps)[0]
golden["anchors"] = {"image": [64, 96], "feature_shapes": [list(s) for s in feature_shapes],
                     "cell_anchors": [t(c) for c in generator.cell_anchors], "anchors": t(anchors)}

# batched_nms above 1,000 boxes on the CPU: torchvision switches to one nms per category and an unstable sort of the
# kept scores, so tied scores come out in an order of its sort's making; the kept set is the coordinate trick's.
g_large = torch.Generator().manual_seed(1600)
large = random_boxes(g_large, 1500, 300.0, min_wh=4.0, max_wh=64.0)
large_scores = (torch.rand(1500, generator=g_large) * 10).round() / 10
large_idxs = torch.randint(0, 5, (1500,), generator=g_large)
golden["batched_nms_large"] = {"boxes": t(large), "scores": t(large_scores), "idxs": large_idxs.tolist(),
                               "iou_threshold": 0.5, "keep": batched_nms(large, large_scores, large_idxs, 0.5).tolist()}

# MultiScaleRoIAlign as Mask R-CNN's box pooler (7 x 7, ratio 2) over four levels of a batch of two images, whose
# sizes (60 x 90 and 64 x 80) pad to 64 x 96; boxes of sides 2 to 70 px and canonical scale 28 (224 in the model)
# so that every level gets some.
from collections import OrderedDict  # noqa: E402
from torchvision.ops import MultiScaleRoIAlign  # noqa: E402
g_ms = torch.Generator().manual_seed(1601)
ms_shapes = [(16, 24), (8, 12), (4, 6), (2, 3)]
ms_features = [torch.randn(2, 3, h, w, generator=g_ms) for h, w in ms_shapes]
ms_boxes = [random_boxes(g_ms, n, 50.0, min_wh=2.0, max_wh=70.0) for n in (10, 9)]
pooler = MultiScaleRoIAlign(["0", "1", "2", "3"], 7, 2, canonical_scale=28)
x_ms = [f.clone().requires_grad_(True) for f in ms_features]
ms_out = pooler(OrderedDict((str(i), f) for i, f in enumerate(x_ms)), ms_boxes, [(60, 90), (64, 80)])
ms_weights = torch.randn(ms_out.shape, generator=g_ms)
(ms_out * ms_weights).sum().backward()
golden["multiscale"] = {"features": [t(f) for f in ms_features], "boxes": [t(b) for b in ms_boxes],
                        "image_sizes": [[60, 90], [64, 80]], "output": t(ms_out), "weights": t(ms_weights),
                        "grads": [t(f.grad) for f in x_ms], "levels": pooler.map_levels(ms_boxes).tolist()}

with open(OUT, "w") as f:
    json.dump(golden, f, separators=(",", ":"))
print("wrote", os.path.normpath(OUT), os.path.getsize(OUT), "bytes")

#!/usr/bin/env python3
"""Golden files for MobileSAM's TinyViT image encoder (src/Research.Torch/Sam/TinyVit*.cs, issue 17), made with the
official mobile_sam package (../shared/oracles/mobile-sam, commit 34bbbfd, with ../shared/oracles/timm-shim) on
Debian 12's python3-torch 1.13.

1. tinyvit_tiny.pth: a small TinyViT built from the official class: 256 px input, embed_dims [8, 16, 24, 320], one
   block in each of the first three stages and none in the last, heads [1, 2, 3, 4], windows [7, 14, 14, 7] (the 32 x
   32 stage-1 grid is padded to 35 x 35, the 16 x 16 stage-2 grid to 28 x 28), MLP ratio 1, 2 classes. The last stage
   has 320 channels because the official PatchMerging keeps the resolution only for 320/448/576 output channels, which
   the encoder relies on; it has no block so that the file stays small (the block class is the one stages 1 and 2
   test). Every parameter and batch-norm statistic is drawn from a seeded normal; saved in float16 (the reference
   computes with the same rounded values).
   Two changes in the subclass below, both only for size: the official forward_features reshapes to a fixed 64 x 64
   grid (1024 px input), here 16 x 16; and the neck (SAM's: 1x1 conv, LayerNorm2d, 3x3 conv, LayerNorm2d) has 16
   output channels instead of 256.
2. tinyvit_tiny_golden.json: the embedding (1 x 16 x 16 x 16) of the input
   v(c, y, x) = ((x * 37 + y * 101 + c * 59 + (x * y) % 17 * 5) % 256 - 128) / 64, which the C# test computes too.
3. sam_vit_t_keys.txt: "name shape" of every state-dict entry of build_sam_vit_t (MobileSAM's published layout).

Run: PYTHONPATH=../shared/oracles/mobile-sam:../shared/oracles/timm-shim /usr/bin/python3 tests/reference/mobile_sam_reference.py
Writes: tests/Research.Torch.Tests/Sam/Fixtures/
"""
import json
import os

import numpy  # noqa: F401 (tensor.numpy)
import torch
from mobile_sam import sam_model_registry
from mobile_sam.modeling import TinyViT
from mobile_sam.modeling.tiny_vit_sam import LayerNorm2d

assert torch.__version__.startswith("1.13"), torch.__version__
NECK = 16
OUT = os.path.join(os.path.dirname(__file__), "..", "Research.Torch.Tests", "Sam", "Fixtures")


def t(x):
    data = x.detach().flatten().float()
    return {"shape": list(x.shape), "data": [float(str(v)) for v in data.numpy()]}


class TinyViT256(TinyViT):
    """The official TinyViT with the final reshape to the 256 px input's 16 x 16 grid instead of 64 x 64 and a neck of
    16 channels (the same layers as the official 256-channel neck)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        width = kwargs["embed_dims"][-1]
        self.neck = torch.nn.Sequential(
            torch.nn.Conv2d(width, NECK, kernel_size=1, bias=False), LayerNorm2d(NECK),
            torch.nn.Conv2d(NECK, NECK, kernel_size=3, padding=1, bias=False), LayerNorm2d(NECK))

    def forward_features(self, x):
        x = self.patch_embed(x)
        x = self.layers[0](x)
        for i in range(1, len(self.layers)):
            x = self.layers[i](x)
        B, _, C = x.size()
        x = x.view(B, 16, 16, C).permute(0, 3, 1, 2)
        return self.neck(x)


def main():
    torch.manual_seed(23)
    model = TinyViT256(img_size=256, in_chans=3, num_classes=2, embed_dims=[8, 16, 24, 320], depths=[1, 1, 1, 0],
                       num_heads=[1, 2, 3, 4], window_sizes=[7, 14, 14, 7], mlp_ratio=1.0, drop_rate=0.0,
                       drop_path_rate=0.0, use_checkpoint=False, mbconv_expand_ratio=4.0, local_conv_size=3,
                       layer_lr_decay=0.8)
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(torch.randn_like(p) * 0.2 + (1.0 if p.dim() == 1 and name.endswith("weight") else 0.0))
        for name, b in model.named_buffers():
            if name.endswith("running_mean"):
                b.copy_(torch.randn_like(b) * 0.1)
            elif name.endswith("running_var"):
                b.copy_(torch.rand_like(b) + 0.5)
        # the float16 rounding the saved file has, so the reference computes with exactly those values
        for v in model.state_dict().values():
            if v.is_floating_point():
                v.copy_(v.half().float())
    model.eval()
    state = {k: (v.half() if v.is_floating_point() else v) for k, v in model.state_dict().items()}
    torch.save(state, os.path.join(OUT, "tinyvit_tiny.pth"))
    c, y, x = torch.meshgrid(torch.arange(3), torch.arange(256), torch.arange(256), indexing="ij")
    image = (((x * 37 + y * 101 + c * 59 + (x * y) % 17 * 5) % 256).float() - 128).div(64).unsqueeze(0)
    with torch.no_grad():
        embedding = model(image)
    with open(os.path.join(OUT, "tinyvit_tiny_golden.json"), "w") as f:
        json.dump({"input": "((x * 37 + y * 101 + c * 59 + (x * y) % 17 * 5) % 256 - 128) / 64", "embedding": t(embedding)}, f)

    full = sam_model_registry["vit_t"]()
    with open(os.path.join(OUT, "sam_vit_t_keys.txt"), "w") as f:
        for k, v in full.state_dict().items():
            f.write(f"{k} {'x'.join(str(s) for s in v.shape)}\n")


if __name__ == "__main__":
    main()

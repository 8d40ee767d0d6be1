#!/usr/bin/env python3
"""Golden files for MobileSAM's TinyViT image encoder (src/Research.Torch/Sam/TinyVit*.cs, issue 17), made with the
official mobile_sam package (../shared/oracles/mobile-sam, commit 34bbbfd, with ../shared/oracles/timm-shim) on
Debian 12's python3-torch 1.13.

1. tinyvit_tiny.pth: a small TinyViT built from the official class: 256 px input, embed_dims [8, 16, 24, 320], one
   block per stage, heads [1, 2, 3, 4], windows [7, 14, 14, 7] (the 32 x 32 stage-1 grid is padded to 35 x 35, the 16 x
   16 grids of stages 2 and 3 to 28 x 28 and 21 x 21), MLP ratio 1, 2 classes. The last stage keeps 320 channels
   because the official PatchMerging keeps the resolution only for 320/448/576 output channels, which the encoder
   relies on. Every parameter and batch-norm statistic is drawn from a seeded normal; saved in float16 to keep the
   file small (the reference computes with the same rounded values).
   The official forward_features reshapes to a fixed 64 x 64 grid (1024 px input); for the 256 px test the subclass
   below reshapes to 16 x 16 and is otherwise unchanged.
2. tinyvit_input.png (256 x 256 RGB, seeded) and tinyvit_tiny_golden.json: the embedding (1 x 256 x 16 x 16) of the
   input (png - 128) / 64, channels first.
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

assert torch.__version__.startswith("1.13"), torch.__version__
OUT = os.path.join(os.path.dirname(__file__), "..", "Research.Torch.Tests", "Sam", "Fixtures")


def t(x):
    data = x.detach().flatten().float()
    return {"shape": list(x.shape), "data": [float(str(v)) for v in data.numpy()]}


class TinyViT256(TinyViT):
    """The official TinyViT with the final reshape to the 256 px input's 16 x 16 grid instead of 64 x 64."""

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
    model = TinyViT256(img_size=256, in_chans=3, num_classes=2, embed_dims=[8, 16, 24, 320], depths=[1, 1, 1, 1],
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
    from PIL import Image
    pixels = torch.randint(0, 256, (256, 256, 3), generator=torch.Generator().manual_seed(9), dtype=torch.uint8)
    Image.fromarray(pixels.numpy()).save(os.path.join(OUT, "tinyvit_input.png"))
    image = ((pixels.float() - 128) / 64).permute(2, 0, 1).unsqueeze(0)
    with torch.no_grad():
        embedding = model(image)
    with open(os.path.join(OUT, "tinyvit_tiny_golden.json"), "w") as f:
        json.dump({"input": "tinyvit_input.png, (value - 128) / 64, channels first", "embedding": t(embedding)}, f)

    full = sam_model_registry["vit_t"]()
    with open(os.path.join(OUT, "sam_vit_t_keys.txt"), "w") as f:
        for k, v in full.state_dict().items():
            f.write(f"{k} {'x'.join(str(s) for s in v.shape)}\n")


if __name__ == "__main__":
    main()

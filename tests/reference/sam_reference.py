#!/usr/bin/env python3
"""Golden files for the Segment Anything models in src/Research.Torch/Sam (issue 17), made with the official
segment_anything package (../shared/oracles/segment-anything, commit dca509f) on Debian 12's python3-torch 1.13.

1. sam_tiny.pth: the state dict of a small SAM built from the official classes (ImageEncoderViT, PromptEncoder,
   MaskDecoder, TwoWayTransformer) with the same structure as ViT-B but tiny sizes (64 px input, 8 px patches,
   embedding 32, 2 blocks of which block 1 is global and block 0 windowed with window 3, so the 8 x 8 token grid is
   padded to 9 x 9; relative positions on). Every parameter is drawn from a seeded normal (the zero-initialised ones
   too: the positional embedding, relative positions), so a forgotten term changes the output. Saved with
   torch.save (zip format). sam_tiny_wrapped.pth: the same tensors as {"model": {"module." + key: ...}}, the wrapping
   of training checkpoints.
2. sam_tiny_golden.json: a 64 x 64 input (already normalised and padded), its image embedding, the dense positional
   encoding, and for three prompt sets (two boxes; two points each with a positive and a negative; a box with a
   point and a mask input) the sparse and dense prompt embeddings, low-resolution logits and IoU predictions with
   multimask on and off, postprocess_masks of the first to a 50 x 37 original size (input size 64 x 48), and the
   official SamPredictor on sam_predictor_image.png (37 x 50 RGB): a box with multimask output, two points without.
3. sam_vit_{b,l,h}_keys.txt: "name shape" of every state-dict entry of build_sam_vit_b/l/h, the names official
   checkpoints use (built with random weights; nothing downloaded).

Run: PYTHONPATH=../shared/oracles/segment-anything /usr/bin/python3 tests/reference/sam_reference.py
Writes: tests/Research.Torch.Tests/Sam/Fixtures/
"""
import json
import os
from functools import partial

import numpy  # noqa: F401 (tensor.numpy)
import torch
from segment_anything import SamPredictor, sam_model_registry
from segment_anything.modeling import ImageEncoderViT, MaskDecoder, PromptEncoder, Sam, TwoWayTransformer

assert torch.__version__.startswith("1.13"), torch.__version__
OUT = os.path.join(os.path.dirname(__file__), "..", "Research.Torch.Tests", "Sam", "Fixtures")
os.makedirs(OUT, exist_ok=True)


def t(x):
    """A tensor as a flat list with its shape; float32 values in the shortest decimal form that reads back exactly."""
    data = x.detach().flatten().float()
    return {"shape": list(x.shape), "data": [float(str(v)) for v in data.numpy()]}


def tiny_sam():
    """The tiny configuration; the C# tests build the same one (SamConfig.Tiny)."""
    image_size, patch, prompt_dim = 64, 8, 32
    return Sam(
        image_encoder=ImageEncoderViT(
            depth=2, embed_dim=32, img_size=image_size, mlp_ratio=4, norm_layer=partial(torch.nn.LayerNorm, eps=1e-6),
            num_heads=2, patch_size=patch, qkv_bias=True, use_rel_pos=True, global_attn_indexes=[1], window_size=3,
            out_chans=prompt_dim),
        prompt_encoder=PromptEncoder(
            embed_dim=prompt_dim, image_embedding_size=(image_size // patch, image_size // patch),
            input_image_size=(image_size, image_size), mask_in_chans=16),
        mask_decoder=MaskDecoder(
            num_multimask_outputs=3,
            transformer=TwoWayTransformer(depth=2, embedding_dim=prompt_dim, mlp_dim=64, num_heads=2),
            transformer_dim=prompt_dim, iou_head_depth=3, iou_head_hidden_dim=32),
    ).eval()


def predictor_cases(sam):
    """The official SamPredictor on an RGB image of 37 x 50 pixels (longest side resized to 64 with PIL's bilinear
    filter, coordinates scaled, logits resized back): one box with multimask output, two points (one negative)
    without. The image is saved as sam_predictor_image.png."""
    from PIL import Image
    g = numpy.random.default_rng(3)
    image = g.integers(0, 256, size=(50, 37, 3), dtype=numpy.uint8)
    Image.fromarray(image).save(os.path.join(OUT, "sam_predictor_image.png"))
    predictor = SamPredictor(sam)
    predictor.set_image(image)
    out = {"input_size": list(predictor.input_size), "features": t(predictor.features)}
    cases = {
        "box": dict(box=numpy.array([5, 8, 30, 40]), point_coords=None, point_labels=None, multimask_output=True),
        "points": dict(box=None, point_coords=numpy.array([[10, 12], [25, 30]]), point_labels=numpy.array([1, 0]),
                       multimask_output=False),
    }
    for name, c in cases.items():
        masks, iou, low = predictor.predict(**c)
        entry = {"masks": t(torch.as_tensor(masks).float()), "iou": t(torch.as_tensor(iou)), "low_res": t(torch.as_tensor(low))}
        if c["box"] is not None:
            entry["box"] = [float(v) for v in c["box"]]
        if c["point_coords"] is not None:
            entry["points"] = [[float(v) for v in p] for p in c["point_coords"]]
            entry["labels"] = [int(v) for v in c["point_labels"]]
        out[name] = entry
    return out


def main():
    torch.manual_seed(17)
    sam = tiny_sam()
    with torch.no_grad():
        for name, p in sam.named_parameters():
            # normalisation weights (1-D "weight" tensors) around 1, everything else around 0
            p.copy_(torch.randn_like(p) * 0.2 + (1.0 if p.dim() == 1 and name.endswith("weight") else 0.0))
    state = sam.state_dict()
    torch.save(state, os.path.join(OUT, "sam_tiny.pth"))
    torch.save({"model": {"module." + k: v for k, v in state.items()}, "epoch": 3}, os.path.join(OUT, "sam_tiny_wrapped.pth"))

    g = torch.Generator().manual_seed(5)
    image = torch.randn(1, 3, 64, 64, generator=g)
    golden = {"image": t(image)}
    with torch.no_grad():
        emb = sam.image_encoder(image)
        pe = sam.prompt_encoder.get_dense_pe()
        golden["embedding"] = t(emb)
        golden["dense_pe"] = t(pe)
        cases = {
            "boxes": dict(points=None, boxes=torch.tensor([[4.0, 6.5, 40.0, 30.0], [10.0, 0.0, 63.0, 47.0]]), masks=None),
            "points": dict(points=(torch.tensor([[[12.0, 20.0], [40.5, 8.0]], [[30.0, 30.0], [2.0, 60.0]]]),
                                   torch.tensor([[1, 0], [1, 0]])), boxes=None, masks=None),
            "box_point_mask": dict(points=(torch.tensor([[[20.0, 22.0]]]), torch.tensor([[1]])),
                                   boxes=torch.tensor([[8.0, 8.0, 36.0, 44.0]]),
                                   masks=torch.randn(1, 1, 32, 32, generator=g)),
        }
        golden["cases"] = {}
        for name, c in cases.items():
            sparse, dense = sam.prompt_encoder(points=c["points"], boxes=c["boxes"], masks=c["masks"])
            entry = {"sparse": t(sparse), "dense": t(dense)}
            if c["points"] is not None:
                entry["point_coords"], entry["point_labels"] = t(c["points"][0]), t(c["points"][1].float())
            if c["boxes"] is not None:
                entry["boxes"] = t(c["boxes"])
            if c["masks"] is not None:
                entry["mask_input"] = t(c["masks"])
            for multimask in (True, False):
                logits, iou = sam.mask_decoder(image_embeddings=emb, image_pe=pe, sparse_prompt_embeddings=sparse,
                                               dense_prompt_embeddings=dense, multimask_output=multimask)
                key = "multi" if multimask else "single"
                entry[key + "_logits"], entry[key + "_iou"] = t(logits), t(iou)
            golden["cases"][name] = entry
        first = golden["cases"]["boxes"]
        logits, _ = sam.mask_decoder(image_embeddings=emb, image_pe=pe,
                                     sparse_prompt_embeddings=sam.prompt_encoder(None, cases["boxes"]["boxes"], None)[0],
                                     dense_prompt_embeddings=sam.prompt_encoder(None, cases["boxes"]["boxes"], None)[1],
                                     multimask_output=True)
        first["postprocessed"] = t(sam.postprocess_masks(logits, input_size=(64, 48), original_size=(50, 37)))
    golden["predictor"] = predictor_cases(sam)
    with open(os.path.join(OUT, "sam_tiny_golden.json"), "w") as f:
        json.dump(golden, f)

    for variant in ("vit_b", "vit_l", "vit_h"):
        model = sam_model_registry[variant]()
        with open(os.path.join(OUT, f"sam_{variant}_keys.txt"), "w") as f:
            for k, v in model.state_dict().items():
                f.write(f"{k} {'x'.join(str(s) for s in v.shape)}\n")
        del model


if __name__ == "__main__":
    main()

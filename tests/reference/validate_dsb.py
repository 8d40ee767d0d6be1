"""Reference for the validate-dsb2018 benchmark: the checks of `research datasets validate dsb2018`, written plainly.

For every <id>/images/<id>.png of stage1_train: decode the image (Pillow), then each masks/*.png as grey 8-bit
(Pillow convert('L'), NumPy): same size as the image, values only {0, 255}, not empty, and no pixel in two masks
(an int32 owner array; overlapping pixels counted). Counts images, masks and problems. One process, one thread,
the way a researcher would write it. Run by the harness (Debian's python3: Pillow 9.4, NumPy 1.24).
"""

import os

import numpy as np
from PIL import Image

import benchlib


def validate(root):
    images = masks = problems = 0
    for image_id in sorted(os.listdir(root)):
        folder = os.path.join(root, image_id)
        image_path = os.path.join(folder, "images", image_id + ".png")
        if not os.path.isfile(image_path):
            problems += 1
            continue
        with Image.open(image_path) as im:
            im.load()
            width, height = im.size
        images += 1
        mask_dir = os.path.join(folder, "masks")
        if not os.path.isdir(mask_dir):
            problems += 1
            continue
        owner = np.zeros((height, width), dtype=np.int32)
        for k, name in enumerate(sorted(os.listdir(mask_dir)), start=1):
            with Image.open(os.path.join(mask_dir, name)) as m:
                mask = np.asarray(m.convert("L"))
            masks += 1
            if mask.shape != (height, width):
                problems += 1
                continue
            if not np.isin(mask, (0, 255)).all():
                problems += 1
            on = mask != 0
            if not on.any():
                problems += 1
            overlap = np.count_nonzero(owner[on])
            if overlap:
                problems += 1
            owner[on & (owner == 0)] = k
    return images, masks, problems


def main():
    args = benchlib.arguments(__doc__, [("root", "the stage1_train folder")])
    timings = {"pillow_numpy": benchlib.measure(lambda: validate(args.root), args.warmup, args.repeats)}
    images, masks, problems = validate(args.root)
    fingerprints = {"pillow_numpy": f"images={images} masks={masks} problems={problems}"}
    import PIL

    benchlib.emit(timings, fingerprints, benchlib.versions(numpy=np, pillow=PIL))


if __name__ == "__main__":
    main()

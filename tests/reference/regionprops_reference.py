"""Reference for the measure-dsb2018-train benchmark: scikit-image 0.19's regionprops_table on DSB2018 stage1_train.

Loads, before timing, every image's labels (mask k of images/<id>/masks in sorted name order gets label k + 1, as
our KaggleDsbReader does) and its RGBA image, then times regionprops_table over all images, one after the other,
with the properties research measure writes (intensities per channel). Prints the benchlib JSON; the fingerprint
(sums over all objects) is compared with ours.
"""

import os

import numpy as np
import scipy
import skimage
from PIL import Image
from skimage.measure import regionprops_table

import benchlib

PROPERTIES = ["label", "area", "bbox", "centroid", "perimeter", "perimeter_crofton", "eccentricity", "orientation",
              "axis_major_length", "axis_minor_length", "equivalent_diameter_area", "solidity", "area_convex",
              "extent", "euler_number", "feret_diameter_max", "area_filled", "intensity_mean", "intensity_min",
              "intensity_max"]


def load(folder):
    pairs = []
    for image_id in sorted(os.listdir(folder)):
        masks = sorted(os.listdir(os.path.join(folder, image_id, "masks")))
        labels = None
        for k, name in enumerate(masks, start=1):
            m = np.asarray(Image.open(os.path.join(folder, image_id, "masks", name)))
            if labels is None:
                labels = np.zeros(m.shape[:2], dtype=np.uint16)
            labels[(m if m.ndim == 2 else m[..., 0]) > 0] = k
        image = np.asarray(Image.open(os.path.join(folder, image_id, "images", image_id + ".png")))
        pairs.append((labels, image))
    return pairs


def main():
    args = benchlib.arguments(__doc__, [("folder", "the stage1_train folder")])
    pairs = load(args.folder)
    result = {}

    def run():
        result["tables"] = [regionprops_table(labels, intensity_image=image, properties=PROPERTIES) for labels, image in pairs]

    timing = benchlib.measure(run, args.warmup, args.repeats)
    t = {k: np.concatenate([table[k] for table in result["tables"]]) for k in result["tables"][0]}
    fingerprint = (f"objects={len(t['label'])} area={int(t['area'].sum())} convex={int(t['area_convex'].sum())} "
                   f"filled={int(t['area_filled'].sum())} euler={int(t['euler_number'].sum())} "
                   f"perimeter={t['perimeter'].sum():.2f} feret={t['feret_diameter_max'].sum():.2f} mean0={t['intensity_mean-0'].sum():.2f}")
    benchlib.emit({"skimage": timing}, {"skimage": fingerprint}, benchlib.versions(numpy=np, scipy=scipy, skimage=skimage))


if __name__ == "__main__":
    main()

"""Reference for the datasheet-dsb2018 benchmark: the statistics of `research datasheet dsb2018`, written plainly.

For every <id>/images/<id>.png of stage1_train: read the file (SHA-256 of its bytes), decode it with Pillow into a
NumPy array; size, mode; per-channel value counts (np.bincount) for mean, std, min, max and the 0.5/99.5 percentiles;
grey if R == G == B everywhere, median of the grey value, modality group (grey and median < 127.5: dark; grey: light;
else colour). Each masks/*.png: SHA-256, decoded with Pillow convert('L'); size check, empty check, overlap with an
int32 owner array, area and eccentricity from the pixel coordinates' second moments. Duplicates by a SHA-256 of the
pixels. One process, one thread, the way a researcher would write it. Run by the harness (Debian's python3:
Pillow 9.4, NumPy 1.24).
"""

import hashlib
import os

import numpy as np
from PIL import Image

import benchlib


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def eccentricity(ys, xs):
    mu20, mu02 = xs.var(), ys.var()
    mu11 = ((xs - xs.mean()) * (ys - ys.mean())).mean()
    half, root = (mu20 + mu02) / 2, np.sqrt(((mu20 - mu02) / 2) ** 2 + mu11 ** 2)
    l1, l2 = half + root, max(0.0, half - root)
    return 0.0 if l1 <= 1e-12 else float(np.sqrt(max(0.0, 1 - l2 / l1)))


def stats(root):
    sizes, modes, groups, channel_counts = {}, {}, {}, {}
    objects, areas, shapes, hashes, pixel_hashes = [], [], [], {}, set()
    empty = overlapping = duplicates = 0
    for image_id in sorted(os.listdir(root)):
        folder = os.path.join(root, image_id)
        image_path = os.path.join(folder, "images", image_id + ".png")
        hashes[image_path] = sha256(image_path)
        with Image.open(image_path) as im:
            mode = im.mode
            pixels = np.asarray(im)
        height, width = pixels.shape[:2]
        sizes[f"{width}x{height}"] = sizes.get(f"{width}x{height}", 0) + 1
        modes[mode] = modes.get(mode, 0) + 1
        planes = pixels.reshape(height, width, -1)
        for c in range(planes.shape[2]):
            counts = np.bincount(planes[:, :, c].ravel(), minlength=256)
            channel_counts[c] = channel_counts.get(c, 0) + counts
        rgb = planes[:, :, :3].astype(np.int32)
        grey = planes.shape[2] < 3 or bool((rgb[:, :, 0] == rgb[:, :, 1]).all() and (rgb[:, :, 0] == rgb[:, :, 2]).all())
        value = planes[:, :, 0] if grey else rgb.sum(axis=2) // 3
        group = "colour" if not grey else ("grey-dark" if np.median(value) < 127.5 else "grey-light")
        groups[group] = groups.get(group, 0) + 1
        digest = hashlib.sha256(pixels.tobytes()).hexdigest()
        duplicates += digest in pixel_hashes
        pixel_hashes.add(digest)
        owner = np.zeros((height, width), dtype=np.int32)
        count = 0
        mask_dir = os.path.join(folder, "masks")
        for k, name in enumerate(sorted(os.listdir(mask_dir)), start=1):
            path = os.path.join(mask_dir, name)
            hashes[path] = sha256(path)
            with Image.open(path) as m:
                mask = np.asarray(m.convert("L"))
            if mask.shape != (height, width):
                continue
            on = mask != 0
            ys, xs = np.nonzero(on)
            if len(ys) == 0:
                empty += 1
                continue
            overlapping += int(np.count_nonzero(owner[on]))
            owner[on & (owner == 0)] = k
            count += 1
            areas.append(len(ys))
            shapes.append(eccentricity(ys.astype(np.float64), xs.astype(np.float64)))
        objects.append(count)
    intensity = {}
    for c, counts in channel_counts.items():
        values = np.arange(256)
        total = counts.sum()
        mean = (counts * values).sum() / total
        cumulative = np.cumsum(counts)

        def percentile(p):
            rank = p / 100 * (total - 1)
            lo = int(np.floor(rank))
            a = int(np.searchsorted(cumulative, lo, side="right"))
            b = int(np.searchsorted(cumulative, lo + 1, side="right"))
            return a + (rank - lo) * (b - a)

        intensity[c] = (mean, np.sqrt((counts * (values - mean) ** 2).sum() / total), percentile(0.5), percentile(99.5))
    return {
        "images": len(objects), "objects": int(sum(objects)), "sizes": sizes, "modes": modes, "groups": groups,
        "empty": empty, "overlapping": overlapping, "duplicates": duplicates, "median_area": float(np.median(areas)),
        "intensity": intensity, "files": len(hashes), "median_eccentricity": float(np.median(shapes)),
    }


def main():
    args = benchlib.arguments(__doc__, [("root", "the stage1_train folder")])
    timings = {"pillow_numpy": benchlib.measure(lambda: stats(args.root), args.warmup, args.repeats)}
    s = stats(args.root)
    top = max(s["sizes"].items(), key=lambda kv: kv[1])
    fingerprints = {"pillow_numpy": f"images={s['images']} objects={s['objects']} top={top[0]}:{top[1]} overlapping={s['overlapping']} empty={s['empty']} duplicates={s['duplicates']}"}
    import PIL

    benchlib.emit(timings, fingerprints, benchlib.versions(numpy=np, pillow=PIL))


if __name__ == "__main__":
    main()

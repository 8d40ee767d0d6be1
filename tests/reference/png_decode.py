"""Reference for the png-decode-1024-rgb benchmark: full decode of a PNG file into a NumPy array.

pillow: np.asarray(Image.open(p).convert('RGB'))   (convert() forces the full decode)
opencv: cv2.imread(p, cv2.IMREAD_UNCHANGED)         (BGR order; the fingerprint sum does not depend on it)
"""

import cv2
import numpy as np
from PIL import Image

import benchlib


def fingerprint(pixels):
    """'WxHxC sum=S', the same format as the C# case computes for ours."""
    height, width = pixels.shape[:2]
    channels = 1 if pixels.ndim == 2 else pixels.shape[2]
    return f"{width}x{height}x{channels} sum={int(pixels.sum(dtype=np.uint64))}"


def main():
    args = benchlib.arguments(__doc__, [("png", "the PNG file to decode")])
    path = args.png
    cv2.setNumThreads(1)  # imread decodes on one thread anyway; keep OpenCV from spinning up a pool

    def pillow():
        return np.asarray(Image.open(path).convert("RGB"))

    def opencv():
        image = cv2.imread(path, cv2.IMREAD_UNCHANGED)
        if image is None:
            raise SystemExit(f"{path}: OpenCV could not read the file")
        return image

    timings = {
        "pillow": benchlib.measure(pillow, args.warmup, args.repeats),
        "opencv": benchlib.measure(opencv, args.warmup, args.repeats),
    }
    fingerprints = {"pillow": fingerprint(pillow()), "opencv": fingerprint(opencv())}
    import PIL

    benchlib.emit(timings, fingerprints, benchlib.versions(numpy=np, opencv=cv2, pillow=PIL))


if __name__ == "__main__":
    main()

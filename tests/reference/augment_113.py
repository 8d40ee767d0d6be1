"""Reference for the augment-113-fold-512 benchmark: the 113 folds of a 512x512 8-bit image and its mask.

numpy:  for each fold, np.roll(np.fliplr?(np.rot90(a, r)), shift, axis) copied into a preallocated contiguous
        (113, H, W) buffer, for the image and for the mask (the scheme's definition, written plainly)
memcpy: np.copyto of the same number of bytes (both 113-fold buffers) from one buffer into another: the floor
        any implementation that writes the folds must pay
One thread (NumPy's rot90/flip/roll/copy do not use threads). Fingerprint: SHA-256 of the image folds then the mask folds.
"""

import hashlib

import cv2
import numpy as np

import benchlib


def folds(a, out):
    out[0] = a.ravel()
    i = 1
    for r in range(4):
        for flip in range(2):
            b = np.rot90(a, r)
            if flip:
                b = np.fliplr(b)
            for axis in (1, 0):
                size = b.shape[axis]
                for k in range(1, 8):
                    out[i].reshape(b.shape)[...] = np.roll(b, k * size // 8, axis=axis)
                    i += 1


def main():
    args = benchlib.arguments(__doc__, [("image", "8-bit grey PNG"), ("mask", "8-bit mask PNG")])
    cv2.setNumThreads(1)
    image = cv2.imread(args.image, cv2.IMREAD_UNCHANGED)
    mask = cv2.imread(args.mask, cv2.IMREAD_UNCHANGED)
    n = image.size
    image_out = np.empty((113, n), np.uint8)
    mask_out = np.empty((113, n), np.uint8)

    def numpy_folds():
        folds(image, image_out)
        folds(mask, mask_out)

    numpy_folds()
    sources = (image_out.copy(), mask_out.copy())
    copies = (np.empty_like(image_out), np.empty_like(mask_out))

    def memcpy():
        np.copyto(copies[0], sources[0])
        np.copyto(copies[1], sources[1])

    timings = {
        "numpy": benchlib.measure(numpy_folds, args.warmup, args.repeats),
        "memcpy": benchlib.measure(memcpy, args.warmup, args.repeats),
    }

    def digest(a, b):
        h = hashlib.sha256()
        h.update(a.tobytes())
        h.update(b.tobytes())
        return "sha256=" + h.hexdigest()

    numpy_folds()
    memcpy()
    fingerprints = {"numpy": digest(image_out, mask_out), "memcpy": digest(*copies)}
    benchlib.emit(timings, fingerprints, benchlib.versions(numpy=np, opencv=cv2))


if __name__ == "__main__":
    main()

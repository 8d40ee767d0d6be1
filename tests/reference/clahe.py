"""Reference for the clahe-1024 benchmark: cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8)).apply on a
1024x1024 8-bit grey image, on one thread (cv2.setNumThreads(1)); ours is single-threaded too.
Fingerprint: SHA-256 of the output pixels.
"""

import hashlib

import cv2
import numpy as np

import benchlib


def main():
    args = benchlib.arguments(__doc__, [("image", "8-bit grey PNG")])
    cv2.setNumThreads(1)
    image = cv2.imread(args.image, cv2.IMREAD_UNCHANGED)
    clahe = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))

    def opencv():
        return clahe.apply(image)

    timings = {"opencv": benchlib.measure(opencv, args.warmup, args.repeats)}
    fingerprints = {"opencv": "sha256=" + hashlib.sha256(np.ascontiguousarray(opencv()).tobytes()).hexdigest()}
    benchlib.emit(timings, fingerprints, benchlib.versions(numpy=np, opencv=cv2))


if __name__ == "__main__":
    main()

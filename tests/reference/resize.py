"""Reference for the resize-1024-256 benchmark: cv2.resize of a 1024x1024 8-bit grey image to 256x256 with
INTER_LINEAR and INTER_AREA, on one thread (cv2.setNumThreads(1)); ours is single-threaded.
Fingerprints: 'linear'/'area' keys give the SHA-256 of the output pixels.
"""

import hashlib

import cv2
import numpy as np

import benchlib


def main():
    args = benchlib.arguments(__doc__, [("image", "8-bit grey PNG")])
    cv2.setNumThreads(1)
    image = cv2.imread(args.image, cv2.IMREAD_UNCHANGED)

    def linear():
        return cv2.resize(image, (256, 256), interpolation=cv2.INTER_LINEAR)

    def area():
        return cv2.resize(image, (256, 256), interpolation=cv2.INTER_AREA)

    timings = {"linear": benchlib.measure(linear, args.warmup, args.repeats),
               "area": benchlib.measure(area, args.warmup, args.repeats)}
    digest = lambda a: "sha256=" + hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()
    benchlib.emit(timings, {"linear": digest(linear()), "area": digest(area())}, benchlib.versions(numpy=np, opencv=cv2))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes the reference fixtures for the image codec tests with OpenCV, an implementation independent of ours.

Run from the repository root with Debian's interpreter (which has python3-opencv and python3-numpy):

    /usr/bin/python3 tests/reference/make_codec_fixtures.py

Last run with OpenCV 4.6.0 and NumPy 1.24.2 (Debian 12 packages). Output: tests/Research.Tests/Imaging/Fixtures/.

Every image is W x H = 23 x 17 pixels; x is the column, y the row, c the channel in RGBA order (OpenCV stores
BGR(A), so channels are reversed before writing). The pixel values come from these formulas, which the C#
tests (tests/Research.Tests/Imaging/Codecs/ReferenceFixtureTests.cs) recompute:

    v16(x, y, c) = (x*7919 + y*104729 + c*13) % 65536        (16-bit: every byte pattern occurs, not multiples of 257)
    v8(x, y, c)  = (x*37 + y*101 + c*59) % 256               (8-bit)
    page p of pages16.tif: (v16(x, y, 0) + p*4099) % 65536,  p = 0, 1, 2
    f32(x, y)    = (3*x - 5*y) / 8                           (exact in float32)
    q8(x, y, c)  = (x*x*7 + y*y*13 + x*y*3 + c*97 + c*x*29) % 256                  (8-bit, non-linear)
    q16(x, y, c) = (x*x*7919 + y*y*104729 + x*y*31 + c*4099 + c*y*613) % 65536     (16-bit, non-linear)

The non-linear q8/q16 colour images feed cv2.cvtColor: on them OpenCV's 15-bit luma differs from the
14-bit variant (R*4899 + G*9617 + B*1868 + 8192) >> 14 at some pixels of colour16 (none of colour8 at this size), so the 16-bit grey test tells the two apart.

Files:
    grey16.png          16-bit grey, v16(x, y, 0)
    rgb16.png           16-bit RGB, v16(x, y, c), c = 0..2
    rgba8.png           8-bit RGBA, v8(x, y, c), c = 0..3
    rgb8.png            8-bit RGB, v8(x, y, c), c = 0..2
    pages16.tif         three 16-bit grey pages (cv2.imwritemulti)
    float32.tif         32-bit float grey, f32(x, y)
    colour8.png         8-bit RGB, q8(x, y, c)
    colour16.png        16-bit RGB, q16(x, y, c)
    colour8_grey_cv2.png   cv2.cvtColor(colour8, COLOR_RGB2GRAY), 8-bit grey
    colour16_grey_cv2.png  cv2.cvtColor(colour16, COLOR_RGB2GRAY), 16-bit grey
"""
import os

import cv2
import numpy as np

W, H = 23, 17
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Research.Tests", "Imaging", "Fixtures")


def grid(channels):
    y, x, c = np.meshgrid(np.arange(H, dtype=np.int64), np.arange(W, dtype=np.int64),
                          np.arange(channels, dtype=np.int64), indexing="ij")
    return x, y, c


def v16(channels):
    x, y, c = grid(channels)
    return ((x * 7919 + y * 104729 + c * 13) % 65536).astype(np.uint16)


def v8(channels):
    x, y, c = grid(channels)
    return ((x * 37 + y * 101 + c * 59) % 256).astype(np.uint8)


def q8(channels):
    x, y, c = grid(channels)
    return ((x * x * 7 + y * y * 13 + x * y * 3 + c * 97 + c * x * 29) % 256).astype(np.uint8)


def q16(channels):
    x, y, c = grid(channels)
    return ((x * x * 7919 + y * y * 104729 + x * y * 31 + c * 4099 + c * y * 613) % 65536).astype(np.uint16)


def write(name, image):
    """Writes an RGB(A)-ordered array, reversing colour channels into OpenCV's BGR(A) order."""
    if image.ndim == 3 and image.shape[2] >= 3:
        image = np.concatenate([image[..., 2::-1], image[..., 3:]], axis=2)
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[..., 0]
    assert cv2.imwrite(os.path.join(OUT, name), image), name


def main():
    os.makedirs(OUT, exist_ok=True)
    rgb16, rgb8 = v16(3), v8(3)
    write("grey16.png", v16(1))
    write("rgb16.png", rgb16)
    write("rgba8.png", v8(4))
    write("rgb8.png", rgb8)
    pages = [((v16(1)[..., 0].astype(np.int64) + p * 4099) % 65536).astype(np.uint16) for p in range(3)]
    assert cv2.imwritemulti(os.path.join(OUT, "pages16.tif"), pages)
    x, y, _ = grid(1)
    write("float32.tif", ((3 * x - 5 * y) / 8).astype(np.float32))
    colour8, colour16 = q8(3), q16(3)
    write("colour8.png", colour8)
    write("colour16.png", colour16)
    write("colour8_grey_cv2.png", cv2.cvtColor(colour8, cv2.COLOR_RGB2GRAY))
    write("colour16_grey_cv2.png", cv2.cvtColor(colour16, cv2.COLOR_RGB2GRAY))
    # Check what was written by reading it back with OpenCV.
    back = cv2.imread(os.path.join(OUT, "rgb16.png"), cv2.IMREAD_UNCHANGED)
    assert back.dtype == np.uint16 and (back[..., ::-1] == rgb16).all()
    ok, read_pages = cv2.imreadmulti(os.path.join(OUT, "pages16.tif"), flags=cv2.IMREAD_UNCHANGED)
    assert ok and len(read_pages) == 3 and all((a == b).all() for a, b in zip(read_pages, pages))
    print("OpenCV", cv2.__version__, "wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()

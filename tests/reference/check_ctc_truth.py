#!/usr/bin/env python3
"""Independent check of a Cell Tracking Challenge ground-truth sequence (used by SyntheticTimelapseTests).

Usage: check_ctc_truth.py ROOT SEQ

Reads ROOT/SEQ/tTTT.tif, ROOT/SEQ_GT/SEG/man_segTTT.tif, ROOT/SEQ_GT/TRA/man_trackTTT.tif and man_track.txt with
Pillow and NumPy (Debian's python3-pil, python3-numpy), and checks the CTC format definitions
(https://celltrackingchallenge.net/datasets/, "Ground truth" and the file format of man_track.txt):
every label in TRA frame t has a line L B E P with B <= t <= E; every track is present in every frame from B to E;
a track with P > 0 begins after its parent ends (for a division: the frame right after); image, SEG and TRA
frames have one size. Prints one JSON object: frames, tracks, divisions (parents with two daughters), problems.
"""
import json
import os
import re
import sys

import numpy as np
from PIL import Image


def read(path):
    with Image.open(path) as image:
        return np.array(image)


def main(root, seq):
    frames_dir = os.path.join(root, seq)
    tra_dir = os.path.join(root, seq + "_GT", "TRA")
    seg_dir = os.path.join(root, seq + "_GT", "SEG")
    numbers = sorted(m.group(1) for m in (re.match(r"^t(\d+)\.tif$", n) for n in os.listdir(frames_dir)) if m)
    tracks = {}
    with open(os.path.join(tra_dir, "man_track.txt"), encoding="ascii") as f:
        for line in f:
            if line.strip():
                label, begin, end, parent = (int(v) for v in line.split())
                tracks[label] = (begin, end, parent)
    problems = []
    present = {}
    for t, number in enumerate(numbers):
        if int(number) != t:
            problems.append(f"frame file t{number}.tif is not frame {t}")
        image = read(os.path.join(frames_dir, f"t{number}.tif"))
        markers = read(os.path.join(tra_dir, f"man_track{number}.tif"))
        seg = read(os.path.join(seg_dir, f"man_seg{number}.tif"))
        if image.shape != markers.shape or image.shape != seg.shape:
            problems.append(f"frame {t}: image {image.shape}, TRA {markers.shape}, SEG {seg.shape}")
        for label in np.unique(markers):
            label = int(label)
            if label == 0:
                continue
            present.setdefault(label, []).append(t)
            if label not in tracks:
                problems.append(f"frame {t}: label {label} has no line in man_track.txt")
            elif not tracks[label][0] <= t <= tracks[label][1]:
                problems.append(f"frame {t}: label {label} outside its B..E {tracks[label][:2]}")
    for label, (begin, end, parent) in sorted(tracks.items()):
        if present.get(label) != list(range(begin, end + 1)):
            problems.append(f"track {label}: B E = {begin} {end} but present in frames {present.get(label)}")
        if parent:
            if parent not in tracks:
                problems.append(f"track {label}: parent {parent} has no line")
            elif tracks[parent][1] != begin - 1:
                problems.append(f"track {label}: begins at {begin} but parent {parent} ends at {tracks[parent][1]}")
    children = {}
    for label, (_, _, parent) in tracks.items():
        if parent:
            children.setdefault(parent, []).append(label)
    divisions = sum(1 for c in children.values() if len(c) == 2)
    print(json.dumps({"frames": len(numbers), "tracks": len(tracks), "divisions": divisions, "problems": problems}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

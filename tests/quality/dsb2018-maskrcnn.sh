#!/usr/bin/env bash
# The Mask R-CNN DSB2018 run of issue 16 (a benchmark run, not a CI test): train the recipe below on stage1_train,
# tune its score and mask thresholds on its own validation images, predict stage1_test, score it, and print the wall
# time and peak memory of each step.
#
#   bash tests/quality/dsb2018-maskrcnn.sh [OUT]      (OUT defaults to dsb2018-maskrcnn/, git-ignored)
#
# Needs ../shared/data/dsb2018 (or DSB2018_ROOT=/path/to/dsb2018) and a built CLI
# (dotnet build src/Research.Cli -c Release). Uses 2 libtorch threads. Then tests/quality/dsb2018-compare.sh puts it
# beside the U-Net recipe (tests/quality/dsb2018.sh).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DSB2018_ROOT:-$repo/../shared/data/dsb2018}"
out="${1:-$repo/dsb2018-maskrcnn}"
research="$repo/src/Research.Cli/bin/Release/net10.0/research"
[[ -d "$data/stage1_train" && -d "$data/stage1_test" ]] || { echo "DSB2018 not found at $data (set DSB2018_ROOT)" >&2; exit 2; }
[[ -x "$research" ]] || { echo "build the CLI first: dotnet build src/Research.Cli -c Release" >&2; exit 2; }
[[ ! -e "$out/run" ]] || { echo "$out/run exists; choose another OUT or remove it" >&2; exit 2; }
mkdir -p "$out"

# wall time and peak resident memory of each step (GNU time when installed)
step() {
  local name="$1"; shift; local t0=$SECONDS
  if [[ -x /usr/bin/time ]]; then /usr/bin/time -f "%M" -o "$out/$name.maxrss" "$@"; else "$@"; fi
  local rss=""; [[ -f "$out/$name.maxrss" ]] && rss=", peak $(( $(tail -1 "$out/$name.maxrss") / 1024 )) MiB"
  echo "$name: $((SECONDS - t0)) s$rss" | tee -a "$out/times.txt"
}

# The recipe: Mask R-CNN on a ResNet-18 FPN trained from random weights (no pretrained weights can be downloaded
# here), trainable batch norm, images at their own size (--detection-scale 1) with anchors 8-128 px (one per level
# P2-P6) for nuclei of 5-60 px, 256 proposals sampled per image for the heads, up to 400 detections per image; SGD
# 0.01 with momentum 0.9 and a cosine schedule over 4 epochs (about 25 min each on 2 quiet cores; the recorded run was stopped after epoch 3 at 90 min, see README), batch 4 of 256 px crops, the random augmentation
# pipeline, grey input with percentile normalisation and bright images inverted, 10 % of the images held out, seed 42.
step train "$research" train --dataset dsb2018 --root "$data/stage1_train" --out "$out/run" \
  --model mask-rcnn --backbone resnet18 --detection-scale 1 --anchor-sizes 8 16 32 64 128 --roi-batch 256 --detections 400 \
  --optimizer sgd --lr 0.01 --schedule cosine --epochs 4 --batch 4 --size 256 --augment random --invert-bright \
  --val-fraction 0.1 --threads 2 --seed 42 --quiet
step tune "$research" tune --run "$out/run" --quiet
step predict "$research" predict --run "$out/run" --dataset dsb2018 --root "$data/stage1_test" --out "$out/pred" --quiet
step evaluate "$research" evaluate --pred "$out/pred" --truth-dataset dsb2018 --root "$data/stage1_test" --out "$out/eval" --quiet
grep -o '"dsb2018_score": [0-9.]*' "$out/eval/summary.json"

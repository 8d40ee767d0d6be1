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
# here), trainable batch norm. Images are doubled inside the model (--detection-scale 2) so that nuclei of 5-10 px
# reach the heads at 10-20 px, with anchors 16-256 px of the doubled image (one per level P2-P6: 8-128 px of the
# original); 64 proposals sampled per image for the heads (their mask head is most of a step's time), up to 400
# detections per image; SGD 0.02 with momentum 0.9 and a cosine schedule over 5 epochs (13-14 min each with
# validation, measured on 2 cores on a day the machine ran 1.6x slower than usual; see README), batch 8 of 128 px
# crops, the random augmentation pipeline, grey input with percentile normalisation and bright images inverted, 10 %
# of the images held out, seed 42.
step train "$research" train --dataset dsb2018 --root "$data/stage1_train" --out "$out/run" \
  --model mask-rcnn --backbone resnet18 --detection-scale 2 --anchor-sizes 16 32 64 128 256 --roi-batch 64 --detections 400 \
  --optimizer sgd --lr 0.02 --schedule cosine --epochs 5 --batch 8 --size 128 --augment random --invert-bright \
  --val-fraction 0.1 --threads 2 --seed 42 --quiet
step tune "$research" tune --run "$out/run" --quiet
step predict "$research" predict --run "$out/run" --dataset dsb2018 --root "$data/stage1_test" --out "$out/pred" --quiet
step evaluate "$research" evaluate --pred "$out/pred" --truth-dataset dsb2018 --root "$data/stage1_test" --out "$out/eval" --quiet
grep -o '"dsb2018_score": [0-9.]*' "$out/eval/summary.json"

#!/usr/bin/env bash
# The DSB2018 quality run of issue 6 (a benchmark run, not a CI test): train the recipe below on
# stage1_train, predict stage1_test, score it, and print the wall time of each step.
#
#   bash tests/quality/dsb2018.sh [OUT]      (OUT defaults to dsb2018-quality/, git-ignored)
#
# Needs ../shared/data/dsb2018 (or DSB2018_ROOT=/path/to/dsb2018) and a built CLI
# (dotnet build src/Research.Cli -c Release). Uses 2 libtorch threads; training takes about 46 minutes on 2 quiet
# cores, tuning and prediction with test-time augmentation about 2 minutes each.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DSB2018_ROOT:-$repo/../shared/data/dsb2018}"
out="${1:-$repo/dsb2018-quality}"
research="$repo/src/Research.Cli/bin/Release/net10.0/research"
[[ -d "$data/stage1_train" && -d "$data/stage1_test" ]] || { echo "DSB2018 not found at $data (set DSB2018_ROOT)" >&2; exit 2; }
[[ -x "$research" ]] || { echo "build the CLI first: dotnet build src/Research.Cli -c Release" >&2; exit 2; }
[[ ! -e "$out/run" ]] || { echo "$out/run exists; choose another OUT or remove it" >&2; exit 2; }
mkdir -p "$out"

step() { local name="$1"; shift; local t0=$SECONDS; "$@"; echo "$name: $((SECONDS - t0)) s" | tee -a "$out/times.txt"; }

# The recipe: U-Net base 16 with the 3-class head (background, interior, boundary) and the boundary class weighted 3
# in the cross-entropy, grey input, percentile normalisation with bright images inverted, Adam 1e-3 with a cosine
# schedule over 150 epochs, the random augmentation pipeline on 128 px crops, batch 8, 10 % of the images held out,
# seed 42. Post-processing chosen by 'research tune' on those held-out images (never on stage1_test) from
# test-time-augmented maps; prediction with tiles of 512 (64 px overlap) and the 8 D4 transforms averaged.
step train "$research" train --dataset dsb2018 --root "$data/stage1_train" --out "$out/run" \
  --model unet --base-filters 16 --loss cross-entropy --boundary-weight 3 --optimizer adam --lr 0.001 --schedule cosine \
  --epochs 150 --batch 8 --size 128 --augment random --invert-bright --val-fraction 0.1 --threads 2 --seed 42 --quiet
step tune "$research" tune --run "$out/run" --tta --quiet
step predict "$research" predict --run "$out/run" --dataset dsb2018 --root "$data/stage1_test" --out "$out/pred" --tta --quiet
step evaluate "$research" evaluate --pred "$out/pred" --truth-dataset dsb2018 --root "$data/stage1_test" --out "$out/eval" --quiet
grep -o '"dsb2018_score": [0-9.]*' "$out/eval/summary.json"

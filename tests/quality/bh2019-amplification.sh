#!/usr/bin/env bash
# The study's question (issue 18, part 4): the same bh2019-unet trained with the 113-fold amplification, with the
# random augmentation pipeline, and with none, for an equal training budget, with the same seeds; test IoU and Dice
# of each, and how much they vary over seeds.
#
#   bash tests/quality/bh2019-amplification.sh [OUT]     (OUT defaults to bh2019-amplification/, git-ignored)
#   SMOKE=1 ... / RECORD=1 ...                            (as in bh2019.sh)
#
# Equal budget = equal optimiser steps on equally sized crops: fold113 trains FOLD113_EPOCHS epochs of 113 x N items,
# random and none train 113 x FOLD113_EPOCHS epochs of N items (N the training images). Steps cost the same, so the
# training time is equal up to the validation after each epoch, which random and none do 113 times as often: the
# times of every run are in OUT/times.txt and are reported with the table. Knobs as in bh2019.sh; SEEDS (42 43 44);
# EPOCH_RATIO (113: the equal budget; smoke runs only may lower it to keep random and none short).
# The learning rate is constant (bh2019-common.sh): a per-epoch schedule would decay random's and none's rate 113
# times as often as fold113's, since their epochs are 113 times shorter.
# PARALLEL=1 trains random and none side by side with one libtorch thread each (after fold113 with THREADS): on 2 cores
# that is faster than one after the other, and the budget is in steps, so thread counts do not change it.
set -euo pipefail
out="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/bh2019-amplification}"
source "$(dirname "${BASH_SOURCE[0]}")/bh2019-common.sh"
mkdir -p "$out"
EPOCH_RATIO="${EPOCH_RATIO:-113}"
[[ "$EPOCH_RATIO" == 113 || "${SMOKE:-0}" == 1 ]] || { echo "EPOCH_RATIO other than 113 breaks the equal budget; only SMOKE=1 runs may set it" >&2; exit 2; }
step preprocess preprocess_all
for seed in $SEEDS; do
  pids=()
  for setting in fold113 random none; do
    name="$setting-seed$seed"
    [[ -e "$out/$name" ]] && { echo "$out/$name exists; skipped"; continue; }
    epochs=$FOLD113_EPOCHS; [[ "$setting" != fold113 ]] && epochs=$((EPOCH_RATIO * FOLD113_EPOCHS))
    if [[ "${PARALLEL:-0}" == 1 && "$setting" != fold113 ]]; then
      ( THREADS=1; step "train $name (1 thread, in parallel)" train_run "$name" "$setting" "$epochs" "$seed" \
          && step "predict-evaluate $name" predict_eval "$name" ) > "$out/$name.log" 2>&1 &
      pids+=($!)
    else
      step "train $name" train_run "$name" "$setting" "$epochs" "$seed"
      step "predict-evaluate $name" predict_eval "$name"
    fi
  done
  for pid in "${pids[@]}"; do wait "$pid" || { echo "a parallel run failed: see $out/*-seed$seed.log" >&2; exit 1; }; done
done
printf 'setting,seed,pixel_iou_micro,pixel_iou_mean,dice_micro,dice_mean,blank_with_foreground\n' > "$out/amplification.csv"
for seed in $SEEDS; do
  for setting in fold113 random none; do
    s="$out/$setting-seed$seed-eval/summary.json"
    [[ -f "$s" ]] || continue
    python3 - "$s" "$setting" "$seed" "$(cat "$out/$setting-seed$seed-eval/blank_with_foreground.txt")" >> "$out/amplification.csv" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]},{sys.argv[3]},{s['pixel']['iou']},{s['pixel_macro']['iou']},{s['pixel']['dice']},{s['pixel_macro']['dice']},{sys.argv[4]}")
PY
  done
done
cat "$out/amplification.csv"
if [[ "${RECORD:-0}" == 1 ]]; then
  dest="$repo/tests/quality/results/bh2019"
  mkdir -p "$dest"
  cp "$out/amplification.csv" "$dest/amplification.csv"
  cp "$out/times.txt" "$dest/amplification-times.txt"
  for d in "$out"/*-seed*; do [[ -f "$d/metrics.csv" ]] && mkdir -p "$dest/curves" && cp "$d/metrics.csv" "$dest/curves/$(basename "$d").csv"; done
  echo "recorded in $dest"
fi

#!/usr/bin/env bash
# The BH2019 reproduction of issue 18 (a benchmark run, not a CI test): the published baseline measured with our
# evaluation, then the study's recipe trained on train/, predicted on test/ and blank/, and scored the same way.
#
#   bash tests/quality/bh2019.sh [OUT]              (OUT defaults to bh2019-quality/, git-ignored)
#   SMOKE=1 bash tests/quality/bh2019.sh OUT        (a few minutes, tiny sizes: proves the pipeline, numbers meaningless)
#   RECORD=1 bash tests/quality/bh2019.sh           (also copies the results into tests/quality/results/bh2019/,
#                                                    which notebook 10 and the README read)
#
# Needs ../shared/data/bh2019 (or BH2019_ROOT) and a built CLI. Knobs (environment): SIZE (512), CROP (256),
# FILTERS (16), BATCH (4), FOLD113_EPOCHS (1 = 113 x the training images), SEEDS (first one used here), CLIP (2.0),
# TILES (8), GAMMA (1.2), LR (0.001), VAL (0.2), THREADS (2). The issue's budget is 60 minutes of CPU training on
# 2 cores: one fold113 epoch is the whole training (1,469 steps of batch 4 for the 52 training images), about
# 27 min with 16 filters; time a few steps first (e.g. --augment none --epochs 2) when you change FILTERS or CROP.
# Peak resident memory of each training is written to OUT/<run>/peak_rss_kb.txt (GNU time), wall times to OUT/times.txt.
set -euo pipefail
out="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/bh2019-quality}"
source "$(dirname "${BASH_SOURCE[0]}")/bh2019-common.sh"
seed="${SEEDS%% *}"
run="fold113-seed$seed"   # the recipe is the fold113 setting of the amplification comparison's first seed: one run serves both
mkdir -p "$out"

# 1. The published predictions (numbered 0001-0007 in the sorted order of test/images), paired by sorted order.
step published "$research" evaluate --pred "$data/published-test-predictions" --pred-pattern '*_Pred_Binary.png' --pair sorted \
  --truth-dataset "$manifest" --root "$data/test" --resize-pred nearest --binary four --strict --out "$out/published-eval" --quiet

# 2. The recipe: preprocessing, bh2019-unet with the 113 folds applied lazily, validation held out by source image.
step preprocess preprocess_all
if [[ -e "$out/$run" ]]; then
  echo "$out/$run exists (trained by this script or bh2019-amplification.sh): not trained again"
else
  step "train $run" train_run "$run" fold113 "$FOLD113_EPOCHS" "$seed"
fi
[[ -f "$out/$run-eval/summary.json" ]] || step "predict-evaluate $run" predict_eval "$run"
grep -A3 '"pixel_macro"' "$out/$run-eval/summary.json"

if [[ "${RECORD:-0}" == 1 ]]; then
  dest="$repo/tests/quality/results/bh2019"
  mkdir -p "$dest/published" "$dest/ours/pred-test"
  cp "$out/published-eval/summary.json" "$out/published-eval/per_image.csv" "$dest/published/"
  cp "$out/$run-eval/summary.json" "$out/$run-eval/per_image.csv" "$out/$run-eval/blank_with_foreground.txt" \
     "$out/$run/metrics.csv" "$out/$run/config.json" "$out/preprocessing.json" "$out/times.txt" "$dest/ours/"
  [[ -f "$out/$run/peak_rss_kb.txt" ]] && cp "$out/$run/peak_rss_kb.txt" "$dest/ours/"
  # the test predictions (label TIFFs at the preprocessed size, as predict writes them) for the notebook's overlays
  cp "$out/$run-pred-test"/*.tif "$dest/ours/pred-test/"
  echo "recorded in $dest"
fi

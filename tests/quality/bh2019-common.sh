# Shared by tests/quality/bh2019.sh and bh2019-amplification.sh (sourced, not run): paths, knobs and the BH2019
# preprocessing. Every knob can be set from the environment; SMOKE=1 shrinks everything to a few-minute check of the
# pipeline (its numbers are not results).
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${BH2019_ROOT:-$repo/../shared/data/bh2019}"
research="$repo/src/Research.Cli/bin/Release/net10.0/research"
manifest=bh2019-kidney-em-nucleus
[[ -d "$data/train" && -d "$data/test" && -d "$data/blank" ]] || { echo "BH2019 not found at $data (set BH2019_ROOT)" >&2; exit 2; }
[[ -x "$research" ]] || { echo "build the CLI first: dotnet build src/Research.Cli -c Release" >&2; exit 2; }

# The study's preprocessing (seed 004): resize to a square of SIZE px, normalisation, CLAHE, gamma. The study gives
# no CLAHE clip limit or gamma: ours are CLIP and GAMMA. CLAHE works on 8-bit values, so the min-max normalisation
# to [0, 1] is applied after it, by training and again by prediction (--normalize minmax, recorded in the run's
# config.json); min-max scaling before CLAHE would only stretch each image's range.
if [[ "${SMOKE:-0}" == 1 ]]; then
  SIZE="${SIZE:-128}" CROP="${CROP:-64}" FILTERS="${FILTERS:-8}" BATCH="${BATCH:-4}" TRAIN_IMAGES="${TRAIN_IMAGES:-8}"
  FOLD113_EPOCHS="${FOLD113_EPOCHS:-1}" SEEDS="${SEEDS:-42}"
else
  SIZE="${SIZE:-512}" CROP="${CROP:-256}" FILTERS="${FILTERS:-16}" BATCH="${BATCH:-4}" TRAIN_IMAGES="${TRAIN_IMAGES:-all}"
  FOLD113_EPOCHS="${FOLD113_EPOCHS:-1}" SEEDS="${SEEDS:-42 43 44}"
fi
# FILTERS: the study used 128 base filters; on 2 CPU cores one step of batch 4 x 256 px takes about 4.5 s with 32
# filters (one fold113 epoch of 52 training images = 1,469 steps, about 110 min) and about 1.1 s with 16 (about
# 27 min), so 16 keeps the recipe inside the issue's 60-minute budget.
# The study used step learning-rate schedules. One fold113 epoch never reaches a step, and the amplification
# comparison needs a rate that does not depend on the epoch length (random and none have 113 times as many epochs),
# so the rate is constant (LR) for every run; the recipe run is the comparison's fold113 run of the first seed.
SCHEDULE="${SCHEDULE:-constant}"
CLIP="${CLIP:-2.0}" TILES="${TILES:-8}" GAMMA="${GAMMA:-1.2}" LR="${LR:-0.001}" VAL="${VAL:-0.2}" THREADS="${THREADS:-2}"

step() { local name="$1"; shift; local t0=$SECONDS; "$@"; echo "$name: $((SECONDS - t0)) s" | tee -a "$out/times.txt"; }

# preprocess_split SPLIT: OUT/pre/SPLIT/images (and masks/ when the split has them), OUT/pre/SPLIT/pipeline.json.
preprocess_split() {
  local split="$1" src="$data/$1" dst="$out/pre/$1" input="$data/$1/images"
  if [[ "$split" == train && "$TRAIN_IMAGES" != all ]]; then
    # Smoke runs: the first TRAIN_IMAGES images (sorted) with their masks.
    input="$out/pre/subset/images"; mkdir -p "$input" "$out/pre/subset/masks"
    for f in $(ls "$src/images" | sort | head -n "$TRAIN_IMAGES"); do
      ln -sf "$src/images/$f" "$input/$f"; ln -sf "$src/masks/$f" "$out/pre/subset/masks/$f"
    done
    src="$out/pre/subset"
  fi
  local masks=(); [[ -d "$src/masks" ]] && masks=(--masks "$src/masks")
  "$research" preprocess --input "$input" --out "$dst.tmp" --resize "$SIZE" --interpolation area \
    --clahe "$CLIP" --tiles "$TILES" --gamma "$GAMMA" "${masks[@]}" --quiet
  mkdir -p "$dst.tmp/images"; find "$dst.tmp" -maxdepth 1 -name '*.png' -exec mv {} "$dst.tmp/images/" \;
  mv "$dst.tmp" "$dst"
}

preprocess_all() {
  mkdir -p "$out/pre"   # preprocess refuses an --out whose parent is missing
  [[ -d "$out/pre/train" ]] || preprocess_split train
  [[ -d "$out/pre/test" ]] || preprocess_split test
  [[ -d "$out/pre/blank" ]] || preprocess_split blank
  cp "$out/pre/train/pipeline.json" "$out/preprocessing.json"
}

# train_run NAME AUGMENT EPOCHS SEED: a bh2019-unet run in OUT/NAME; the preprocessing steps are copied into it.
train_run() {
  local name="$1" augment="$2" epochs="$3" seed="$4"
  local timer=(); [[ -x /usr/bin/time ]] && timer=(/usr/bin/time -f "%M" -o "$out/$name.peak_rss_kb")
  nice "${timer[@]}" "$research" train --dataset "$manifest" --root "$out/pre/train" --out "$out/$name" --model bh2019-unet \
    --base-filters "$FILTERS" --loss bce-dice --optimizer adam --lr "$LR" --schedule "$SCHEDULE" --epochs "$epochs" \
    --batch "$BATCH" --size "$CROP" --augment "$augment" --normalize minmax --val-fraction "$VAL" --threads "$THREADS" \
    --seed "$seed" --quiet
  cp "$out/preprocessing.json" "$out/$name/preprocessing.json"
  [[ -f "$out/$name.peak_rss_kb" ]] && mv "$out/$name.peak_rss_kb" "$out/$name/peak_rss_kb.txt"
  return 0
}

# resume_run NAME EPOCHS: continues OUT/NAME (its config.json: same options, seed and threads) to EPOCHS epochs.
resume_run() {
  local name="$1" epochs="$2"
  local timer=(); [[ -x /usr/bin/time ]] && timer=(/usr/bin/time -f "%M" -o "$out/$name.peak_rss_kb")
  nice "${timer[@]}" "$research" train --resume --out "$out/$name" --epochs "$epochs" --quiet
  [[ -f "$out/$name.peak_rss_kb" ]] && mv "$out/$name.peak_rss_kb" "$out/$name/peak_rss_kb.txt"
  return 0
}

# predict_eval NAME: predicts the preprocessed test and blank images with OUT/NAME, scores the test predictions
# against the original masks (predictions resized back to each truth's size by nearest neighbour) and counts the
# blank images with any predicted foreground (submission.csv rows with pixels).
predict_eval() {
  local name="$1"
  nice "$research" predict --run "$out/$name" --input "$out/pre/test/images" --out "$out/$name-pred-test" --quiet
  nice "$research" predict --run "$out/$name" --input "$out/pre/blank/images" --out "$out/$name-pred-blank" --quiet
  "$research" evaluate --pred "$out/$name-pred-test" --truth-dataset "$manifest" --root "$data/test" \
    --resize-pred nearest --binary four --strict --out "$out/$name-eval" --quiet
  local blank; blank=$(awk -F, 'NR > 1 && $2 != "" { print $1 }' "$out/$name-pred-blank/submission.csv" | sort -u | wc -l)
  echo "$blank" > "$out/$name-eval/blank_with_foreground.txt"
  echo "$name: blank images with predicted foreground: $blank of $(ls "$out/pre/blank/images" | wc -l)"
}

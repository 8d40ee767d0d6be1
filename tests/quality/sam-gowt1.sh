#!/usr/bin/env bash
# Issue 17's GOWT1 run (a quality run, not a CI test): fine-tune a Segment Anything mask decoder on Fluo-N2DH-GOWT1
# sequence 01 (gold segmentation, 30 annotated frames, 6 held out for validation), then measure CTC SEG and DET on
# sequence 02 (20 annotated frames) with box prompts from the truth, for the base checkpoint and the fine-tuned decoder.
#
#   bash tests/quality/sam-gowt1.sh [OUT] [WEIGHTS VARIANT]
#
# OUT defaults to sam-gowt1/ (git-ignored). Without WEIGHTS it makes random MobileSAM (vit-t) weights with
# 'research sam init': the pipeline runs, but the scores mean nothing. With a published checkpoint (e.g.
# 'research models fetch sam-vit-b --out weights/' then WEIGHTS=weights/sam_vit_b_01ec64.pth VARIANT=vit-b) they are
# the numbers a user gets. Needs ../shared/data/ctc (or CTC_ROOT=/path/to/ctc) and a built CLI
# (dotnet build src/Research.Cli -c Release). 2 libtorch threads.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${CTC_ROOT:-$repo/../shared/data/ctc}"
out="${1:-$repo/sam-gowt1}"
weights="${2:-}"
variant="${3:-vit-t}"
research="$repo/src/Research.Cli/bin/Release/net10.0/research"
[[ -d "$data/Fluo-N2DH-GOWT1/01_GT/SEG" ]] || { echo "GOWT1 not found at $data/Fluo-N2DH-GOWT1 (set CTC_ROOT)" >&2; exit 2; }
[[ -x "$research" ]] || { echo "build the CLI first: dotnet build src/Research.Cli -c Release" >&2; exit 2; }
[[ ! -e "$out/run" ]] || { echo "$out/run exists; choose another OUT or remove it" >&2; exit 2; }
mkdir -p "$out"
if [[ -z "$weights" ]]; then
  weights="$out/vit_t_random.pth"; variant=vit-t
  "$research" sam init --variant vit-t --seed 0 --out "$weights" --force
fi

step() { local name="$1"; shift; local t0=$SECONDS; "$@"; echo "$name: $((SECONDS - t0)) s" | tee -a "$out/times.txt"; }

# The recipe: decoder only (encoders frozen), AdamW 1e-4 (weight decay 0.01), 5 epochs, 2 frames per step, up to 16
# box prompts per frame with SAM's jitter (10 % of the side, at most 20 px), Dice + BCE + IoU MSE, 20 % of the frames
# of sequence 01 held out for validation, seed 42.
step finetune "$research" sam finetune --weights "$weights" --variant "$variant" --dataset ctc-fluo-n2dh-gowt1 --root "$data" \
  --include '01/*' --out "$out/run" --epochs 5 --threads 2 --seed 42 --quiet
step evaluate-base "$research" sam evaluate --weights "$weights" --variant "$variant" --dataset ctc-fluo-n2dh-gowt1 --root "$data" \
  --include '02/*' --cache "$out/run/embeddings" --out "$out/eval-base" --quiet
step evaluate-tuned "$research" sam evaluate --run "$out/run" --dataset ctc-fluo-n2dh-gowt1 --root "$data" \
  --include '02/*' --out "$out/eval-tuned" --quiet
cat "$out/run/metrics.csv"
grep -A 3 '"ctc"' "$out/eval-base/summary.json" "$out/eval-tuned/summary.json"

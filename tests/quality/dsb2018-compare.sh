#!/usr/bin/env bash
# Puts the Mask R-CNN run (tests/quality/dsb2018-maskrcnn.sh) beside the U-Net recipe (tests/quality/dsb2018.sh) on
# DSB2018 stage1_test: copies both evaluations' per_image.csv and summary.json and both submissions, and the image
# groups of the datasheet (fluorescence / brightfield / histology) into tests/quality/results/dsb2018-compare, which
# notebook 07-instance-models and README read.
#
#   bash tests/quality/dsb2018-compare.sh MASKRCNN_OUT [UNET_OUT]   (without UNET_OUT only the Mask R-CNN files)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${DSB2018_ROOT:-$repo/../shared/data/dsb2018}"
maskrcnn="${1:?give the output folder of dsb2018-maskrcnn.sh}"
unet="${2:-}"
research="$repo/src/Research.Cli/bin/Release/net10.0/research"
results="$repo/tests/quality/results/dsb2018-compare"
mkdir -p "$results"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$research" datasheet dsb2018 --root "$data" --split stage1_test --out "$tmp/datasheet" --quiet
python3 - "$tmp/datasheet/per_image.csv" "$results/groups.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["id", "group", "width", "height"])
    for r in sorted(rows, key=lambda r: r["id"]): w.writerow([r["id"], r["group"], r["width"], r["height"]])
PY
for m in maskrcnn unet; do
  dir="$maskrcnn"; [[ $m == unet ]] && dir="$unet"
  [[ -n "$dir" ]] || continue
  cp "$dir/eval/per_image.csv" "$results/${m}_per_image.csv"
  cp "$dir/eval/summary.json" "$results/${m}_summary.json"
  cp "$dir/pred/submission.csv" "$results/${m}_submission.csv"
  [[ -f "$dir/times.txt" ]] && cp "$dir/times.txt" "$results/${m}_times.txt"
  [[ -f "$dir/run/metrics.csv" ]] && cp "$dir/run/metrics.csv" "$results/${m}_metrics.csv"
  [[ -f "$dir/run/postprocessing.json" ]] && cp "$dir/run/postprocessing.json" "$results/${m}_postprocessing.json"
done
echo "wrote $results"

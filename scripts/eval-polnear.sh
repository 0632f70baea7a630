#!/usr/bin/env bash
# Measure quote and speaker accuracy on PolNeAR-train (real news nobody here wrote), with the
# shared scorer. Needs ../shared beside the repository; the articles are read there, never copied.
# Usage: scripts/eval-polnear.sh [N]   (N: only the first N articles)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
if [ ! -d "$shared/data/polnear-train" ] || [ ! -f "$shared/eval/score.py" ]; then
  echo "eval-polnear: $shared/data/polnear-train and $shared/eval/score.py are needed" >&2
  exit 1
fi
cargo build --release --quiet --bin relations
RELATIONS_BIN="$PWD/target/release/relations" python3 "$shared/eval/score.py" polnear-dir "$shared/data/polnear-train" ${1:+"$1"} 2>"${EVAL_LOG:-/dev/null}"

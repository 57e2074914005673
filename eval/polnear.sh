#!/usr/bin/env bash
# Attribution detection on PolNeAR (840 articles with gold cue, source and content spans), scored by
# overlap. Needs the corpus beside the repository (../shared/corpus/polnear-train); without it, says so
# and exits 0. Extra arguments go to eval/polnear.py (e.g. --errors /tmp/errors.tsv).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
corpus=$repo/../shared/corpus/polnear-train
require "$corpus/gold.jsonl" "the PolNeAR corpus"
out=$(mktemp --suffix=.json)
trap 'rm -f "$out"' EXIT
build
doclint inspect "$corpus/articles" --format json > "$out"
python3 "$repo/eval/polnear.py" "$out" "$corpus/gold.jsonl" "$@"

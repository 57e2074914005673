#!/usr/bin/env bash
# Attribution detection on PolNeAR (840 articles with gold cue, source and content spans), scored by
# overlap. Needs the corpus beside the repository (../shared/corpus/polnear-train); without it, says so
# and exits 0. Extra arguments go to eval/polnear.py (e.g. --errors /tmp/errors.tsv).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus/polnear-train
if [ ! -f "$corpus/gold.jsonl" ]; then
  echo "skipped: $corpus not found (the PolNeAR corpus is kept beside the repository, not in it)"
  exit 0
fi
out=$(mktemp --suffix=.json)
trap 'rm -f "$out"' EXIT
dotnet build src/DocLint.Cli -c Release -v q -nologo >/dev/null
dotnet src/DocLint.Cli/bin/Release/net10.0/doclint.dll inspect "$corpus/articles" --format json > "$out"
python3 eval/polnear.py "$out" "$corpus/gold.jsonl" "$@"

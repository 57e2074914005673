#!/usr/bin/env bash
# Hand-judged precision and recall on news-dev (2,000 real articles beside the repository, in
# ../shared/corpus/news-dev): lints them with every default rule, then runs eval/newsdev.py with the
# arguments given (precision, recall, counts, or sample RULE N SEED). Without the corpus, says so and exits 0.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
corpus=$repo/../shared/corpus/news-dev
require "$corpus/articles" "the news-dev corpus"
out=$(mktemp --suffix=.json)
trap 'rm -f "$out"' EXIT
build
# Exit code 1 only says there were findings; 2 and 3 (configuration or internal errors) stop the script.
status=0
doclint check "$corpus/articles" --format json --output "$out" 2>/dev/null || status=$?
[ "$status" -le 1 ] || { echo "$(basename "$0"): doclint failed with exit code $status" >&2; exit "$status"; }
python3 "$repo/eval/newsdev.py" "$out" "${@:-precision}"

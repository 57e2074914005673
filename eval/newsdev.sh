#!/usr/bin/env bash
# Hand-judged precision and recall on news-dev (2,000 real articles beside the repository, in
# ../shared/corpus/news-dev): lints them with every default rule, then runs eval/newsdev.py with the
# arguments given (precision, recall, counts, or sample RULE N SEED). Without the corpus, says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus/news-dev
if [ ! -d "$corpus/articles" ]; then
  echo "skipped: $corpus not found (the news-dev corpus is kept beside the repository, not in it)"
  exit 0
fi
out=$(mktemp --suffix=.json)
trap 'rm -f "$out"' EXIT
dotnet build src/DocLint.Cli -c Release -v q -nologo >/dev/null
dotnet src/DocLint.Cli/bin/Release/net10.0/doclint.dll check "$corpus/articles" --format json --output "$out" 2>/dev/null || true
python3 eval/newsdev.py "$out" "${@:-precision}"

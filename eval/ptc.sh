#!/usr/bin/env bash
# Measures the default rule packs on the PTC corpus (SemEval-2020 Task 11 training articles with expert
# span annotations). The corpus is research data kept beside the repository, not in it; without it this
# command says so and exits 0. It is not part of the test suite.
#
# Usage: eval/ptc.sh [--terms]      --terms also prints precision per matched term of the tone pack
# Env:   PTC_CORPUS (default ../shared/corpus/ptc-train), SCORER (default ../shared/tools/span_score.py)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
corpus=${PTC_CORPUS:-$repo/../shared/corpus/ptc-train}
scorer=${SCORER:-$repo/../shared/tools/span_score.py}
if [ ! -d "$corpus/articles" ] || [ ! -f "$scorer" ]; then
  echo "eval/ptc.sh: skipped: the PTC corpus ($corpus) or the scorer ($scorer) is not here"
  exit 0
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build "$repo/src/DocLint.Cli" -c Release -v quiet -nologo >/dev/null
(cd "$corpus" && dotnet "$repo/src/DocLint.Cli/bin/Release/net10.0/doclint.dll" check articles --format sarif --output "$out/ptc.sarif")

tone='Loaded_Language|Name_Calling,Labeling'
maps=(--map "DL3*=$tone")
for rule in $(dotnet "$repo/src/DocLint.Cli/bin/Release/net10.0/doclint.dll" rules list | awk '$1 ~ /^DL3/ {print $1}'); do
  maps+=(--map "$rule=$tone")
done
# Indicative only: PTC has no labels for sourcing, attribution or rights.
maps+=(--map "DL1*=Appeal_to_Authority" --map "DL2*=Doubt|Exaggeration,Minimisation")

echo "== PTC train ($(ls "$corpus/articles" | wc -l) articles): DL3xxx against Loaded_Language ∪ Name_Calling,Labeling"
python3 "$scorer" --sarif "$out/ptc.sarif" --gold "$corpus/gold.jsonl" --docs "$corpus/articles" "${maps[@]}" --json "$out/scores.json"

if [ "${1:-}" = "--terms" ]; then
  python3 "$repo/eval/terms.py" "$out/ptc.sarif" "$corpus/gold.jsonl" "$tone"
fi

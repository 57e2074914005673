#!/usr/bin/env bash
# Measures the default rule packs on the PTC corpus (SemEval-2020 Task 11 training articles with expert
# span annotations). The corpus is research data kept beside the repository, not in it; without it this
# command says so and exits 0. It is not part of the test suite.
#
# Usage: eval/ptc.sh [--terms]      --terms also prints precision per matched term of the tone pack
# Env:   PTC_CORPUS (default ../shared/corpus/ptc-train), SCORER (default ../shared/tools/span_score.py)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
corpus=${PTC_CORPUS:-$repo/../shared/corpus/ptc-train}
scorer=${SCORER:-$repo/../shared/tools/span_score.py}
if [ ! -d "$corpus/articles" ] || [ ! -f "$scorer" ]; then
  echo "eval/ptc.sh: skipped: the PTC corpus ($corpus) or the scorer ($scorer) is not here"
  exit 0
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build
(cd "$corpus" && doclint check articles --format sarif --output "$out/ptc.sarif")

tone='Loaded_Language|Name_Calling,Labeling'
maps=(--map "DL3*=$tone")
for rule in $(doclint rules list | awk '$1 ~ /^DL3/ {print $1}'); do
  maps+=(--map "$rule=$tone")
done
# Indicative only: PTC has no labels for sourcing, attribution or rights.
maps+=(--map "DL1*=Appeal_to_Authority" --map "DL2*=Doubt|Exaggeration,Minimisation")

echo "== PTC train ($(ls "$corpus/articles" | wc -l) articles): DL3xxx against Loaded_Language ∪ Name_Calling,Labeling"
python3 "$scorer" --sarif "$out/ptc.sarif" --gold "$corpus/gold.jsonl" --docs "$corpus/articles" "${maps[@]}" --json "$out/scores.json"

if [ "${1:-}" = "--terms" ]; then
  python3 "$repo/eval/terms.py" "$out/ptc.sarif" "$corpus/gold.jsonl" "$tone"
fi

# The tone pack's last additions were kept where they were precise on the even-numbered half of the
# articles (sorted by name); the odd-numbered half is the check that the choice generalises.
echo "== DL3xxx per half of the corpus (even: where the last additions were chosen; odd: held out)"
for half in even odd; do
  mkdir -p "$out/$half"
  python3 - "$corpus" "$out" "$half" <<'PY'
import json, os, sys
corpus, out, half = sys.argv[1:4]
names = sorted(os.listdir(os.path.join(corpus, "articles")))
keep = set(names[0::2] if half == "even" else names[1::2])
for name in keep:
    os.symlink(os.path.join(corpus, "articles", name), os.path.join(out, half, name))
with open(os.path.join(corpus, "gold.jsonl"), encoding="utf-8") as src, open(os.path.join(out, f"gold-{half}.jsonl"), "w", encoding="utf-8") as dst:
    dst.writelines(line for line in src if json.loads(line)["doc"] in keep)
PY
  python3 "$scorer" --sarif "$out/ptc.sarif" --gold "$out/gold-$half.jsonl" --docs "$out/$half" --map "DL3*=$tone" \
    | awk -v h="$half" '$1 == "DL3*" { printf "%-8s pred %5s  gold %5s  P %s  R %s  F1 %s\n", h, $2, $3, $4, $5, $6; exit }'
done

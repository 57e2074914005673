#!/usr/bin/env bash
# Corpus benchmark: DocLint against ripgrep on the same folder of real news, in alternating rounds.
#
# Builds a folder of SIZE MB by replicating the news-dev articles (kept beside the repository in
# ../shared/corpus; never copied into it) under a temporary folder, then, round after round, times
#   doclint check DIR --format sarif --output FILE    (all default rules, process start included)
#   rg -c -i -w -F -f TERMS DIR                       (TERMS: DL3001's loaded terms, word-bounded fixed strings)
# one right after the other, and prints each round's times, MB/s, DocLint's peak memory and the ratio,
# then the medians. Only ratios within one batch mean much on a shared machine: the load average is
# printed before and after.
#
# Usage: bench/corpus.sh [SIZE_MB...]            default: 50
# Environment:
#   ROUNDS=5              rounds per size
#   BUILD=native|jit      which DocLint to run (default native: a Native AOT publish into $BENCH_DIR/aot)
#   DOCLINT="cmd args"    run this DocLint instead of building one
#   SHAPE=folder|file     folder: one file per article (default); file: the same bytes as one file, the
#                         articles separated by blank lines
#   CORPUS=DIR            the articles to replicate (default ../shared/corpus/news-dev/articles)
#   BENCH_DIR=/tmp/doclint-bench
# Without the corpus it says so and exits 0. Needs rg (Debian: ripgrep).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
articles=${CORPUS:-$repo/../shared/corpus/news-dev/articles}
if [ ! -d "$articles" ]; then echo "bench/corpus.sh: skipped: $articles not found"; exit 0; fi
command -v rg >/dev/null || { echo "bench/corpus.sh: needs ripgrep (apt-get install ripgrep)"; exit 2; }
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(50)
rounds=${ROUNDS:-5}
shape=${SHAPE:-folder}
work=${BENCH_DIR:-/tmp/doclint-bench}
mkdir -p "$work"

if [ -n "${DOCLINT:-}" ]; then
  read -r -a doclint <<< "$DOCLINT"
elif [ "${BUILD:-native}" = jit ]; then
  dotnet build "$repo/src/DocLint.Cli" -c Release -v quiet -nologo >/dev/null
  doclint=(dotnet "$repo/src/DocLint.Cli/bin/Release/net10.0/doclint.dll")
else
  dotnet publish "$repo/src/DocLint.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -v quiet -nologo >/dev/null
  doclint=("$work/aot/doclint")
fi

# DL3001's loaded terms, one per line (rg -w -F makes them word-bounded fixed strings).
terms="$work/loaded-terms.txt"
python3 - "$repo/rules/tone/DL3001.loaded-term.yaml" > "$terms" <<'PY'
import re, sys, pathlib
terms = set(); section = None
for line in pathlib.Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
    m = re.match(r"^([A-Za-z]+):", line)
    if m: section = m.group(1); continue
    if section == "swap":
        m = re.match(r"^  ([^#\s][^:]*):", line)
        if m: terms.add(m.group(1).strip().strip("'\"").lower())
for t in sorted(terms):
    print(t)
PY

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "doclint: ${doclint[*]}"
echo "terms: $(wc -l < "$terms") ($terms); rounds: $rounds; shape: $shape; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for mb in "${sizes[@]}"; do
  dir="$work/news-${mb}mb"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir.tmp"
    python3 - "$articles" "$dir.tmp" "$mb" <<'PY'
import sys, pathlib
src, dst, mb = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
files = sorted(src.glob("*.txt")); target = mb * 1_000_000; total = 0; i = 0
while total < target:
    f = files[i % len(files)]; data = f.read_bytes()
    sub = dst / f"{i // 1000:04d}"; sub.mkdir(exist_ok=True)
    (sub / f"{i:07d}-{f.name}").write_bytes(data); total += len(data); i += 1
PY
    mv "$dir.tmp" "$dir"
  fi
  target=$dir
  if [ "$shape" = file ]; then
    target="$work/news-${mb}mb.txt"
    if [ ! -f "$target" ]; then
      find "$dir" -type f -name '*.txt' | sort | while read -r f; do cat "$f"; printf '\n\n'; done > "$target.tmp"
      mv "$target.tmp" "$target"
    fi
  fi
  bytes=$(du -sb "$target" | cut -f1)
  files=$(find "$target" -type f | wc -l)
  echo
  echo "== ${mb} MB: $target ($bytes bytes, $files files)"
  printf '%-6s %10s %10s %12s %10s %10s %8s\n' round doclint_s rg_s doclint_MBs rg_MBs peak_MB ratio
  : > "$work/d.times"; : > "$work/r.times"; : > "$work/ratios"; : > "$work/mem"
  for round in $(seq 1 "$rounds"); do
    /usr/bin/time -f '%e %M' -o "$work/time.out" "${doclint[@]}" check "$target" --format sarif --output "$work/out.sarif" >/dev/null 2>&1 || true
    read -r d mem < "$work/time.out"
    start=$(date +%s.%N); rg -c -i -w -F -f "$terms" "$target" > /dev/null || true; end=$(date +%s.%N)
    r=$(echo "$end - $start" | bc -l)
    ratio=$(echo "$d / $r" | bc -l)
    echo "$d" >> "$work/d.times"; echo "$r" >> "$work/r.times"; echo "$ratio" >> "$work/ratios"; echo "$mem" >> "$work/mem"
    printf '%-6s %10.2f %10.3f %12.1f %10.1f %10.0f %8.2f\n' "$round" "$d" "$r" \
      "$(echo "$bytes / 1000000 / $d" | bc -l)" "$(echo "$bytes / 1000000 / $r" | bc -l)" "$(echo "$mem / 1024" | bc -l)" "$ratio"
  done
  [ "$rounds" -gt 0 ] || continue
  d=$(median < "$work/d.times"); r=$(median < "$work/r.times")
  printf '%-6s %10.2f %10.3f %12.1f %10.1f %10.0f %8.2f\n' median "$d" "$r" \
    "$(echo "$bytes / 1000000 / $d" | bc -l)" "$(echo "$bytes / 1000000 / $r" | bc -l)" \
    "$(median < "$work/mem" | awk '{ print $1 / 1024 }')" "$(median < "$work/ratios")"
  findings=$(grep -c '"ruleId"' "$work/out.sarif" || true)
  echo "findings in the last SARIF: $findings"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

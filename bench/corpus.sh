#!/usr/bin/env bash
# Corpus benchmark: DocLint against ripgrep on 1, 10 and 100 MB of real news.
#
# Builds corpora by replicating the PTC articles (kept beside the repository, ../shared/corpus; they are
# never copied into it) into many files under a temporary folder, then times, per size:
#   doclint  check DIR --format sarif --output FILE   (Release build, all default rules, process start included)
#   rg -c -i -w -F -f TERMS DIR                       (TERMS: the tone pack's literal terms; -w: word-bounded)
# and prints MB/s and the ratio. Without the corpus it says so and exits 0. Needs rg (Debian: ripgrep).
#
# Usage: bench/corpus.sh [SIZES_MB...]     default: 1 10 100
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
articles=${PTC_CORPUS:-$repo/../shared/corpus/ptc-train}/articles
if [ ! -d "$articles" ]; then echo "bench/corpus.sh: skipped: $articles not found"; exit 0; fi
command -v rg >/dev/null || { echo "bench/corpus.sh: needs ripgrep (apt-get install ripgrep)"; exit 2; }
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100)

work=${BENCH_DIR:-/tmp/doclint-bench}
mkdir -p "$work"
dotnet build "$repo/src/DocLint.Cli" -c Release -v quiet -nologo >/dev/null
doclint=(dotnet "$repo/src/DocLint.Cli/bin/Release/net10.0/doclint.dll")

# The tone pack's literal terms, one per line (rg -w -F makes them word-bounded fixed strings).
terms="$work/terms.txt"
python3 - "$repo/rules/tone" > "$terms" <<'PY'
import re, sys, pathlib
terms = set()
for f in pathlib.Path(sys.argv[1]).glob("*.yaml"):
    section = None
    for line in f.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z]+):", line)
        if m: section = m.group(1); continue
        if section == "swap":
            m = re.match(r"^  ([^#\s][^:]*):", line)
            if m: terms.add(m.group(1).strip().strip("'\""))
        elif section in ("terms", "if"):
            m = re.match(r"^  - (.+)$", line)
            if m and not m.group(1).startswith(("'", '"')): terms.add(m.group(1).strip())
for t in sorted(terms):
    print(t)
PY

printf '%-8s %8s %12s %12s %10s %10s %8s\n' size files doclint_s rg_s doclint_MBs rg_MBs ratio
for mb in "${sizes[@]}"; do
  dir="$work/corpus-${mb}mb"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    python3 - "$articles" "$dir" "$mb" <<'PY'
import os, sys, pathlib
src, dst, mb = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
files = sorted(src.glob("*.txt")); target = mb * 1024 * 1024; total = 0; i = 0
while total < target:
    f = files[i % len(files)]; data = f.read_bytes()
    sub = dst / f"{i // 1000:04d}"; sub.mkdir(exist_ok=True)
    (sub / f"{i:07d}-{f.name}").write_bytes(data); total += len(data); i += 1
PY
  fi
  bytes=$(du -sb "$dir" | cut -f1)
  files=$(find "$dir" -type f | wc -l)
  start=$(date +%s.%N); "${doclint[@]}" check "$dir" --format sarif --output "$work/out.sarif" 2>/dev/null || true; end=$(date +%s.%N)
  d=$(echo "$end - $start" | bc -l)
  start=$(date +%s.%N); rg -c -i -w -F -f "$terms" "$dir" > /dev/null || true; end=$(date +%s.%N)
  r=$(echo "$end - $start" | bc -l)
  printf '%-8s %8d %12.2f %12.2f %10.1f %10.1f %8.1f\n' "${mb}MB" "$files" "$d" "$r" \
    "$(echo "$bytes / 1048576 / $d" | bc -l)" "$(echo "$bytes / 1048576 / $r" | bc -l)" "$(echo "$d / $r" | bc -l)"
done

#!/usr/bin/env bash
# One large file against the same bytes as a folder of articles, with ripgrep in the same batch.
#
# Builds, under a temporary folder (never in the repository), a folder of SIZE MB of real articles
# (replicated from the news-dev corpus beside the repository, ../shared/corpus; PTC articles when
# ARTICLES names them) and one file of the same articles, each followed by a blank line. Then, in
# alternating rounds, times:
#   doclint check FILE   --format sarif --output OUT   (all default rules; read in parts, parts in parallel)
#   doclint check FOLDER --format sarif --output OUT   (the same bytes, files in parallel)
#   rg -c -i -w -F -f TERMS FOLDER                      (the tone pack's literal terms, as bench/corpus.sh)
# and prints each round's wall times, peak memory (GNU time's maximum resident set size), the file/folder
# ratio and DocLint's time over ripgrep's, with the machine's load before the batch.
#
# Usage: bench/largefile.sh [SIZE_MB] [ROUNDS] [DOCLINT_COMMAND...]
#   default: 200 MB, 3 rounds, the Release JIT build. For the native build:
#   bench/largefile.sh 200 3 /path/to/native/doclint
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
articles=${ARTICLES:-$repo/../shared/corpus/news-dev/articles}
if [ ! -d "$articles" ]; then echo "bench/largefile.sh: skipped: $articles not found"; exit 0; fi
command -v rg >/dev/null || { echo "bench/largefile.sh: needs ripgrep (apt-get install ripgrep)"; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/largefile.sh: needs GNU time (apt-get install time)"; exit 2; }
mb=${1:-200}
rounds=${2:-3}
shift $(( $# < 2 ? $# : 2 ))
if [ "$#" -gt 0 ]; then doclint=("$@"); else
  dotnet build "$repo/src/DocLint.Cli" -c Release -v quiet -nologo >/dev/null
  doclint=(dotnet "$repo/src/DocLint.Cli/bin/Release/net10.0/doclint.dll")
fi

work=${BENCH_DIR:-/tmp/doclint-largefile}
folder="$work/folder-${mb}mb"
file="$work/file-${mb}mb.txt"
mkdir -p "$work"
if [ ! -f "$file" ] || [ ! -d "$folder" ]; then
  rm -rf "$folder" "$file"
  python3 - "$articles" "$folder" "$file" "$mb" <<'PY'
import pathlib, sys
src, folder, file, mb = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]), int(sys.argv[4])
texts = [f.read_bytes().rstrip(b"\n") + b"\n\n" for f in sorted(src.glob("*.txt"))]
folder.mkdir(parents=True)
total, i = 0, 0
with file.open("wb") as big:
    while total < mb * 1024 * 1024:
        data = texts[i % len(texts)]
        sub = folder / f"{i // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:07d}.txt").write_bytes(data)
        big.write(data)
        total += len(data)
        i += 1
PY
fi

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

bytes=$(stat -c %s "$file")
files=$(find "$folder" -type f | wc -l)
echo "largefile: $(( bytes / 1048576 )) MB, one file vs $files files; load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

# Wall seconds and peak MB of one command, as "SECONDS PEAK_MB".
measure() {
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/time.out" "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  printf '%.2f %d' "$(echo "$end - $start" | bc -l)" "$(( $(tail -1 "$work/time.out") / 1024 ))"
}

printf '%-6s %9s %8s %10s %8s %7s %7s %11s\n' round file_s file_MB folder_s fold_MB rg_s ratio file/rg
for r in $(seq 1 "$rounds"); do
  # Alternate which goes first, so that neither always runs on a cooler or warmer machine.
  if [ $(( r % 2 )) -eq 1 ]; then
    read -r fs fm <<<"$(measure "${doclint[@]}" check "$file" --format sarif --output "$work/file.sarif")"
    read -r ds dm <<<"$(measure "${doclint[@]}" check "$folder" --format sarif --output "$work/folder.sarif")"
    read -r gs _ <<<"$(measure rg -c -i -w -F -f "$terms" "$folder")"
  else
    read -r gs _ <<<"$(measure rg -c -i -w -F -f "$terms" "$folder")"
    read -r ds dm <<<"$(measure "${doclint[@]}" check "$folder" --format sarif --output "$work/folder.sarif")"
    read -r fs fm <<<"$(measure "${doclint[@]}" check "$file" --format sarif --output "$work/file.sarif")"
  fi
  printf '%-6s %9.2f %8d %10.2f %8d %7.2f %7.2f %11.1f\n' "$r" "$fs" "$fm" "$ds" "$dm" "$gs" \
    "$(echo "$fs / $ds" | bc -l)" "$(echo "$fs / $gs" | bc -l)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); file MB/s in the last round: $(echo "$bytes / 1048576 / $fs" | bc -l | cut -c1-6)"

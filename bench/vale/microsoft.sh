#!/usr/bin/env bash
# The Microsoft Vale style (40 rules) over about 10 MB of Markdown, against ripgrep, alternating.
# The Markdown is this repository's docs/*.md and the style package's README, copied until 10 MB.
# Usage: bench/vale/microsoft.sh PATH-TO-DOCLINT [RUNS]
set -euo pipefail
doclint=${1:?path to the doclint binary}
runs=${2:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/bench/vale/microsoft-folder.sh"
i=0
while [ "$(du -sb "$work/docs" | cut -f1)" -lt 10485760 ]; do
  for f in "$root"/docs/*.md "$root"/tests/DocLint.Vale.Tests/Packages/*/README.md; do cp "$f" "$work/docs/$i-$(basename "$f")"; done
  i=$((i + 1))
done
bytes=$(du -sb "$work/docs" | cut -f1)
echo "bytes: $bytes in $(ls "$work/docs" | wc -l) files; load: $(cat /proc/loadavg)"
cd "$work"
for run in $(seq "$runs"); do
  s=$(date +%s.%N); rg -c -i '\b(?:utilize|leverage|e-mail)\b' docs > /dev/null || true; e=$(date +%s.%N)
  rg=$(echo "$e - $s" | bc)
  s=$(date +%s.%N); "$doclint" check --format line . > /dev/null 2>&1 || true; e=$(date +%s.%N)
  dl=$(echo "$e - $s" | bc)
  echo "run $run: ripgrep ${rg}s, doclint ${dl}s ($(echo "scale=2; $bytes / 1048576 / $dl" | bc) MB/s), ratio $(echo "scale=1; $dl / $rg" | bc)x; load: $(cat /proc/loadavg)"
done

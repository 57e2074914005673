#!/usr/bin/env bash
# The Microsoft Vale style over one Markdown file (this repository's docs/architecture.md, about 34 KB), as a
# docs build or an editor's save runs it: loading the style and linting one file, process start included.
# Times each DOCLINT given (NAME=PATH) and ripgrep in alternating rounds with bench/startup.py.
# Usage: bench/vale/one-file.sh ROUNDS NAME=PATH-TO-DOCLINT [NAME=PATH ...]
set -euo pipefail
rounds=${1:?rounds}; shift
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/bench/vale/microsoft-folder.sh"
cp "$root/docs/architecture.md" "$work/docs/"
echo "file: $(wc -c < "$work/docs/architecture.md") bytes"
cd "$work"
args=()
for named in "$@"; do args+=("${named%%=*}=${named#*=} check --format line ."); done
python3 "$root/bench/startup.py" "$rounds" "${args[@]}" "rg=rg -c -i utilize docs"

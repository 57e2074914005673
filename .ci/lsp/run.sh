#!/usr/bin/env bash
# End-to-end checks of `doclint lsp` with real clients (Neovim headless, a Node protocol client), and of
# `doclint mcp` as a process over stdio.
# Usage: .ci/lsp/run.sh DOCLINT-COMMAND...   (for example: .ci/lsp/run.sh out/aot/doclint)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 DOCLINT-COMMAND..." >&2; exit 2; }
# The checks run in temporary folders: the command and any file it names are made absolute.
command=()
for word in "$@"; do
  if [ -e "$word" ]; then command+=("$(realpath "$word")"); else command+=("$word"); fi
done
command[0]="$(command -v "${command[0]}" || echo "${command[0]}")"

if [ ! -d "$here/node_modules/vscode-languageserver-protocol" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent)
fi

echo "-- Node client (vscode-jsonrpc, vscode-languageserver-protocol): ${command[*]} lsp"
timeout 120 node "$here/client.mjs" "${command[@]}" lsp

echo "-- MCP over stdio: ${command[*]} mcp"
timeout 120 node "$here/mcp.mjs" "${command[@]}" mcp

echo "-- Neovim $(nvim --version | head -1 | cut -d' ' -f2) headless: ${command[*]} lsp"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '# Budget talks\n\nThe minister lambasted the plan on Tuesday.\n' > "$work/story.md"
(cd "$work" && DOCLINT_CMD="${command[*]} lsp" timeout 120 nvim --headless --clean -c "luafile $here/neovim.lua" story.md </dev/null)
echo
grep -qx 'The minister criticized the plan on Tuesday.' "$work/story.md" || { echo "FAILED: the fix was not saved" >&2; exit 1; }
echo "ok: the fixed file was saved"

#!/usr/bin/env bash
# Packs the DocLint tool into a folder (default: artifacts/packages): the pointer package, the native
# package of this machine's runtime (Native AOT), and 'any', the JIT build for every other platform.
# Native packages for other runtimes are packed on those machines: build/pack.sh OUT RID.
#   dotnet tool install -g DocLint --add-source artifacts/packages
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$repo/artifacts/packages}")
rid=${2:-$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')}
project="$repo/src/DocLint.Cli"
mkdir -p "$out"
dotnet pack "$project" -c Release -o "$out" -nologo -v quiet
dotnet pack "$project" -c Release -r "$rid" -o "$out" -nologo -v quiet
dotnet pack "$project" -c Release -r any -p:PublishAot=false -o "$out" -nologo -v quiet
ls -1 "$out"/*.nupkg

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
# The tool package takes the whole publish folder: start it empty, so nothing from an earlier publish rides along.
rm -rf "$project"/bin/Release/net10.0/*/publish
native=(-c Release -o "$out" -nologo -v quiet -p:DocLintNativeTool=true)
dotnet pack "$project" "${native[@]}"
dotnet pack "$project" "${native[@]}" -r "$rid"
dotnet pack "$project" "${native[@]}" -r any -p:PublishAot=false
ls -1 "$out"/*.nupkg

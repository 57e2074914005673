# Shared by the eval scripts (sourced, not run): where the repository is, a skip that exits 0 when a
# corpus kept beside the repository is not there, and the Release build of DocLint to run.

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# require PATH WHAT: exits 0 with a note when PATH (a corpus file or folder) is missing.
require() {
  if [ ! -e "$1" ]; then
    echo "$(basename "$0"): skipped: $1 not found ($2 is kept beside the repository, not in it)"
    exit 0
  fi
}

# build: the Release build that doclint runs; stops the script when it fails.
build() {
  dotnet build "$repo/src/DocLint.Cli" -c Release -v quiet -nologo >/dev/null || { echo "$(basename "$0"): the build failed" >&2; exit 2; }
}

# doclint ARGS...: the Release build (run build first).
doclint() {
  dotnet "$repo/src/DocLint.Cli/bin/Release/net10.0/doclint.dll" "$@"
}

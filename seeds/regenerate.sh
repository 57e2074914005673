#!/usr/bin/env bash
# Rewrites the seeds' expected outputs (every format) from the current build. Review the diff: it is
# the change in behaviour that the golden tests will hold DocLint to.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
# The built-in packs ship precompiled (src/DocLint.Core/Rules/Loading/BuiltInRules.g.cs): bring them up to date with rules/ first.
DOCLINT_WRITE_BUILTIN_RULES=1 dotnet test tests/DocLint.Core.Tests -v quiet -nologo --filter "FullyQualifiedName~BuiltInRulesTests.The_generated_file" >/dev/null
dotnet build src/DocLint.Cli -v quiet -nologo >/dev/null
doclint=(dotnet src/DocLint.Cli/bin/Debug/net10.0/doclint.dll)
# The version changes with every commit; golden files name it 0.0.0.
version=$("${doclint[@]}" --version | awk '{print $2}')
root=$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri() + "/")' "$repo")
for seed in seeds/*.txt seeds/*.md seeds/*.html; do
  base=$seed
  "${doclint[@]}" check "$seed" --relative-paths > "$base.expected" 2>/dev/null || true
  "${doclint[@]}" check "$seed" --format json --relative-paths 2>/dev/null | sed "s#\"$version\"#\"0.0.0\"#g" > "$base.expected.json" || true
  "${doclint[@]}" check "$seed" --format github > "$base.expected.github" 2>/dev/null || true
  # The repository's location differs per clone; golden SARIF names it file:///doclint/.
  "${doclint[@]}" check "$seed" --format sarif 2>/dev/null | sed -e "s#$root#file:///doclint/#" -e "s#\"$version\"#\"0.0.0\"#g" > "$base.expected.sarif" || true
done
git -c color.ui=never diff --stat -- seeds

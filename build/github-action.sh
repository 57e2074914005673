#!/usr/bin/env bash
# The steps of the DocLint GitHub Action (action.yml), kept in a script so they can be run and tested without
# a runner: set the INPUT_* variables, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT to files, and DOCLINT to the
# command that runs DocLint.
#   build/github-action.sh install   installs DocLint into $RUNNER_TEMP/doclint and exports DOCLINT
#   build/github-action.sh lint      lints INPUT_PATHS: annotations (at most 10 of each kind, then a count of
#                                    the rest), msbuild lines in the log, a job summary per rule, SARIF
set -euo pipefail

install() {
  local dir="${RUNNER_TEMP:-/tmp}/doclint"
  if [ -n "${INPUT_VERSION:-}" ]; then
    dotnet tool install DocLint --tool-path "$dir" --version "$INPUT_VERSION"
  else
    dotnet publish "$GITHUB_ACTION_PATH/src/DocLint.Cli" -c Release -o "$dir" -nologo -v quiet
  fi
  "$dir/doclint" --version
  echo "DOCLINT=$dir/doclint" >> "${GITHUB_ENV:-/dev/null}"
}

lint() {
  local -a doclint args paths
  read -r -a doclint <<< "${DOCLINT:-doclint}"
  # No --format: inside GitHub Actions DocLint writes annotations and the msbuild lines for the log.
  args=(check --relative-paths --fail-level "${INPUT_FAIL_LEVEL:-error}" --min-severity "${INPUT_MIN_SEVERITY:-suggestion}")
  local sarif="${INPUT_SARIF-doclint.sarif}"
  if [ -n "$sarif" ]; then
    args+=(--sarif "$sarif")
  fi
  if [ -n "${INPUT_CONFIG:-}" ]; then
    args+=(--config "$INPUT_CONFIG")
  fi
  local since="${INPUT_CHANGED_SINCE:-}"
  if [ "$since" = auto ]; then
    since="${GITHUB_BASE_REF:+origin/$GITHUB_BASE_REF}"
  fi
  if [ -n "$since" ]; then
    args+=(--changed-since "$since")
  fi
  if [ -n "${INPUT_ARGS:-}" ]; then
    local -a extra
    read -r -a extra <<< "$INPUT_ARGS"
    args+=("${extra[@]}")
  fi
  read -r -d '' -a paths < <(printf '%s\0' "${INPUT_PATHS:-.}" | tr '\n' ' ') || true
  [ "${#paths[@]}" -gt 0 ] || paths=(.)

  local code=0
  GITHUB_ACTIONS=true "${doclint[@]}" "${args[@]}" -- "${paths[@]}" || code=$?
  {
    echo "exit-code=$code"
    echo "sarif=$sarif"
  } >> "${GITHUB_OUTPUT:-/dev/null}"
  return "$code"
}

case "${1:-}" in
  install) install ;;
  lint) lint ;;
  *) echo "usage: $0 install|lint" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# The hostile-input matrix: each case of bench/hostile.py run through `doclint check` under a 60 s timeout (TIMEOUT=seconds to change it),
# with its wall time, peak memory (GNU time's maximum resident set size), exit code and the lines it printed
# about the hostile file (CASES=regex runs only the cases it matches); "ok" counts the lines about the ordinary file beside it (linted all the same) and
# "::" the lines a GitHub Actions runner would take for workflow commands (the github format's own excepted:
# the cases print msbuild). Usage: bench/hostile.sh [small|gb] [DOCLINT_COMMAND...]
# GB-scale cases write several GiB to $TMPDIR and take minutes; the small ones take seconds.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
scale="${1:-small}"
shift || true
if [ "$#" -gt 0 ]; then doclint=("$@"); else
  dotnet build "$here/../src/DocLint.Cli" -c Release -v q -nologo >/dev/null
  doclint=(dotnet "$here/../src/DocLint.Cli/bin/Release/net10.0/doclint.dll")
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/hostile.py" "$work" --scale "$scale"
printf '%-34s %8s %9s %4s %4s %4s  %s\n' case seconds "peak MB" exit ok "::" "first line about the hostile input"
for dir in "$work"/*/; do
  name="$(basename "$dir")"
  if [ -n "${CASES:-}" ] && ! [[ "$name" =~ $CASES ]]; then continue; fi
  mapfile -t args < "$dir/cmd.args"
  input=/dev/null
  if [ -f "$dir/stdin.args" ]; then
    bytes="$(sed 's/gen://' "$dir/stdin.args")"
    input="$work/$name.stdin"
    mkfifo "$input"
    (yes 'The mayor slammed the plan and the council said it would look again at the numbers.' | head -c "$bytes" > "$input") &
  fi
  start=$(date +%s.%N)
  env=()
  if [ -f "$dir/env.args" ]; then mapfile -t env < "$dir/env.args"; fi
  ( cd "$dir" && env -u GITHUB_ACTIONS "${env[@]}" /usr/bin/time -f '%M' -o "$work/$name.time" timeout "${TIMEOUT:-60}" "${doclint[@]}" "${args[@]}" < "$input" > "$work/$name.out" 2> "$work/$name.err" )
  code=$?
  end=$(date +%s.%N)
  peak=$(tail -1 "$work/$name.time" 2>/dev/null)
  # The first line about the hostile input (not ok.txt), with the case's folder left out.
  line=$(cat "$work/$name.out" "$work/$name.err" | grep -v 'ok\.txt' | grep -m1 -E 'DL0|\\x|error|skipped|cannot|internal|Unhandled|^-x' | sed "s|$dir||" | cut -c1-150)
  ok=$(grep -c 'ok\.txt' "$work/$name.out")
  # Lines a GitHub Actions runner would take for workflow commands: "::" at the start (after spaces) or "##[" anywhere.
  commands=$(cat "$work/$name.out" "$work/$name.err" | grep -c -E '^ *::|##\[')
  printf '%-34s %8.1f %9d %4s %4s %4s  %s\n' "$name" "$(echo "$end - $start" | bc)" "$(( ${peak:-0} / 1024 ))" "$code" "$ok" "$commands" "$line"
done

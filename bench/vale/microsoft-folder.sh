# Sourced by the Vale benchmarks: makes $work, a temporary folder (removed on exit) holding the Microsoft style
# under styles/, a .vale.ini that runs it on *.md, and an empty docs/. Needs $root, the repository.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/docs" "$work/styles"
cp -r "$root/tests/DocLint.Vale.Tests/Packages/Microsoft/Microsoft" "$work/styles/"
printf 'StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Microsoft\n' > "$work/.vale.ini"

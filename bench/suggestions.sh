#!/usr/bin/env bash
# Suggestion quality: precision and recall of the character and relationship suggestions over the labelled
# stories in tests/Makimono.Tests/Tags/Suggestions/Fixtures (written for the tests; see expected.json there).
# Runs the quality test and prints its figures; the last line is one JSON object.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
dotnet test "$root/tests/Makimono.Tests" --nologo -v quiet \
  --filter "FullyQualifiedName~SuggestionQualityTests.Suggested_characters" \
  --logger "console;verbosity=detailed" > "$out" 2>&1 || { tail -30 "$out" >&2; echo "the quality test failed" >&2; exit 1; }
grep -E '^\s+[0-9]{2}-.*: (suggested|missed)|^\s+characters: ' "$out" | sed 's/^\s*//' | sort -u >&2 || true
json=$(grep -oE '\{"character_precision"[^}]*\}' "$out" | tail -1)
[[ -n "$json" ]] || { echo "no figures in the test output" >&2; exit 1; }
echo "$json"

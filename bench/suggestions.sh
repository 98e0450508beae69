#!/usr/bin/env bash
# Suggestion quality: precision and recall of the character suggestions on the labelled stories the rules were
# tuned on (tests/Makimono.Tests/Tags/Suggestions/Fixtures) and on the set first written as held-out
# (…/Suggestions/HeldOut, read and tuned on since 2026-12-01, so these are tuning figures too; the honest figure
# is a fresh held-out set's, kept outside the branch), each with the archive's tags for the story's fandom and
# without any. Runs the quality tests and prints every miss; the last line is one JSON object.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
dotnet test "$root/tests/Makimono.Tests" --nologo -v quiet \
  --filter "FullyQualifiedName~SuggestionQualityTests.Quality_figures" \
  --logger "console;verbosity=detailed" > "$out" 2>&1 || { tail -30 "$out" >&2; echo "the quality test failed" >&2; exit 1; }
grep -E '(Fixtures|HeldOut), with' "$out" | grep -v 'xUnit.net' | sed 's/^\s*//' >&2 || true
json=$(grep -oE '\{"tuning_with_tags_character_precision"[^}]*\}' "$out" | tail -1)
[[ -n "$json" ]] || { echo "no figures in the test output" >&2; exit 1; }
echo "$json"

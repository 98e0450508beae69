#!/usr/bin/env bash
# Suggestion quality: precision and recall of the character suggestions on the labelled stories the rules were
# tuned on (tests/Makimono.Tests/Tags/Suggestions/Fixtures), on the first held-out set (…/Suggestions/HeldOut,
# seen while tuning since 2026-12-01, so tuning data now) and on the fresh held-out set (…/Suggestions/HeldOutFresh),
# each with the archive's tags for the story's fandom and without any. HeldOutFresh was written before any rule saw
# it; since the fourth session of 2026-12-01 it has served as the validation set (its misses were read, and rules
# were kept only when they held there too), so its heldout_fresh_* figures are validation figures: the honest
# held-out figure is the second fresh set's (…/Suggestions/HeldOutFresh2, heldout_fresh2_*), written that session by
# someone who had not seen the rules and kept from the helper who tuned them; and the third fresh set's
# (…/Suggestions/HeldOutFresh3, heldout_fresh3_*), written in the fifth session in the ordinary mix of posted fan fiction.
# For the two newest sets a second reader labelled the same stories without seeing the first labels
# (second-reader.json, heldout_fresh2_second_reader_* and heldout_fresh3_second_reader_*): how far two careful
# people agree, the ceiling the suggester is measured against. Runs the quality tests and prints every miss; the last
# line is one JSON object.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
dotnet test "$root/tests/Makimono.Tests" --nologo -v quiet \
  --filter "FullyQualifiedName~SuggestionQualityTests.Quality_figures" \
  --logger "console;verbosity=detailed" > "$out" 2>&1 || { tail -30 "$out" >&2; echo "the quality test failed" >&2; exit 1; }
grep -E '(Fixtures|HeldOut[A-Za-z0-9]*), (with|second reader)' "$out" | grep -v 'xUnit.net' | sed 's/^\s*//' >&2 || true
json=$(grep -oE '\{"tuning_with_tags_character_precision"[^}]*\}' "$out" | tail -1)
[[ -n "$json" ]] || { echo "no figures in the test output" >&2; exit 1; }
echo "$json"

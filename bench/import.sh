#!/usr/bin/env bash
# Import speed: parse throughput of a ~10 MB plain-text and a ~10 MB HTML story (in-process, one core, best
# of 3, so process start-up does not count), and the wall time of `makimono import` (a Release build, saving
# drafts) of 10,000 small files into a fresh SQLite data folder. All text is synthetic (bench/ImportBench).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/bench/.build/import"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "building the parse benchmark and publishing makimono (Release)..." >&2
dotnet build "$root/bench/ImportBench" -c Release -o "$out/bench" --nologo -v quiet >&2
dotnet publish "$root/src/Makimono" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out/app" --nologo -v quiet >&2

echo "generating synthetic stories..." >&2
"$out/bench/ImportBench" generate "$work"

# One core: taskset pins the parse to CPU 0, as the target is per core.
parse="$(taskset -c 0 "$out/bench/ImportBench" parse "$work/big.txt" "$work/big.html")"
echo "$parse" >&2
text=$(awk -F'\t' '/big.txt/ {print $2}' <<<"$parse")
html=$(awk -F'\t' '/big.html/ {print $2}' <<<"$parse")

data="$work/data"
mkdir -p "$data"
echo 'bench-password-123' | "$out/app/makimono" user add bench --email bench@example.invalid --data "$data" >&2
echo "importing 10,000 files..." >&2
t0=$(date +%s%N)
"$out/app/makimono" import "$work/small" --pseud bench --fandom "Original Work" --data "$data" > "$work/import.out" 2> "$work/import.err" \
  || { tail -5 "$work/import.err" >&2; echo "the import failed" >&2; exit 1; }
t1=$(date +%s%N)
imported=$(wc -l < "$work/import.out")
echo "$(tail -1 "$work/import.err") ($imported lines of work ids)" >&2
bulk=$(echo "($t1 - $t0) / 1000000000" | bc -l)

printf '{"text_mb_per_s": %.2f, "html_mb_per_s": %.2f, "bulk_10k_files_s": %.1f}\n' "$text" "$html" "$bulk"

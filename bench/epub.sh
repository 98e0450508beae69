#!/usr/bin/env bash
# EPUB speed: the EPUB of a 200,000-word, 50-chapter work (synthetic text, bench/EpubBench), written in process as
# the download endpoint writes it (Release, warmed up, median of 15), against pandoc (Debian's) turning the same
# chapter HTML into an EPUB (best of 2 runs). Targets: <= 100 ms, >= 30x faster than pandoc. /usr/bin/time (Debian
# `time`) gives pandoc's CPU time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/bench/.build/epub"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v pandoc > /dev/null || [[ ! -x /usr/bin/time ]]; then
  echo "installing pandoc and time..." >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y pandoc time >&2; else sudo apt-get install -y pandoc time >&2; fi
fi
command -v pandoc > /dev/null || { echo "pandoc is missing and could not be installed: apt-get install pandoc" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is missing and could not be installed: apt-get install time" >&2; exit 1; }

echo "building the EPUB benchmark (Release)..." >&2
dotnet build "$root/bench/EpubBench" -c Release -o "$out" --nologo -v quiet >&2

result="$("$out/EpubBench" "$work")"
echo "$result" >&2
epub_ms=$(awk -F'\t' '$1 == "epub_ms" {print $2}' <<<"$result")
peak_mb=$(awk -F'\t' '$1 == "peak_mb" {print $2}' <<<"$result")

epub_cpu_ms=$(awk -F'\t' '$1 == "epub_cpu_ms" {print $2}' <<<"$result")

# Wall time, and CPU time (user + system) beside it, because on a shared machine the wall time also counts other
# processes' turns; the JSON carries the wall times.
pandoc_ms=""
pandoc_cpu_ms=""
for run in 1 2; do
  t0=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$work/pandoc.time" \
    pandoc -f html -t epub3 --metadata title="The Long Benchmark" -o "$work/pandoc.epub" "$work/book.html"
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$work/pandoc.time")
  echo "pandoc run $run: $ms ms wall, $cpu ms CPU" >&2
  if [[ -z "$pandoc_ms" || $ms -lt $pandoc_ms ]]; then pandoc_ms=$ms; fi
  if [[ -z "$pandoc_cpu_ms" || $cpu -lt $pandoc_cpu_ms ]]; then pandoc_cpu_ms=$cpu; fi
done

echo "CPU time: makimono $epub_cpu_ms ms, pandoc $pandoc_cpu_ms ms, $(echo "$pandoc_cpu_ms / $epub_cpu_ms" | bc -l | xargs printf '%.1f')x; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
speedup=$(echo "$pandoc_ms / $epub_ms" | bc -l)
printf '{"epub_ms": %.1f, "pandoc_ms": %d, "speedup_vs_pandoc": %.1f, "peak_mb": %d}\n' "$epub_ms" "$pandoc_ms" "$speedup" "$peak_mb"

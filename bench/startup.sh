#!/usr/bin/env bash
# Cold start: from launching `makimono serve` on an empty data folder (so it also creates and migrates
# the SQLite database) until the first page is served. Working set: the server's resident memory once
# it has served the home page, a work page and /health.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-5}"
out="$root/bench/.build/startup"
echo "building Release..." >&2
dotnet publish "$root/src/Makimono" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out" --nologo -v quiet >&2

port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
starts=()
rss_kb=0
for i in $(seq 1 "$runs"); do
  data="$(mktemp -d)"
  t0=$(date +%s%N)
  "$out/makimono" serve --data "$data" --urls "$base" > "$data/serve.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "$base/"; do
    if ! kill -0 "$pid" 2>/dev/null; then cat "$data/serve.log" >&2; echo "server exited" >&2; exit 1; fi
    sleep 0.01
  done
  t1=$(date +%s%N)
  starts+=($(( (t1 - t0) / 1000000 )))
  for path in / /health /signup /works/new /tags/Gen/works; do curl -s -o /dev/null "$base$path"; done
  sleep 1
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  echo "run $i: cold start ${starts[-1]} ms, working set $((rss_kb / 1024)) MB" >&2
done
median=$(printf '%s\n' "${starts[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf '{"cold_start_ms": %d, "working_set_mb": %.1f, "runs": %d}\n' "$median" "$(echo "$rss_kb / 1024" | bc -l)" "$runs"

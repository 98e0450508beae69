#!/usr/bin/env bash
# Cold start: from launching `makimono serve` until the first page (/) is served, in a fresh process
# on an existing archive (the everyday restart). first_run_ms is the same on an empty data folder, where
# the database is also created and migrated. Working set: the server's resident memory after it has
# served a handful of pages.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-5}"
out="$root/bench/.build/startup"
echo "publishing a Release build (ReadyToRun)..." >&2
dotnet publish "$root/src/Makimono" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out" --nologo -v quiet >&2

port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
pid=""
stop() { if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap stop EXIT

# Starts the server on $1 and sets $elapsed to the milliseconds until / answers (no subshell: $pid must survive).
start_and_time() {
  local t0 t1
  t0=$(date +%s%N)
  "$out/makimono" serve --data "$1" --urls "$base" >> "$1/serve.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "$base/"; do
    if ! kill -0 "$pid" 2>/dev/null; then cat "$1/serve.log" >&2; echo "the server exited" >&2; exit 1; fi
    sleep 0.005
  done
  t1=$(date +%s%N)
  elapsed=$(( (t1 - t0) / 1000000 ))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

firsts=() colds=() rss=()
for i in $(seq 1 "$runs"); do
  data="$(mktemp -d)"
  start_and_time "$data"; firsts+=("$elapsed")
  stop
  start_and_time "$data"; colds+=("$elapsed")
  for path in / /health /login /signup /works/new /tags/Gen/works /no-such-page; do curl -s -o /dev/null "$base$path"; done
  sleep 1
  rss+=("$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")")
  stop
  rm -rf "$data"
  echo "run $i: first run ${firsts[-1]} ms, cold start ${colds[-1]} ms, working set $(( ${rss[-1]} / 1024 )) MB" >&2
done
printf '{"cold_start_ms": %d, "first_run_ms": %d, "working_set_mb": %.1f, "runs": %d}\n' \
  "$(median "${colds[@]}")" "$(median "${firsts[@]}")" "$(echo "$(median "${rss[@]}") / 1024" | bc -l)" "$runs"

#!/usr/bin/env bash
# Two nodes started together on an empty PostgreSQL database (a throwaway cluster on loopback): do both come up
# and serve? Repeated ROUNDS times (default 5), each on a new empty database; serving is the lowest count of a round.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/postgres.sh"
source "$here/lib/node.sh"
rounds="${ROUNDS:-5}"
pids=()
cleanup() { for p in "${pids[@]}"; do stop_node "$p"; done; pg_stop; }
trap cleanup EXIT

publish_makimono
pg_start
logs="$(mktemp -d)"
lowest=2 all=0
for round in $(seq 1 "$rounds"); do
  database="round$round"
  pg_sql "CREATE DATABASE $database" >/dev/null
  pids=() urls=()
  for node in 1 2; do
    port="$(free_port)"
    urls+=("http://127.0.0.1:$port")
    MAKIMONO_Database__Provider=Postgres MAKIMONO_Database__ConnectionString="$(pg_connection "$database")" \
      "$makimono" serve --urls "http://127.0.0.1:$port" --data "$logs/data$node" > "$logs/round$round-node$node.log" 2>&1 &
    pids+=($!)
  done
  serving=0
  for node in 0 1; do
    if wait_serving "${urls[$node]}" "${pids[$node]}" 120; then serving=$((serving + 1)); else
      echo "round $round: node $((node + 1)) did not serve:" >&2; tail -5 "$logs/round$round-node$((node + 1)).log" >&2; fi
  done
  for p in "${pids[@]}"; do stop_node "$p"; done
  pids=()
  echo "round $round: $serving of 2 nodes serving" >&2
  (( serving < lowest )) && lowest=$serving
  (( serving == 2 )) && all=$((all + 1))
done
rm -rf "$logs"
printf '{"nodes": 2, "serving": %d, "rounds": %d, "rounds_both_serving": %d}\n' "$lowest" "$rounds" "$all"

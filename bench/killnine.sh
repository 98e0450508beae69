#!/usr/bin/env bash
# kill -9 of a node mid-write, on SQLite and on PostgreSQL (a throwaway cluster on loopback, fsync on). WRITERS
# (default 4) logged-in writers post works through the real form, one after another, each with its own title; after
# KILL_AFTER seconds (default 6) the node is killed with SIGKILL. A write is acknowledged when its redirect arrived.
# The node is started again on the same database, and the works present are counted: no acknowledged write may be
# missing (acknowledged <= present; present may be higher by writes that were stored but not yet answered).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib/postgres.sh"
source "$here/lib/node.sh"
writers="${WRITERS:-4}"
kill_after="${KILL_AFTER:-6}"
password="a long enough bench password"
work="$(mktemp -d)"
node_pid=""
cleanup() { [[ -n "$node_pid" ]] && stop_node "$node_pid"; pg_stop; rm -rf "$work"; }
trap cleanup EXIT

token() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1; }

# writer BASE N: logs in as the bench writer, then posts works until the node stops answering.
writer() {
  local base="$1" n="$2" jar="$work/jar$2" i=0 t code
  t="$(curl -s -c "$jar" -b "$jar" "$base/login" | token)"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "UserName=writer" --data-urlencode "Password=$password" \
    --data-urlencode "__RequestVerificationToken=$t" "$base/login"
  while true; do
    i=$((i + 1))
    t="$(curl -s -c "$jar" -b "$jar" "$base/works/new" | token)" || true
    [[ -n "$t" ]] || return 0
    code="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
      --data-urlencode "Work.Title=killnine $n-$i" --data-urlencode "Work.RatingId=2" --data-urlencode "Work.WarningIds=14" \
      --data-urlencode "Work.Fandoms=Original Work" --data-urlencode "Work.Characters=" \
      --data-urlencode "Chapter.Body=Written while the node was about to be killed." --data-urlencode "submit=post" \
      --data-urlencode "__RequestVerificationToken=$t" "$base/works/new")" || true
    case "$code" in
      302|303) echo "killnine $n-$i" >> "$work/acknowledged" ;;
      000) return 0 ;;
      *) echo "writer $n: post $i answered $code" >&2 ;;
    esac
  done
}

start_node() { # start_node DATA PORT LOG (with the provider settings in the environment)
  "$makimono" serve --data "$1" --urls "http://127.0.0.1:$2" >> "$3" 2>&1 &
  node_pid=$!
  wait_serving "http://127.0.0.1:$2" "$node_pid" 120 || { tail -20 "$3" >&2; echo "the node did not start" >&2; exit 1; }
}

# measure NAME COUNT_COMMAND: sets $acknowledged and $present.
measure() {
  local name="$1" count="$2" data="$work/data-$1" port log="$work/$1.log"
  : > "$work/acknowledged"
  echo "$password" | "$makimono" user add writer --email writer@example.org --data "$data" >> "$log" 2>&1
  port="$(free_port)"
  start_node "$data" "$port" "$log"
  local writer_pids=()
  for n in $(seq 1 "$writers"); do writer "http://127.0.0.1:$port" "$n" & writer_pids+=($!); done
  sleep "$kill_after"
  kill -9 "$node_pid"
  wait "$node_pid" 2>/dev/null || true
  node_pid=""
  for p in "${writer_pids[@]}"; do wait "$p" || true; done
  start_node "$data" "$port" "$log"
  stop_node "$node_pid"
  node_pid=""
  acknowledged="$(sort -u "$work/acknowledged" | wc -l)"
  "$count" | sort -u > "$work/present"
  present="$(wc -l < "$work/present")"
  lost="$(comm -23 <(sort -u "$work/acknowledged") "$work/present" | wc -l)"
  echo "$name: $acknowledged acknowledged, $present present after restart, $lost acknowledged but missing" >&2
  (( lost == 0 )) || { echo "$name lost acknowledged writes" >&2; missing=$((missing + lost)); }
}

sqlite_titles() { python3 -c 'import sqlite3,sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute("SELECT Title FROM Works WHERE Title LIKE '"'"'killnine %'"'"'")]' "$work/data-sqlite/makimono.db"; }
postgres_titles() { pg_sql "SELECT \"Title\" FROM \"Works\" WHERE \"Title\" LIKE 'killnine %'" killnine; }

publish_makimono
missing=0
measure sqlite sqlite_titles
sqlite_acknowledged=$acknowledged sqlite_present=$present

pg_start
pg_sql "CREATE DATABASE killnine" >/dev/null
export MAKIMONO_Database__Provider=Postgres MAKIMONO_Database__ConnectionString="$(pg_connection killnine)"
measure postgres postgres_titles
printf '{"sqlite_acknowledged": %d, "sqlite_present": %d, "postgres_acknowledged": %d, "postgres_present": %d, "acknowledged_missing": %d}\n' \
  "$sqlite_acknowledged" "$sqlite_present" "$acknowledged" "$present" "$missing"

#!/usr/bin/env bash
# Hits: page views per second of a work page on a Release `makimono serve` (new SQLite archive), where each view only
# adds to the in-memory hit buffer, and how many hits the background flush writes for them. 2,000 GETs by one guest
# address (counts 1 hit), then 2,000 GETs from 2,000 guest addresses (X-Forwarded-For, believed from loopback; counts
# 2,000), each run by one curl with 16 transfers at a time; the hits are read off the work page after the flush.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/node.sh
source "$root/bench/lib/node.sh"
work="$(mktemp -d)"
pid=""
stop() { if [[ -n "$pid" ]]; then stop_node "$pid"; pid=""; fi; }
trap 'stop; rm -rf "$work"' EXIT
views=2000

publish_makimono

serve_with_writer "$work"
jar="$work/cookies"
login_writer
location="$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "__RequestVerificationToken=$(token /works/new)" \
  --data-urlencode Work.Title=Counted --data-urlencode Work.RatingId=2 --data-urlencode Work.WarningIds=14 \
  --data-urlencode Work.Fandoms=Bench --data-urlencode "Chapter.Body=A story read many times." --data-urlencode submit=post "$base/works/new")"
path="/works/${location##*/}"

# One curl config per run: each transfer its own URL, output, status line and (for the second run) address. Every
# per-transfer option goes in each section: "next" resets them, so a -w on the command line would print only the first
# transfer's status (which made every run report "only 1 of 2000 views answered 200").
python3 - "$work" "$base$path" "$views" <<'PY'
import sys
d, url, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(f"{d}/same", "w") as f:
    f.write("next\n".join(f'url = "{url}"\noutput = "/dev/null"\nwrite-out = "%{{http_code}}\\n"\n' for _ in range(n)))
with open(f"{d}/distinct", "w") as f:
    f.write("next\n".join(f'url = "{url}"\noutput = "/dev/null"\nwrite-out = "%{{http_code}}\\n"\nheader = "X-Forwarded-For: 203.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}"\n'
                          for i in range(n)))
PY
hits() { curl -sf "$base$path" | tr -d '\n' | grep -o '<dt>Hits</dt><dd>[0-9,]*</dd>' | head -1 | sed 's/.*<dd>//;s/<.*//;s/,//g'; }
# Waits until the page shows at least $1 hits (or 30 s pass), then prints them.
settled() { for _ in $(seq 1 60); do h="$(hits)"; [[ "$h" -ge "$1" ]] && break; sleep 0.5; done; echo "$h"; }
rate() {
  local start end
  curl -s --no-progress-meter --parallel --parallel-max 16 -K "$work/$1" > "$work/$1.codes"  # warm-up
  start=$(date +%s.%N)
  curl -s --no-progress-meter --parallel --parallel-max 16 -K "$work/$1" > "$work/$1.codes"
  end=$(date +%s.%N)
  local ok; ok=$(grep -c '^200$' "$work/$1.codes" || true)
  [[ "$ok" -eq "$views" ]] || { echo "only $ok of $views views answered 200; answers: $(sort "$work/$1.codes" | uniq -c | tr -s ' \n' ' ')" >&2; exit 1; }
  awk -v n="$views" -v s="$start" -v e="$end" 'BEGIN {printf "%.0f", n / (e - s)}'
}
same_rate=$(rate same)
same_hits=$(settled 1)
echo "one address: $same_rate views/s, $same_hits hits" >&2
distinct_rate=$(rate distinct)
distinct_hits=$(( $(settled $((views + 1))) - same_hits ))
echo "$views addresses: $distinct_rate views/s, $distinct_hits new hits" >&2
stop
printf '{"views": %s, "views_per_s_one_visitor": %s, "hits_one_visitor": %s, "views_per_s_distinct_visitors": %s, "hits_distinct_visitors": %s}\n' \
  "$views" "$same_rate" "$same_hits" "$distinct_rate" "$distinct_hits"

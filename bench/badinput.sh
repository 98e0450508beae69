#!/usr/bin/env bash
# Bad input gets a quick answer (target: 200 ms each). Against a Release `makimono serve` on a new SQLite archive,
# a logged-in writer posts the "Post new work" form with one bad field at a time; each answer time is the median of
# three posts (curl's time_total, the form's token fetched beforehand). 40,000 nested <div>s stay under the chapter
# length limit, so they measure the nesting check rather than the length check that refuses 50,000.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/node.sh
source "$root/bench/lib/node.sh"
work="$(mktemp -d)"
pid=""
stop() { if [[ -n "$pid" ]]; then stop_node "$pid"; pid=""; fi; }
trap 'stop; rm -rf "$work"' EXIT

publish_makimono

serve_with_writer "$work"
jar="$work/cookies"
login_writer

# Field files, URL-encoded as a browser sends them (python3 for the big ones).
python3 - "$work" <<'PY'
import sys, urllib.parse
d = sys.argv[1]
def write(name, fields):
    with open(f"{d}/{name}", "w") as f:
        f.write("&".join(urllib.parse.quote_plus(k) + "=" + urllib.parse.quote_plus(v) for k, v in fields))
ok = [("Work.RatingId", "2"), ("Work.WarningIds", "14"), ("submit", "post")]
body = "It was a quiet morning in the village."
def nested(tag, n): return f"<{tag}>" * n + body + f"</{tag}>" * n
write("div50k", ok + [("Work.Title", "t"), ("Work.Fandoms", "F"), ("Chapter.Body", nested("div", 50_000))])
write("div40k", ok + [("Work.Title", "t"), ("Work.Fandoms", "F"), ("Chapter.Body", nested("div", 40_000))])
write("b200k", ok + [("Work.Title", "t"), ("Work.Fandoms", "F"), ("Chapter.Body", nested("b", 200_000))])
write("tags10k", ok + [("Work.Title", "t"), ("Work.Fandoms", "F"), ("Chapter.Body", body),
                       ("Work.Freeforms", ", ".join(f"Tag {i}" for i in range(10_000)))])
write("field10mb", ok + [("Work.Title", "t"), ("Work.Fandoms", "F"), ("Chapter.Body", "a" * 10 * 1024 * 1024)])
write("nul", ok + [("Work.Title", "a\0b"), ("Work.Fandoms", "F"), ("Chapter.Body", body)])
PY

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Posts a field file three times; sets $ms to the median answer time and checks the status.
measure() {
  local times=() t status
  for _ in 1 2 3; do
    local tok; tok="$(token /works/new)"
    read -r status t < <(curl -s -b "$jar" -o /dev/null -H 'Expect:' -w '%{http_code} %{time_total}\n' \
      --data-urlencode "__RequestVerificationToken=$tok" --data-binary "@$work/$1" -H 'Content-Type: application/x-www-form-urlencoded' \
      --data-binary "" "$base/works/new")
    times+=("$(awk -v t="$t" 'BEGIN {printf "%.0f", t * 1000}')")
  done
  ms="$(median "${times[@]}")"
  echo "$1: HTTP $status, ${times[*]} ms" >&2
}
measure div50k; div50k=$ms
measure div40k; div40k=$ms
measure b200k; b200k=$ms
measure tags10k; tags10k=$ms
measure field10mb; field10mb=$ms
measure nul; nul=$ms
stop
printf '{"nested_div_50000_ms": %s, "nested_div_40000_ms": %s, "nested_b_200000_ms": %s, "tags_10000_ms": %s, "field_10mb_ms": %s, "nul_byte_ms": %s, "target_ms": 200}\n' \
  "$div50k" "$div40k" "$b200k" "$tags10k" "$field10mb" "$nul"

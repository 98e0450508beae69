#!/usr/bin/env bash
# Tag autocomplete at 200,000 synthetic tags (bench/AutocompleteBench): the in-process lookup of the index the
# endpoint answers from (mean and p99 over 20,000 typed prefixes, with and without a type), and GET
# /tags/autocomplete on a Release `makimono serve` over a SQLite archive holding the same tags (2,000 sequential
# requests from one client, after 200 to warm up). The target is 5 ms per answer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/bench/.build/autocomplete"
work="$(mktemp -d)"
pid=""
stop() { if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
trap 'stop; rm -rf "$work"' EXIT

echo "building the benchmark and publishing makimono (Release)..." >&2
dotnet build "$root/bench/AutocompleteBench" -c Release -o "$out/bench" --nologo -v quiet >&2
dotnet publish "$root/src/Makimono" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out/app" --nologo -v quiet >&2

lookup="$("$out/bench/AutocompleteBench" lookup)"
echo "$lookup" >&2

data="$work/data"
mkdir -p "$data"
"$out/app/makimono" migrate --data "$data" >&2
echo "seeding 200,000 tags..." >&2
"$out/bench/AutocompleteBench" seed "$data/makimono.db" >&2

port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
"$out/app/makimono" serve --data "$data" --urls "$base" > "$work/serve.log" 2>&1 &
pid=$!
until curl -sf -o /dev/null "$base/health"; do
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/serve.log" >&2; echo "the server exited" >&2; exit 1; fi
  sleep 0.1
done
# The first request waits for the index if the start-up warm-up has not built it yet.
curl -sf -o /dev/null "$base/tags/autocomplete?term=a"
http="$("$out/bench/AutocompleteBench" http "$base")"
echo "$http" >&2
stop

value() { awk -F'\t' -v k="$1" '$1 == k {print $2}' <<<"$lookup"$'\n'"$http"; }
printf '{"tags": 200000, "index_build_ms": %.0f, "lookup_mean_us": %.1f, "lookup_p99_us": %.1f, "http_mean_ms": %.2f, "http_p99_ms": %.2f}\n' \
  "$(value index_build_ms)" "$(value lookup_mean_us)" "$(value lookup_p99_us)" "$(value http_mean_ms)" "$(value http_p99_ms)"

#!/usr/bin/env bash
# bench/run search [--works N] [--fulltext-works N] [--bodies WORDS] [--seed S] [--meta DIR] [--text DIR]
# Generates an AO3-shaped archive of N works (default 1,000,000) with `makimono dev generate`, builds the search index
# (bench/SearchBench), times 200 seeded instances of each query class one at a time in process, then loads the same
# data into a throwaway PostgreSQL 15 in the tuned formulation of ../shared/reference/pg-baseline and times the same
# instances there. fulltext_phrase runs on a second archive of 100,000 works with 2,000-word bodies. Last line: JSON.
# --meta DIR uses an archive already generated with `makimono dev generate --works N --seed S --data DIR` (a copy
# of it is used, so DIR is left as it was) instead of generating the metadata archive again; --text DIR does the same
# for the full-text archive (`makimono dev generate --works N --seed S --bodies WORDS --data DIR`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/bench/.build/search"
works=1000000 fulltext=100000 bodies=2000 seed=1 meta= text=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --works) works="$2"; shift 2 ;;
    --fulltext-works) fulltext="$2"; shift 2 ;;
    --bodies) bodies="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --meta) meta="$2"; shift 2 ;;
    --text) text="$2"; shift 2 ;;
    *) echo "usage: bench/run search [--works N] [--fulltext-works N] [--bodies WORDS] [--seed S] [--meta DIR] [--text DIR]" >&2; exit 2 ;;
  esac
done
# shellcheck source=lib/postgres.sh
source "$root/bench/lib/postgres.sh"
work="$(mktemp -d /tmp/makimono-search-XXXXXX)"
trap 'pg_stop; rm -rf "$work"' EXIT

echo "building the benchmark and makimono (Release)..." >&2
dotnet build "$root/bench/SearchBench" -c Release -o "$out/bench" --nologo -v quiet >&2
dotnet build "$root/src/Makimono" -c Release -o "$out/app" --nologo -v quiet >&2

# copy_archive FROM TO: a copy of an archive generated before, so FROM is left as it was.
copy_archive() {
  [[ -f "$1/makimono.db" ]] || { echo "bench/run search: no generated archive in $1" >&2; exit 2; }
  echo "using the archive generated in $1..." >&2
  mkdir -p "$2"
  for f in makimono.db makimono.db-wal makimono.db-shm; do if [[ -f "$1/$f" ]]; then cp "$1/$f" "$2/"; fi; done
}

if [[ -n "$meta" ]]; then
  copy_archive "$meta" "$work/meta"
else
  echo "generating $works works (seed $seed)..." >&2
  /usr/bin/time -f "generate: %e s" "$out/app/makimono" dev generate --works "$works" --seed "$seed" --data "$work/meta" >&2
fi
"$out/bench/SearchBench" index "$work/meta" "$work/queries.json" | tail -n 1 > "$work/index.json"

pg_start
# The baseline's settings (pg-baseline/README.md): the brief's, plus its two additions.
cat >> "$pg_root/data/postgresql.conf" <<CONF
shared_buffers = 4GB
work_mem = 256MB
effective_cache_size = 12GB
jit = off
random_page_cost = 1.1
effective_io_concurrency = 200
autovacuum = off
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
pg_as_owner "$pg_bin/pg_ctl" -D "$pg_root/data" -w -t 60 restart -m fast -l "$pg_root/server.log" >/dev/null
"$out/bench/SearchBench" postgres "$work/meta" "$(pg_connection)" "$work/queries.json" | tail -n 1 > "$work/postgres.json"
pg_stop
rm -rf "$work/meta"

if [[ -n "$text" ]]; then
  copy_archive "$text" "$work/text"
else
  echo "generating $fulltext works with $bodies-word bodies..." >&2
  /usr/bin/time -f "generate: %e s" "$out/app/makimono" dev generate --works "$fulltext" --seed "$seed" --bodies "$bodies" --data "$work/text" >&2
fi
"$out/bench/SearchBench" fulltext "$work/text" | tail -n 1 > "$work/fulltext.json"

python3 - "$work" <<'PY'
import json, sys
d = sys.argv[1]
index = json.load(open(f"{d}/index.json"))
pg = json.load(open(f"{d}/postgres.json"))
text = json.load(open(f"{d}/fulltext.json"))
classes = dict(index["classes"])
classes["fulltext_phrase"] = text["fulltext_phrase"]
speedup = {c: {"p50": round(pg[c]["p50_ms"] / max(classes[c]["p50_ms"], 1e-3), 1),
               "p99": round(pg[c]["p99_ms"] / max(classes[c]["p99_ms"], 1e-3), 1)} for c in pg}
print(json.dumps({
    "works": index["works"], "classes": classes, "postgres": pg, "speedup_vs_postgres": speedup,
    "index_works_per_s": index["index_works_per_s"], "index_with_text_works_per_s": index["index_with_text_works_per_s"],
    "findable_after_post_ms": index["findable_after_post_ms"], "median_matches": index["median_matches"],
    "fulltext_works": text["works"], "fulltext_median_matches": text["median_matches"],
}))
PY

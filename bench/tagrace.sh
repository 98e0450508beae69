#!/usr/bin/env bash
# Concurrent posts adding the same new tag, across two web nodes on one PostgreSQL. Starts a throwaway PostgreSQL 15
# cluster on loopback (as the tests do: initdb, pg_ctl; as the postgres user when run as root), migrates it, starts
# two Release `makimono serve` nodes, and has 20 writers (each logged in on one of the nodes, alternately) post 10
# works each through the real form (token and cookie): the n-th post of every writer adds the new tag "Race Tag n",
# so each tag is raced by about 20 posts at once. Reports 5xx answers and the works that reached the database.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/bench/.build/tagrace"
bin=/usr/lib/postgresql/15/bin
writers="${WRITERS:-20}"
rounds="${ROUNDS:-10}"
work="$(mktemp -d)"
pids=()
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  pids=()
  if [[ -f "$work/pg/PG_VERSION" ]]; then as_postgres "$bin/pg_ctl" -D "$work/pg" -w -t 30 stop -m immediate >/dev/null 2>&1 || true; fi
}
trap 'stop; rm -rf "$work"' EXIT

echo "publishing makimono (Release)..." >&2
dotnet publish "$root/src/Makimono" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out" --nologo -v quiet >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
[[ $(id -u) == 0 ]] && chown postgres:postgres "$work"
pg_port=$(free_port)
as_postgres "$bin/initdb" -D "$work/pg" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync --no-instructions >/dev/null
cat >> "$work/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$work'
fsync = off
synchronous_commit = off
max_connections = 200
CONF
as_postgres "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 start >/dev/null
as_postgres "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres makimono

export MAKIMONO_Database__Provider=Postgres
export MAKIMONO_Database__ConnectionString="Host=127.0.0.1;Port=$pg_port;Database=makimono;Username=postgres"
# All the writers log in from loopback; the per-address login limit is not what is measured.
export MAKIMONO_RateLimits__LoginsPer20Seconds=10000
"$out/makimono" migrate --data "$work/data" >&2
password="correct horse battery staple"
for i in $(seq 0 $((writers - 1))); do
  printf '%s\n' "$password" | "$out/makimono" user add "writer$i" --email "writer$i@example.org" --data "$work/data" >/dev/null
done

bases=()
for node in 1 2; do
  port=$(free_port)
  "$out/makimono" serve --data "$work/data" --urls "http://127.0.0.1:$port" > "$work/node$node.log" 2>&1 &
  pids+=($!)
  bases+=("http://127.0.0.1:$port")
done
for base in "${bases[@]}"; do
  until curl -sf -o /dev/null "$base/health"; do sleep 0.2; done
done

python3 - "$writers" "$rounds" "$password" "${bases[@]}" > "$work/result" <<'PY'
import http.cookiejar, re, sys, threading, urllib.error, urllib.parse, urllib.request
writers, rounds, password, bases = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args): return None

def client():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect())

def post(opener, base, path, fields):
    page = opener.open(base + path).read().decode()
    fields = fields + [("__RequestVerificationToken", TOKEN.search(page).group(1))]
    try:
        with opener.open(base + path, urllib.parse.urlencode(fields).encode()) as r: return r.status
    except urllib.error.HTTPError as e: return e.code

statuses, lock = [], threading.Lock()
start = threading.Barrier(writers, timeout=60)
def writer(i):
    opener, base = client(), bases[i % len(bases)]
    assert post(opener, base, "/login", [("UserName", f"writer{i}"), ("Password", password)]) == 302
    start.wait()
    for n in range(rounds):
        status = post(opener, base, "/works/new", [
            ("Work.Title", f"Race {i}-{n}"), ("Work.RatingId", "2"), ("Work.WarningIds", "14"),
            ("Work.Fandoms", "Race Fandom"), ("Work.Freeforms", f"Race Tag {n}"),
            ("Chapter.Body", "A story posted in a race with nineteen others."), ("submit", "post")])
        with lock: statuses.append(status)
threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
for t in threads: t.start()
for t in threads: t.join()
print(len(statuses), sum(1 for s in statuses if s >= 500), sum(1 for s in statuses if s == 302))
PY
read -r posts errors redirects < "$work/result"
works=$(as_postgres "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d makimono -tAc 'SELECT count(*) FROM "Works"')
echo "posts: $posts, 5xx: $errors, saved (302): $redirects, works in the database: $works" >&2
grep -h "fail:" "$work"/node*.log | sort | uniq -c | head -5 >&2 || true
stop
printf '{"posts": %s, "status_5xx": %s, "works_present": %s, "nodes": 2}\n' "$posts" "$errors" "$works"

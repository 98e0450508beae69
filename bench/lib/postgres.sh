# Sourced by benchmarks: a throwaway PostgreSQL 15 cluster on loopback, as the tests start one
# (tests/Makimono.Tests/Database/PostgresServer.cs). pg_start sets $pg_port and $pg_root; pg_stop removes it all.
pg_bin=/usr/lib/postgresql/15/bin
pg_root="" pg_port=""

# initdb and pg_ctl refuse to run as root, so as root they run as the postgres user.
pg_as_owner() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
  [[ -x "$pg_bin/initdb" ]] || { echo "PostgreSQL 15 is not installed ($pg_bin/initdb): run scripts/test, which installs it" >&2; return 1; }
  pg_root="$(mktemp -d /tmp/makimono-bench-pg-XXXXXX)"
  [[ $EUID -eq 0 ]] && chown postgres:postgres "$pg_root"
  pg_port="${1:-$((20000 + RANDOM % 20000))}"
  pg_as_owner "$pg_bin/initdb" -D "$pg_root/data" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-instructions >/dev/null
  # Unlike the tests' server this one keeps fsync on: the kill -9 measurement is about what survives.
  cat >> "$pg_root/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$pg_root'
max_connections = 200
CONF
  pg_as_owner "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w -t 60 start >/dev/null
}

pg_connection() { echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=${1:-postgres}"; }

pg_sql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "${2:-postgres}" -tAc "$1"; }

pg_stop() {
  if [[ -n "$pg_root" && -d "$pg_root" ]]; then
    pg_as_owner "$pg_bin/pg_ctl" -D "$pg_root/data" -w -t 30 stop -m fast >/dev/null 2>&1 || true
    rm -rf "$pg_root"
    pg_root=""
  fi
}

# Sourced by benchmarks: publishes makimono once (Release, as it ships) and starts and stops nodes of it.
bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
makimono="$bench_root/bench/.build/node/makimono"

publish_makimono() {
  echo "publishing a Release build..." >&2
  dotnet publish "$bench_root/src/Makimono" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$bench_root/bench/.build/node" --nologo -v quiet >&2
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# wait_serving URL PID SECONDS: 0 once URL/health answers 200, 1 if the process exits or time runs out.
wait_serving() {
  local deadline=$((SECONDS + $3))
  until curl -sf -o /dev/null "$1/health"; do
    if ! kill -0 "$2" 2>/dev/null || (( SECONDS > deadline )); then return 1; fi
    sleep 0.1
  done
}

stop_node() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# serve_with_writer DIR: a new archive in DIR/data with one user, "writer", served by a Release node on a free port
# (its log in DIR/serve.log). Sets base (the node's URL) and pid; exits with the log if the node does not start.
writer_password="correct horse battery staple"
serve_with_writer() {
  printf '%s\n' "$writer_password" | "$makimono" user add writer --email writer@example.org --data "$1/data" >&2
  base="http://127.0.0.1:$(free_port)"
  "$makimono" serve --data "$1/data" --urls "$base" > "$1/serve.log" 2>&1 &
  pid=$!
  if ! wait_serving "$base" "$pid" 120; then cat "$1/serve.log" >&2; echo "the server did not start" >&2; exit 1; fi
}

# token PATH: the anti-forgery token of the form on PATH, fetched with the cookie jar in $jar.
token() { curl -sf -b "$jar" -c "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }

# login_writer: logs the writer in through the served login form, keeping the session in the cookie jar $jar.
login_writer() {
  curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$(token /login)" \
    --data-urlencode UserName=writer --data-urlencode "Password=$writer_password" "$base/login"
}

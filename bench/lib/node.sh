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

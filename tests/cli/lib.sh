# Shared by the shell tests that run `lagebild serve` (api_test.sh, tests/web/live_test.sh):
# a work folder removed at exit, a free port, a server started and waited for.
# Source it after `set -uo pipefail`; it sets `work`, and start_server sets `port` and `server_pid`.

work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server LAGEBILD DB [serve options...]: serve DB on a free port, its output in
# $work/serve.out and $work/serve.err; returns once /healthz answers (fails after 20 s).
start_server() {
  local lagebild=$1 db=$2
  shift 2
  port=$(free_port)
  "$lagebild" serve --db "$db" --port "$port" "$@" > "$work/serve.out" 2> "$work/serve.err" &
  server_pid=$!
  for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/healthz')" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "FAIL: serve did not answer /healthz"
  cat "$work/serve.err"
  return 1
}

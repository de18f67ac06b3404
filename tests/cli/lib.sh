# Shared by the shell tests (cli_test.sh, bad_input_test.sh, api_test.sh,
# api_postgres_test.sh, postgres_worker_test.sh, tests/web/live_test.sh): a work folder removed
# at exit after the steps registered with at_exit (run last first), a free port, a server
# started and waited for. Source it after `set -uo pipefail`; it sets `work`.

work=$(mktemp -d)
exit_steps=()
at_exit() { exit_steps+=("$*"); }
run_exit_steps() {
  local i
  for ((i = ${#exit_steps[@]} - 1; i >= 0; i--)); do eval "${exit_steps[i]}"; done
  rm -rf "$work"
}
trap run_exit_steps EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server NAME LAGEBILD DB [serve options...]: serve DB on a free port (set in `port`, the
# process in `server_pid`), its output in $work/NAME.out and $work/NAME.err; returns once
# /healthz answers and the printed URL names the port, fails after 20 s.
start_server() {
  local name=$1 lagebild=$2 db=$3
  shift 3
  port=$(free_port)
  "$lagebild" serve --db "$db" --port "$port" "$@" > "$work/$name.out" 2> "$work/$name.err" &
  server_pid=$!
  at_exit "kill -KILL $server_pid 2>/dev/null"  # stop_server has tested the clean way
  for _ in $(seq 1 100); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/healthz')" 2>/dev/null; then
      grep -q "http://127.0.0.1:$port/" "$work/$name.out" && return 0
      echo "FAIL: serve ($name) did not print its URL"
      return 1
    fi
    sleep 0.2
  done
  echo "FAIL: serve ($name) did not answer /healthz"
  cat "$work/$name.err"
  return 1
}

# stop_server PID NAME: SIGTERM must end it cleanly (exit 0).
stop_server() {
  kill -TERM "$1"
  wait "$1"
  local code=$?
  [ "$code" -eq 0 ] && return 0
  echo "FAIL: serve ($2) exited with $code after SIGTERM"
  cat "$work/$2.err"
  return 1
}

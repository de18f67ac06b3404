# A throw-away PostgreSQL cluster for the tests (api_postgres_test.sh, postgres_worker_test.sh):
# made in the work folder of lib.sh (source that first), listening on a unix socket there only,
# stopped at exit. Exits 77 (skipped) when the PostgreSQL server binaries are absent. As root
# (CI) the cluster belongs to the `postgres` system user, since initdb refuses to run as root.

pg_bin=${LAGEBILD_PG_BIN:-/usr/lib/postgresql/15/bin}
if [[ ! -x $pg_bin/initdb || ! -x $pg_bin/pg_ctl || ! -x $pg_bin/psql ]]; then
  echo "SKIP: no PostgreSQL server in $pg_bin (scripts/setup.sh installs postgresql-15)"
  exit 77
fi
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$work"
  as_owner=(runuser -u postgres --)
fi
cluster=$work/cluster

# start_postgres [server settings, e.g. "-c autovacuum=off"]: initdb and start; sets pg_port.
# fsync is off because the cluster is thrown away (it does not change what is stored).
start_postgres() {
  pg_port=$(free_port)
  "${as_owner[@]}" "$pg_bin/initdb" -D "$cluster" -U lagebild --auth=trust -E UTF8 --locale=C >"$work/initdb.log" 2>&1 ||
    { echo "FAIL: initdb"; cat "$work/initdb.log"; return 1; }
  at_exit "\"\${as_owner[@]}\" \"\$pg_bin/pg_ctl\" -D \"\$cluster\" -m immediate stop >/dev/null 2>&1"
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$cluster" -w -l "$work/server.log" \
    -o "-c listen_addresses='' -c unix_socket_directories='$work' -p $pg_port -c fsync=off $*" start >/dev/null ||
    { echo "FAIL: the server did not start"; cat "$work/server.log"; return 1; }
}

psql() { "$pg_bin/psql" -X -q -t -A -h "$work" -p "$pg_port" -U lagebild "$@"; }
url() { echo "postgresql:///$1?host=$work&port=$pg_port&user=lagebild"; }

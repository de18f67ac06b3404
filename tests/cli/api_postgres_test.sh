#!/usr/bin/env bash
# `lagebild serve` on PostgreSQL against the same on SQLite (docs/api.md): the same documents
# ingested into both, a server on each, and the JSON answers of every read endpoint compared —
# events with each filter and full-text queries, every page of every sort (cursors included),
# every event with its mentions, documents, actors, graph, timeline, health — before and after
# the same document is posted to both. Then what only PostgreSQL can get wrong: a bad `q` and
# FTS5 syntax without a tsquery counterpart are 400s, a concurrent ingest is visible, and the
# PostgreSQL backend's unit tests (PostgresServeTest) run against the same server.
# The cluster is a throw-away one in a temporary folder, on a unix socket there only, as in
# postgres_worker_test.sh. Skips (exit 77) when the PostgreSQL server binaries are absent.
# Usage: api_postgres_test.sh LAGEBILD SOURCE_DIR [UNIT_TESTS]
set -uo pipefail
lagebild=$1
source_dir=$2
unit_tests=${3:-}
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/postgres_lib.sh"
# no autovacuum, whose transactions would move the data stamp that the unit tests expect to stand still
start_postgres -c autovacuum=off || exit 1
for db in api unit; do psql -d postgres -c "CREATE DATABASE $db" || exit 1; done

# The documents of api_test.sh, and some with diacritics, quotes and hyphens for the search.
python3 "$(dirname "$0")/generated_reports.py" "$work/generated.jsonl" --accents || exit 1

for db in "$work/api.db" "$(url api)"; do
  "$lagebild" ingest --quiet --db "$db" --published 2023-09-05 "$source_dir/examples/kim-putin-de.txt" || { echo "FAIL: ingest into $db"; exit 1; }
  "$lagebild" ingest --quiet --db "$db" "$work/generated.jsonl" || { echo "FAIL: ingest into $db"; exit 1; }
done

echo 'secret-token-123' > "$work/token"
start_server sqlite "$lagebild" "$work/api.db" --token-file "$work/token" --jobs 2 || exit 1
sqlite_port=$port sqlite_pid=$server_pid
start_server postgres "$lagebild" "$(url api)" --token-file "$work/token" --jobs 2 || exit 1
pg_serve_port=$port pg_serve_pid=$server_pid

python3 - "$sqlite_port" "$pg_serve_port" "$lagebild" "$(url api)" "$work" <<'PY' || exit 1
import http.client, json, subprocess, sys, urllib.parse
sqlite_port, pg_port = int(sys.argv[1]), int(sys.argv[2])
lagebild, pg_url, work = sys.argv[3], sys.argv[4], sys.argv[5]
failures = []
compared = 0

def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    kind = response.getheader("Content-Type", "")
    return response.status, json.loads(data) if kind.startswith("application/json") else data

def check(condition, message):
    if not condition:
        failures.append(message)
    return condition

def same(path, **params):
    """GETs path from both servers; the answers must be equal. Returns PostgreSQL's."""
    global compared
    full = path + ("?" + urllib.parse.urlencode(params) if params else "")
    expected = request(sqlite_port, "GET", full)
    got = request(pg_port, "GET", full)
    compared += 1
    if not check(got == expected, f"GET {full}: PostgreSQL differs from SQLite"):
        print(f"--- SQLite {full}\n{json.dumps(expected)[:1500]}\n--- PostgreSQL\n{json.dumps(got)[:1500]}")
    check(expected[0] == 200, f"GET {full} on SQLite: status {expected[0]}")
    return got[1]

filters = [{}, {"actor": "RUS"}, {"actor": "deu"}, {"source_actor": "RUS"}, {"target_actor": "rus"}, {"root": "04,05"},
           {"code": "04"}, {"quad_class": "1,2"}, {"quad_class": "3,4"}, {"modality": "planned"},
           {"modality": "asserted,negated"}, {"min_mentions": 2}, {"from": "2024-02-02", "to": "2024-02-03"},
           {"from": "2023-09-10", "to": "2023-09-10"}, {"from": "2024-03-01"}, {"country": "RUS"}, {"country": "FRA"},
           {"source": "site1.example"}, {"actor": "RUS", "modality": "asserted", "quad_class": "1,2,3,4"},
           {"q": "Waffenlieferungen OR beliefern"}, {"q": '"Olaf Scholz"'}, {"q": "Scho*"}, {"q": "Scholz"},
           {"q": "xyzzyunfindable"}, {"q": "Putin NOT Scholz"}, {"q": "(Putin OR Biden) AND Macron"}, {"q": "Putin NOT Scholz Macron"}, {"q": "signal"},
           {"q": "Pjongjang"}, {"q": "pjöngjang"}, {"q": "scharf"}, {"q": "uberraschend"}, {"q": "Élysée"},
           {"q": '"Elysee Palast"'}, {"q": "sentence:Biden"}, {"q": '"Olaf Sch"*'}, {"q": "Kim + Jong"},
           {"q": "lobte AND Macron"}, {"q": "Scholz", "actor": "DEU", "from": "2024-02-03"}]

def compare_everything():
    health = same("/healthz")
    everything = same("/api/events", limit=500)
    for params in filters:
        same("/api/events", limit=500, **params)
        same("/api/graph", **params)
        same("/api/timeline", **params)
        same("/api/actors", limit=500, **params)
    for by in ("day", "month"):
        same("/api/timeline", by=by)
    for prefix in ("rus", "Olaf", "em", "wladimir p", "x%", "_"):
        same("/api/actors", prefix=prefix)
    same("/api/graph", limit=3)
    for sort in ["date", "-date", "mentions", "-mentions", "goldstein", "-goldstein"]:
        for extra in [{}, {"q": "Scholz OR Putin", "actor": "DEU"}]:
            cursor, pages = None, 0
            while pages < 200:
                params = {"sort": sort, "limit": 4, **extra}
                if cursor:
                    params["cursor"] = cursor
                cursor, pages = same("/api/events", **params)["next_cursor"], pages + 1
                if not cursor:
                    break
    documents = set()
    for event in everything["events"]:
        detail = same(f"/api/events/{event['id']}")
        documents.update(m["document_id"] for m in detail.get("mentions", []))
    for document in sorted(documents):
        same(f"/api/documents/{document}")
    return health

health = compare_everything()
check(health["events"] > 30, f"a corpus too small to compare: {health}")

# The same document posted to both; the trigger indexes its sentences for q at once.
line = json.dumps({"id": "posted", "url": "https://posted.example/1", "published": "2024-03-01",
                   "text": "Am 1. März 2024 traf Joe Biden Olaf Scholz in Berlin zu Gesprächen über Zölle."})
token = {"Authorization": "Bearer secret-token-123"}
check(request(pg_port, "POST", "/api/documents", line)[0] == 401, "POST without a token on PostgreSQL")
posted = [request(port, "POST", "/api/documents", line, token) for port in (sqlite_port, pg_port)]
check(posted[0] == posted[1] and posted[1][0] == 201, f"POST: {posted}")
again = request(pg_port, "POST", "/api/documents", line, token)
check(again[0] == 200 and again[1]["duplicate"] is True, f"POST again on PostgreSQL: {again}")
check(same("/api/events", q="Zolle")["total"] > 0, "q finds the posted document's sentence on PostgreSQL")
compare_everything()

# What PostgreSQL answers 400 to.
for q in ['"unclosed', "a OR", "(a", "(a) b", "NEAR(Kim Putin)", "^Am", "x.y", "foo:Kim"]:
    status, body = request(pg_port, "GET", "/api/events?" + urllib.parse.urlencode({"q": q}))
    check(status == 400 and "q" in body["error"]["message"], f"q={q!r} on PostgreSQL: {status} {body}")
for q in ['"unclosed', "a OR", "(a", "(a) b", "x.y", "foo:Kim"]:  # FTS5's syntax errors are SQLite's 400s too
    check(request(sqlite_port, "GET", "/api/events?" + urllib.parse.urlencode({"q": q}))[0] == 400, f"q={q!r} on SQLite")
for path in ["/api/events/987654321", "/api/documents/987654321"]:
    check(request(pg_port, "GET", path)[0] == 404, f"{path} on PostgreSQL")
check(request(pg_port, "GET", "/api/events?limit=501")[0] == 400, "limit on PostgreSQL")
check(request(pg_port, "GET", "/api/events?" + urllib.parse.urlencode({"sort": "date", "cursor": same("/api/events", sort="-mentions", limit=1)["next_cursor"]}))[0] == 400,
      "a cursor of another sort on PostgreSQL")

# ingest beside the running server: its readers see the commit, and the new sentence is searchable
with open(work + "/late.jsonl", "w") as late:
    late.write(json.dumps({"id": "late", "published": "2024-03-02", "text": "Am 2. März 2024 lobte Olaf Scholz Joe Biden überschwänglich."}) + "\n")
before = request(pg_port, "GET", "/healthz")[1]["documents"]
subprocess.run([lagebild, "ingest", "--quiet", "--db", pg_url, work + "/late.jsonl"], check=True)
check(request(pg_port, "GET", "/healthz")[1]["documents"] == before + 1, "a concurrent ingest is visible on PostgreSQL")
check(request(pg_port, "GET", "/api/events?q=uberschwanglich")[1]["total"] == 1, "a concurrent ingest is searchable")

status, metrics = request(pg_port, "GET", "/metrics")
check(status == 200 and b'lagebild_http_requests_total{endpoint="/api/events",status="200"}' in metrics, "metrics on PostgreSQL")

for failure in failures:
    print("FAIL:", failure)
print(f"api_postgres_test: {compared} answers compared, {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
PY
result=$?

if [[ -n $unit_tests ]]; then
  if LAGEBILD_TEST_POSTGRES_URL=$(url unit) "$unit_tests" --gtest_filter='PostgresServeTest.*' >"$work/unit.log" 2>&1; then
    echo "ok   unit tests (PostgresServeTest)"
  else
    echo "FAIL unit tests (PostgresServeTest)"; tail -30 "$work/unit.log"; result=1
  fi
fi

stop_server "$sqlite_pid" sqlite || result=1
stop_server "$pg_serve_pid" postgres || result=1
exit $result

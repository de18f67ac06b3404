#!/usr/bin/env bash
# The PostgreSQL store against the SQLite one, on a throw-away cluster in a temporary folder that
# listens on a unix socket there only (docs/schema.md "PostgreSQL"):
#   - a plain `ingest --db postgresql://…` exports exactly what the same ingest into SQLite does;
#   - `ingest --enqueue` and two workers running at once store every document once, empty the
#     queue and export the same events (see compare_events for what may differ and why);
#   - two plain ingests of the same documents at once store each once;
#   - a worker killed with kill -9 mid-run leaves its documents to the next one.
# Skips (exit 77) when the PostgreSQL server binaries are absent. As root (CI), the cluster
# belongs to the `postgres` system user, since initdb refuses to run as root.
# Usage: postgres_worker_test.sh LAGEBILD [UNIT_TESTS]
set -uo pipefail
lagebild=$1
unit_tests=${2:-}
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/postgres_lib.sh"
start_postgres || exit 1
for db in plain queue twice killed; do psql -d postgres -c "CREATE DATABASE $db" || exit 1; done

# A corpus of our own (as in ingest_crash_test.sh): meetings, praise and criticism among leaders
# on several days, each told twice in other words by another site, so that events fold across
# documents and both workers write the same events; every tenth report appears twice.
mkdir -p "$work/corpus"
python3 - "$work/corpus" <<'PY'
import json, sys
people = ["Olaf Scholz", "Emmanuel Macron", "Joe Biden", "Wladimir Putin", "Xi Jinping"]
verbs = ["traf", "kritisierte", "lobte"]
with open(sys.argv[1] + "/reports.jsonl", "w") as out:
    n = 0
    for day in (3, 4):
        for a in people:
            for b in people:
                if a == b:
                    continue
                for verb in verbs:
                    for text in (f"Am {day}. März 2024 {verb} {a} {b}. Beobachter sprachen von einem Signal.",
                                 f"{a} {verb} am {day}. März 2024 {b}, hieß es aus Regierungskreisen."):
                        n += 1
                        line = json.dumps({"id": f"r{n}", "url": f"https://site{n % 5}.example/{n}",
                                           "published": f"2024-03-{day:02d}", "text": text})
                        out.write(line + "\n")
                        if n % 10 == 0:
                            out.write(line + "\n")
with open(sys.argv[1] + "/visit.html", "w") as out:
    out.write("<html><head><title>Besuch</title></head><body><p>Am 5. September 2023 traf Kim Jong-un "
              "in Wladiwostok Wladimir Putin.</p><p>Die USA kritisierten das Treffen.</p></body></html>\n")
PY
cp "$(dirname "$0")/../../examples/kim-putin-de.txt" "$work/corpus/"
sources=("$work/corpus")
options=(--quiet --published 2023-09-05)

failed=0
fail() { echo "FAIL $*"; failed=1; }
ok() { echo "ok   $*"; }

"$lagebild" ingest "${options[@]}" --db "$work/reference.db" "${sources[@]}" || { echo "FAIL: ingest into SQLite"; exit 1; }
"$lagebild" export --db "$work/reference.db" --format jsonl >"$work/reference.jsonl"
"$lagebild" export --db "$work/reference.db" --format gdelt-mentions >"$work/reference.mentions"
documents=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM documents').fetchone()[0])" "$work/reference.db")
documents_read=$(($(wc -l <"$work/corpus/reports.jsonl") + 2))  # documents read, repeats included
echo "SQLite: $documents documents, $(wc -l <"$work/reference.jsonl") events, $(wc -l <"$work/reference.mentions") mentions"

# 1. One writer: the same rows in the same order, so the same export to the byte, ids included.
"$lagebild" ingest "${options[@]}" --db "$(url plain)" "${sources[@]}" || fail "plain ingest into PostgreSQL"
"$lagebild" export --db "$(url plain)" --format jsonl >"$work/plain.jsonl"
if cmp -s "$work/reference.jsonl" "$work/plain.jsonl"; then ok "plain ingest: the same events as SQLite"; else
  fail "plain ingest: events differ from SQLite"; diff "$work/reference.jsonl" "$work/plain.jsonl" | head -5; fi
"$lagebild" export --db "$(url plain)" --format gdelt-mentions | cut -f1,4- >"$work/plain.mentions"
if cmp -s <(cut -f1,4- "$work/reference.mentions") "$work/plain.mentions"; then ok "plain ingest: the same mentions"; else
  fail "plain ingest: mentions differ from SQLite"; fi
# near copies grouped into the same stories
python3 -c "import sqlite3,sys; [print(f'{a}|{b}') for a, b in sqlite3.connect(sys.argv[1]).execute('SELECT id, story_id FROM documents ORDER BY id')]" \
  "$work/reference.db" >"$work/reference.stories"
psql -d plain -c "SELECT id, story_id FROM documents ORDER BY id" >"$work/plain.stories"
stories=$(cut -d'|' -f2 "$work/reference.stories" | sort -u | wc -l)
if cmp -s "$work/reference.stories" "$work/plain.stories"; then ok "plain ingest: the same $stories stories"; else
  fail "plain ingest: stories differ from SQLite"; fi
"$lagebild" ingest --published 2023-09-05 --db "$(url plain)" "${sources[@]}" 2>"$work/again.log" || fail "second plain ingest"
if grep -q " 0 stored, $documents_read already stored" "$work/again.log" &&
   cmp -s "$work/plain.jsonl" <("$lagebild" export --db "$(url plain)" --format jsonl); then
  ok "the same documents again: nothing new"
else
  fail "the same documents again changed something:"; cat "$work/again.log"
fi

# Events as a list of JSON objects without their ids, sorted. Two workers store documents in
# another order than one ingest, so event ids differ, and an event's first report (which gives its
# actor names, place and URL) can come from another document. So events are compared on what
# does not depend on the order — key, codes, counts, first and last seen — and, when all their
# reports come from one document, on everything but the id.
compare_events() {
  python3 - "$1" "$2" <<'PY'
import json, sys
def load(path):
    rows = []
    for line in open(path):
        event = json.loads(line)
        del event["id"]
        if event["num_articles"] > 1:
            for name in ("source", "target"):
                event[name] = {"code": event[name]["code"]}
            for name in ("place", "url"):
                del event[name]
        rows.append(json.dumps(event, sort_keys=True))
    return sorted(rows)
a, b = load(sys.argv[1]), load(sys.argv[2])
sys.exit(0 if a == b else 1)
PY
}
# Mentions without the event id and the two timestamps, sorted.
mention_lines() { cut -f4- "$1" | sort; }

# 2. The queue and two workers at once.
"$lagebild" ingest "${options[@]}" --enqueue --db "$(url queue)" "${sources[@]}" || fail "ingest --enqueue"
queued=$(psql -d queue -c "SELECT count(*) FROM queue")
[[ $queued -eq $documents_read ]] && ok "enqueued $queued documents" || fail "enqueued $queued documents, not $documents_read"
[[ $(psql -d queue -c "SELECT count(*) FROM documents") -eq 0 ]] || fail "--enqueue analysed documents"
"$lagebild" worker --db "$(url queue)" --idle-exit --jobs 1 --batch 8 2>"$work/worker1.log" &
first=$!
"$lagebild" worker --db "$(url queue)" --idle-exit --jobs 1 --batch 8 2>"$work/worker2.log" &
second=$!
wait $first || fail "first worker: $(cat "$work/worker1.log")"
wait $second || fail "second worker: $(cat "$work/worker2.log")"
echo "     worker 1: $(grep -o 'worked on [0-9]* document(s)' "$work/worker1.log"), worker 2: $(grep -o 'worked on [0-9]* document(s)' "$work/worker2.log")"
[[ $(psql -d queue -c "SELECT count(*) FROM queue") -eq 0 ]] && ok "two workers: the queue is empty" || fail "two workers left documents in the queue"
stored=$(psql -d queue -c "SELECT count(*), count(DISTINCT content_hash) FROM documents")
[[ $stored == "$documents|$documents" ]] && ok "two workers: every document stored once" || fail "two workers stored $stored documents (all|distinct), not $documents"
"$lagebild" export --db "$(url queue)" --format jsonl >"$work/queue.jsonl"
compare_events "$work/reference.jsonl" "$work/queue.jsonl" && ok "two workers: the same events and counts as SQLite" ||
  fail "two workers: events differ from SQLite"
"$lagebild" export --db "$(url queue)" --format gdelt-mentions >"$work/queue.mentions"
cmp -s <(mention_lines "$work/reference.mentions") <(mention_lines "$work/queue.mentions") && ok "two workers: the same mentions" ||
  fail "two workers: mentions differ from SQLite"

# 3. Two plain ingests of the same documents at once: each document stored once, the same events.
"$lagebild" ingest "${options[@]}" --db "$(url twice)" "${sources[@]}" &
first=$!
"$lagebild" ingest "${options[@]}" --db "$(url twice)" "${sources[@]}" || fail "the second of two ingests at once"
wait $first || fail "the first of two ingests at once"
"$lagebild" export --db "$(url twice)" --format jsonl >"$work/twice.jsonl"
if [[ $(psql -d twice -c "SELECT count(*) FROM documents") -eq $documents ]] && compare_events "$work/reference.jsonl" "$work/twice.jsonl"; then
  ok "two ingests of the same documents at once: each stored once, the same events"
else
  fail "two ingests of the same documents at once"
fi

# 4. A worker killed mid-run: its claimed documents go back to the queue, the next worker
# finishes, and the database is as if nothing had happened.
"$lagebild" ingest "${options[@]}" --enqueue --db "$(url killed)" "${sources[@]}" || fail "ingest --enqueue (kill test)"
"$lagebild" worker --db "$(url killed)" --idle-exit --jobs 1 --batch 4 --quiet &
victim=$!
sleep 0.6
kill -9 $victim 2>/dev/null
wait $victim 2>/dev/null
left=$(psql -d killed -c "SELECT count(*) FROM queue")
"$lagebild" worker --db "$(url killed)" --idle-exit --jobs 1 --quiet || fail "the worker after the killed one"
"$lagebild" export --db "$(url killed)" --format jsonl >"$work/killed.jsonl"
if [[ $(psql -d killed -c "SELECT count(*) FROM queue") -eq 0 ]] && compare_events "$work/reference.jsonl" "$work/killed.jsonl"; then
  ok "worker killed with $left documents left in the queue: the next one finished, the same events"
else
  fail "after a killed worker ($left documents were left)"
fi

# 5. The store's unit tests against this server.
if [[ -n $unit_tests ]]; then
  LAGEBILD_TEST_POSTGRES_URL=$(url postgres) "$unit_tests" --gtest_filter='PostgresStoreTest.*' >"$work/unit.log" 2>&1 &&
    ok "unit tests (PostgresStoreTest)" || { fail "unit tests (PostgresStoreTest)"; tail -30 "$work/unit.log"; }
fi
exit $failed

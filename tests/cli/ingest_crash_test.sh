#!/usr/bin/env bash
# Kill -9 an ingest at several points, run it again, and compare the database with one from an
# uninterrupted run: the same documents, events, counts and mentions (docs/schema.md
# "Guarantees"); and the same database whatever the number of threads.
# Usage: ingest_crash_test.sh LAGEBILD
set -uo pipefail
lagebild=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A corpus of our own: meetings, visits and praise or criticism among a few leaders on many
# days, each told twice in other words by another site, so that events fold across documents.
python3 - "$work/corpus.jsonl" <<'PY'
import json, sys
people = ["Olaf Scholz", "Emmanuel Macron", "Joe Biden", "Wladimir Putin", "Xi Jinping", "Recep Tayyip Erdoğan"]
verbs = ["traf", "kritisierte", "lobte", "besuchte"]
with open(sys.argv[1], "w") as out:
    n = 0
    for day in range(1, 15):
        for a in people:
            for b in people:
                if a == b:
                    continue
                for verb in verbs:
                    for text in (f"Am {day}. Februar 2024 {verb} {a} {b}. Beobachter sprachen von einem Signal.",
                                 f"{a} {verb} am {day}. Februar 2024 {b}, hieß es aus Regierungskreisen."):
                        n += 1
                        out.write(json.dumps({"id": f"d{n}", "url": f"https://site{n % 7}.example/{n}",
                                              "published": f"2024-02-{day:02d}", "text": text}) + "\n")
PY

dump() {  # dump DB: every row that is not a timestamp, in a stable order
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for table, columns in [("sources", "*"), ("stories", "*"), ("document_bands", "*"),
                       ("documents", "id, content_hash, external_id, url, published, source_id, story_id, minhash"),
                       ("events", "*"), ("mentions", "*")]:
    for row in db.execute(f"SELECT {columns} FROM {table} ORDER BY 1"):
        print(table, row)
PY
}

"$lagebild" ingest --quiet --db "$work/clean.db" "$work/corpus.jsonl" || { echo "FAIL: the uninterrupted ingest"; exit 1; }
dump "$work/clean.db" >"$work/clean.txt"
echo "uninterrupted: $(grep -c '^documents' "$work/clean.txt") documents, $(grep -c '^events' "$work/clean.txt") events"
folded=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM events WHERE num_articles >= 2 AND num_sources >= 2').fetchone()[0])" "$work/clean.db")
if [[ $folded -lt 800 ]]; then echo "FAIL: only $folded events folded from two or more articles of two or more sources"; exit 1; fi

failed=0
# the order of what is stored does not depend on the number of threads
"$lagebild" ingest --quiet --jobs 1 --db "$work/one.db" "$work/corpus.jsonl" || { echo "FAIL: ingest with one job"; exit 1; }
"$lagebild" ingest --quiet --jobs 3 --db "$work/three.db" "$work/corpus.jsonl" || { echo "FAIL: ingest with three jobs"; exit 1; }
if cmp -s <(dump "$work/one.db") <(dump "$work/three.db"); then
  echo "ok   one and three jobs: same database"
else
  echo "FAIL one and three jobs give different databases"
  failed=1
fi
for delay in 0.2 0.5 0.8 1.1; do
  rm -f "$work/crash.db"*
  "$lagebild" ingest --quiet --db "$work/crash.db" "$work/corpus.jsonl" &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  partial=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM documents').fetchone()[0], 'documents stored')" "$work/crash.db" 2>/dev/null || echo "no database yet")
  "$lagebild" ingest --quiet --db "$work/crash.db" "$work/corpus.jsonl" || { echo "FAIL: re-run after kill at ${delay}s"; failed=1; continue; }
  dump "$work/crash.db" >"$work/crash.txt"
  if cmp -s "$work/clean.txt" "$work/crash.txt"; then
    echo "ok   killed after ${delay}s ($partial), re-run: same database"
  else
    echo "FAIL killed after ${delay}s ($partial), re-run differs:"
    diff "$work/clean.txt" "$work/crash.txt" | head -5
    failed=1
  fi
done
exit $failed

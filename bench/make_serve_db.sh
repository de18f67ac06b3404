#!/usr/bin/env bash
# A database of at least 100,000 events for benchmarking `lagebild serve` (bench/results/
# 2026-11-29-serve.md). The documents are synthetic JSON Lines, ingested with `lagebild ingest`
# so that documents, mentions, stories and the full-text index are what a real run stores: each
# document tells five events among 30 countries with 6 verbs on random days of 2015–2024 (about
# 16 million possible event keys, so nearly every report is an event of its own).
# Usage: bench/make_serve_db.sh LAGEBILD OUT [DOCUMENTS=24000] [SEED=1]
# OUT is a SQLite file (made anew) or a PostgreSQL URL (an empty database; counted with psql).
set -euo pipefail
lagebild=$1
out=$2
documents=${3:-24000}
seed=${4:-1}
corpus=$(mktemp --suffix=.jsonl)
trap 'rm -f "$corpus"' EXIT
python3 - "$corpus" "$documents" "$seed" <<'PY'
import datetime, json, random, sys
path, documents, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(seed)
countries = ["Frankreich", "Russland", "Polen", "Italien", "Japan", "Kanada", "Spanien", "Schweden", "Brasilien",
             "Argentinien", "China", "Indien", "Mexiko", "Norwegen", "Finnland", "Ägypten", "Kenia", "Nigeria",
             "Australien", "Chile", "Peru", "Portugal", "Griechenland", "Ungarn", "Rumänien", "Bulgarien", "Irland",
             "Österreich", "Dänemark", "Belgien"]
verbs = ["kritisierte", "traf", "lobte", "besuchte", "drohte", "verurteilte"]
months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
start = datetime.date(2015, 1, 1)
with open(path, "w") as out:
    for n in range(documents):
        days = sorted(start + datetime.timedelta(days=random.randrange(3650)) for _ in range(5))
        sentences = []
        for day in days:
            a, b = random.sample(countries, 2)
            sentences.append(f"Am {day.day}. {months[day.month - 1]} {day.year} {random.choice(verbs)} {a} {b}.")
        published = days[-1] + datetime.timedelta(days=1)
        out.write(json.dumps({"id": f"b{n}", "url": f"https://site{n % 40}.example/{n}", "title": f"Meldung {n}",
                              "published": published.isoformat(), "text": " ".join(sentences)}, ensure_ascii=False) + "\n")
PY
if [[ $out == postgres* ]]; then
  "$lagebild" ingest --quiet --db "$out" --lang de "$corpus"
  psql -X -q -t -A "$out" -c "SELECT 'events: ' || (SELECT count(*) FROM events) || ' mentions: ' || (SELECT count(*) FROM mentions)"
  exit 0
fi
rm -f "$out" "$out-wal" "$out-shm"
"$lagebild" ingest --quiet --db "$out" --lang de "$corpus"
python3 -c "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); print('events:', db.execute('SELECT count(*) FROM events').fetchone()[0], 'mentions:', db.execute('SELECT count(*) FROM mentions').fetchone()[0])" "$out"

#!/usr/bin/env bash
# The web UI's browser tests against a real `lagebild serve` (not the fixture server): the example
# article and a few generated reports ingested into a fresh database, the built UI (web/dist)
# served beside the API on a free port, then web/test/run.mjs with LAGEBILD_URL pointing there.
# Usage: live_test.sh LAGEBILD SOURCE_DIR OUT_DIR. Exit 77 (skipped) as run.mjs: no chromium.
set -uo pipefail
lagebild=$1
source_dir=$2
out_dir=$3
source "$(dirname "$0")/../cli/lib.sh"

[ -f "$source_dir/web/dist/index.html" ] || { echo "FAIL: web/dist is not built (bash scripts/setup.sh)"; exit 1; }
"$lagebild" ingest --quiet --db "$work/live.db" --published 2023-09-05 "$source_dir/examples/kim-putin-de.txt" || exit 1
python3 - "$work/more.jsonl" <<'PY'
import json, sys
texts = ["Am 13. September 2023 traf Kim Jong-un in Wladiwostok Wladimir Putin.",
         "Am 14. September 2023 kritisierte Antony Blinken Nordkorea scharf.",
         "Russlands Verteidigungsminister Sergej Schoigu besuchte am 26. Juli 2023 Pjöngjang."]
with open(sys.argv[1], "w") as out:
    for n, text in enumerate(texts):
        out.write(json.dumps({"id": f"m{n}", "url": f"https://zeitung{n}.example/{n}", "title": f"Meldung {n}",
                              "published": "2023-09-15", "text": text}) + "\n")
PY
"$lagebild" ingest --quiet --db "$work/live.db" "$work/more.jsonl" || exit 1

start_server serve "$lagebild" "$work/live.db" --web "$source_dir/web/dist" || exit 1
LAGEBILD_URL="http://127.0.0.1:$port/" node "$source_dir/web/test/run.mjs" --out "$out_dir"

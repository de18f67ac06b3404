#!/usr/bin/env bash
# Behaviour of `lagebild extract` as a user sees it: output formats, exit codes and messages for
# bad input. Usage: cli_test.sh PATH/TO/lagebild SOURCE_DIR
set -u
lagebild=$1
source_dir=$2
sample=$source_dir/examples/kim-putin-de.txt
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/checks.sh"

run() {  # run ARGS... ; stores stdout, stderr, exit code
  "$lagebild" "$@" >"$work/out" 2>"$work/err"
  code=$?
}

json_field() {  # json_field PYTHON-EXPRESSION-ON-d
  python3 -c "import json,sys; d=json.load(open('$work/out')); print($1)"
}

run extract --published 2023-09-05 "$sample"
check "sample: exit 0" test "$code" -eq 0
check "sample: one JSON object, German, 58 sentences" \
  test "$(json_field 'd["doc"]["lang"], d["doc"]["published"], len(d["sentences"])')" = "de 2023-09-05 58"
check "sample: offsets point at the sentence" \
  test "$(python3 -c "
import json; d=json.load(open('$work/out')); t=open('$sample',encoding='utf-8').read()
s=d['sentences'][8]; print(t.encode()[s['begin']:s['end']].decode())")" = "Nordkorea feiert am 9. September den Jahrestag seiner Gründung."

run extract --with-text --format jsonl "$sample" "$sample"
check "two inputs: two JSON lines with text" test "$(python3 -c "
import json; rows=[json.loads(l) for l in open('$work/out')]; print(len(rows), all('text' in r['doc'] for r in rows))")" = "2 True"

run extract --format tsv "$sample"
check "tsv: header and one row per sentence" test "$(head -1 "$work/out" | cut -f1-3)" = "$(printf 'doc_id\ttype\tindex')"
check "tsv: 58 sentence rows" test "$(grep -c $'\tsentence\t' "$work/out")" -eq 58
check "tsv: a place row for Wladiwostok" test -n "$(grep -P '\tplace\t.*\tcity:Vladivostok:RUS\tWladiwostok$' "$work/out")"

run extract --format tsv --published 2023-09-05 "$sample"
check "tsv: 'diesen Monat' is September 2023" test -n "$(grep -P '\ttime\t.*\tDATE:2023-09\tdiesen Monat$' "$work/out")"
check "tsv: the planned trip is dated and placed" test -n "$(grep -P '\tevent\t.*\tPRKGOV:RUS:042:planned:USAGOV:2023-09:Russian Federation\treisen$' "$work/out")"

run extract --format pretty "$sample"
check "pretty: names the language and counts" grep -q "language de" "$work/out"

printf 'Kim reist nach Moskau. Putin wartet.' | "$lagebild" extract --lang de - >"$work/out" 2>"$work/err"
check "stdin: two sentences" test "$(json_field 'len(d["sentences"])')" = "2"

run extract "$work/missing.txt"
check "missing file: exit 1" test "$code" -eq 1
check "missing file: message names it" grep -q "missing.txt: No such file" "$work/err"

printf '\x7fELF\x00\x00\x01' >"$work/binary.bin"
: >"$work/empty.txt"
run extract "$work/binary.bin" "$work/empty.txt" "$sample"
check "bad inputs: exit 1" test "$code" -eq 1
check "binary input: skipped with a reason" grep -q "binary.bin: binary data" "$work/err"
check "empty input: skipped with a reason" grep -q "empty.txt: empty input" "$work/err"
check "bad inputs: the good document is still processed" test "$(json_field 'd["doc"]["lang"]')" = "de"

printf '{"id":"a","text":"Kim reist."}\n{broken\n{"id":"b","text":"Putin wartet."}\n' >"$work/docs.jsonl"
run extract "$work/docs.jsonl"
check "jsonl: bad line reported with its number" grep -q "docs.jsonl:2: malformed JSON" "$work/err"
check "jsonl: other lines processed" test "$(wc -l <"$work/out")" -eq 2

printf 'Gr\xfc\xdfe aus K\xf6ln.' >"$work/latin1.txt"
run extract "$work/latin1.txt"
check "latin-1: decoded with a warning" grep -q "decoded as windows-1252" "$work/err"
check "latin-1: text repaired" test "$(json_field 'd["doc"]["warnings"][0]')" = "input is not UTF-8; decoded as windows-1252"

run extract --published 5.9.2023 "$sample"
check "bad --published: usage error" test "$code" -ne 0 -a "$code" -ne 1
run extract --format xml "$sample"
check "bad --format: usage error" test "$code" -ne 0
run extract --help
check "extract --help" grep -q -- "--with-text" "$work/out"

run extract --image "$work/none.img" "$sample"
check "missing image: exit 3 with message" test "$code" -eq 3 -a -n "$(grep 'none.img' "$work/err")"

# The actors of the sample article, coded for its date.
run extract --published 2023-09-05 "$sample"
check "sample: Kim Jong-un is PRKGOV" test "$(json_field '[e["actor"] for e in d["entities"] if e["actor_id"]=="kim-jong-un"][0]')" = "PRKGOV"
check "sample: Trump is not in government in 2023" \
  test "$(json_field '[e["actor"] for e in d["entities"] if e["actor_id"]=="donald-trump"][0]')" = "USAELI"
check "sample: 'dem russischen Führer' is Putin" \
  test "$(json_field '[e["actor_id"] for e in d["entities"] if e["text"]=="russischen Führer"][0]')" = "vladimir-putin"

# The events of the sample article: the planned meeting, the appeal for arms, Shoigu's visit.
check "sample: a planned Kim-Putin meeting" \
  test "$(json_field 'sum(1 for e in d["events"] if e["source"]["actor_id"]=="kim-jong-un" and e["target"]["actor_id"]=="vladimir-putin" and e["root"]=="04" and e["modality"]=="planned")')" -ge 1
check "sample: Putin appeals to Kim for military aid (0232), not a delivery" \
  test "$(json_field '[e["code"] for e in d["events"] if e["source"]["actor_id"]=="vladimir-putin" and e["target"]["actor_id"]=="kim-jong-un"][0]')" = "0232"
check "sample: China has not sent weapons to the Russian military (negated)" \
  test "$(json_field '[e["modality"] for e in d["events"] if e["source"]["code"]=="CHN" and e["target"]["code"]=="RUSMIL" and e["root"]=="07"][0]')" = "negated"
check "sample: but it has delivered dual-use components (asserted)" \
  test "$(json_field '[e["modality"] for e in d["events"] if e["source"]["code"]=="CHN" and e["target"]["code"]=="RUSMIL" and e["root"]=="06"][0]')" = "asserted"
run extract --published 2023-09-05 --explain "$sample"
check "extract --explain shows clauses and candidates" grep -q "candidate 0232" "$work/out"

# Dictionaries: look-ups, and a broken source reported with file and line.
run dict lookup Schoigu --date 2023-09-05
check "dict lookup: Schoigu is Shoigu, RUSGOV in 2023" grep -q "sergei-shoigu .*RUSGOV" "$work/out"
cp -r "$source_dir/data" "$work/data"
printf '@broken-entry person RUS\n  en: Broken Entry\n  2020-01-01 2019-01-01 RUSGOV minister\n' >>"$work/data/actors/people/europe.txt"
lines=$(wc -l <"$work/data/actors/people/europe.txt")
run dict check --data "$work/data"
check "dict check: exit 1 on a broken source" test "$code" -eq 1
check "dict check: names file and line" grep -q "europe.txt:$lines: the role ends" "$work/err"
cp -r "$source_dir/data" "$work/data2"
printf '\nverb brokenverb\n  999  T\n  040  an T ( )\n' >>"$work/data2/de/patterns/verbs-01-05.txt"
lines=$(wc -l <"$work/data2/de/patterns/verbs-01-05.txt")
run dict check --data "$work/data2"
check "dict check: an unknown CAMEO code named with file and line" grep -q "verbs-01-05.txt:$((lines - 1)): unknown CAMEO code 999" "$work/err"
check "dict check: an unreadable frame named with file and line" grep -q "verbs-01-05.txt:$lines: cannot read frame element" "$work/err"
printf 'planed-words: geplant\n' >>"$work/data2/de/frames.txt"
lines=$(wc -l <"$work/data2/de/frames.txt")
run dict check --data "$work/data2"
check "dict check: a misspelt frame-word category named with file and line" grep -q "frames.txt:$lines: unknown category .planed-words." "$work/err"

# --dict and eval tabari with a small TABARI project of our own.
mkdir -p "$work/tabari"
printf 'NORLAND [NOR]\nSUDLAND [SUD]\n' >"$work/tabari/test.actors"
printf 'ACCUSE [112]\nMEET [040:040]\n' >"$work/tabari/test.verbs"
printf 'SET: MINIMUM WORDS = 3\n' >"$work/tabari/test.options"
printf '950101  TEST-01\nNorland accused Sudland of lying on Monday.\n/* { NOR / SUD / 112 } */\n\n950101  TEST-02\nNorland meets Sudland.\n/* { NOR / SUD / 040 } { SUD / NOR / 040 } */\n\n950101  FINAL-01\nEnd.\n/* {---} */\n' >"$work/tabari/test.text"
printf '<actorsfile> test.actors\n<verbsfile> test.verbs\n<optionsfile> test.options\n<textfile> test.text\n' >"$work/tabari/test.project"
echo "Norland accused Sudland of lying on Monday." | "$lagebild" extract --lang en --format tsv --dict "tabari:$work/tabari/test.project" >"$work/out" 2>"$work/err"
code=$?
check "--dict tabari: exit 0" test "$code" -eq 0
check "--dict tabari: the event from the project's verbs" test -n "$(grep -P '\tevent\t0\t8\t15\tNOR:SUD:112:asserted:-:-:-\taccused' "$work/out")"
check "--dict tabari: the source spans its words" test -n "$(grep -P '\tentity\t\d+\t0\t7\torganisation:NOR:' "$work/out")"
echo "Norland accused Sudland of lying about the border on Monday." >"$work/tabari/input.txt"
run extract --lang en --format tsv --dict "tabari-actors:$work/tabari/test.actors" --dict "tabari-verbs:$work/tabari/test.verbs" "$work/tabari/input.txt"
check "--dict twice, then a file: the event from single dictionary files" test -n "$(grep -P '\tevent\t0\t.*NOR:SUD:112' "$work/out")"
run extract --lang en --dict "nonsense:$work/tabari/test.project" "$sample"
check "--dict with an unknown kind: exit 3 with message" test "$code" -eq 3 -a -n "$(grep 'unknown kind nonsense' "$work/err")"
run eval tabari "$work/tabari/test.project"
check "eval tabari: both records pass" test "$code" -eq 0 -a -n "$(grep 'records passed   2 of 2' "$work/out")"

# --publisher-regions: a paper's other articles name Louisiana, so its "Alexandria" is there.
cat >"$work/gazette.jsonl" <<'JSONL'
{"id":"g1","url":"https://www.centralgazette.example/1","published":"2024-03-01","text":"A new bridge opened in Pineville, Louisiana, on Friday."}
{"id":"g2","url":"https://centralgazette.example/2","published":"2024-03-02","text":"Flooding closed two roads in Lafayette, Louisiana, on Saturday."}
{"id":"g3","url":"https://centralgazette.example/3","published":"2024-03-03","text":"Police arrested a man in Alexandria on Sunday."}
JSONL
run extract --format jsonl "$work/gazette.jsonl"
check "without --publisher-regions: Alexandria is not the Louisiana one" test "$(tail -1 "$work/out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["places"][0]["admin1"])')" != "LA"
run extract --format jsonl --publisher-regions "$work/gazette.jsonl"
check "--publisher-regions: exit 0" test "$code" -eq 0
check "--publisher-regions: Alexandria, Louisiana" test "$(tail -1 "$work/out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["doc"]["home_regions"], d["places"][0]["admin1"])')" = "['USA/LA'] LA"
run extract --publisher-regions - </dev/null
check "--publisher-regions with standard input: exit 1 with message" test "$code" -eq 1 -a -n "$(grep 'cannot take standard input' "$work/err")"

# ingest: documents, events and mentions into SQLite; a document twice is stored once.
rm -f "$work/events.db"
run ingest --db "$work/events.db" --published 2023-09-05 "$sample"
check "ingest: exit 0" test "$code" -eq 0
check "ingest: the sample is stored with its mentions" grep -q "1 stored, 0 already stored, 0 failed; 39 mention(s)" "$work/err"
run ingest --db "$work/events.db" --published 2023-09-05 "$sample"
check "ingest twice: already stored, nothing added" grep -q "0 stored, 1 already stored" "$work/err"
check "ingest twice: still one document" grep -q "holds 1 document(s)" "$work/err"
mkdir -p "$work/folder/sub"
cp "$work/gazette.jsonl" "$work/folder/sub/feed.jsonl"
echo "Hidden." >"$work/folder/.hidden.txt"
run ingest --db "$work/events.db" "$work/folder"
check "ingest a folder: every file under it, hidden ones skipped" grep -q "ingested 3 document(s)" "$work/err"
check "ingest a folder: sources are the publishers" grep -q "from 2 source(s)" "$work/err"
run ingest --db "$work/events.db" "$work/missing.txt"
check "ingest a missing file: exit 1 with its name" test "$code" -eq 1 -a -n "$(grep 'missing.txt' "$work/err")"
# PostgreSQL where no server listens (port 1): a setup error naming the URL without its password
run ingest --db postgresql://analyst:s3cret@127.0.0.1:1/lagebild "$sample"
check "ingest into an unreachable PostgreSQL: exit 3, the URL without password" \
  test "$code" -eq 3 -a -n "$(grep 'postgresql://analyst:\*\*\*@127.0.0.1:1/lagebild: cannot connect' "$work/err")" -a -z "$(grep s3cret "$work/err")"
run ingest --enqueue --db "$work/events.db" "$sample"
check "ingest --enqueue into SQLite: exit 3, needs PostgreSQL" test "$code" -eq 3 -a -n "$(grep 'needs a PostgreSQL database' "$work/err")"
run worker --db "$work/events.db" --idle-exit
check "worker on SQLite: exit 3, needs PostgreSQL" test "$code" -eq 3 -a -n "$(grep 'needs a PostgreSQL database' "$work/err")"

# ingest with threads: each thread takes parts of a batch (Pipeline::Process of a vector); what is
# stored, and in which order, is the same with one thread or two. 300 documents: the sample's
# paragraphs, each one a document, several times over.
python3 -c '
import json, sys
paragraphs = [p for p in open(sys.argv[1], encoding="utf-8").read().split("\n\n") if p.strip()]
for i in range(300):
    print(json.dumps({"id": "part-%d" % i, "text": paragraphs[i % len(paragraphs)] + " (%d)" % i, "published": "2023-09-05"}))
' "$sample" >"$work/parts.jsonl"
rm -f "$work/one.db" "$work/two.db"
"$lagebild" ingest --quiet --jobs 1 --db "$work/one.db" "$work/parts.jsonl"
"$lagebild" ingest --quiet --jobs 2 --db "$work/two.db" "$work/parts.jsonl"
"$lagebild" export --db "$work/one.db" --format jsonl >"$work/one.jsonl"
"$lagebild" export --db "$work/two.db" --format jsonl >"$work/two.jsonl"
check "ingest --jobs 2: the events one thread stores, in the same order" test -s "$work/one.jsonl" -a "$(cmp -s "$work/one.jsonl" "$work/two.jsonl"; echo $?)" = 0

# export: GDELT 2.0 layouts (61 and 16 columns), CSV with a header, JSON Lines, date and modality filters.
rm -f "$work/export.db"
"$lagebild" ingest --quiet --db "$work/export.db" --published 2023-09-05 "$sample"
run export --db "$work/export.db" --format gdelt-events
check "export gdelt-events: 61 tab-separated columns on every line" test "$(awk -F'\t' '{print NF}' "$work/out" | sort -u)" = "61"
check "export gdelt-events: the planned meeting with its four mentions" test -n "$(grep -P '^\d+\t20230905\t202309\t2023\t.*\tPRKGOV\t.*\t040\t040\t04\t1\t1.0\t4\t' "$work/out")"
events=$(wc -l <"$work/out")
run export --db "$work/export.db" --format gdelt-mentions
check "export gdelt-mentions: 16 tab-separated columns, one line per mention" test "$(awk -F'\t' '{print NF}' "$work/out" | sort -u)" = "16" -a "$(wc -l <"$work/out")" -eq 39
codebook="$source_dir/../shared/data/codebooks"
if [[ -d $codebook ]]; then
  check "export: as many event columns as the GDELT 2.0 codebook lists" test "$(($(wc -l <"$codebook/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv") - 1))" -eq 61
  check "export: as many mention columns as the GDELT 2.0 codebook lists" test "$(awk -F'\t' '$1 ~ /^[0-9]+$/ && $2 != "Add New Fields"' "$codebook/GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv" | wc -l)" -eq 16
else
  echo "skip export codebook checks: ../shared/data/codebooks is absent"
fi
run export --db "$work/export.db" --format csv
check "export csv: a header and one row per event" test "$(head -1 "$work/out" | cut -d, -f1-3)" = "id,source_code,source_name" -a "$(($(wc -l <"$work/out") - 1))" -eq "$events"
run export --db "$work/export.db" --format jsonl --from 2023-09-01 --to 2023-09-30 --modality planned
check "export jsonl with filters: only planned events dated in September 2023" test "$(python3 -c '
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
print(len(rows) > 0 and all(r["modality"] == "planned" and r["date"].startswith("2023-09") for r in rows))' "$work/out")" = "True"
run export --db "$work/export.db" --format table
check "export table: the code column starts at the same character on every line, umlauts and cuts included" test "$(python3 -c '
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
print(lines[0][56:60] == "code" and all(line[56:59].isdigit() for line in lines[1:]))' "$work/out")" = "True"
run export --db "$work/export.db" --from 2023-9-1
check "export with a malformed date: a usage error" test "$code" -ne 0 -a -n "$(grep 'expected YYYY-MM-DD' "$work/err")"

# feeds: RSS items and Atom entries are documents with their link, title and date.
cp "$source_dir/fuzz/seeds/feed/rss2.rss" "$work/news.rss"
run extract --format jsonl "$work/news.rss"
check "feed: one document per item with content, the empty one skipped with a reason" test "$(wc -l <"$work/out")" -eq 2 -a -n "$(grep 'item 2: item without content' "$work/err")"
check "feed: the item's date dates the event ('Mittwoch' before 27 July 2023)" test -n "$(grep -F '"date":"2023-07-26"' "$work/out")"

# WARC: a small crawl (scripts/make_warc.py) with three pages among records that are no documents.
warc=$source_dir/tests/data/news-sample.warc.gz
doc_fields() {  # doc_fields FIELD: the field of every document in $work/out, space-separated
  python3 -c "import json,sys; print(' '.join(str(json.loads(l)['doc'][sys.argv[1]]) for l in open('$work/out')))" "$1"
}
run extract --format jsonl "$warc"
check "warc: exit 0" test "$code" -eq 0
check "warc: the three pages with their record's URL" test "$(doc_fields url)" = \
  "https://zeitung.example/politik/kim-russland https://news.example/world/blinken-wang-yi https://blatt.example/politik/scholz-selenskyj"
check "warc: JSON-LD dates, the fetch date for the page without one" test "$(doc_fields published)" = "2023-09-12 2023-06-19 2023-05-14"
check "warc: JSON-LD headlines before <title>" test "$(doc_fields title)" = \
  "Kim Jong-un reist zu Gesprächen mit Putin nach Russland Blinken meets Wang Yi in Beijing Scholz empfängt Selenskyj in Berlin"
run extract --format jsonl --with-text "$warc"
check "warc: chunked gzip ISO-8859-1 and deflate windows-1252 payloads become UTF-8" test "$(python3 -c "
import json; rows=[json.loads(l) for l in open('$work/out')]
print('Café' in rows[1]['doc']['text'], 'Präsidenten' in rows[2]['doc']['text'])")" = "True True"
"$lagebild" extract --format jsonl - <"$warc" >"$work/out" 2>"$work/err"
check "warc on standard input: recognised by its content" test "$(wc -l <"$work/out")" -eq 3
head -c 3000 "$warc" >"$work/cut.warc.gz"
run extract --format jsonl "$work/cut.warc.gz"
check "truncated warc: exit 1, the record and offset named, the records before it read" \
  test "$code" -eq 1 -a -n "$(grep -E 'cut.warc.gz:record [0-9]+ \(offset [0-9]+\): ' "$work/err")" -a "$(wc -l <"$work/out")" -ge 1
rm -f "$work/warc.db"
run ingest --db "$work/warc.db" "$warc"
check "ingest warc: three documents stored" grep -q "ingested 3 document(s) .*: 3 stored" "$work/err"

# http(s) sources: fetched from a local server (nothing leaves the machine).
mkdir -p "$work/site"
cat >"$work/site/news.rss" <<'RSS'
<?xml version="1.0"?><rss version="2.0"><channel><title>Lokal</title>
<item><title>Eins</title><link>https://a.example/1</link><description>Kim reist nach Moskau.</description></item>
<item><title>Zwei</title><link>https://a.example/2</link><description>Putin wartet.</description></item>
</channel></rss>
RSS
(cd "$work/site" && exec python3 -u -m http.server --bind 127.0.0.1 0 >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 50); do grep -q "port" "$work/server.log" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.* port \([0-9]*\).*/\1/p' "$work/server.log" | head -1)
run extract --format jsonl "http://127.0.0.1:$port/news.rss"
check "url: a feed fetched and read item by item" test "$code" -eq 0 -a "$(wc -l <"$work/out")" -eq 2
run extract "http://127.0.0.1:$port/missing.rss"
check "url: HTTP 404 is exit 1 with the URL and status" test "$code" -eq 1 -a -n "$(grep -F "missing.rss: HTTP 404" "$work/err")"
kill "$server"
# Boilerplate removal against trafilatura's German pages: a regression guard at the anchor's F1.
boilerplate="$source_dir/../shared/data/boilerplate/trafilatura-de"
if [[ -d $boilerplate ]]; then
  run eval boilerplate "$boilerplate"
  check "eval boilerplate: F1 at least 0.92 (trafilatura's own figure)" python3 -c '
import re, sys
f1 = float(re.search(r"F1 ([0-9.]+)", open(sys.argv[1]).read()).group(1))
sys.exit(0 if f1 >= 0.92 else 1)' "$work/out"
else
  echo "skip eval boilerplate: ../shared/data/boilerplate is absent"
fi

echo "$passed passed, $failed failed"
test "$failed" -eq 0

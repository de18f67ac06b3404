#!/usr/bin/env bash
# Bad input (issue 8): lagebild gives a clear message or skips with a warning, never crashes, hangs,
# grows without bound or loses stored data. The inputs are made by bad_inputs.py in a temporary
# folder. Usage: bad_input_test.sh PATH/TO/lagebild SOURCE_DIR
# Bounds and figures: docs/reliability.md, "Bad input".
# BAD_INPUT_SLOWDOWN (default 1) multiplies every time and memory bound: the ASan/UBSan build
# runs this suite with 8 (tests/CMakeLists.txt).
set -u
slowdown=${BAD_INPUT_SLOWDOWN:-1}
lagebild=$1
source_dir=$2
sample=$source_dir/examples/kim-putin-de.txt
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/checks.sh"
failure_detail() { echo "  exit $code, ${secs}s, ${rss_mb} MB; stderr: $(head -c 400 "$work/err")"; }

# measure SECONDS ARGS... : runs lagebild under `timeout SECONDS` (times the slowdown); sets code
# (124 when it was stopped, 128+N when it died of signal N), secs and rss_mb (peak resident memory)
measure() {
  local limit=$(($1 * slowdown))
  shift
  /usr/bin/time -f '%e %M' -o "$work/time" timeout "$limit" "$lagebild" "$@" >"$work/out" 2>"$work/err"
  code=$?
  read -r secs rss_kb < <(tail -1 "$work/time")
  rss_mb=$((rss_kb / 1024))
  echo "  $(basename "${!#}"): exit $code, ${secs}s, ${rss_mb} MB" >>"$work/figures"
}
code=0 secs=0 rss_mb=0

no_crash() { [ "$code" -lt 124 ]; }              # 124 timeout, 125-127 timeout itself, >=128 signal
faster() { python3 -c "import sys; sys.exit(not $secs < $1 * $slowdown)"; }
smaller() { [ "$rss_mb" -lt $(($1 * slowdown)) ]; }
has() { grep -q -- "$1" "$work/err"; }
py() { python3 -c "$1" "$work/out"; }           # a Python check on the output (sys.argv[1])

python3 "$source_dir/tests/cli/bad_inputs.py" "$source_dir" "$work" || { echo "FAIL cannot make the inputs"; exit 1; }
: >"$work/figures"

# The good article alone, for comparison
measure 60 extract --format jsonl "$sample"
good_events=$(py 'import json,sys; print(len(json.load(open(sys.argv[1]))["events"]))')

# 1. invalid UTF-8 (stray high bytes, overlong forms, encoded surrogates, cut sequences) between the paragraphs
measure 60 extract --format jsonl "$work/bad-utf8.txt"
check "bad utf-8: exit 0, no crash" test "$code" -eq 0
check "bad utf-8: warned about the replaced sequences" has "bad-utf8.txt: warning: [0-9]* invalid UTF-8 sequence(s) replaced"
check "bad utf-8: output is valid UTF-8 JSON" py 'import json,sys; json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))'
check "bad utf-8: the events of the good sentences are all found ($good_events)" \
  py "import json,sys; sys.exit(len(json.load(open(sys.argv[1]))['events']) < $good_events)"

# 2. NUL bytes: a text file with NULs is skipped as binary, a JSON string with \u0000 is analysed
measure 60 extract --format jsonl "$work/nul.txt" "$work/nul.jsonl"
check "nul: no crash, exit 1 for the skipped file" test "$code" -eq 1
check "nul: text file skipped with its name and reason" has "nul.txt: binary data"
check "nul: the JSON document with \\u0000 is analysed into valid JSON" \
  py 'import json,sys; d=[json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]; sys.exit(not (len(d) == 1 and len(d[0]["sentences"]) == 2))'

# 3. 100 MB of German text on one line. It is analysed in parts of at most 2 MiB (src/read/document_parts.h),
# each a document of its own, with one warning. Bounds: 1 GiB of memory (ten times the input, which is
# read whole) and 150 s (48 s here: this text names three actors and a place in every sentence).
measure 150 extract --format jsonl "$work/long-line.txt"
check "100 MB line: exit 0" test "$code" -eq 0
check "100 MB line: warned that it is analysed in parts" has "long-line.txt: warning: 100.0 MB of text in one document .* parts of at most 2 MiB"
check "100 MB line: all of it analysed (1,388,888 sentences), in 48 parts of at most 2 MiB" \
  py 'import json,sys; d=[json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]; sys.exit(not (len(d) == 48 and d[-1]["doc"]["id"].endswith("#part-48") and sum(len(x["sentences"]) for x in d) == 1388888 and max(x["sentences"][-1]["end"] for x in d) <= 2 << 20))'
check "100 MB line: under 150 s and 1 GiB" eval 'faster 150 && smaller 1024'

# 4. 100,000 nested <div>
measure 60 extract --format jsonl "$work/nested.html"
check "nested html: exit 0" test "$code" -eq 0
check "nested html: warned, tags stripped" has "nested.html: warning: HTML nested [0-9]* levels deep"
check "nested html: the sentence inside is analysed" py 'import json,sys; sys.exit(not json.load(open(sys.argv[1]))["entities"])'
check "nested html: under 5 s and 300 MB" eval 'faster 5 && smaller 300'

# 5. WARC: a record claiming and inflating to 2 GiB, a 1 GiB gzip body; pages before and after
measure 60 extract --format jsonl "$work/bomb.warc.gz"
check "gzip bomb: no crash, exit 1 for the skipped records" test "$code" -eq 1
check "gzip bomb: the big record skipped, named by file, record and offset" \
  has "bomb.warc.gz:record 10 (offset [0-9]*): block of 2147483[0-9]* bytes is larger than 32 MiB; skipped"
check "gzip bomb: the inflating body skipped" has "bomb.warc.gz:record 11 (offset [0-9]*): body inflates beyond"
check "gzip bomb: the 3 pages before and the 3 after are read" test "$(wc -l <"$work/out")" -eq 6
check "gzip bomb: under 30 s and 400 MB (32 MiB record limit, not 3 GiB)" eval 'faster 30 && smaller 400'

measure 60 extract --format jsonl "$work/cut.warc.gz"
check "truncated warc (cut later in the file): the 4 documents before the cut are read" test "$(wc -l <"$work/out")" -eq 4
check "truncated warc: the cut named with the file offset of its gzip member" \
  has "cut.warc.gz:record [0-9]* (offset [0-9]*): the gzip member at offset $(cat "$work/cut.offset") ends early"

# 6. an RSS feed of 100,000 items (19 MB); ingest gets the first 10,000 (100,000 took 431 s, see docs)
measure 90 extract --format jsonl "$work/big-feed.rss"
check "big feed: exit 0" test "$code" -eq 0
check "big feed: all 100,000 items read, each once" \
  py 'import json,sys; ids={json.loads(l)["doc"]["url"] for l in open(sys.argv[1])}; sys.exit(len(ids) != 100000)'
check "big feed: under 60 s and 500 MB" eval 'faster 60 && smaller 500'
measure 90 ingest --db "$work/feed.db" "$work/feed-10k.rss"
check "feed into the database: all 10,000 items stored" has "feed.db now holds 10000 document(s)"
check "feed into the database: under 60 s and 500 MB" eval 'faster 60 && smaller 500'

# 7. a dictionary source with an error on line 5,000, and a second one further down the same file
cp -r "$source_dir/data" "$work/data"
second=$(python3 - "$work/data/actors/people/europe.txt" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[4998].startswith("  "), "line 4999 is no longer inside an entry; choose another place"
lines.insert(4999, "  2004-07-11 irgendwann SRBGOV head-of-state")
second = next(i for i in range(5600, len(lines)) if lines[i].startswith("  ") and lines[i - 1].startswith("  "))
lines.insert(second, "  2004-07-11 nie SRBGOV head-of-state")
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines))
print(second + 1)
PY
)
packages=$source_dir/node_modules
[ -d "$packages" ] || packages=$(cd "$source_dir" && git worktree list | head -1 | cut -d' ' -f1)/node_modules
measure 60 dict check --data "$work/data" --packages "$packages"
check "dictionary: exit 1" test "$code" -eq 1
check "dictionary: the message names file and line 5000" has "actors/people/europe.txt:5000: invalid date 'irgendwann'"
check "dictionary: the second error in the same file, line $second, is listed too" \
  has "actors/people/europe.txt:$second: invalid date 'nie'"
check "dictionary: both counted" grep -q "; 2 problem(s)" "$work/out"

# 8. nothing already stored is lost: a good crawl, then a batch with the bad inputs into the same database
db=$work/store.db
mkdir "$work/batch"
cp "$work/bad-utf8.txt" "$work/nul.txt" "$work/nul.jsonl" "$work/nested.html" "$work/bomb.warc.gz" "$work/cut.warc.gz" "$work/batch/"
measure 60 ingest --db "$db" "$source_dir/tests/data/news-sample.warc.gz"
check "store: the good crawl ingested" has "now holds 3 document(s)"
"$lagebild" export --db "$db" --format jsonl >"$work/before.jsonl"
measure 60 ingest --db "$db" "$work/batch"
check "store: the bad batch ends with exit 1, no crash" test "$code" -eq 1
check "store: every document of the batch read (1+1+1+6+4), none failed" has "ingested 13 document(s) .* 0 failed"
check "store: the batch's new documents stored (bad utf-8, nul.jsonl, nested html)" has "now holds 6 document(s)"
check "store: the skipped inputs named" eval 'has "nul.txt: binary data" && has "cut.warc.gz:record" && has "bomb.warc.gz:record 11"'
check "store: under 30 s and 400 MB" eval 'faster 30 && smaller 400'
"$lagebild" export --db "$db" --format jsonl >"$work/after.jsonl"
check "store: the events stored before are all there, unchanged" \
  test -z "$(comm -23 <(sort "$work/before.jsonl") <(sort "$work/after.jsonl"))" -a -s "$work/before.jsonl"
check "store: the events of the bad-utf-8 article stored" grep -q '"url":"[^"]*bad-utf8.txt"' "$work/after.jsonl"

echo "figures (exit, time, peak RSS):"
cat "$work/figures"
echo "bad input: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env python3
"""Writes Reuters-21578 as JSON Lines for the ingest benchmarks (bench/results/*-store.md,
*-postgres.md): one line per story with a body, {"id": "reuters:N", "text": TITLE, DATELINE
and BODY}, the documents bench/corpus.cc's LoadReuters reads.
Usage: reuters_jsonl.py CORPORA_DIR/reuters21578 > reuters.jsonl"""
import glob
import gzip
import json
import re
import sys

ENTITIES = {"lt": "<", "gt": ">", "amp": "&"}


def unescape(text):
    # numeric entities (&#3;) are control characters that carry no text
    return re.sub(r"&(#?\w{1,5});", lambda m: "" if m.group(1).startswith("#") else ENTITIES.get(m.group(1), m.group(0)), text)


def element(block, name):
    found = re.search(f"<{name}>(.*?)</{name}>", block, re.S)
    return found.group(1) if found else ""


count = 0
for path in sorted(glob.glob(sys.argv[1] + "/*.sgm.gz")):
    sgml = gzip.open(path).read().decode("latin-1")
    for block in re.findall(r"<REUTERS.*?</REUTERS>", sgml, re.S):
        body = element(block, "BODY")
        if not body:
            continue
        text = unescape(element(block, "TITLE")) + "\n\n" + unescape(element(block, "DATELINE")) + unescape(body)
        print(json.dumps({"id": f"reuters:{count}", "text": text}, ensure_ascii=False))
        count += 1

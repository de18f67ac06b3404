#!/usr/bin/env bash
# `lagebild serve` end to end (docs/api.md): a database made by `ingest` from the example article
# and generated documents, a server on a free port, and every endpoint checked from a client:
# filters, cursor paging, one event's mentions, document views, actors, graph, timeline,
# analysis, writing with and without the token, errors and limits, path traversal, full text.
# Usage: api_test.sh LAGEBILD SOURCE_DIR
set -uo pipefail
lagebild=$1
source_dir=$2
source "$(dirname "$0")/lib.sh"

python3 "$(dirname "$0")/generated_reports.py" "$work/generated.jsonl" || exit 1

"$lagebild" ingest --quiet --db "$work/api.db" --published 2023-09-05 "$source_dir/examples/kim-putin-de.txt" || exit 1
"$lagebild" ingest --quiet --db "$work/api.db" "$work/generated.jsonl" || exit 1

mkdir -p "$work/web/assets"
echo '<!doctype html><title>lagebild</title>' > "$work/web/index.html"
echo 'console.log(1)' > "$work/web/assets/app.js"
echo 'secret-token-123' > "$work/token"
ln -s /etc "$work/web/etc-link"

start_server serve "$lagebild" "$work/api.db" --token-file "$work/token" --web "$work/web" --jobs 2 || exit 1

python3 - "$port" "$lagebild" "$work" <<'PY' || exit 1
import http.client, json, re, socket, sys, threading, time, urllib.parse
port = int(sys.argv[1])
failures = []

def request(method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    kind = response.getheader("Content-Type", "")
    return response.status, json.loads(data) if kind.startswith("application/json") else data

def get(path, **params):
    status, body = request("GET", path + ("?" + urllib.parse.urlencode(params) if params else ""))
    check(status == 200, f"GET {path} {params}: status {status}: {body}")
    return body

def check(condition, message):
    if not condition:
        failures.append(message)
    return condition

def error_of(status, body, expected, name=None):
    ok = check(status == expected, f"expected {expected}, got {status}: {body}")
    if ok and isinstance(body, dict):
        check(body.get("error", {}).get("status") == expected, f"error shape: {body}")
        if name:
            check(name in body["error"]["message"], f"message should name {name}: {body}")

health = get("/healthz")
check(health["status"] == "ok" and health["documents"] >= 10 and health["events"] >= 10, f"healthz: {health}")

everything = get("/api/events", limit=500)
events = everything["events"]
check(everything["total"] == len(events) == health["events"], f"total {everything['total']} / {len(events)}")
check(everything["next_cursor"] is None, "one page holds all")
by_id = {e["id"]: e for e in events}

# paging: every sort, small pages, no duplicates and no gaps
for sort in ["date", "-date", "mentions", "-mentions", "goldstein", "-goldstein"]:
    seen, cursor, pages = [], None, 0
    while True:
        params = {"sort": sort, "limit": 4}
        if cursor:
            params["cursor"] = cursor
        page = get("/api/events", **params)
        seen += [e["id"] for e in page["events"]]
        cursor, pages = page["next_cursor"], pages + 1
        if not cursor or pages > 1000:
            break
    check(len(seen) == len(set(seen)) and set(seen) == set(by_id), f"paging by {sort}: {len(seen)} ids, {len(set(seen))} distinct")
    keys = [{"date": by_id[i]["date"] or "", "mentions": by_id[i]["num_mentions"], "goldstein": by_id[i]["goldstein"]}[sort.lstrip("-")] for i in seen]
    check(keys == sorted(keys, reverse=sort.startswith("-")), f"order by {sort}")

# filters
def events_where(**params):
    return get("/api/events", limit=500, **params).get("events", [])
for e in events_where(actor="PRK"):
    check((e["source"]["code"] or "").startswith("PRK") or (e["target"]["code"] or "").startswith("PRK"), f"actor: {e}")
check(all((e["source"]["code"] or "").startswith("RUS") for e in events_where(source_actor="RUS")), "source_actor")
check(all((e["target"]["code"] or "").startswith("RUS") for e in events_where(target_actor="rus")), "target_actor")
check(all(e["root"] in ("04", "05") for e in events_where(root="04,05")), "root")
check(all(e["code"].startswith("04") for e in events_where(code="04")), "code")
check(all(e["quad_class"] in (1, 2) for e in events_where(quad_class="1,2")), "quad_class")
check(all(e["modality"] == "planned" for e in events_where(modality="planned")), "modality")
check(all(e["num_mentions"] >= 2 for e in events_where(min_mentions=2)), "min_mentions")
dated = events_where(**{"from": "2024-02-02", "to": "2024-02-03"})
check(dated and all(e["date"] and "2024-02-02" <= e["date"][:10] <= "2024-02-03" for e in dated), f"from/to: {dated}")
check(any(e["date"] == "2023-09" for e in events_where(**{"from": "2023-09-10", "to": "2023-09-10"})), "a month-dated event lies within its days")
check(len(events_where(country="RUS")) >= len(events_where(actor="RUS")), "country takes actor codes and places")
site = events_where(source="site1.example")
check(site and all(e["first_seen"] and e["first_seen"].startswith("2024-02") for e in site), "source")
combined = events_where(actor="RUS", modality="asserted", quad_class="1,2,3,4")
check(all(e["modality"] == "asserted" for e in combined), "filters combine")

# full-text search: every event found has a mention whose sentence holds the word
found = events_where(q="Waffenlieferungen OR beliefern")
check(found, "q finds events")
for e in found:
    texts = " ".join(m["text"] for m in get(f"/api/events/{e['id']}")["mentions"])
    check("Waffenlieferungen" in texts or "beliefern" in texts, f"q: event {e['id']}")
check(len(events_where(q='"Olaf Scholz"')) > 0, "q phrase")
check(len(events_where(q="Scho*")) == len(events_where(q="Scholz")) > 0, "q prefix")
check(events_where(q="xyzzyunfindable") == [], "q no match")
error_of(*request("GET", "/api/events?q=" + urllib.parse.quote('"unclosed')), 400, "q")

# one event with its mentions
event = get(f"/api/events/{events[0]['id']}")
check(event["mentions"] and all(m["text"] and m["trigger"]["begin"] < m["trigger"]["end"] for m in event["mentions"]), f"event: {event}")
mention = event["mentions"][0]

# the document view: spans into its text, and the stored event among its event_ids
document = get(f"/api/documents/{mention['document_id']}")
text = document["text"].encode()
check(text[mention["sentence_begin"]:mention["sentence_begin"] + len(mention["text"].encode())].decode() == mention["text"],
      "mention sentence lies at sentence_begin of the document text")
check(all(0 <= s["begin"] < s["end"] <= len(text) for s in document["sentences"]), "sentence spans")
check(len(document["event_ids"]) == len(document["events"]), "one event_id per event")
check(event["id"] in document["event_ids"], f"event {event['id']} in {document['event_ids']}")
check(document["doc"]["id"] == mention["document_id"] and document["doc"]["source"], f"doc: {document['doc']}")

# actors, graph, timeline
actors = get("/api/actors", limit=500)["actors"]
check(actors and [a["events"] for a in actors] == sorted((a["events"] for a in actors), reverse=True), "actors order")
check(all(a["code"].startswith("RUS") or any(n.lower().startswith("rus") for n in a["names"]) for a in get("/api/actors", prefix="rus")["actors"]), "actors prefix")
check(any(a["code"] == "DEUGOV" for a in get("/api/actors", prefix="Olaf")["actors"]), "actors by name")
graph = get("/api/graph")
paired = sum(1 for e in events if e["source"]["code"] and e["target"]["code"])
check(sum(edge["events"] for edge in graph["edges"]) == paired, "graph edges count the paired events")
check({n["id"] for n in graph["nodes"]} == {x for edge in graph["edges"] for x in (edge["source"], edge["target"])}, "graph nodes")
for params in [{}, {"actor": "RUS"}, {"quad_class": "3,4"}]:
    days = get("/api/timeline", **params)["days"]
    listed = [e for e in events_where(**params) if e["date"] and len(e["date"]) == 10 and e["date"][4] == "-"]
    check(sum(d["q1"] + d["q2"] + d["q3"] + d["q4"] for d in days) == len(listed), f"timeline sums {params}")
months = get("/api/timeline", by="month")["days"]
check(any(d["date"] == "2023-09" for d in months), f"timeline by month: {months}")

# analysis stores nothing
status, analysed = request("POST", "/api/analyze", json.dumps({"text": "Am Montag traf Olaf Scholz Emmanuel Macron in Paris.", "published": "2024-03-04", "lang": "de"}))
check(status == 200 and analysed["events"] and analysed["text"].startswith("Am Montag"), f"analyze: {status} {analysed}")
check(get("/healthz")["documents"] == health["documents"], "analyze stores nothing")
error_of(*request("POST", "/api/analyze", "{not json"), 400)
error_of(*request("POST", "/api/analyze", json.dumps({"text": "x", "published": "2024-13-01"})), 400, "published")

# writing needs the token
line = json.dumps({"id": "posted", "url": "https://posted.example/1", "published": "2024-03-01", "text": "Am 1. März 2024 traf Joe Biden Olaf Scholz in Berlin."})
error_of(*request("POST", "/api/documents", line), 401)
error_of(*request("POST", "/api/documents", line, {"Authorization": "Bearer wrong"}), 401)
status, stored = request("POST", "/api/documents", line, {"Authorization": "Bearer secret-token-123"})
check(status == 201 and stored["document_id"] > 0 and stored["duplicate"] is False and stored["mentions"] >= 1, f"POST: {status} {stored}")
status, again = request("POST", "/api/documents", line, {"Authorization": "Bearer secret-token-123"})
check(status == 200 and again["duplicate"] is True and again["document_id"] == stored["document_id"], f"POST again: {status} {again}")
check(get("/healthz")["documents"] == health["documents"] + 1, "the posted document is readable at once")
check(get(f"/api/documents/{stored['document_id']}")["doc"]["url"] == "https://posted.example/1", "posted document view")

# ingest writes beside the running server; its readers see the commit
import subprocess
with open(sys.argv[3] + "/late.jsonl", "w") as late:
    late.write(json.dumps({"id": "late", "published": "2024-03-02", "text": "Am 2. März 2024 lobte Olaf Scholz Joe Biden."}) + "\n")
subprocess.run([sys.argv[2], "ingest", "--quiet", "--db", sys.argv[3] + "/api.db", sys.argv[3] + "/late.jsonl"], check=True)
check(get("/healthz")["documents"] == health["documents"] + 2, "a concurrent ingest is visible")

# errors and limits
error_of(*request("GET", "/api/events?from=2023-13-45"), 400, "from")
error_of(*request("GET", "/api/events?limit=501"), 400, "limit")
error_of(*request("GET", "/api/events?sort=size"), 400, "sort")
error_of(*request("GET", "/api/events?cursor=zz"), 400, "cursor")
error_of(*request("GET", "/api/timeline?by=year"), 400, "by")
error_of(*request("GET", "/api/events?quad_class=5"), 400, "quad_class")
error_of(*request("GET", "/api/events/987654321"), 404)
error_of(*request("GET", "/api/documents/987654321"), 404)
error_of(*request("GET", "/api/nothing"), 404)
error_of(*request("DELETE", "/api/events"), 405)
error_of(*request("POST", "/api/events/1"), 405)
error_of(*request("GET", "/api/analyze"), 405)
error_of(*request("POST", "/api/analyze", "x" * (4 * 1024 * 1024 + 1)), 413)

# static files, and no way out of the UI folder
status, page = request("GET", "/")
check(status == 200 and b"<title>lagebild" in page, f"index: {status}")
check(request("GET", "/assets/app.js")[0] == 200, "asset")
for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
             "/..%2f..%2fetc%2fpasswd", "/etc-link/passwd", "/assets/../../../etc/passwd"]:
    status, body = request("GET", path)
    check(status in (400, 404) and b"root:" not in (body if isinstance(body, bytes) else json.dumps(body).encode()),
          f"traversal {path}: {status}")

# a repeated read comes from the cache, and equals the computed answer
first_timeline = get("/api/timeline?by=month")
check(get("/api/timeline?by=month") == first_timeline, "cached timeline equals the computed one")
status, metrics = request("GET", "/metrics")
check(status == 200 and b'lagebild_http_requests_total{endpoint="/api/events",status="200"}' in metrics, "metrics")
hits = re.search(rb"^lagebild_cache_hits_total (\d+)$", metrics, re.M)
check(hits is not None and int(hits.group(1)) >= 1, "metrics count cache hits")

# Slow clients: 100 connections that send their request head a line a second must not keep the
# server from answering (it runs with 2 warm threads here; one thread per connection, up to 1024).
slow = []
for _ in range(100):
    connection = socket.create_connection(("127.0.0.1", port))
    connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    slow.append(connection)
trickling = threading.Event()
def trickle():
    while not trickling.wait(1):
        for connection in slow:
            try:
                connection.sendall(b"X-Slow: 1\r\n")
            except OSError:
                pass
trickler = threading.Thread(target=trickle, daemon=True)  # ends with the test if a request fails
trickler.start()
time.sleep(1.5)
waits = []
for _ in range(3):
    started = time.time()
    status, _ = request("GET", "/healthz")
    waits.append(time.time() - started)
    check(status == 200, "healthz answers while 100 slow clients send their headers")
trickling.set()
trickler.join()
for connection in slow:
    connection.close()
check(max(waits) < 2, f"healthz answers within 2 s beside 100 slow clients: {waits}")

for failure in failures:
    print("FAIL:", failure)
print(f"api_test: {len(failures)} failure(s)")
sys.exit(1 if failures else 0)
PY
result=$?

stop_server "$server_pid" serve || exit 1
exit $result

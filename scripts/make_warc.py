#!/usr/bin/env python3
"""Writes a small news crawl as WARC/1.0 (gzip, one member per record, as Common Crawl News does).

Three news pages written for lagebild's tests, each as a crawler stores it: a request record, a
response record (one with chunked transfer and gzip, one in ISO-8859-1, one with deflate and a
windows-1252 <meta> charset) and a metadata record; plus a warcinfo record, an image, a 404 page
and a revisit, which a reader must skip. --copies repeats the pages (with distinct URLs) to make a
larger file for benchmarks, --page-kb pads each page with that much navigation and script, as
real pages carry (Common Crawl News pages average some 100 KB of HTML), and --single-stream writes
one gzip member over the whole file.

  python3 scripts/make_warc.py tests/data/news-sample.warc.gz
  python3 scripts/make_warc.py --copies 222 --page-kb 60 /tmp/bench.warc.gz  # 2,000 records
"""
import argparse
import gzip
import random
import uuid
import zlib

GERMAN_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Kim reist nach Russland | Beispielzeitung</title>
<meta property="article:published_time" content="2023-09-12T06:30:00Z">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Kim Jong-un reist zu Gesprächen mit Putin nach Russland",
 "datePublished": "2023-09-12T08:30:00+02:00", "inLanguage": "de-DE",
 "publisher": {"@type": "Organization", "name": "Beispielzeitung"}}
</script></head>
<body><nav><a href="/">Startseite</a></nav>
<article><h1>Kim Jong-un reist zu Gesprächen mit Putin nach Russland</h1>
<p>Nordkoreas Machthaber Kim Jong-un ist am Dienstag mit seinem Panzerzug nach Russland gereist.
Er will dort Präsident Wladimir Putin treffen, wie die staatliche Nachrichtenagentur KCNA meldete.</p>
<p>Der Kreml bestätigte den Besuch. Beide Seiten wollen über eine engere Zusammenarbeit sprechen.</p>
</article></body></html>
"""

ENGLISH_PAGE = """<html><head><title>Blinken meets Wang Yi in Beijing</title></head>
<body><h1>Blinken meets Wang Yi in Beijing</h1>
<p>Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Monday.
The two sides agreed to keep talking, a spokesman said after the meeting in the Diaoyutai guest house.</p>
<p>Blinken also urged China not to send weapons to Russia. Caf\u00e9 owners near the venue were told to close.</p>
</body></html>
"""

GRAPH_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Scholz empf\u00e4ngt Selenskyj</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Beispielblatt", "url": "https://blatt.example/"},
 {"@type": ["NewsArticle", "ReportageNewsArticle"], "headline": "Scholz empf\u00e4ngt Selenskyj in Berlin",
  "datePublished": "2023-05-14", "mainEntityOfPage": {"@id": "https://blatt.example/politik/scholz-selenskyj"}}]}
</script></head>
<body><p>Bundeskanzler Olaf Scholz hat den ukrainischen Pr\u00e4sidenten Wolodymyr Selenskyj am Sonntag in Berlin empfangen.
Deutschland sagte der Ukraine weitere Waffen zu.</p></body></html>
"""


WORDS = ("Politik Wirtschaft Sport Kultur Meinung Regional Wetter Panorama Wissen Digital Reise Auto Karriere "
         "Newsletter Abo Anmelden Impressum Datenschutz Kontakt Werbung world business opinion video live "
         "podcast subscribe login privacy cookies terms").split()


def boilerplate(kilobytes, rng):
    """Navigation lists and a tracking script of about `kilobytes` KB: what pages carry around an article."""
    parts = []
    size = 0
    while size < kilobytes * 1024:
        words = [rng.choice(WORDS) for _ in range(8)]
        item = '<li><a href="/%s/%d">%s</a></li>\n' % (words[0].lower(), rng.randrange(10 ** 6), " ".join(words))
        if rng.random() < 0.2:
            item = '<script>window.dataLayer.push({"k%d": "%s"});</script>\n' % (rng.randrange(10 ** 6), "-".join(words))
        parts.append(item)
        size += len(item)
    return "<footer><ul>\n" + "".join(parts) + "</ul></footer>"


def padded(page, kilobytes, rng):
    return page if kilobytes == 0 else page.replace("</body>", boilerplate(kilobytes, rng) + "</body>")


def warc_record(warc_type, uri, date, block, extra=()):
    fields = [("WARC-Type", warc_type), ("WARC-Record-ID", "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "%s %s %s" % (warc_type, uri, date))),
              ("WARC-Date", date)]
    if uri:
        fields.append(("WARC-Target-URI", uri))
    fields.extend(extra)
    fields.append(("Content-Length", str(len(block))))
    header = "WARC/1.0\r\n" + "".join("%s: %s\r\n" % field for field in fields) + "\r\n"
    return header.encode("ascii") + block + b"\r\n\r\n"


def http_response(status, headers, body):
    reason = {200: "OK", 404: "Not Found"}[status]
    head = "HTTP/1.1 %d %s\r\n" % (status, reason) + "".join("%s: %s\r\n" % h for h in headers) + "\r\n"
    return head.encode("ascii") + body


def chunked(body, size=100):
    out = b""
    for start in range(0, len(body), size):
        piece = body[start:start + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def response(uri, date, status, headers, body):
    return warc_record("response", uri, date, http_response(status, headers, body),
                       [("Content-Type", "application/http; msgtype=response")])


def request(uri, date):
    host = uri.split("/")[2]
    block = ("GET /%s HTTP/1.1\r\nHost: %s\r\nUser-Agent: test-crawler\r\n\r\n" % (uri.split("/", 3)[3], host))
    return warc_record("request", uri, date, block.encode("ascii"),
                       [("Content-Type", "application/http; msgtype=request")])


def metadata(uri, date):
    return warc_record("metadata", uri, date, b"fetchTimeMs: 120\r\n", [("Content-Type", "application/warc-fields")])


def copy_records(copy, page_kb=0, rng=None):
    """The records of one copy of the crawl; URLs carry the copy number so that each is distinct."""
    german, english, graph = (padded(page, page_kb, rng) for page in (GERMAN_PAGE, ENGLISH_PAGE, GRAPH_PAGE))
    suffix = "" if copy == 0 else "-%d" % copy
    de_uri = "https://zeitung.example/politik/kim-russland%s" % suffix
    en_uri = "https://news.example/world/blinken-wang-yi%s" % suffix
    graph_uri = "https://blatt.example/politik/scholz-selenskyj%s" % suffix
    date = "2023-09-12T07:00:0%dZ" % (copy % 10)
    en_body = chunked(gzip.compress(english.encode("iso-8859-1"), mtime=0))
    deflater = zlib.compressobj(wbits=15)
    graph_body = deflater.compress(graph.encode("windows-1252")) + deflater.flush()
    return [
        request(de_uri, date), response(de_uri, date, 200, [("Content-Type", "text/html; charset=utf-8")],
                                        german.encode("utf-8")), metadata(de_uri, date),
        request(en_uri, "2023-06-19T10:15:00Z"),
        response(en_uri, "2023-06-19T10:15:00Z", 200,
                 [("Content-Type", "text/html; charset=ISO-8859-1"), ("Transfer-Encoding", "chunked"),
                  ("Content-Encoding", "gzip")], en_body),
        response(graph_uri, "2023-05-15T01:00:00Z", 200,
                 [("Content-Type", "text/html"), ("Content-Encoding", "deflate")], graph_body),
        response("https://zeitung.example/bild%s.jpg" % suffix, date, 200, [("Content-Type", "image/jpeg")],
                 b"\xff\xd8\xff\xe0 not really a picture"),
        response("https://zeitung.example/fehlt%s" % suffix, date, 404, [("Content-Type", "text/html")],
                 b"<html><body>Nicht gefunden</body></html>"),
        warc_record("revisit", de_uri, date, b"HTTP/1.1 304 Not Modified\r\n\r\n",
                    [("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest")]),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--page-kb", type=int, default=0)
    parser.add_argument("--single-stream", action="store_true")
    args = parser.parse_args()
    records = [warc_record("warcinfo", None, "2023-09-12T07:00:00Z", b"software: make_warc.py\r\nformat: WARC 1.0\r\n",
                           [("Content-Type", "application/warc-fields")])]
    rng = random.Random(1)
    for copy in range(args.copies):
        records.extend(copy_records(copy, args.page_kb, rng))
    with open(args.out, "wb") as out:
        if args.single_stream:
            out.write(gzip.compress(b"".join(records), mtime=0))
        else:
            for record in records:
                out.write(gzip.compress(record, mtime=0))


if __name__ == "__main__":
    main()

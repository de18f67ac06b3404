#!/usr/bin/env python3
"""Writes the bad inputs of bad_input_test.sh into a folder (all made here, none committed):

  python3 tests/cli/bad_inputs.py SOURCE_DIR OUT_DIR
"""
import gzip, os, sys, zlib
source_dir, out = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(source_dir, "scripts"))
import make_warc

def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

sample = open(os.path.join(source_dir, "examples/kim-putin-de.txt"), "rb").read()

# 1. invalid UTF-8 between the paragraphs of a good German article
bad = [b"\xff\xfe\x80", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf0\x80\x80\xaf", b"\xed\xa0\x80", b"\xed\xbf\xbf",
       b"\xed\xa0\xbd\xed\xb8\x80", b"\xf8\x88\x80\x80\x80", b"\xc3", b"\xe2\x82"]
paragraphs = sample.split(b"\n\n")
mixed = []
for i, paragraph in enumerate(paragraphs):
    mixed.append(paragraph)
    mixed.append(b"Kaputt " + bad[i % len(bad)] + b" hier " + bytes([0x80 + i % 64]) + b".")
write("bad-utf8.txt", b"\n\n".join(mixed))

# 2. NUL bytes: in a text file, and as \u0000 in JSON lines
write("nul.txt", sample.replace(b". ", b".\x00 ", 20))
write("nul.jsonl", b'{"id":"nul","text":"Kim\\u0000 reist nach Peking. Xi\\u0000 empf\\u00e4ngt Kim in Peking."}\n')

# 4. 100,000 nested <div>
write("nested.html", b"<html><body>" + b"<div>" * 100000 + b"<p>Kim reist nach Moskau. Putin trifft Kim in Moskau.</p>"
      + b"</div>" * 100000 + b"</body></html>")

# 5. WARC bombs: a record whose Content-Length claims 2 GiB and whose block inflates to 2 GiB of zeros
# (32 gzip members of 64 MiB each, the member compressed once), and a 1 GiB Content-Encoding: gzip body,
# between good pages
MiB = 1 << 20
zeros_member = gzip.compress(b"\0" * (64 * MiB), compresslevel=1, mtime=0)   # 64 MiB of zeros in 280 KB
def bomb_record(uri, size):
    head = make_warc.http_response(200, [("Content-Type", "text/html")], b"")
    header = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0000-%s>\r\nWARC-Date: 2023-09-12T07:00:00Z\r\n"
              "WARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
              % (uri, uri, len(head) + size)).encode()
    members = [gzip.compress(header + head, mtime=0)] + [zeros_member] * (size // (64 * MiB))
    return b"".join(members) + gzip.compress(b"\r\n\r\n", mtime=0)
def http_bomb(uri, size):
    c = zlib.compressobj(1, zlib.DEFLATED, 31)
    chunk = b"\0" * (16 * MiB)
    body = b"".join(c.compress(chunk) for _ in range(size // len(chunk))) + c.flush()
    return gzip.compress(make_warc.response(uri, "2023-09-12T07:00:00Z", 200,
                         [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body), mtime=0)
good0 = b"".join(gzip.compress(r, mtime=0) for r in make_warc.copy_records(0))
good1 = b"".join(gzip.compress(r, mtime=0) for r in make_warc.copy_records(1))
write("bomb.warc.gz", good0 + bomb_record("https://bomb.example/warc", 2048 * MiB)
      + http_bomb("https://bomb.example/http", 1024 * MiB) + good1)
# truncated: the good pages, then a second copy cut in the middle of a record
members = [gzip.compress(r, mtime=0) for r in make_warc.copy_records(1)]
cut_member = len(good0) + sum(len(m) for m in members[:4])       # the file offset of the member that is cut
write("cut.warc.gz", good0 + b"".join(members[:4]) + members[4][:len(members[4]) // 2])
write("cut.offset", b"%d" % cut_member)

# 3. 100 MB of German text on one line
sentence = b"Kim reist nach Moskau und trifft dort Putin, sagten Beamte am Dienstag. "
write("long-line.txt", sentence * (100_000_000 // len(sentence)))

# 6. an RSS feed with 100,000 items (for extract) and its first 10,000 (for ingest, which is slower)
def feed(count):
    items = "".join("<item><title>Meldung %d</title><link>https://feed.example/%d</link>"
                    "<pubDate>Tue, 12 Sep 2023 07:00:00 GMT</pubDate>"
                    "<description>Kim reist nach Moskau. Meldung %d.</description></item>\n" % (i, i, i) for i in range(count))
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Viel</title>\n'
            + items + "</channel></rss>\n").encode()
write("big-feed.rss", feed(100000))
write("feed-10k.rss", feed(10000))

#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a large WARC archive for measuring lede's memory and speed on it:
visits of a made-up news site, each a request, an HTML response (about
100 KB of generated words), a metadata record and an image response (300 KB
of random bytes, which do not compress), one gzip member per record, until
the file reaches --megabytes. Records are drawn from a small pool, so the
archive is quick to write; the page text is generated, not copied.

    Benchmarks/generate-warc.py --megabytes 1024 --out big.warc.gz   [--plain]
"""
import argparse, gzip, os, random

WORDS = ("model lab chip export rule weights open release benchmark agent data centre "
         "investor startup regulator training inference token cluster licence research").split()

def record(kind, uri, block, ctype, number):
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-03-%02dT10:00:00Z\r\n"
            "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (kind, uri, number % 28 + 1, number, ctype, len(block)))
    return head.encode() + block + b"\r\n\r\n"

def page(rng, number):
    title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
    paragraphs = "".join("<p>%s.</p>" % " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() for _ in range(200))
    html = ("<!DOCTYPE html><html><head><title>%s</title><meta property=\"article:published_time\" content=\"2025-03-%02d\"></head>"
            "<body><nav>Home</nav><article><h1>%s</h1>%s</article></body></html>" % (title, number % 28 + 1, title, paragraphs)).encode()
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(html) + html

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, default=1024)
    parser.add_argument("--out", required=True)
    parser.add_argument("--plain", action="store_true", help="uncompressed .warc")
    args = parser.parse_args()
    rng = random.Random(22)
    pool = []
    for number in range(40):
        uri = "https://news.example/2025/story-%d.html" % number
        visit = [record("request", uri, b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n", "application/http; msgtype=request", 4 * number),
                 record("response", uri, page(rng, number), "application/http; msgtype=response", 4 * number + 1),
                 record("metadata", uri, b"via: https://news.example/\r\n", "application/warc-fields", 4 * number + 2),
                 record("response", uri.replace(".html", ".jpg"),
                        b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n" + os.urandom(300 << 10), "application/http; msgtype=response", 4 * number + 3)]
        pool.append([r if args.plain else gzip.compress(r, 6) for r in visit])
    target = args.megabytes << 20
    written = 0
    with open(args.out, "wb") as out:
        index = 0
        while written < target:
            for piece in pool[index % len(pool)]:
                out.write(piece)
                written += len(piece)
            index += 1
    print("%s: %d bytes, %d visits" % (args.out, written, index))

if __name__ == "__main__":
    main()

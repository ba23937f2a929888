#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A small HTTP server for lede's fetch tests: feeds, pages and misbehaving
servers on 127.0.0.1, in the tests' own words. It picks a free port and
writes it to --port-file; it stops by itself after --lifetime seconds.

    /rss.xml        RSS 2.0, two items (three after GET /_publish); ETag and Last-Modified, 304 when they match
    /atom.xml       Atom, two entries with relative links
    /rdf.xml        RSS 1.0, one item
    /articles/N.html   pages; 2.html is sent gzip-encoded
    /mixed.xml      RSS with one good item, one 404 item and one item whose link is an image
    /hostile.xml    RSS whose titles carry escape sequences, bidi controls and 100 KB of text
    /missing.xml    404          /broken        500
    /data.json      JSON: not a feed, not a page
    /stall          sends its headers, then nothing (60 s at most)
    /loop-a         redirects to /loop-b, which redirects back
    /moved          301 to /articles/1.html
    /bomb.html      a gzip bomb: 64 KB on the wire, 64 MB decoded
    /_log           the requests so far, JSON: [[path, If-None-Match, If-Modified-Since], ...]
"""
import argparse, gzip, http.server, json, os, threading, time

PAGES = {
    1: ("Harbour lab opens its weights",
        ["A small research lab in a harbour town released the weights of its newest language model on Tuesday.",
         "The lab said anyone may download the model, change it and build products on it."]),
    2: ("Chip exports face new paperwork",
        ["Exporters of advanced chips will need a second licence from next month, officials said.",
         "Trade groups called the rule confusing; the ministry said guidance would follow."]),
    3: ("A third story arrives later",
        ["This page appears in the feed only after the feed is published again."]),
    4: ("An Atom entry about benchmarks",
        ["Benchmark scores rose again this quarter, though researchers warned the tests are saturated."]),
}

def page(number):
    title, paragraphs = PAGES[number]
    body = "".join("<p>%s</p>" % p for p in paragraphs)
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s | Harbour News</title></head>"
            "<body><nav><a href=\"/\">Home</a></nav><article><h1>%s</h1>%s</article>"
            "<footer>Harbour News</footer></body></html>\n" % (title, title, body)).encode()

STATE = {"published": False, "log": []}
BOMB = gzip.compress(b"\0" * (64 << 20), 9)

def rss(base):
    items = [(1, "Wed, 19 Mar 2025 10:00:00 +0000", "Mei Lin"), (2, "Thu, 20 Mar 2025 08:30:00 +0100", "Ana Ruiz")]
    if STATE["published"]:
        items.append((3, "Fri, 21 Mar 2025 09:00:00 +0000", "Jon Park"))
    entries = "".join(
        "<item><title>%s</title><link>/articles/%d.html</link><guid isPermaLink=\"false\">harbour-%d</guid>"
        "<pubDate>%s</pubDate><dc:creator>%s</dc:creator><description>&lt;p&gt;%s&lt;/p&gt;</description></item>"
        % (PAGES[n][0], n, n, date, author, PAGES[n][1][0]) for n, date, author in items)
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            "<channel><title>Harbour News</title><link>%s/</link>%s</channel></rss>" % (base, entries)).encode()

def atom(base):
    return ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Bench Notes</title>"
            "<entry><title>%s</title><id>urn:bench:4</id><link href=\"articles/4.html\"/><published>2025-03-22T12:00:00Z</published>"
            "<author><name>Tessa Marlow</name></author></entry>"
            "<entry><title>%s</title><id>urn:bench:1</id><link rel=\"alternate\" href=\"%s/articles/1.html\"/><updated>2025-03-19T10:00:00Z</updated></entry>"
            "</feed>" % (PAGES[4][0], PAGES[1][0], base)).encode()

def rdf():
    return ("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
            "<channel rdf:about=\"/\"><title>RDF Desk</title></channel>"
            "<item rdf:about=\"urn:rdf:2\"><title>%s</title><link>/articles/2.html</link></item></rdf:RDF>" % PAGES[2][0]).encode()

def mixed():
    return ("<rss version=\"2.0\"><channel><title>Mixed</title>"
            "<item><title>%s</title><link>/articles/1.html</link><guid>mixed-1</guid></item>"
            "<item><title>Gone</title><link>/articles/404.html</link><guid>mixed-2</guid></item>"
            "<item><title>A picture</title><link>/logo.png</link><guid>mixed-3</guid></item>"
            "</channel></rss>" % PAGES[1][0]).encode()

def hostile():
    evil = "\x1b]0;pwned\x07\x1b[2J Evil \u202etxt.exe " + "very long " * 10000
    title = evil.replace("&", "&amp;").replace("<", "&lt;")
    # XML 1.0 forbids most C0 characters; libxml2 recovers. Both kinds of title are sent.
    return ("<rss version=\"2.0\"><channel><title>Hostile</title>"
            "<item><title>%s</title><link>/articles/1.html</link><guid>hostile-1</guid></item>"
            "<item><title>&#x1b;[31mred&#x1b;[0m &#x202e;reversed</title><link>/articles/2.html</link><guid>hostile-2</guid></item>"
            "</channel></rss>" % title).encode("utf-8")

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        STATE["log"].append([path, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")])
        base = "http://%s:%d" % self.server.server_address[:2]
        if path == "/_log":
            return self.send(200, json.dumps(STATE["log"]).encode(), "application/json")
        if path == "/_publish":
            STATE["published"] = True
            return self.send(200, b"ok", "text/plain")
        if path == "/rss.xml":
            etag = '"rss-%d"' % (3 if STATE["published"] else 2)
            modified = "Fri, 21 Mar 2025 09:00:00 GMT" if STATE["published"] else "Thu, 20 Mar 2025 07:30:00 GMT"
            if self.headers.get("If-None-Match") == etag or (self.headers.get("If-None-Match") is None and self.headers.get("If-Modified-Since") == modified):
                return self.send(304, None, headers=[("ETag", etag)])
            return self.send(200, rss(base), "application/rss+xml", [("ETag", etag), ("Last-Modified", modified)])
        if path == "/atom.xml":
            return self.send(200, atom(base), "application/atom+xml")
        if path == "/rdf.xml":
            return self.send(200, rdf(), "application/rdf+xml")
        if path == "/mixed.xml":
            return self.send(200, mixed(), "application/rss+xml")
        if path == "/hostile.xml":
            return self.send(200, hostile(), "application/rss+xml")
        if path.startswith("/articles/") and path.endswith(".html"):
            try:
                number = int(path[len("/articles/"):-len(".html")])
            except ValueError:
                number = 0
            if number not in PAGES:
                return self.send(404, b"<html><body>Not found</body></html>")
            body = page(number)
            if number == 2:
                return self.send(200, gzip.compress(body), headers=[("Content-Encoding", "gzip")])
            return self.send(200, body)
        if path == "/logo.png":
            return self.send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        if path == "/missing.xml":
            return self.send(404, b"<html><body>No such feed</body></html>")
        if path == "/broken":
            return self.send(500, b"<html><body>Server error</body></html>")
        if path == "/data.json":
            return self.send(200, b'{"items": []}', "application/json")
        if path == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"<rss>")
            self.wfile.flush()
            for _ in range(600):
                time.sleep(0.1)
                if STATE.get("stopping"):
                    break
            return
        if path == "/loop-a":
            return self.send(302, b"", headers=[("Location", "/loop-b")])
        if path == "/loop-b":
            return self.send(302, b"", headers=[("Location", base + "/loop-a")])
        if path == "/moved":
            return self.send(301, b"", headers=[("Location", "/articles/1.html")])
        if path == "/bomb.html":
            return self.send(200, BOMB, headers=[("Content-Encoding", "gzip")])
        return self.send(404, b"<html><body>Not found</body></html>")

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--lifetime", type=float, default=300)
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    temporary = args.port_file + ".tmp"
    with open(temporary, "w") as out:
        out.write(str(server.server_address[1]))
    os.rename(temporary, args.port_file)
    def stop():
        STATE["stopping"] = True
        server.shutdown()
    threading.Timer(args.lifetime, stop).start()
    server.serve_forever()

if __name__ == "__main__":
    main()

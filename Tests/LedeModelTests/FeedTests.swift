// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import Testing

/// RSS 2.0, RSS 1.0 and Atom through libxml2, dates in both notations, and hostile feeds.
@Suite("Feeds")
struct FeedTests {
    @Test("a link's scheme in any case is stored in lower case; other schemes and hostless links are no link (fuzz find)")
    func linkSchemes() {
        let base = URL(string: "https://feeds.example/news/feed.xml")
        #expect(FeedParser.resolve("htTps://rdf.example/1", base) == "https://rdf.example/1")
        #expect(FeedParser.resolve("HTTP://Example.org/A?b=C", base) == "http://Example.org/A?b=C")
        #expect(FeedParser.resolve("/2025/story", base) == "https://feeds.example/2025/story")
        #expect(FeedParser.resolve("javascript:alert(1)", base) == nil)
        #expect(FeedParser.resolve("https:///nohost", base) == nil)
    }

    static let rss2 = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Chip Notes</title><link>https://news.example/</link>
        <item><title>Lab ships a &lt;small&gt; model &amp; more</title><link>/a</link><guid isPermaLink="false">item-1</guid>
          <pubDate>Wed, 19 Mar 2025 23:30:00 -0500</pubDate><dc:creator>Mei Lin</dc:creator>
          <description>&lt;p&gt;The lab said &lt;b&gt;so&lt;/b&gt;.&lt;/p&gt;</description></item>
        <item><title><![CDATA[Rules tighten]]></title><guid>https://news.example/b</guid>
          <author>desk@news.example (Ana Ruiz)</author><pubDate>Mon, 3 Feb 25 08:00 GMT</pubDate></item>
        </channel></rss>
        """

    static let atom = """
        <?xml version="1.0"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/blog/">
          <title type="html">Model &amp;lt;Watch&amp;gt;</title>
          <author><name>Desk</name></author>
          <entry><title>First post</title><id>tag:atom.example,2025:1</id>
            <link rel="self" href="/self/1"/><link href="posts/1.html"/>
            <published>2025-03-19T10:00:00+01:00</published><updated>2025-03-20T00:00:00Z</updated>
            <author><name>Tessa Marlow</name></author><author><name>Jon Park</name></author>
            <summary type="html">&lt;p&gt;Short &amp;amp; sweet&lt;/p&gt;</summary></entry>
          <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Second <b>post</b></div></title>
            <id>tag:atom.example,2025:2</id><link rel="alternate" type="text/html" href="https://atom.example/2"/>
            <updated>2025-03-21</updated></entry>
        </feed>
        """

    static let rss1 = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://rdf.example/"><title>RDF Desk</title><link>https://rdf.example/</link></channel>
          <item rdf:about="https://rdf.example/1"><title>One</title><link>https://rdf.example/1</link><dc:date>2025-01-27</dc:date><dc:creator>Claire Dubois</dc:creator></item>
        </rdf:RDF>
        """

    @Test("RSS 2.0: relative links resolved, guid, RFC 822 dates in the publisher's day, authors, summary as text")
    func rss() throws {
        let feed = try FeedParser.parse(Data(Self.rss2.utf8), baseURL: "https://news.example/feed.xml").get()
        #expect(feed.kind == .rss2)
        #expect(feed.title == "Chip Notes")
        #expect(feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.title == "Lab ships a <small> model & more")
        #expect(first.link == "https://news.example/a")
        #expect(first.guid == "item-1")
        #expect(first.published?.day == CalendarDate(year: 2025, month: 3, day: 19))
        #expect(first.published?.iso8601 == "2025-03-19T23:30:00-05:00")
        #expect(first.authors == ["Mei Lin"])
        #expect(first.summary == "The lab said so .")
        let second = feed.items[1]
        #expect(second.title == "Rules tighten")
        #expect(second.link == "https://news.example/b")
        #expect(second.authors == ["Ana Ruiz"])
        #expect(second.published?.day == CalendarDate(year: 2025, month: 2, day: 3))
    }

    @Test("Atom: alternate link against xml:base, id, published before updated, several authors, html and xhtml text")
    func atom() throws {
        let feed = try FeedParser.parse(Data(Self.atom.utf8), baseURL: "https://atom.example/feed").get()
        #expect(feed.kind == .atom)
        #expect(feed.title == "Model <Watch>")
        let first = feed.items[0]
        #expect(first.link == "https://atom.example/blog/posts/1.html")
        #expect(first.guid == "tag:atom.example,2025:1")
        #expect(first.published?.iso8601 == "2025-03-19T10:00:00+01:00")
        #expect(first.authors == ["Tessa Marlow", "Jon Park"])
        #expect(first.summary == "Short & sweet")
        let second = feed.items[1]
        #expect(second.title == "Second post")
        #expect(second.link == "https://atom.example/2")
        #expect(second.authors == ["Desk"])
        #expect(second.published?.day == CalendarDate(year: 2025, month: 3, day: 21))
    }

    @Test("RSS 1.0 (RDF): items beside the channel, rdf:about as the id, dc:date")
    func rdf() throws {
        let feed = try FeedParser.parse(Data(Self.rss1.utf8)).get()
        #expect(feed.kind == .rss1)
        #expect(feed.items.map(\.guid) == ["https://rdf.example/1"])
        #expect(feed.items[0].published?.day == CalendarDate(year: 2025, month: 1, day: 27))
        #expect(feed.items[0].authors == ["Claire Dubois"])
    }

    @Test("not a feed: HTML, other XML, no XML at all")
    func notFeeds() {
        #expect(FeedParser.parse(Data("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)) == .failure(.notAFeed(root: "svg")))
        #expect(FeedParser.parse(Data("just words".utf8)) == .failure(.notXML))
        #expect(FeedParser.parse(Data()) == .failure(.notXML))
        #expect(FeedParser.looksLikeFeed(Data("<?xml version='1.0'?><!-- hi --><rss version='2.0'>".utf8)))
        #expect(FeedParser.looksLikeFeed(Data("<rdf:RDF xmlns:rdf='x'>".utf8)))
        #expect(!FeedParser.looksLikeFeed(Data("<!DOCTYPE html><html>".utf8)))
    }

    @Test("hostile: entity bombs stay small and fast, external entities are not read, titles lose control characters and are cut")
    func hostile() throws {
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"lollollollollollollollollollol\">"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i", "j"] {
            bomb += "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
            previous = name
        }
        bomb += "]><rss><channel><item><title>&j;</title><link>https://x.example/1</link></item></channel></rss>"
        let started = Date()
        let result = FeedParser.parse(Data(bomb.utf8))
        print("billion laughs: \(Date().timeIntervalSince(started)) s")
        #expect(Date().timeIntervalSince(started) < 5)
        if case .success(let feed) = result { #expect((feed.items.first?.title?.count ?? 0) < 10_000) }

        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("lede-secret-\(UUID().uuidString)")
        try "SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let external = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file://\(secret.path)\">]><rss><channel><item><title>a &x; b</title></item></channel></rss>"
        let title0 = try FeedParser.parse(Data(external.utf8)).get().items.first?.title ?? ""
        #expect(!title0.contains("SECRET"))

        let hostile = "<rss><channel><item><title>\u{1B}[2J\u{1B}]0;pwned\u{07} Evil\u{202E}txt.exe \(String(repeating: "long ", count: 5000))</title></item></channel></rss>"
        let title = try #require(try FeedParser.parse(Data(hostile.utf8)).get().items.first?.title)
        #expect(!title.unicodeScalars.contains { ControlCharacters.needsReplacing($0) })
        #expect(title.unicodeScalars.count <= FetchMetadata.maximumTitleLength)
        #expect(title.hasPrefix("[2J]0;pwned Evil"))
    }

    @Test("dates: RFC 822 with names and offsets, two-digit years, ISO 8601 with fractions and offsets; nonsense is nil")
    func dates() {
        #expect(FeedDate("Wed, 19 Mar 2025 10:00:00 +0000")?.iso8601 == "2025-03-19T10:00:00Z")
        #expect(FeedDate("19 Mar 2025 10:00 EST")?.iso8601 == "2025-03-19T10:00:00-05:00")
        #expect(FeedDate("Sun, 1 Jun 99 00:00:00 GMT")?.day == CalendarDate(year: 1999, month: 6, day: 1))
        #expect(FeedDate("2025-03-19T10:00:00.123+05:30")?.iso8601 == "2025-03-19T10:00:00+05:30")
        #expect(FeedDate("2025-03-19")?.day == CalendarDate(year: 2025, month: 3, day: 19))
        #expect(FeedDate("2025-02-30") == nil)
        #expect(FeedDate("yesterday") == nil)
        #expect(FeedDate("Wed, 32 Mar 2025 10:00:00 +0000") == nil)
        #expect(FeedDate(String(repeating: "9", count: 100)) == nil)
        // Hour 24 named the next day while the day stayed this one (found by the feed fuzz harness: Fuzz/crashers/feed/hour-24.xml).
        #expect(FeedDate("Wed, 19 Mar 2025 24:30:00 -0500") == nil)
        #expect(FeedDate("2025-03-19T24:00:00Z") == nil)
    }
}

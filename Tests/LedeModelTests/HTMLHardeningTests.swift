// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

/// Web pages built to be wrong, slow or hostile: charsets that lie or are
/// missing, UTF-16, nesting far past libxml2's limit, entity declarations,
/// control characters, a page over the size limit. The time limits guard
/// against hangs; speed targets are in Benchmarks/.
@Suite("Hardening: hostile web pages")
struct HTMLHardeningTests {
    let importer = HTMLArticleImporter()

    func parse(_ data: Data, context: PageContext = PageContext()) throws -> Article {
        try importer.parse(data, path: "page.html", context: context).get()
    }

    func page(_ body: String, head: String = "") -> String {
        "<html><head>\(head)</head><body><article>\(body)</article></body></html>"
    }

    // MARK: - Charsets

    @Test("Latin-1 bytes with no charset are read as Windows-1252")
    func latin1WithoutCharset() throws {
        let data = page("<p>Le café est très bon à Paris, dit-on — “déjà vu”.</p>").data(using: .windowsCP1252)!
        #expect(try parse(data).paragraphs == ["Le café est très bon à Paris, dit-on — “déjà vu”."])
    }

    @Test("a page whose meta charset lies is read by its bytes, both ways")
    func lyingCharset() throws {
        let latin = page("<p>Garçon, un café!</p>", head: "<meta charset=\"utf-8\">").data(using: .isoLatin1)!
        #expect(try parse(latin).paragraphs == ["Garçon, un café!"])
        let utf8 = Data(page("<p>Garçon — “un café”!</p>", head: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">").utf8)
        #expect(try parse(utf8).paragraphs == ["Garçon — “un café”!"])
    }

    @Test("UTF-16 with a byte-order mark, either order, and UTF-8 with one", arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian, .utf8])
    func byteOrderMarks(encoding: String.Encoding) throws {
        var data = Data()
        switch encoding {
        case .utf16LittleEndian: data = Data([0xFF, 0xFE])
        case .utf16BigEndian: data = Data([0xFE, 0xFF])
        default: data = Data([0xEF, 0xBB, 0xBF])
        }
        data.append(page("<p>Wide text: ünïcödé, 中文.</p>", head: "<title>Wide</title>").data(using: encoding)!)
        #expect(FormatSniffer.format(of: data, path: "page") == .html)
        let article = try parse(data)
        #expect(article.title == "Wide")
        #expect(article.paragraphs == ["Wide text: ünïcödé, 中文."])
    }

    @Test("a UTF-16 page in a file is read, not refused as binary")
    func utf16File() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-utf16-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var data = Data([0xFF, 0xFE])
        data.append(page("<p>Text in a UTF-16 file.</p>").data(using: .utf16LittleEndian)!)
        try data.write(to: URL(fileURLWithPath: path))
        #expect(try FormatSniffer().importFile(at: path).get().paragraphs == ["Text in a UTF-16 file."])
    }

    // MARK: - Structure

    @Test("100,000 nested divs: no stack overflow, the text before the depth limit read, a warning naming it", .timeLimit(.minutes(1)))
    func deepNesting() throws {
        let before = "<p>Before the nesting, a paragraph long enough to be the article's text.</p>"
        let html = "<html><body>" + before + String(repeating: "<div>", count: 100_000) + "<p>Deep.</p>"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        let article = try parse(Data(html.utf8))
        #expect(article.paragraphs == ["Before the nesting, a paragraph long enough to be the article's text."])
        #expect(article.warnings.contains { $0.contains("256 deep") })
    }

    @Test("entity declarations are never expanded; scripts and styles are never text")
    func entitiesAndScripts() throws {
        let bomb = "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
        let article = try parse(Data((bomb + page("<p>&c;&c;&c; &amp; &#x1F600; &bogus;</p><script>document.write('<p>no</p>')</script><style>p{}</style>")).utf8))
        let text = article.paragraphs.joined(separator: "\n")
        #expect(!text.contains("aaaaaaaaaa"))
        #expect(text.contains("& 😀 &bogus;"))
        #expect(!text.contains("document.write") && !text.contains("p{}"))
    }

    @Test("broken markup: unclosed tags, stray closers, a table inside a paragraph")
    func brokenMarkup() throws {
        let article = try parse(Data("<html><body><p>Unclosed <b>bold <i>italic <a href='x'>link <table><tr><td>cell<p>then more</div></span></body>".utf8))
        #expect(article.paragraphs == ["Unclosed bold italic link", "cell", "then more"])
    }

    @Test("a page with no markup, nothing but white space, or nothing: text, a warning, an error naming the file")
    func emptyPages() {
        #expect((try? parse(Data("just text".utf8)).paragraphs) == ["just text"])
        #expect((try? parse(Data("  \n\t ".utf8)).warnings) == ["no text found in the page"])
        guard case .failure(let error) = importer.parse(Data(), path: "empty.html") else { Issue.record("an empty page parsed"); return }
        #expect(error.path == "empty.html")
    }

    // MARK: - Size and time

    @Test("a page over the size limit is refused by its size, naming the file")
    func overTheLimit() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-big-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(page(String(repeating: "<p>Paragraph of a large page.</p>", count: 40_000)).utf8).write(to: URL(fileURLWithPath: path))
        var limits = ImportLimits()
        limits.maximumFileBytes = 1 << 20
        guard case .failure(let error) = FormatSniffer(limits: limits).importFile(at: path) else { Issue.record("read over the limit"); return }
        #expect(error.path == path)
        #expect(error.message.contains("over the limit"))
    }

    @Test("a 4 MB page of short paragraphs and links parses in linear time", .timeLimit(.minutes(1)))
    func largePage() throws {
        let paragraph = "<p>Short line with <a href=\"/x\">a link</a>, some commas, and words.</p><div class=\"share\">Share</div>"
        let start = Date()
        let article = try parse(Data(page(String(repeating: paragraph, count: 40_000)).utf8))
        #expect(article.paragraphs.count == 40_000)
        #expect(Date().timeIntervalSince(start) < 30)
    }

    // MARK: - Control characters

    @Test("control characters and escape sequences in a page's title and text never reach a text export raw")
    func controlCharacters() throws {
        let html = "<html><head><meta property=\"og:title\" content=\"Evil \u{1B}]0;pwned\u{07} title\"></head><body><p>Text \u{1B}[2J with \u{9B}31m escapes \u{202E} and more words.</p></body></html>"
        let article = try parse(Data(html.utf8))
        let corpus = InMemoryCorpus(articles: [article])
        let hits = corpus.search(try SearchQuery("evil"), limit: nil)
        var tsv = ""
        CorpusExport.writeSearchTSV(hits, corpus: corpus, to: &tsv)
        #expect(!hits.isEmpty)
        #expect(!tsv.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E })
        let json = CorpusExport.parseJSON(corpus)
        #expect(!json.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test("<pre> with CR LF or CR line ends: a paragraph a line, never a line break inside one (the index splits on them)")
    func preformattedLineEnds() throws {
        let article = try parse(Data(page("<p>Run this:</p><pre>import os\r\nprint(os.sep)\r\n\r\n  done\rend</pre>").utf8))
        #expect(article.paragraphs == ["Run this:", "import os", "print(os.sep)", "  done", "end"])
    }

    @Test("a self-closed <script/> (libxml2 closes it, browsers do not): the code after it is not text")
    func selfClosedScript() throws {
        let html = page("<p>The article's only paragraph, long enough to count as its text.</p><script type=\"text/javascript\"/>"
            + "(function() { document.addEventListener('load', function() {}); })();</script>")
        #expect(try parse(Data(html.utf8)).paragraphs == ["The article's only paragraph, long enough to count as its text."])
    }
}

import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

/// The HTML importer on pages written for these tests (`Fixtures/html/`):
/// sniffing, the main text among a page's furniture, metadata, bad input.
@Suite("HTML pages")
struct HTMLImporterTests {
    let router = FormatSniffer()

    func fixture(_ name: String) -> String { PackagePaths.fixture("html/" + name) }

    func load(_ name: String, context: PageContext = PageContext()) throws -> Article {
        let data = try ArticleFileReader.read(fixture(name)).get()
        return try HTMLArticleImporter().parse(data, path: fixture(name), context: context).get()
    }

    // MARK: - Sniffing

    @Test("pages are sniffed by name and by their first markup; feeds are not pages")
    func sniffing() {
        func format(_ text: String, _ path: String) -> ArticleFormat { FormatSniffer.format(of: Data(text.utf8), path: path) }
        #expect(format("# Title\n\nText", "saved.html") == .html)
        #expect(format("anything", "page.HTM") == .html)
        #expect(format("anything", "page.xhtml") == .html)
        #expect(format("\n  <!DOCTYPE html><html><body>x", "a") == .html)
        #expect(format("<!doctype HTML>", "a.txt") == .html)
        #expect(format("\u{FEFF}<html lang=en>", "a") == .html)
        #expect(format("<HEAD><title>x</title>", "a") == .html)
        #expect(format("<body><p>x", "a") == .html)
        #expect(format("<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "a") == .html)
        #expect(format("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><description>&lt;html&gt;", "a.xml") != .html)
        #expect(format("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><content><html>", "a") != .html)
        #expect(format("<?xml version=\"1.0\"?><rdf:RDF><item><html>", "a") != .html)
        #expect(format("<p>a fragment</p>", "a.txt") == .scraped)
        #expect(format("{\"text\": \"<html>\"}", "a.json") == .jsonLines)
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("<html><body><p>Wide</p></body></html>".data(using: .utf16LittleEndian)!)
        #expect(FormatSniffer.format(of: utf16, path: "a") == .html)
    }

    @Test("a folder walk picks up .html and .htm pages")
    func folderWalk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-html-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.html", "b.htm", "c.HTML", "d.css"] {
            try Data("<html><body><p>Text of \(name)</p></body></html>".utf8).write(to: folder.appendingPathComponent(name))
        }
        let files = ArticleFiles.expand([folder.path]).files.map { ($0 as NSString).lastPathComponent }
        #expect(files == ["a.html", "b.htm", "c.HTML"])
    }

    // MARK: - End to end

    @Test("a news page parses end to end through the router and the corpus")
    func endToEnd() throws {
        let article = try router.importFile(at: fixture("news_article.html")).get()
        #expect(article.format == .html)
        #expect(article.title == "Harbour chip plant wins approval after two-year fight")
        #expect(article.paragraphs.contains { $0.hasPrefix("Harbourside Council voted eight to three") })
        let corpus = InMemoryCorpus.load(paths: [fixture("news_article.html")])
        #expect(corpus.errors.isEmpty)
        #expect(corpus.articleIDs.count == 1)
    }

    @Test("the context fills what the page does not say")
    func contextFillsGaps() throws {
        let page = Data("<html><body><p>Only a paragraph, no metadata at all.</p></body></html>".utf8)
        let context = PageContext(url: "https://example.org/story", fetched: "2025-02-01T10:00:00Z", title: "From the feed",
                                  authors: ["Feed Author"], published: CalendarDate(year: 2025, month: 1, day: 31))
        let article = try HTMLArticleImporter().parse(page, path: "story.html", context: context).get()
        #expect(article.title == "From the feed")
        #expect(article.authors == ["Feed Author"])
        #expect(article.published == CalendarDate(year: 2025, month: 1, day: 31))
        #expect(article.pageAddress == "https://example.org/story")
        let data = try JSONEncoder().encode(context)
        #expect(try JSONDecoder().decode(PageContext.self, from: data) == context)
    }
}

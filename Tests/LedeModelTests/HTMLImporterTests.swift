// SPDX-License-Identifier: Apache-2.0
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

    @Test("the page's own metadata wins over the context")
    func pageWinsOverContext() throws {
        let context = PageContext(url: "https://feed.example/item", title: "Feed title", authors: ["Feed Author"],
                                  published: CalendarDate(year: 2020, month: 1, day: 1))
        let article = try load("news_article.html", context: context)
        #expect(article.title == "Harbour chip plant wins approval after two-year fight")
        #expect(article.authors == ["Mira Okafor", "Daniel Voss"])
        #expect(article.published == CalendarDate(year: 2024, month: 11, day: 6))
        #expect(article.pageAddress == "https://coastal-ledger.example/business/2024/11/harbour-chip-plant")
    }

    // MARK: - Main text

    @Test("a news page: the article without cookie banner, navigation, byline, share bar, caption, ads, related links, sign-up, tags, comments or footer")
    func newsPage() throws {
        let article = try load("news_article.html")
        #expect(article.paragraphs == [
            "Councillors back Lumen Devices' factory on the old ferry terminal, with conditions on water use",
            "Harbourside Council voted eight to three on Tuesday night to let Lumen Devices build a chip packaging plant on the site of the old ferry terminal, ending a planning dispute that began in the autumn of 2022.",
            "The company, which makes the packaging that joins AI accelerators to their memory, says the plant will employ about 640 people when it opens in 2026.",
            "Water was the sticking point",
            "Residents' groups had argued that the plant would draw too heavily on the town's reservoir during dry summers. The approval requires Lumen to recycle at least 85 per cent of the water it uses and to report its consumption every quarter.",
            "“We listened, and we changed the design,” said Priya Raman, the company's head of operations. “This is a better plant than the one we first proposed.”",
            "Not everyone was persuaded. Councillor Eamon Hale, who voted against, said the conditions would be hard to enforce:",
            "• the recycling target is measured by the company itself;",
            "• the quarterly reports need not be published.",
            "Construction is expected to start in the spring.",
        ])
        #expect(article.headings == [3])
        #expect(article.links == [ArticleLink(paragraph: 2, start: 50, end: 65, address: "https://coastal-ledger.example/tags/ai")])
        #expect(article.site == "The Coastal Ledger")
        #expect(article.language == "en-GB")
        #expect(article.warnings.isEmpty)
    }

    @Test("a blog post: list, table rows, code with its indentation and a quote kept; meta line, share, related posts, bio, comments and widgets gone")
    func blogPost() throws {
        let article = try load("blog_post.html")
        #expect(article.title == "Why our build farm moved to smaller machines")
        #expect(article.authors == ["Ines Albrecht"])
        #expect(article.published == CalendarDate(year: 2025, month: 3, day: 4))
        // The canonical link is relative: resolved against <base href>.
        #expect(article.pageAddress == "https://serverroom.example/2025/03/04/smaller-build-machines/")
        #expect(article.site == "Notes from the Server Room")
        let text = article.paragraphs
        #expect(text.first?.hasPrefix("For three years our continuous integration") == true)
        #expect(text.last == "We will keep one large machine for the integration suite, which really does need the memory.")
        #expect(text.contains("• peak memory stayed under 6 GB for all but the integration suite;"))
        #expect(text.contains("Setup | Median build | 95th percentile"))
        #expect(text.contains("20 small machines | 8 min 05 s | 14 min"))
        #expect(text.contains("  size: small"))
        #expect(text.contains("Measure the queue before you buy the machine."))
        #expect(article.headings.map { text[$0] } == ["What we measured", "The surprise"])
        let joined = text.joined(separator: "\n")
        for furniture in ["Posted on", "Share this", "Related", "About Ines", "thoughts on", "Marek says", "Leave a Reply",
                          "Recent Posts", "Proudly powered", "Skip to content", "Archive", "Tagged"] {
            #expect(!joined.contains(furniture), "\(furniture) leaked into the text")
        }
    }

    @Test("a gallery whose text is its captions keeps them")
    func galleryCaptions() throws {
        let article = try load("gallery.html")
        #expect(article.paragraphs.count == 8)
        #expect(article.paragraphs.first == "1. The red tower at Stark Point")
        #expect(article.paragraphs.last?.hasPrefix("The oldest working light on this coast") == true)
        #expect(article.authors == ["Ruth Kemal"])
        #expect(article.published == CalendarDate(year: 2024, month: 6, day: 12))
    }

    @Test("an article split into intro, table and sections is read whole; the sign-up box is not")
    func splitArticle() throws {
        let article = try load("split_article.html")
        #expect(article.paragraphs.first?.hasPrefix("Old houses lose heat") == true)
        #expect(article.paragraphs.contains { $0.hasPrefix("Aster 9, a quiet air-source unit") })
        #expect(article.paragraphs.last?.hasPrefix("Over the first winter") == true)
        #expect(article.headings.map { article.paragraphs[$0] } == ["Sizing", "Noise", "Running costs"])
        #expect(!article.paragraphs.joined().contains("newsletter"))
    }

    @Test("a page whose text only its JSON-LD holds is read from articleBody, with the JSON-LD's metadata")
    func linkedDataBody() throws {
        let article = try load("jsonld_only.html")
        #expect(article.paragraphs == [
            "The council voted on Wednesday to build protected cycle lanes on four main roads.",
            "Work starts in the spring and should take eighteen months, the transport committee said.",
            "Shopkeepers on Bridge Street asked for loading bays to be kept, and the plan was changed to include them.",
        ])
        #expect(article.authors == ["Jon Ekwueme"])
        #expect(article.published == CalendarDate(year: 2023, month: 9, day: 14))
        #expect(article.site == "Riverside Daily")
        #expect(article.annotations.map(\.label) == ["transport", "cycling"])
        #expect(article.annotations.allSatisfy { $0.type == .topic && $0.predicate == "hasDisplayTag" })
    }

    @Test("a post kept in a script template is read from it")
    func templatePost() throws {
        let article = try load("template_post.html")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs.first?.hasPrefix("Version 4.2 adds a low-cut filter") == true)
    }

    @Test("JSON-LD about and mentions become annotations of their type, found in the text")
    func linkedDataEntities() throws {
        let article = try load("news_article.html")
        let rows = article.annotations.map { "\($0.type.rawValue) \($0.predicate) \($0.label)" }
        #expect(rows == ["ORGANISATION about Lumen Devices", "LOCATION mentions Harbourside", "TOPIC hasDisplayTag semiconductors",
                         "TOPIC hasDisplayTag Harbourside Council"])
        let corpus = InMemoryCorpus.load(paths: [fixture("news_article.html")])
        #expect(corpus.mentionCount(labelled: "Lumen Devices") == 2)
    }

    // MARK: - Bad input

    @Test("an address that a stray quote runs over lines is no address; tabs and line breaks inside one are dropped (fuzz finding)")
    func addressOverLines() throws {
        let broken = "<html><head><link rel=\"canonical\" href=\"https://example.org/a\n<link rel=\"><meta property=\"og:url\" "
            + "content=\"https://example.org/b\"></head><body><p>Text.</p></body></html>"
        #expect(try HTMLArticleImporter().parse(Data(broken.utf8), path: "a.html").get().pageAddress == "https://example.org/b")
        let wrapped = "<html><head><link rel=\"canonical\" href=\" https://example.org/\n\tlong-path \"></head><body><p>Text.</p></body></html>"
        #expect(try HTMLArticleImporter().parse(Data(wrapped.utf8), path: "a.html").get().pageAddress == "https://example.org/long-path")
    }

    @Test("a language attribute running over lines is no language; og:locale is taken instead (fuzz finding)")
    func languageOverLines() throws {
        let page = "<!doctype html><html lang=\"en\nGB\"><head><meta property=\"og:locale\" content=\"en_GB\"></head><body><p>Text.</p></body></html>"
        #expect(try HTMLArticleImporter().parse(Data(page.utf8), path: "a.html").get().language == "en-GB")
        let context = PageContext(title: "Feed\ntitle", authors: ["A\nB"])
        let bare = try HTMLArticleImporter().parse(Data("<p>Text.</p>".utf8), path: "a.html", context: context).get()
        #expect(bare.title == "Feed title")
        #expect(bare.authors == ["A B"])
    }

    @Test("a heading of white space is no title: the context's, else the first paragraph's (fuzz finding)")
    func blankHeading() throws {
        let page = Data("<html><body><h1> </h1><p>Text of the page.</p></body></html>".utf8)
        #expect(try HTMLArticleImporter().parse(page, path: "a.html", context: PageContext(title: "Given")).get().title == "Given")
        #expect(try HTMLArticleImporter().parse(page, path: "a.html").get().title == "Text of the page.")
        let titled = Data("<html><head><title> | </title></head><body><h1>Heading</h1><p>Text.</p></body></html>".utf8)
        #expect(try HTMLArticleImporter().parse(titled, path: "a.html").get().title == "Heading")
    }

    // MARK: - Rules

    @Test("furniture lines: sign-ups, legal notices, metadata lines and bare addresses go; prose that names a date stays")
    func furnitureLines() {
        let patterns = BoilerplatePatterns.bundled
        func isFurniture(_ line: String) -> Bool { ParagraphCleanup.isFurnitureLine(line, patterns: patterns) }
        #expect(isFurniture("Sign up for our newsletter to get the best stories in your inbox."))
        #expect(isFurniture("Follow the Ledger on Twitter and Instagram."))
        #expect(isFurniture("This article is the copyrighted property of the Ledger. All rights reserved."))
        #expect(isFurniture("Posted on March 4, 2025 by Ines Albrecht"))
        #expect(isFurniture("page.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004"))
        #expect(isFurniture("Release Date:"))
        #expect(isFurniture("WWW.EXAMPLE-NEWS.COM"))
        #expect(isFurniture("Scroll to read more Business articles"))
        #expect(!isFurniture("The airline has a new date for its move into the alliance: March 31, 2021."))
        #expect(!isFurniture("Shoppers can download the app from today, the company said, and follow the launch on its site."))
        #expect(!isFurniture("Version 4.2 was published on 6 May 2024 after a long beta."))
        #expect(!isFurniture("The council met on Tuesday."))
    }

    @Test("dates as pages write them", arguments: [
        ("2024-11-06T07:30:00+00:00", "2024-11-06"), ("2024/11/06", "2024-11-06"), ("Wed, 06 Nov 2024 07:30:00 GMT", "2024-11-06"),
        ("November 6, 2024", "2024-11-06"), ("6 Nov. 2024", "2024-11-06"), ("Nov 6th, 2024 at 9am", "2024-11-06"),
        ("Published 6 November 2024, 07:30", "2024-11-06"), ("06.11.2024", "2024-11-06"), ("11/06/2024", "2024-11-06"),
        ("25/12/2024", "2024-12-25"), ("Sept. 3, 2023", "2023-09-03"),
    ])
    func dates(text: String, expected: String) {
        #expect(DateText.parse(text)?.description == expected)
    }

    @Test("no date where there is none", arguments: ["Marble 3, 2024", "February 30, 2024", "13/13/2024", "2024", "by the way", ""])
    func notDates(text: String) {
        #expect(DateText.parse(text) == nil)
    }

    @Test("class and id names: words at punctuation and camelCase humps, plurals, prefixes, the body kept over furniture")
    func classPatterns() {
        let patterns = BoilerplatePatterns.bundled
        #expect(BoilerplatePatterns.words("articleBody main-content__x") == ["article", "body", "main", "content", "x"])
        #expect(patterns.traits(className: "social-share-bar", id: nil).isFurniture)
        #expect(patterns.traits(className: "comments-area", id: nil).isFurniture)
        #expect(patterns.traits(className: nil, id: "jp-relatedposts").isFurniture)
        #expect(patterns.traits(className: "entry-content", id: nil).isContent)
        #expect(patterns.traits(className: "wp-caption-text", id: nil).isCaption)
        #expect(!patterns.traits(className: "headline", id: nil).isFurniture)
        #expect(!patterns.traits(className: "download-link", id: nil).isFurniture)
        #expect(patterns.traits(className: "byline", id: nil).isByline)
        #expect(!patterns.traits(className: "author-bio", id: nil).isByline)
        #expect(patterns.traits(className: "post-content", id: "main").weight == 50)
    }

    @Test("the headline an article opens with is its title, not a paragraph, even worded apart from og:title; later headings stay")
    func leadingHeadline() throws {
        let page = "<html><head><meta property=\"og:title\" content=\"Shorter social title\"></head><body><article>"
            + "<h1>The longer headline on the page</h1><p>First paragraph of the story, long enough to be the article.</p>"
            + "<h2>A section</h2><p>Second paragraph of the story, also long enough to count as prose here.</p></article></body></html>"
        let article = try HTMLArticleImporter().parse(Data(page.utf8), path: "a.html").get()
        #expect(article.title == "Shorter social title")
        #expect(article.paragraphs.first == "First paragraph of the story, long enough to be the article.")
        #expect(article.headings.map { article.paragraphs[$0] } == ["A section"])
    }

    @Test("the importer's fingerprint (and the router's, so the index's) changes with the rules' data file")
    func fingerprint() {
        let standard = HTMLArticleImporter().fingerprint
        #expect(standard.contains(BoilerplatePatterns.bundled.source))
        #expect(FormatSniffer().fingerprint.contains(standard))
        var other = HTMLArticleImporter()
        other.patterns = BoilerplatePatterns(text: "remove\tsomething-else\n")
        #expect(other.fingerprint != standard)
    }
}

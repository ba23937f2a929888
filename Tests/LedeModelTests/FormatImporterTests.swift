// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

/// The formats beside the scraped one: each read through the sniffing
/// router, as `CorpusBuilder` reads them. Expected values counted by hand
/// from the fixtures in `Fixtures/formats/`.
@Suite("Article formats")
struct FormatImporterTests {
    let router = FormatSniffer()

    @Test("a UTF-8 byte-order mark changes nothing, in any format", arguments: [
        ("a.md", "---\ntitle: Hello\ndate: 2025-01-02\n---\nOpenAI released o3."),
        ("b.txt", "# Title here\n\nOpenAI released o3 today."),
        ("c.jsonl:1", #"{"title": "J", "text": "OpenAI released o3.", "date": "2025-01-02"}"#),
        ("d.json", #"{"text": "OpenAI opened an office in Tokyo.", "ents": [{"start": 0, "end": 6, "label": "ORG"}]}"#),
    ])
    func byteOrderMark(path: String, text: String) throws {
        let plain = try router.parse(Data(text.utf8), path: path).get()
        let marked = try router.parse(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)), path: path).get()
        #expect(marked.title == plain.title && !marked.title.hasPrefix("\u{FEFF}"))
        #expect(marked.paragraphs == plain.paragraphs && marked.published == plain.published && marked.format == plain.format)
        #expect(marked.givenMentions == plain.givenMentions)
    }

    func fixture(_ name: String) -> String { PackagePaths.fixture("formats/" + name) }

    func load(_ name: String) throws -> Article {
        try router.importFile(at: fixture(name)).get()
    }

    func text(_ article: Article, _ paragraph: Int, _ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(Array(article.paragraphs[paragraph].unicodeScalars)[range]))
    }

    // MARK: - Sniffing

    @Test("the router picks the format from the first bytes, the extension as a hint")
    func sniffing() {
        func format(_ text: String, _ path: String) -> ArticleFormat { FormatSniffer.format(of: Data(text.utf8), path: path) }
        #expect(format("# Title\n\nText", "a.txt") == .scraped)
        #expect(format("# Title\n\nText", "a.md") == .markdown)
        #expect(format("\n---\ntitle: x\n---\nText", "a.txt") == .markdown)
        #expect(format(" {\"title\": \"x\", \"bodyXML\": \"<p>x</p>\"}", "a") == .contentAPI)
        #expect(format("{\"text\": \"x\", \"ents\": []}", "a.json") == .spacy)
        #expect(format("{\"text\": \"x\"}", "a.json") == .jsonLines)
        #expect(format("{\"text\": \"x\", \"bodyXML\": 1}", "news.jsonl:3") == .jsonLines)
        #expect(format("text\0T1\tORG 0 4\ttext", "x.txt") == .brat)
    }

    // MARK: - Content API

    @Test("content API: metadata, paragraphs, heading, links, annotations")
    func contentAPI() throws {
        let article = try load("content_api.json")
        #expect(article.format == .contentAPI)
        #expect(article.title == "Chipmakers race to feed the data-centre boom")
        #expect(article.authors == ["Ana Ruiz", "Tom Becker"])
        #expect(article.published == CalendarDate(year: 2024, month: 6, day: 5))
        #expect(article.paragraphs == [
            "Nvidia said on Wednesday that demand for its accelerators still outruns supply.",
            "Where the money goes",
            "Cloud groups such as Microsoft keep raising budgets & orders.",
            "Analysts at one bank expect the spending to slow in 2026.",
        ])
        #expect(article.headings == [1])
        #expect(article.links == [ArticleLink(paragraph: 2, start: 21, end: 30, address: "http://api.ft.com/content/abc"),
                                  ArticleLink(paragraph: 3, start: 12, end: 20, address: "https://example.com/report")])
        #expect(article.annotations.map(\.label) == ["Nvidia Corp", "Microsoft Corp", "Ana Ruiz", "Markets", "Technology", "News"])
        #expect(article.annotations.map(\.predicate) == ["about", "mentions", "hasAuthor", "isClassifiedBy", "isPrimarilyClassifiedBy",
                                                          "isClassifiedBy"])
        // As in the scraped format: the primary brand wins over the first one listed.
        #expect(article.brand == "Technology")
        #expect(article.genre == "News")
        #expect(article.contentID == "6b1f2c3d-0000-4000-8000-00000000abcd")
        let corpus = InMemoryCorpus.load(paths: [fixture("content_api.json")])
        #expect(corpus.mentionCount(labelled: "Nvidia Corp") == 1)
        #expect(corpus.mentionCount(labelled: "Microsoft Corp") == 1)
    }

    @Test("content API: broken JSON is an error naming the file")
    func contentAPIBroken() {
        let result = router.importFile(at: fixture("content_api_bad.json"))
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.path.hasSuffix("content_api_bad.json"))
        #expect(error.message.hasPrefix("not valid JSON"))
    }

    @Test("bodyXML: malformed markup never crashes and keeps the text", arguments: [
        ("<p>Unclosed <b>bold and <a href='x'>a link", ["Unclosed bold and a link"]),
        ("<p>One</p><p>Two &amp; &#8217;three&#x2019; &bogus; </p>", ["One", "Two & ’three’ &bogus;"]),
        ("text < not a tag", ["text < not a tag"]),
        ("<h3>Heading</h3>body<br/>next", ["Heading", "body", "next"]),
        ("", []),
        ("a <b <i>c</i> d", ["a <b c d"]),
        ("x <p", ["x <p"]),
    ])
    func bodyXML(xml: String, expected: [String]) {
        #expect(BodyXMLReader.read(xml).paragraphs == expected)
    }

    @Test("bodyXML: 100,000 unclosed tags or comments are text, read in one pass")
    func bodyXMLUnclosed() {
        for piece in ["<", "<!--", "<a href=\"", "<![CDATA["] {
            let body = String(repeating: piece, count: 50_000)
            #expect(BodyXMLReader.read("<p>" + body).paragraphs == [body])
        }
    }

    // MARK: - Markdown

    @Test("Markdown: front matter, headings, links, lists, code")
    func markdown() throws {
        let article = try load("open_weights.md")
        #expect(article.format == .markdown)
        #expect(article.title == "Open weights, closed doors")
        #expect(article.authors == ["Mei Lin", "Jonas Weber"])
        #expect(article.published == CalendarDate(year: 2025, month: 1, day: 27))
        #expect(article.paragraphs == [
            "Open weights, closed doors",
            "DeepSeek released the weights of its R1 model in January, and the download counters have not stopped since.",
            "What changed",
            "Developers can now run a capable reasoning model on their own hardware, as the licence allows it.",
            "pip install some_tool",
            "• Faster local tests",
            "• Lower cloud bills",
        ])
        #expect(article.headings == [0, 2])
        #expect(article.links == [ArticleLink(paragraph: 3, start: 75, end: 86, address: "https://example.org/licence")])
        #expect(text(article, 3, 75..<86) == "the licence")
        #expect(article.annotations.map(\.label) == ["open models", "DeepSeek"])
        #expect(article.annotations.allSatisfy { $0.type == .topic && $0.predicate == "hasDisplayTag" })
    }

    @Test("Markdown: bad front matter is an error naming the file and line")
    func markdownBroken() {
        guard case .failure(let error) = router.importFile(at: fixture("bad_front_matter.md")) else { Issue.record("expected a failure"); return }
        #expect(error.path.hasSuffix("bad_front_matter.md"))
        #expect(error.message.hasPrefix("line 3: front matter is not valid YAML"))
        let unclosed = router.parse(Data("---\ntitle: x\nno end".utf8), path: "open.md")
        guard case .failure(let second) = unclosed else { Issue.record("expected a failure"); return }
        #expect(second.description == "open.md: line 1: front matter opened with '---' is never closed")
    }

    @Test("Markdown: nested aliases in the front matter (a billion laughs in 400 bytes) import at once, as the few nodes they are")
    func markdownAliasBomb() throws {
        var yaml = ["---", "title: Aliases everywhere", "date: 2025-03-19", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 { yaml.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        yaml += ["tags: *a9", "authors: [Ana Ruiz, *a9]", "---", "OpenAI said little."]
        let clock = ContinuousClock()
        let start = clock.now
        let article = try router.parse(Data(yaml.joined(separator: "\n").utf8), path: "laughs.md").get()
        // Expanded, the tree would hold 10^10 scalars; read as composed, it is done before a person could notice.
        #expect(clock.now - start < .seconds(5))
        #expect(article.title == "Aliases everywhere")
        #expect(article.published == CalendarDate(year: 2025, month: 3, day: 19))
        #expect(article.authors == ["Ana Ruiz"])
        // The tags are lists, not names: none is taken.
        #expect(article.annotations.isEmpty)
        #expect(article.paragraphs == ["OpenAI said little."])
    }

    @Test("Markdown: 20,000 unclosed links and brackets on a line are read once, as text; a link's text holds no link")
    func markdownUnclosedLinks() throws {
        let unclosed = String(repeating: "[a](", count: 20_000)
        let brackets = String(repeating: "[", count: 20_000) + "x" + String(repeating: "](", count: 20_000)
        let article = try router.parse(Data("---\ntitle: t\n---\n\(unclosed)\n\n\(brackets)\n\n[see [a](b) too](https://example.com/c)\n".utf8),
                                       path: "links.md").get()
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[0] == unclosed)
        #expect(article.paragraphs[1] == brackets)
        // The outer link, whose text is read as text: the inner one is not a second link.
        #expect(article.links.count == 1)
        #expect(article.links.first?.address == "https://example.com/c")
        #expect(article.paragraphs[2] == "see [a](b) too")
    }

    @Test("Markdown: emphasis markers go, snake_case and escapes stay")
    func markdownInline() throws {
        let article = try router.parse(Data("Use *this* and __that__ with some_name and \\*stars\\*.".utf8), path: "x.md").get()
        #expect(article.paragraphs == ["Use this and that with some_name and *stars*."])
    }

    // MARK: - JSON Lines

    @Test("JSON Lines: a container is one entry per non-blank line")
    func jsonLinesEntries() {
        let (files, errors) = ArticleFiles.expand([fixture("news.jsonl")])
        #expect(errors.isEmpty)
        #expect(files.map { $0.split(separator: "/").last! } == ["news.jsonl:1", "news.jsonl:3", "news.jsonl:4", "news.jsonl:5"])
    }

    @Test("JSON Lines: an entry reads only its line")
    func jsonLinesReadsOneLine() throws {
        let data = try ArticleFileReader.read(fixture("news.jsonl") + ":3").get()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\"title\": \"A quick answer from Anthropic\""))
        #expect(!text.contains("\n"))
        #expect(!text.contains("Mistral"))
        guard case .failure(let error) = ArticleFileReader.read(fixture("news.jsonl") + ":2") else { Issue.record("blank line read"); return }
        #expect(error.path.hasSuffix("news.jsonl:2"))
    }

    @Test("JSON Lines: fields and given spans, hand-counted")
    func jsonLines() throws {
        let first = try load("news.jsonl:1")
        #expect(first.format == .jsonLines)
        #expect(first.title == "Mistral raises new funds")
        #expect(first.authors == ["Claire Dubois"])
        #expect(first.published == CalendarDate(year: 2024, month: 6, day: 11))
        #expect(first.pageAddress == "https://example.com/mistral")
        #expect(first.paragraphs.count == 2)
        #expect(first.givenMentions == [
            GivenMention(paragraph: 0, start: 0, end: 10, label: "Mistral AI", type: .organisation),
            GivenMention(paragraph: 0, start: 37, end: 42, label: "Paris", type: .location),
            // 61 in the whole text is 17 in the second paragraph (44 scalars and a line break before it).
            GivenMention(paragraph: 1, start: 17, end: 30, label: "Arthur Mensch", type: .person),
        ])
        #expect(first.warnings.isEmpty)
        let third = try load("news.jsonl:3")
        #expect(third.authors == ["Sam Ortiz"])
        #expect(third.published == CalendarDate(year: 2024, month: 6, day: 20))
        #expect(third.paragraphs == ["Anthropic put Claude 3.5 Sonnet on sale in June.", "Rivals answered within weeks."])
        #expect(third.givenMentions.map(\.type) == [.organisation, .product])
        #expect(text(third, 0, 14..<31) == "Claude 3.5 Sonnet")
    }

    @Test("JSON Lines: spans that do not fit are dropped with warnings naming file and line")
    func jsonLinesBadSpans() throws {
        let article = try load("news.jsonl:5")
        #expect(article.givenMentions.map(\.label) == ["Google"])
        #expect(article.warnings.count == 3)
        // Shown after the article's path (news.jsonl:5: entity span …), which the warning does not repeat.
        #expect(article.path.hasSuffix("news.jsonl:5"))
        #expect(article.warnings.allSatisfy { $0.hasPrefix("entity span ") })
        #expect(article.warnings.contains { $0.hasSuffix("crosses a paragraph break; dropped") })
        #expect(article.warnings.contains { $0.hasSuffix("ends before it starts; dropped") })
        #expect(article.warnings.contains { $0.hasSuffix("is outside the text; dropped") })
    }

    @Test("JSON Lines: a broken line fails alone; the rest of the file loads and links as given")
    func jsonLinesFolder() {
        let corpus = InMemoryCorpus.load(paths: [fixture("news.jsonl")])
        #expect(corpus.articleCount == 3)
        #expect(corpus.errors.count == 1)
        #expect(corpus.errors.first?.path.hasSuffix("news.jsonl:4") == true)
        #expect(corpus.errors.first?.message.hasPrefix("not a JSON object") == true)
        // Mentions exactly as given: no detection on top (Gemini is not given).
        let labels = corpus.allMentions.compactMap { corpus.entity($0.entity)?.label }.sorted()
        #expect(labels == ["Anthropic", "Arthur Mensch", "Claude 3.5 Sonnet", "Google", "Mistral AI", "Paris"])
        #expect(corpus.allMentions.allSatisfy { !$0.isDetected })
        #expect(corpus.entity(labelled: "Arthur Mensch")?.type == .person)
    }

    // MARK: - brat

    @Test("brat: a .txt beside a .ann is one article with the T lines as mentions")
    func brat() throws {
        let article = try load("brat/llama.txt")
        #expect(article.format == .brat)
        #expect(article.paragraphs == ["Meta released Llama 3 in April.", "Mark Zuckerberg said the model would stay open.",
                                       "Critics in Brussels were less sure."])
        #expect(article.title == "Meta released Llama 3 in April.")
        #expect(article.givenMentions == [
            GivenMention(paragraph: 0, start: 0, end: 4, label: "Meta", type: .organisation),
            GivenMention(paragraph: 0, start: 14, end: 21, label: "Llama 3", type: .model),
            GivenMention(paragraph: 1, start: 0, end: 15, label: "Mark Zuckerberg", type: .person),
            GivenMention(paragraph: 2, start: 11, end: 19, label: "Brussels", type: .location),
        ])
        #expect(article.warnings.isEmpty)
        let (files, _) = ArticleFiles.expand([fixture("brat")])
        #expect(files.map { $0.split(separator: "/").last! } == ["broken.txt", "llama.txt"])
    }

    @Test("brat: bad T lines are dropped with warnings naming the .ann and line")
    func bratBroken() throws {
        let article = try load("brat/broken.txt")
        #expect(article.givenMentions.map(\.label) == ["Apple"])
        let origins = article.warnings.map { $0.split(separator: ":").dropLast().joined(separator: ":") }
        #expect(article.warnings.count == 4)
        #expect(origins.allSatisfy { $0.contains("broken.ann:") })
        for line in 2...5 { #expect(article.warnings.contains { $0.contains("broken.ann:\(line): ") }, "line \(line)") }
    }

    // MARK: - spaCy

    @Test("spaCy: text and ents")
    func spacy() throws {
        let article = try load("tokyo_office.json")
        #expect(article.format == .spacy)
        #expect(article.paragraphs.count == 1)
        #expect(article.givenMentions.map(\.label) == ["OpenAI", "Tokyo", "April 2024", "Sam Altman"])
        #expect(article.givenMentions.map(\.type) == [.organisation, .location, .other, .person])
        #expect(text(article, 0, 27..<32) == "Tokyo")
    }

    @Test("spaCy: bad spans dropped with warnings, the rest kept")
    func spacyBroken() throws {
        let article = try load("spacy_bad.json")
        #expect(article.givenMentions.map(\.label) == ["Short"])
        #expect(article.warnings.count == 2)
        #expect(article.warnings.allSatisfy { $0.hasPrefix("entity ") && !$0.contains("spacy_bad.json") })
    }

    // MARK: - One folder of everything

    @Test("a folder of every format loads; the bad files are named and the rest loads")
    func mixedFolder() {
        let corpus = InMemoryCorpus.load(paths: [PackagePaths.fixture("formats")])
        let formats = Set((0..<corpus.articleCount).compactMap { corpus.article(at: $0)?.format })
        #expect(formats == [.contentAPI, .markdown, .jsonLines, .brat, .spacy])
        let failed = corpus.errors.map { $0.path.split(separator: "/").last.map(String.init) ?? $0.path }
        #expect(failed.count == 3)
        #expect(failed.contains("content_api_bad.json"))
        #expect(failed.contains("news.jsonl:4"))
        #expect(failed.contains("bad_front_matter.md"))
        // 1 content API, 1 Markdown, 3 JSON Lines, 2 brat, 2 spaCy.
        #expect(corpus.articleCount == 9)
        let json = CorpusExport.parseJSON(corpus)
        for key in ["\"format\"", "\"headings\"", "\"links\"", "\"givenMentions\""] { #expect(json.contains(key)) }
    }

    @Test("control characters in any field stay text (replaced where written to a terminal)")
    func controlCharacters() throws {
        let line = #"{"title": "Bad\u001b[31m title\nsplit", "text": "Body \u001b]0;x\u0007 here."}"#
        let article = try router.parse(Data(line.utf8), path: "x.jsonl:1").get()
        #expect(article.title == "Bad\u{1B}[31m title split")
        #expect(ControlCharacters.visible(article.title) == "Bad␛[31m title split")
        #expect(!ControlCharacters.visible(article.paragraphs[0]).unicodeScalars.contains { $0.value < 0x20 })
    }
}

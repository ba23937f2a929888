// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

@Suite("Scraped-article importer")
struct ImporterTests {
    let importer = ScrapedArticleImporter()

    func load(_ name: String) throws -> Article {
        try importer.importFile(at: PackagePaths.fixture(name)).get()
    }

    @Test("reference: title, byline, dates and paragraphs of the sample article")
    func referenceMetadata() throws {
        let article = try importer.importFile(at: PackagePaths.reference).get()
        #expect(article.title == "Why Chinese AI groups are handing out their best models for free")
        #expect(article.authors == ["Tessa Marlow"])
        #expect(article.published == CalendarDate(year: 2025, month: 3, day: 19))
        #expect(article.genre == "Opinion")
        #expect(article.brand == "Business Insight")
        #expect(article.email == "tessa.marlow@ft.com")
        #expect(article.warnings.isEmpty)
    }

    @Test("reference: 8 clean paragraphs")
    func referenceParagraphs() throws {
        let article = try importer.importFile(at: PackagePaths.reference).get()
        #expect(article.paragraphs.count == 8)
        #expect(article.paragraphs.first?.hasPrefix("A tit-for-tat answer looked inevitable.") == true)
        #expect(article.paragraphs.last?.hasSuffix("but to make the prize worthless.") == true)
        #expect(article.paragraphs[2].hasPrefix("US tech companies, for the moment,"))
        #expect(article.paragraphs[5].hasPrefix("For Beijing, the approach"))
        let leftovers = ["Print this page", "Unlock the Editor", "Roula Khalaf", "Recommended", "Business Insight",
                         "Tessa Marlow", "Export curbs pushed", "@ft.com", "tessa.marlow", "Published", "202564", "contentId"]
        for paragraph in article.paragraphs {
            for leftover in leftovers { #expect(!paragraph.contains(leftover), "\(leftover) left in: \(paragraph.prefix(60))") }
        }
    }

    @Test("reference: related block kept as metadata")
    func referenceRelated() throws {
        let article = try importer.importFile(at: PackagePaths.reference).get()
        #expect(article.related == [RelatedArticle(brand: "Business Insight", authors: ["Tessa Marlow"],
                                                   headline: "Export curbs pushed Beijing to build its own chips")])
    }

    @Test("reference: 27 annotations, 26 distinct concepts, merged by id")
    func referenceAnnotations() throws {
        let article = try importer.importFile(at: PackagePaths.reference).get()
        #expect(article.annotations.count == 27)
        let concepts = article.concepts
        #expect(concepts.count == 26)
        let ai = try #require(concepts.first { $0.label == "Artificial intelligence" })
        #expect(ai.predicates == ["about", "hasDisplayTag"])
        #expect(concepts.first { $0.label == "China" }?.predicates == ["implicitlyAbout"])
    }

    /// Every own fixture against the values in Fixtures/EXPECTED.json
    /// (counted by a script, independently of this importer).
    @Test("fixtures match EXPECTED.json", arguments: ["two_authors.txt", "no_related.txt", "several_related.txt", "no_annotations.txt",
                                                      "truncated_json.txt", "cjk.txt", "control_chars.txt", "full_month.txt"])
    func fixture(name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.fixture("EXPECTED.json")))
        let object = try JSONSerialization.jsonObject(with: data)
        let all = try #require(object as? [String: Any])
        let expected = try #require(all[name] as? [String: Any])
        let article = try load(name)
        #expect(article.title == expected["title"] as? String)
        #expect(article.authors == expected["authors"] as? [String])
        #expect(article.published?.description == expected["published"] as? String)
        #expect(article.genre == expected["genre"] as? String)
        #expect(article.brand == expected["brand"] as? String)
        #expect(article.paragraphs == expected["paragraphs"] as? [String])
        #expect(article.email == expected["email"] as? String)
        #expect(article.annotations.count == expected["annotations"] as? Int)
        #expect(article.concepts.count == expected["distinctEntities"] as? Int)
        let related = (expected["related"] as? [[String: Any]] ?? []).map {
            RelatedArticle(brand: $0["brand"] as? String, authors: $0["authors"] as? [String] ?? [], headline: $0["headline"] as? String ?? "")
        }
        #expect(article.related == related)
    }

    @Test("no annotations and broken annotations are warnings, not errors")
    func warnings() throws {
        let none = try load("no_annotations.txt")
        #expect(none.warnings.contains { $0.contains("no annotations") })
        #expect(!none.paragraphs.isEmpty)
        let broken = try load("truncated_json.txt")
        #expect(broken.warnings.contains { $0.contains("broken") })
        #expect(broken.paragraphs.allSatisfy { !$0.contains("{\"") })
    }

    @Test("bad files are errors naming the problem", arguments: [
        ("", "empty file"),
        ("Just some text without a title line.", "no title line"),
        ("# Title\n\nText\u{0}with a NUL", "binary"),
    ])
    func badInput(text: String, message: String) {
        let result = importer.parse(text, path: "bad.txt")
        guard case .failure(let error) = result else {
            Issue.record("expected an error for \(message)")
            return
        }
        #expect(error.path == "bad.txt")
        #expect(error.message.contains(message))
    }

    @Test("a folder with good and bad files loads the good ones and names the bad ones")
    func mixedFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-mixed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nested"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: PackagePaths.reference, toPath: folder.appendingPathComponent("nested/good.txt").path)
        try Data("not an article".utf8).write(to: folder.appendingPathComponent("bad.txt"))
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: folder.appendingPathComponent("binary.txt"))
        let corpus = InMemoryCorpus.load(paths: [folder.path, "/nonexistent/lede"])
        #expect(corpus.articles.map { $0.title } == ["Why Chinese AI groups are handing out their best models for free"])
        #expect(Set(corpus.errors.map { ($0.path as NSString).lastPathComponent }) == ["bad.txt", "binary.txt", "lede"])
    }

    @Test("a file named twice loads once; a folder without articles is an error")
    func duplicatesAndEmptyFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = PackagePaths.reference
        let corpus = InMemoryCorpus.load(paths: [reference, reference, folder.path])
        #expect(corpus.articles.count == 1)
        #expect(corpus.errors.map(\.message) == ["no article files (.txt, .json, .md, .jsonl, .html, .warc, brat .txt + .ann) in this folder"])
    }

    @Test("article files are never written")
    func readOnly() throws {
        let path = PackagePaths.reference
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        _ = InMemoryCorpus.load(paths: [path])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == attributes[.modificationDate] as? Date)
    }

    @Test("paragraph splitting keeps camel-case names and initials whole")
    func splitting() {
        let paragraphs = importer.splitParagraphs("OpenAI and DeepSeek raced.QwQ followed the U.S. lead.“Quotes” too.Next")
        #expect(paragraphs == ["OpenAI and DeepSeek raced.", "QwQ followed the U.S. lead.", "“Quotes” too.", "Next"])
    }
}

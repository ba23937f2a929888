// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeIndex
import LedeModel
import LedeTestSupport
import Testing

@Suite("Index: article formats")
struct FormatIndexTests {
    func line(_ title: String, _ text: String) -> String {
        #"{"title": "\#(title)", "text": "\#(text)", "entities": [{"start": 0, "end": 6, "label": "ORG"}]}"#
    }

    @Test("a changed line of a JSON Lines container is the only entry parsed again")
    func jsonLinesLineChange() throws {
        let folder = SyntheticCorpus.temporaryFolder("jsonl-index")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/news.jsonl"
        var lines = [line("One", "Google said one thing."), line("Two", "Nvidia said another."), line("Three", "Baidu said a third.")]
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let (indexer, corpus, _) = try openIndex([folder])
        let first = try update(indexer, corpus, paths: [folder])
        #expect(first.added == 3)
        #expect(corpus.articleCount == 3)
        #expect(corpus.articleID(path: path + ":2") != nil)

        lines[1] = line("Two, revised", "Nvidia said another thing again.")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let second = try update(indexer, corpus, paths: [folder])
        // Every entry's stat changed with the container; the content hash spares the two unchanged lines.
        #expect(second.changed == 1)
        #expect(second.unchanged == 2)
        #expect(second.added == 0)
        let id = try #require(corpus.articleID(path: path + ":2"))
        #expect(corpus.article(id)?.title == "Two, revised")
        #expect(corpus.mentions(in: id).map(\.text) == ["Nvidia"])
    }

    @Test("a changed .ann re-indexes its brat article")
    func bratAnnotationChange() throws {
        let folder = SyntheticCorpus.temporaryFolder("brat-index")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "Anthropic and Google both spoke.\n".write(toFile: folder + "/a.txt", atomically: false, encoding: .utf8)
        try "T1\tORG 0 9\tAnthropic\n".write(toFile: folder + "/a.ann", atomically: false, encoding: .utf8)
        let (indexer, corpus, _) = try openIndex([folder])
        #expect(try update(indexer, corpus, paths: [folder]).added == 1)
        let id = try #require(corpus.articleID(path: folder + "/a.txt"))
        #expect(corpus.mentions(in: id).map(\.text) == ["Anthropic"])

        try "T1\tORG 0 9\tAnthropic\nT2\tORG 14 20\tGoogle\n".write(toFile: folder + "/a.ann", atomically: false, encoding: .utf8)
        let report = try update(indexer, corpus, paths: [folder])
        #expect(report.changed == 1)
        let again = try #require(corpus.articleID(path: folder + "/a.txt"))
        #expect(corpus.mentions(in: again).map(\.text) == ["Anthropic", "Google"])
    }

    @Test("every format: the index gives the same exports as memory (headings, links, given spans kept)")
    func parity() throws {
        let folder = PackagePaths.fixture("formats")
        let memory = InMemoryCorpus.load(paths: [folder])
        let (indexer, indexed, _) = try openIndex([folder])
        try update(indexer, indexed, paths: [folder])
        #expect(exports(indexed) == exports(memory))
        let markdown = try #require((0..<indexed.articleCount).compactMap { indexed.article(at: $0) }.first { $0.format == .markdown })
        #expect(markdown.headings == [0, 2])
        #expect(markdown.links.count == 1)
    }

    @Test("web pages: the index gives the same exports as memory (url, site, language, headings and links kept); a changed page is read again")
    func htmlPages() throws {
        let folder = SyntheticCorpus.temporaryFolder("html-index")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["news_article.html", "blog_post.html", "gallery.html"] {
            try FileManager.default.copyItem(atPath: PackagePaths.fixture("html/" + name), toPath: folder + "/" + name)
        }
        let memory = InMemoryCorpus.load(paths: [folder])
        let (indexer, indexed, _) = try openIndex([folder])
        #expect(try update(indexer, indexed, paths: [folder]).added == 3)
        #expect(exports(indexed) == exports(memory))
        let id = try #require(indexed.articleID(path: folder + "/news_article.html"))
        let article = try #require(indexed.article(id))
        #expect(article.format == .html)
        #expect(article.site == "The Coastal Ledger")
        #expect(article.language == "en-GB")
        #expect(article.pageAddress == "https://coastal-ledger.example/business/2024/11/harbour-chip-plant")
        #expect(article.headings == [3])
        #expect(article.links.count == 1)

        let page = folder + "/gallery.html"
        let changed = try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(of: "Ten lighthouses", with: "Eleven lighthouses")
        try changed.write(toFile: page, atomically: false, encoding: .utf8)
        let report = try update(indexer, indexed, paths: [folder])
        #expect(report.changed == 1)
        #expect(report.unchanged == 2)
        #expect(indexed.article(try #require(indexed.articleID(path: page)))?.title == "Eleven lighthouses worth the detour")
    }
}

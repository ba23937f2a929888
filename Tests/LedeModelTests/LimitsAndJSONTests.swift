// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

@Suite("Limits and JSON")
struct LimitsAndJSONTests {
    func article(labels: [String], ids: [String], text: String = "Alibaba and Quill Dynamics met.") -> String {
        let rows = zip(labels, ids).map { label, id in
            "{\"type\":\"ORGANISATION\",\"predicate\":\"http://x/mentions\",\"prefLabel\":\"\(label)\",\"id\":\"\(id)\"}"
        }
        return "# A title\n\nAna RuizPublishedMar 3 20254\(text){\"annotations\":[\(rows.joined(separator: ","))]}"
    }

    @Test("long labels and too many annotations are dropped with a warning naming how many; the rest loads")
    func caps() throws {
        let limits = ImportLimits()
        let long = String(repeating: "Very Long Organisation Name ", count: 40)
        var labels = ["Alibaba"] + Array(repeating: long, count: 30)
        labels += (0..<(limits.maximumAnnotations + 10)).map { "Firm \($0)" }
        let text = article(labels: labels, ids: labels.indices.map { "id-\($0)" })
        let parsed = try ScrapedArticleImporter().parse(text, path: "big.txt").get()
        #expect(parsed.annotations.count <= limits.maximumAnnotations)
        #expect(parsed.annotations.allSatisfy { $0.label.unicodeScalars.count <= limits.maximumLabelLength })
        #expect(parsed.warnings.contains { $0.contains("only the first \(limits.maximumAnnotations)") })
        #expect(parsed.warnings.contains { $0.contains("30 annotation labels longer than") })
        let corpus = InMemoryCorpus(articles: [parsed])
        #expect(corpus.mentionCount(labelled: "Alibaba") == 1)
    }

    @Test("a 4 MB article of long labels builds a vocabulary within its caps, quickly and in little memory")
    func largeLabelArticle() throws {
        // 20,000 labels of 200 characters: 4 MB of label text.
        let labels = (0..<20_000).map { index in "Label \(index) " + String(repeating: "x", count: 190 - String(index).count) }
        let text = article(labels: labels, ids: labels.indices.map { "id-\($0)" })
        #expect(text.utf8.count > 4_000_000)
        let parsed = try ScrapedArticleImporter().parse(text, path: "labels.txt").get()
        #expect(parsed.annotations.count == ImportLimits().maximumAnnotations)
        let imported = CorpusBuilder().prepare(parsed)
        let vocabulary = CorpusBuilder().vocabulary(for: [imported])
        #expect(vocabulary.matcher.approximateByteCount < 40 * 4_000_000 / 10)
    }

    @Test("one label under a thousand ids is one entity, with one pattern")
    func oneLabelManyIDs() throws {
        let articles = try (0..<1000).map { index in
            try ScrapedArticleImporter().parse(article(labels: ["Quill Dynamics"], ids: ["id-\(index)"]), path: "a\(index).txt").get()
        }
        let builder = CorpusBuilder()
        let vocabulary = builder.vocabulary(for: articles.map(builder.prepare))
        #expect(vocabulary.definitions.filter { $0.key.raw.hasSuffix(":quill dynamics") }.count == 1)
        #expect(vocabulary.matcher.patterns.filter { $0.text == "Quill Dynamics" }.count == 1)
        let corpus = InMemoryCorpus(articles: articles)
        let quill = try #require(corpus.entity(labelled: "Quill Dynamics"))
        #expect(corpus.mentionCount(of: quill.id) == 1000)
        #expect(quill.publisherID == "id-0")
    }

    @Test("JSON: escapes, surrogate pairs, nesting, and what RFC 8259 rejects")
    func json() throws {
        let document = try JSONDocument.parse(#" {"a": "x\"\\\/\n\u00e9\ud83d\ude80", "b": [1, -2.5e3, true, false, null, {}], "c": {"d": []}} "#)
        #expect(document["a"]?.string == "x\"\\/\né🚀")
        #expect(document["b"]?.array?.count == 6)
        #expect(document["c"]?["d"]?.array == [])
        for bad in ["", "{", "{\"a\":}", "[1,]", "01", "\"\u{1}\"", "{\"a\":1} x", "\"\\x\"", "tru", "[" + String(repeating: "[", count: 300) + "]"] {
            #expect(throws: JSONDocument.SyntaxError.self, "\(bad.prefix(20))") { try JSONDocument.parse(bad) }
        }
        // A lone surrogate becomes U+FFFD rather than an error.
        #expect(try JSONDocument.parse(#""\ud800x""#).string == "\u{FFFD}x")
    }

    @Test("JSON: text around escapes, multi-byte text and \\u escapes decode in order")
    func jsonEscapesInOrder() throws {
        #expect(try JSONDocument.parse("\"a\\\"é\\u00e9\\n🚀\\ud83d\\ude80z\"").string == "a\"éé\n🚀🚀z")
    }

    @Test("JSON: a string of escapes decodes in linear time (4× the escapes, well under 16× the time)")
    func jsonEscapesAreLinear() throws {
        func seconds(_ pairs: Int) throws -> Double {
            let text = "\"" + String(repeating: "a\\\"", count: pairs) + "\""
            return try bestSeconds {
                let count = try JSONDocument.parse(text).string?.count
                #expect(count == 2 * pairs)
            }
        }
        let small = try seconds(60_000), large = try seconds(240_000)
        // Linear is about 4×; appending to a String.UnicodeScalarView was about 40× here.
        #expect(large < max(small, 0.002) * 12, "60,000 escapes: \(small) s; 240,000: \(large) s")
    }

    @Test("a date whose first characters cut a character in two is no date, not a crash")
    func dateCuttingACharacter() throws {
        #expect(CalendarDate.leadingISO("202é-01-01") == nil)
        #expect(CalendarDate.leadingISO("2025-0é") == nil)
        #expect(CalendarDate.leadingISO("2025-03-19é") == nil)
        #expect(CalendarDate.leadingISO("2025-03-19 é") == CalendarDate(year: 2025, month: 3, day: 19))
        let line = Data(#"{"title": "T", "text": "Body.", "date": "2024-11-0é"}"#.utf8)
        let article = try JSONLinesImporter().parse(line, path: "a.jsonl:1").get()
        #expect(article.published == nil)
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

@Suite("Name matcher")
struct MatcherTests {
    @Test("leftmost-longest, case rules and word boundaries")
    func basics() {
        let matcher = NameMatcher(patterns: [
            NamePattern(text: "US", caseRule: .exact, payload: 0),
            NamePattern(text: "US government", caseRule: .firstLetterExact, payload: 1),
            NamePattern(text: "Meta", caseRule: .firstLetterExact, payload: 2),
        ])
        let text = "The US government, the US, meta, Meta’s and METAL."
        let chosen = matcher.leftmostLongest(matcher.allMatches(in: text))
        let found = chosen.map { match in String(decoding: Array(text.utf8)[match.byteStart..<match.byteEnd], as: UTF8.self) }
        #expect(found == ["US government", "US", "Meta"])
    }

    @Test("offsets are Unicode scalars even after CJK and emoji")
    func scalarOffsets() {
        let corpus = InMemoryCorpus(articles: [Article(path: "t", title: "t", paragraphs: ["中国🚀 Nvidia 和 Nvidia"])],
                            linker: EntityLinker(gazetteer: Gazetteer(tsv: "Nvidia\t\tchipmaker\n"), catalogue: ReleaseCatalogue(entries: [])))
        // 中国 is China in the place gazetteer.
        #expect(corpus.allMentions.map(\.start) == [0, 4, 13])
        #expect(corpus.allMentions.map(\.text) == ["中国", "Nvidia", "Nvidia"])
    }

    @Test("the scan does not depend on the number of names: 5,000 names still match")
    func manyNames() {
        var patterns = (0..<5000).map { NamePattern(text: "Company\($0) Ltd", caseRule: .exact, payload: $0) }
        patterns.append(NamePattern(text: "Needle", caseRule: .exact, payload: 9999))
        let matcher = NameMatcher(patterns: patterns)
        let matches = matcher.allMatches(in: "A Company4999 Ltd and a Needle.")
        #expect(matches.map { matcher.patterns[$0.pattern].payload }.sorted() == [4999, 9999])
    }
}

@Suite("Export formats")
struct ExportTests {
    static let corpus = InMemoryCorpus.load(paths: [PackagePaths.reference])

    func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test("parse JSON has the contract keys")
    func parseKeys() throws {
        let root = try json(CorpusExport.parseJSON(Self.corpus))
        let articles = try #require(root["articles"] as? [[String: Any]])
        #expect(root["errors"] is [Any])
        let article = try #require(articles.first)
        for key in ["path", "title", "authors", "published", "genre", "brand", "paragraphs", "related"] {
            #expect(article[key] != nil, "missing \(key)")
        }
        #expect(article["published"] as? String == "2025-03-19")
        #expect((article["paragraphs"] as? [String])?.count == 8)
    }

    @Test("entities JSON: contract keys; mentions slice back")
    func entityKeys() throws {
        let root = try json(CorpusExport.entitiesJSON(Self.corpus))
        let entities = try #require(root["entities"] as? [[String: Any]])
        #expect(entities.count == 28) // 26 annotated concepts + Google and Beijing detected
        for entity in entities {
            for key in ["id", "label", "type", "predicates", "source", "mentions"] { #expect(entity[key] != nil) }
        }
        let google = try #require(entities.first { $0["label"] as? String == "Google" })
        #expect(google["source"] as? String == "detected")
        let paragraphs = Self.corpus.article(at: 0)!.paragraphs
        for entity in entities {
            for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                let scalars = Array(paragraphs[mention["paragraph"] as! Int].unicodeScalars)
                let slice = String(String.UnicodeScalarView(scalars[(mention["start"] as! Int)..<(mention["end"] as! Int)]))
                #expect(slice == mention["text"] as? String)
            }
        }
    }

    @Test("timeline JSON keys, oldest first")
    func timelineKeys() throws {
        let root = try json(CorpusExport.timelineJSON(Self.corpus))
        let releases = try #require(root["releases"] as? [[String: Any]])
        #expect(releases.map { $0["model"] as? String } == ["o1", "DeepSeek-R1", "QwQ-32B"])
        for release in releases {
            for key in ["model", "organisation", "date", "precision", "basis", "planned", "conflicts", "mentions", "explanation",
                        "stated_by"] { #expect(release[key] != nil) }
        }
        #expect(releases[1]["basis"] as? String == "catalog")
        #expect(releases[1]["date"] as? String == "2025-01-20")
        #expect(releases[1]["explanation"] as? String == "catalogue, confirmed by 1 article")
        #expect(releases[1]["stated_by"] as? Int == 1)
    }

    @Test("text formats never carry control characters from articles")
    func controlCharactersInTextFormats() {
        let annotation = Annotation(type: .organisation, predicate: "mentions", label: "Evil\u{1B}[2JCorp", id: "x")
        let corpus = InMemoryCorpus(articles: [Article(path: "bad\u{1B}]0;PWN\u{07}.txt", title: "t", paragraphs: ["Evil\u{1B}[2JCorp."], annotations: [annotation])])
        for text in [CorpusExport.entitiesTSV(corpus), CorpusExport.timelineCSV(corpus), CorpusExport.timelineMarkdown(corpus)] {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        }
        #expect(CorpusExport.entitiesTSV(corpus).contains("Evil␛[2JCorp"))
        #expect(ControlCharacters.visible("a\u{9B}b\u{202E}c") == "a\u{FFFD}b\u{FFFD}c")
    }

    @Test("CSV quotes per RFC 4180")
    func csv() {
        let csv = CorpusExport.timelineCSV(Self.corpus)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == CorpusExport.timelineColumns.joined(separator: ","))
        #expect(lines.count == 5) // header, three rows, trailing empty
        #expect(lines[2].hasPrefix("DeepSeek-R1,DeepSeek,2025-01-20,day,catalog,no,,2,"))
        #expect(CorpusExport.csvField("plain") == "plain")
        #expect(CorpusExport.csvField("A, \"B\"") == "\"A, \"\"B\"\"\"")
        #expect(CorpusExport.csvField("two\nlines") == "\"two\nlines\"")
    }
}

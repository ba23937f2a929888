// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import Testing

/// Three short articles whose co-occurrences are counted by hand below.
///
/// Paragraphs naming anything (N = 6): a1¶1 {OpenAI, Microsoft, Google},
/// a1¶2 {Microsoft}, a2¶1 {Google, OpenAI, Microsoft}, a2¶2 {OpenAI},
/// a3¶1 {Anthropic}, a3¶2 {OpenAI, Microsoft}.
/// Sentences naming anything (N = 8): a1¶1 has {OpenAI, Microsoft} then
/// {Google}; a2¶1 has {Google, OpenAI} then {Microsoft}; the rest one each.
enum HandCounted {
    static let names = ["OpenAI", "Microsoft", "Google", "Anthropic"]

    static func article(_ path: String, _ paragraphs: [String]) -> Article {
        Article(path: path, title: "Piece \(path)", paragraphs: paragraphs,
                annotations: names.map { Annotation(type: .organisation, predicate: "mentions", label: $0, id: "org-\($0.lowercased())") })
    }

    static let articles = [
        article("a1.txt", ["OpenAI and Microsoft signed a deal. Google watched closely.", "Microsoft said nothing more."]),
        article("a2.txt", ["Google and OpenAI compete hard. Microsoft invests anyway.", "OpenAI ships again."]),
        article("a3.txt", ["Anthropic released a model.", "OpenAI and Microsoft renewed their terms."]),
    ]

    static let corpus = InMemoryCorpus(articles: articles)

    static func id(_ label: String, in corpus: any Corpus = corpus) throws -> EntityID {
        try #require(corpus.allEntities().first { $0.label == label }?.id, "\(label) is an entity")
    }
}

@Suite("Co-occurrence")
struct CooccurrenceTests {
    let corpus = HandCounted.corpus

    @Test("units per entity and in the corpus, paragraphs and sentences, as counted by hand")
    func unitCounts() throws {
        #expect(corpus.unitTotals == UnitCounts(paragraphs: 6, sentences: 8))
        #expect(corpus.unitCounts(of: try HandCounted.id("OpenAI")) == UnitCounts(paragraphs: 4, sentences: 4))
        #expect(corpus.unitCounts(of: try HandCounted.id("Microsoft")) == UnitCounts(paragraphs: 4, sentences: 4))
        #expect(corpus.unitCounts(of: try HandCounted.id("Google")) == UnitCounts(paragraphs: 2, sentences: 2))
        #expect(corpus.unitCounts(of: try HandCounted.id("Anthropic")) == UnitCounts(paragraphs: 1, sentences: 1))
    }

    @Test("shared paragraphs and lift: Google (2 of its 2) above Microsoft (3 of 4) by lift, below it by count")
    func paragraphs() throws {
        let openAI = try HandCounted.id("OpenAI"), microsoft = try HandCounted.id("Microsoft"), google = try HandCounted.id("Google")
        let byLift = corpus.cooccurrences(of: openAI, unit: .paragraph, order: .lift)
        #expect(byLift.units == 4)
        #expect(byLift.total == 6)
        #expect(byLift.rows.map(\.entity) == [google, microsoft])
        #expect(byLift.rows.map(\.shared) == [2, 3])
        // 2 × 6 ÷ (4 × 2) and 3 × 6 ÷ (4 × 4).
        #expect(abs(byLift.rows[0].lift - 1.5) < 1e-9)
        #expect(abs(byLift.rows[1].lift - 1.125) < 1e-9)
        #expect(abs(byLift.rows[0].pmi - log2(1.5)) < 1e-9)
        let byCount = corpus.cooccurrences(of: openAI, unit: .paragraph, order: .count)
        #expect(byCount.rows.map(\.entity) == [microsoft, google])
        // Anthropic never shares a paragraph with anyone.
        #expect(corpus.cooccurrences(of: try HandCounted.id("Anthropic"), unit: .paragraph).rows.isEmpty)
    }

    @Test("shared sentences: a pair sharing one sentence ranks after a pair sharing two, whatever its lift")
    func sentences() throws {
        let openAI = try HandCounted.id("OpenAI"), microsoft = try HandCounted.id("Microsoft"), google = try HandCounted.id("Google")
        let table = corpus.cooccurrences(of: openAI, unit: .sentence, order: .lift)
        #expect(table.total == 8)
        #expect(table.rows.map(\.entity) == [microsoft, google])
        #expect(table.rows.map(\.shared) == [2, 1])
        // 2 × 8 ÷ (4 × 4) and 1 × 8 ÷ (4 × 2): equal lifts, and the single shared sentence still comes last.
        #expect(abs(table.rows[0].lift - 1) < 1e-9)
        #expect(abs(table.rows[1].lift - 1) < 1e-9)
        let rare = CooccurrenceTable.ranked([CooccurrenceRow(entity: EntityID(1), shared: 1, units: 1, lift: 50),
                                             CooccurrenceRow(entity: EntityID(2), shared: 5, units: 9, lift: 2)], by: .lift) { "\($0)" }
        #expect(rare.map(\.entity) == [EntityID(2), EntityID(1)])
    }

    @Test("the paragraphs two entities share, reading order, with both marked")
    func sharedParagraphs() throws {
        let openAI = try HandCounted.id("OpenAI"), google = try HandCounted.id("Google")
        let paragraphs = corpus.sharedUnits(of: openAI, and: google, unit: .paragraph)
        #expect(paragraphs.map { corpus.summary(of: $0.article)?.path } == ["a1.txt", "a2.txt"])
        #expect(paragraphs.map(\.paragraph) == [0, 0])
        let text = try #require(corpus.article(paragraphs[0].article)?.paragraphs[0])
        let marked = paragraphs[0].matches.map { String(String.UnicodeScalarView(Array(text.unicodeScalars)[$0])) }
        #expect(marked == ["OpenAI", "Google"])
        let sentences = corpus.sharedUnits(of: openAI, and: google, unit: .sentence)
        #expect(sentences.map { corpus.summary(of: $0.article)?.path } == ["a2.txt"])
    }

    @Test("sentence numbers: abbreviations do not end a sentence; a lone mention needs no split")
    func unitsOfOneArticle() {
        let mentions = [
            LinkedMention(entity: 0, paragraph: 0, start: 0, end: 6, text: "OpenAI", isDetected: false, isModel: false),
            LinkedMention(entity: 1, paragraph: 0, start: 21, end: 30, text: "Microsoft", isDetected: false, isModel: false),
            LinkedMention(entity: 2, paragraph: 0, start: 47, end: 53, text: "Google", isDetected: false, isModel: false),
            LinkedMention(entity: 2, paragraph: 1, start: 0, end: 6, text: "Google", isDetected: false, isModel: false),
        ]
        let paragraphs = ["OpenAI met Mr. Smith Microsoft's chief. Then Google spoke.", "Google again."]
        let units = EntityUnits.make(mentions, paragraphs: paragraphs)
        #expect(units.map { [$0.entity.raw, Int64($0.paragraph), Int64($0.sentence)] } == [[0, 0, 0], [1, 0, 0], [2, 0, 1], [2, 1, 0]])
        #expect(EntityUnits.totals(units) == UnitCounts(paragraphs: 2, sentences: 3))
    }
}

@Suite("Graph export")
struct GraphExportTests {
    let corpus = HandCounted.corpus

    @Test("JSON parses back to the hand-counted network")
    func json() throws {
        var text = ""
        GraphExport.writeJSON(CooccurrenceGraph(corpus: corpus, unit: .paragraph), to: &text)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["unit"] as? String == "paragraph")
        #expect(object["total_units"] as? Int == 6)
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let labelOf = Dictionary(uniqueKeysWithValues: nodes.map { ($0["id"] as! String, $0["label"] as! String) })
        // Anthropic shares nothing: no node.
        #expect(Set(labelOf.values) == ["OpenAI", "Microsoft", "Google"])
        let edges = try #require(object["edges"] as? [[String: Any]])
        var weights: [Set<String>: Int] = [:]
        for edge in edges { weights[[labelOf[edge["source"] as! String]!, labelOf[edge["target"] as! String]!]] = edge["weight"] as? Int }
        #expect(weights == [["OpenAI", "Microsoft"]: 3, ["OpenAI", "Google"]: 2, ["Microsoft", "Google"]: 2])
        let openAIGoogle = try #require(edges.first { Set([labelOf[$0["source"] as! String], labelOf[$0["target"] as! String]]) == ["OpenAI", "Google"] })
        #expect(abs((openAIGoogle["lift"] as? Double ?? 0) - 1.5) < 1e-4)
        let openAINode = try #require(nodes.first { $0["label"] as? String == "OpenAI" })
        #expect(openAINode["units"] as? Int == 4)
        #expect(openAINode["type"] as? String == "ORGANISATION")
    }

    @Test("--min-weight and --types narrow edges and drop lone nodes")
    func filters() throws {
        let heavy = CooccurrenceGraph(corpus: corpus, unit: .paragraph, minimumWeight: 3)
        #expect(heavy.nodes.map(\.entity.label).sorted() == ["Microsoft", "OpenAI"])
        #expect(heavy.edges.map(\.shared) == [3])
        #expect(CooccurrenceGraph(corpus: corpus, unit: .paragraph, types: [.person]).nodes.isEmpty)
        let sentences = CooccurrenceGraph(corpus: corpus, unit: .sentence, minimumWeight: 2)
        #expect(sentences.edges.count == 1)
    }

    @Test("DOT and GraphML quote what they must; labels keep no control characters")
    func quoting() {
        #expect(GraphExport.dotString("say \"hi\" \\ \u{1B}[31mred") == "\"say \\\"hi\\\" \\\\ [31mred\"")
        #expect(GraphExport.xml("R&D <lab> \"x\" 'y'\u{7}") == "R&amp;D &lt;lab&gt; &quot;x&quot; &apos;y&apos;")
        var dot = ""
        GraphExport.writeDOT(CooccurrenceGraph(corpus: corpus, unit: .paragraph), to: &dot)
        #expect(dot.hasPrefix("graph lede {"))
        #expect(dot.components(separatedBy: " -- ").count - 1 == 3)
        var graphML = ""
        GraphExport.writeGraphML(CooccurrenceGraph(corpus: corpus, unit: .paragraph), to: &graphML)
        #expect(graphML.components(separatedBy: "<edge ").count - 1 == 3)
        #expect(graphML.components(separatedBy: "<node ").count - 1 == 3)
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import Testing

/// Model names as real articles write them (issue 10, class 3), on a
/// catalogue and sentences made up for the tests.
@Suite("Model names as articles write them")
struct ModelNameClassTests {
    static let linker = EntityLinker(
        gazetteer: Gazetteer(tsv: "Acme AI\tAcme\tstartup\nLanting\t\tlab\n"),
        catalogue: ReleaseCatalogue(tsv: """
        Zed 3\tAcme AI\t2024-01-10\tAcme Zed 3\thttps://example.com/3
        Zed 3.1\tAcme AI\t2024-05-01\t\thttps://example.com/31
        Zed 3.7 Sonnet\tAcme AI\t2025-02-01\t\thttps://example.com/37
        Zed 4 Scout\tAcme AI\t2025-04-05\t\thttps://example.com/4s
        Quux2.5-Max\tAcme AI\t2025-01-28\t\thttps://example.com/q
        Zed\tAcme AI\t2023-03-01\tZed 1\thttps://example.com/1
        """, file: "test.tsv"),
        families: ModelFamilies(tsv: "Zed\tfamily\tAcme AI\nZedChat\tproduct\tAcme AI\n"))

    static func corpus(_ paragraph: String) -> InMemoryCorpus {
        InMemoryCorpus(articles: [Article(path: "t.txt", title: "t", published: CalendarDate(year: 2025, month: 5, day: 2), paragraphs: [paragraph])],
                       linker: linker)
    }

    /// The releases the paragraph reports.
    static func models(_ paragraph: String) -> [String] { corpus(paragraph).releases.map(\.modelName).sorted() }

    /// The models the paragraph names, reported released or not.
    static func named(_ paragraph: String) -> [String] {
        let corpus = corpus(paragraph)
        return corpus.allEntities().filter { $0.type == .model && corpus.mentionCount(of: $0.id) > 0 }.map(\.label).sorted()
    }

    @Test("spacing and hyphen variants are one model", arguments: ["Quux 2.5-Max", "Quux2.5 Max", "Quux 2.5 Max", "Quux-2.5-Max"])
    func spellingVariants(spelling: String) {
        #expect(Self.models("Acme shipped the \(spelling) model.") == ["Quux2.5-Max"])
    }

    @Test("a vendor prefix keeps the full version; a name never stops inside a longer version")
    func fullVersion() {
        #expect(Self.models("Acme Zed 3.1 is out.") == ["Zed 3.1"])
        #expect(Self.models("Researchers compared Zed 3 with Zed 3.1.") == ["Zed 3", "Zed 3.1"])
        // A version the catalogue does not know is not an older one.
        #expect(!Self.models("The Zed 3.9 model leaked.").contains("Zed 3"))
    }

    @Test("tier and variant suffixes are their own models and never fold into the base")
    func tiers() {
        #expect(Self.models("Acme launched Zed 4 Scout and Zed 4 Maverick, two models.") == ["Zed 4 Maverick", "Zed 4 Scout"])
        #expect(Self.named("Its Zed 3 Turbo model is cheaper.") == ["Zed 3 Turbo"])
        #expect(Self.named("Its Zed 3.1 mini model is cheaper.") == ["Zed 3.1 mini"])
        // Named is not released: a model no sentence reports is not on the timeline.
        #expect(Self.models("Its Zed 3 Turbo model is cheaper.").isEmpty)
    }

    @Test("a version without its tier is the one model of that version")
    func untiered() {
        #expect(Self.models("Developers liked Zed 3.7 for coding.") == ["Zed 3.7 Sonnet"])
    }

    @Test("bare family words are family entities and products are products: neither is on the timeline")
    func familiesAndProducts() throws {
        let corpus = Self.corpus("The Zed family grew, and ZedChat users tried Zed 3.1 in the Zed app.")
        #expect(corpus.releases.map(\.modelName) == ["Zed 3.1"])
        let family = try #require(corpus.allEntities().first { $0.label == "Zed" && $0.type == .modelFamily })
        #expect(corpus.mentionCount(of: family.id) == 2)
        #expect(corpus.allEntities().contains { $0.label == "ZedChat" && $0.type == .product })
        // The catalogue row named like the family still matches under its versioned alias.
        #expect(Self.models("Acme released Zed 1 in 2023.") == ["Zed"])
    }

    @Test("members of a family the article introduced are models too")
    func familyMembers() {
        let names = Self.named("Lanting released its Qiu-1 model in June 2024. Qiu-7B followed, and Qiu 2 Pro is next.")
        #expect(names == ["Qiu 2 Pro", "Qiu-1", "Qiu-7B"])
    }

    @Test("spelling variants of every bundled name stay few")
    func variantCount() {
        #expect(VocabularyBuilder.spellingVariants(of: "Qwen2.5-Max").contains("Qwen 2.5-Max"))
        #expect(VocabularyBuilder.spellingVariants(of: "o1").isEmpty)
        let total = ReleaseCatalogue.bundled.entries.flatMap(\.names).map { VocabularyBuilder.spellingVariants(of: $0).count }.reduce(0, +)
        #expect(total < 5_000)
    }
}

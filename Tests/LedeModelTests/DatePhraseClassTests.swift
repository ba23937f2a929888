// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import Testing

/// Date phrases as news text writes them (issue 10, class 2), and plans
/// (class 4), on sentences written for the tests.
@Suite("Date phrases and plans")
struct DatePhraseClassTests {
    static let published = CalendarDate(year: 2025, month: 3, day: 19)
    static let linker = EntityLinker(
        gazetteer: Gazetteer(tsv: "DeepSeek\t\tlab\nAcme AI\tAcme\tstartup\n"),
        catalogue: ReleaseCatalogue(tsv: """
        Foo-7B\tAcme AI\t2024-06-01\t\thttps://example.com/foo
        Bar-2\tAcme AI\t2024-06-01\t\thttps://example.com/bar
        """, file: "test.tsv"))

    static func releases(_ paragraph: String, published: CalendarDate = published) -> [Release] {
        InMemoryCorpus(articles: [Article(path: "t.txt", title: "t", published: published, paragraphs: [paragraph])], linker: linker).releases
    }

    static func release(_ name: String, _ paragraph: String, published: CalendarDate = published) throws -> Release {
        try #require(releases(paragraph, published: published).first { $0.modelName == name })
    }

    @Test("release phrasings beyond the verbs: brought to market, brought out")
    func releasePhrasings() throws {
        #expect(try Self.release("Zed-9", "Acme brought to market its first reasoning model, called Zed-9, in September 2024.").dateText == "2024-09")
        #expect(try Self.release("Zed-9", "Acme brought out its Zed-9 model in May 2024.").dateText == "2024-05")
    }

    @Test("the release vocabulary reads without problems and gives every role words")
    func releaseWords() {
        let words = ReleaseWords.bundled
        #expect(words.problems.isEmpty)
        for role in ReleaseWords.Role.allCases { #expect(words.entries.contains { $0.role == role }, "\(role)") }
        #expect(ReleaseWords(tsv: "released\tnonsense\n", file: "x.tsv").problems.count == 1)
    }

    @Test("a phrase never spans a sentence end: `in October. 01.AI…` is October, not October 1")
    func noSpanAcrossSentences() throws {
        let phrases = DatePhraseFinder().phrases(in: "It came out in October. 01.AI said so.", published: Self.published)
        #expect(phrases.map(\.text) == ["in October"])
        let release = try Self.release("Zed-9", "Acme released its Zed-9 model in October. 01.AI executives said little.")
        #expect(release.dateText == "2024-10")
        // An abbreviated month keeps its full stop.
        #expect(DatePhraseFinder().phrases(in: "It shipped on Oct. 7, 2024.", published: Self.published).first?.date.description == "2024-10-07")
    }

    @Test("a date whose sentence goes on past an abbreviation still belongs to its model")
    func dateAcrossAbbreviation() throws {
        let release = try Self.release("Zed-9", "In January the U.S. Commerce Department noted that Acme had released its Zed-9 model.")
        #expect(release.dateText == "2025-01")
    }

    @Test("a date after a comma belongs to the model it follows")
    func apposition() throws {
        let release = try Self.release("Zed-9", "Acme launched a reasoning model, called Zed-9, in September 2024, and its Qux-3 model is next.")
        #expect(release.dateText == "2024-09")
        // Qux-3 is named, not reported released: no date, and no row.
        #expect(!Self.releases("Acme launched a reasoning model, called Zed-9, in September 2024, and its Qux-3 model is next.")
            .contains { $0.modelName == "Qux-3" })
    }

    @Test("a date after a clause set off by commas belongs to the sentence's subject, not the model inside the clause")
    func clauseSubject() throws {
        let paragraph = "Bar-2, the model on which Foo-7B was built, came out on 2 May 2024."
        let releases = Self.releases(paragraph)
        #expect(releases.first { $0.modelName == "Bar-2" }?.evidence.map(\.phrase) == ["2 May 2024"])
        #expect(releases.first { $0.modelName == "Foo-7B" }?.evidence.isEmpty == true)
        // Without a subject before the clause the nearest model keeps it.
        let plain = try Self.release("Zed-9", "Rivals worried after the Zed-9 model, released on 2 May 2024, sold well.")
        #expect(plain.evidence.map(\.phrase) == ["2 May 2024"])
    }

    @Test("a date in the appositive clause of a model is that model's, even when another model follows")
    func appositiveClause() throws {
        let releases = Self.releases("Unlike Foo-7B, a model Acme launched on 2 May 2024, Bar-2 thinks before it answers.")
        #expect(releases.first { $0.modelName == "Foo-7B" }?.evidence.map(\.phrase) == ["2 May 2024"])
        #expect(releases.first { $0.modelName == "Bar-2" }?.evidence.isEmpty == true)
    }

    @Test("a month with `last year` is that month of the year before; a preview is no release")
    func monthLastYearAndPreview() throws {
        #expect(try Self.release("Zed-9", "Acme released its Zed-9 model in March last year.").dateText == "2024-03")
        let previewed = try Self.release("Zed-9", "Acme previewed its Zed-9 model in December and released it on 2 March 2025.")
        #expect(previewed.evidence.map(\.phrase) == ["2 March 2025"])
    }

    @Test("of several phrases in a sentence the one governed by the model's release word wins")
    func governedPhrase() throws {
        let release = try Self.release("Zed-9", "In an article published this week, Acme said the Zed-9 model's launch in January had surprised rivals.")
        #expect(release.evidence.map(\.phrase) == ["in January"])
        #expect(release.dateText == "2025-01")
        let said = try Self.release("Zed-9", "Acme said on Monday that the launch of its Zed-9 model in February went well.")
        #expect(said.evidence.map(\.phrase) == ["in February"])
        // A document's date dates no model, and its publication reports no release.
        #expect(Self.releases("A report published last week praised the Zed-9 model.").isEmpty)
    }

    @Test("a date governed by another event (a founding, a funding round) dates no model")
    func otherEvents() throws {
        let release = try Self.release("Zed-9", "Acme, which Jo Bloggs co-founded in 2015, released its Zed-9 model on 3 March 2025.")
        #expect(release.evidence.map(\.phrase) == ["3 March 2025"])
        let raised = try Self.release("Zed-9", "Acme raised $1bn in January and launched its Zed-9 model in March.")
        #expect(raised.evidence.map(\.phrase) == ["in March"])
    }

    @Test("a past-tense release verb keeps its date in the past even when the sentence speaks of the future")
    func pastVerbInFutureSentence() throws {
        let release = try Self.release("Zed-9", "When Acme released its Zed-9 model in December, rivals said they would soon catch up.")
        #expect(release.dateText == "2024-12")
        #expect(!release.planned)
    }

    @Test("models released together are dated together")
    func pair() throws {
        let releases = Self.releases("Acme launched Foo-7B and Bar-2 last Friday, it said.")
        #expect(releases.map(\.modelName).sorted() == ["Bar-2", "Foo-7B"])
        for release in releases { #expect(release.evidence.map(\.phrase) == ["last Friday"]) }
        let three = Self.releases("Acme released Foo-7B, Bar-2 and its Zed-9 model on 14 March 2025.")
        #expect(three.allSatisfy { $0.evidence.map(\.phrase) == ["14 March 2025"] })
    }

    @Test("festivals resolve where the year is known, else date nothing", arguments: [
        ("on the first day of the Lunar New Year", "2025-01-29"),
        ("on the eve of the Lunar New Year", "2025-01-28"),
        ("during Chinese New Year 2024", "2024-02-10"),
        ("at Christmas", "2024-12-25"),
        ("on Singles' Day", "2024-11-11"),
        ("at Thanksgiving", "2024-11-28"),
    ])
    func festivals(phrase: String, expected: String) {
        let found = DatePhraseFinder().phrases(in: "Acme released it \(phrase).", published: Self.published)
        #expect(found.first?.date.description == expected)
    }

    @Test("a festival in a year the table does not hold leaves the publication bound")
    func festivalUnknownYear() throws {
        let release = try Self.release("Zed-9", "Acme released its Zed-9 model on the first day of the Lunar New Year.",
                                       published: CalendarDate(year: 2035, month: 3, day: 1))
        #expect(release.basis == .published)
    }

    @Test("plans: a dated plan and an undated one are planned entries, also for models the catalogue does not know")
    func plans() throws {
        let dated = try Self.release("R2", "DeepSeek will unveil its R2 model in May.")
        #expect(dated.planned && dated.dateText == "2025-05")
        let training = try Self.release("Zed-9", "Acme said its Zed-9 model is still in training.")
        #expect(training.planned)
        #expect(training.basis == .published)
        #expect(training.evidence.map(\.role) == [.plan])
        let intends = try Self.release("R2", "DeepSeek plans to release its R2 model.")
        #expect(intends.planned)
        // Released models stay released.
        #expect(!(try Self.release("Zed-9", "Acme released its Zed-9 model in January.").planned))
    }
}

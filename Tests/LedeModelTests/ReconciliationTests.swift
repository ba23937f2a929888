// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import Testing

/// The corpus-wide rules for one release date (DECISIONS.md, “Release dates
/// across the corpus”), on small corpora of sentences written for the tests.
@Suite("Release reconciliation across articles")
struct ReconciliationTests {
    static let linker = EntityLinker(
        gazetteer: Gazetteer(tsv: "DeepSeek\t\tlab\nAcme AI\tAcme\tstartup\n"),
        catalogue: ReleaseCatalogue(tsv: """
        DeepSeek-R1\tDeepSeek\t2025-01-20\tDeepSeek R1|~R1\thttps://example.com/r1
        Foo-7B\tAcme AI\t2024-06\t\thttps://example.com/foo
        """, file: "test.tsv"))

    /// One article per (path, published, sentence).
    static func releases(_ articles: [(String, String, String)]) -> [Release] {
        let list = articles.map { path, published, sentence in
            Article(path: path, title: path, published: CalendarDate(iso: published), paragraphs: [sentence])
        }
        return InMemoryCorpus(articles: list, linker: linker).releases
    }

    static func release(_ name: String, _ articles: [(String, String, String)]) throws -> Release {
        try #require(releases(articles).first { $0.modelName == name })
    }

    @Test("a stated date that agrees with the catalogue at its own precision confirms it, and the catalogue's day is shown")
    func catalogueConfirmed() throws {
        let release = try Self.release("DeepSeek-R1", [
            ("a.txt", "2025-02-01", "DeepSeek released DeepSeek R1 in January."),
            ("b.txt", "2025-03-01", "DeepSeek launched DeepSeek R1 in 2025."),
        ])
        #expect(release.date?.description == "2025-01-20")
        #expect(release.basis == .catalog)
        #expect(release.statedBy == 2)
        #expect(release.conflicts.isEmpty)
        #expect(release.explanation == "catalogue, confirmed by 2 articles")
    }

    @Test("the catalogue is a prior: the date most articles state beats it, and the row names the catalogue's")
    func statedBeatsCatalogue() throws {
        let release = try Self.release("DeepSeek-R1", [
            ("a.txt", "2025-02-01", "DeepSeek released DeepSeek R1 in January 2024."),
            ("b.txt", "2025-02-03", "DeepSeek released DeepSeek R1 in January 2024."),
            ("c.txt", "2025-02-03", "DeepSeek released DeepSeek R1 on January 21, 2025."),
        ])
        #expect(release.date?.description == "2024-01")
        #expect(release.basis == .stated)
        #expect(release.catalogueDate?.description == "2025-01-20")
        #expect(release.conflicts == ["the catalogue says 2025-01-20", "“January 21, 2025” (2025-01-21) in c.txt"])
        #expect(release.evidence.map(\.role) == [.agrees, .agrees, .conflicts])
    }

    @Test("a relative phrase never overrides the catalogue's day and is no conflict: it only bounds")
    func relativeBoundsOnly() throws {
        let release = try Self.release("DeepSeek-R1", [("a.txt", "2025-03-19", "DeepSeek launched DeepSeek R1 last week.")])
        #expect(release.date?.description == "2025-01-20")
        #expect(release.conflicts.isEmpty)
        #expect(release.evidence.map(\.role) == [.bound])
    }

    @Test("a relative phrase that agrees with the catalogue confirms it")
    func relativeConfirms() throws {
        let release = try Self.release("DeepSeek-R1", [("a.txt", "2025-01-22", "DeepSeek released DeepSeek R1 on Monday.")])
        #expect(release.date?.description == "2025-01-20")
        #expect(release.evidence.map(\.role) == [.agrees])
        #expect(release.explanation == "catalogue, confirmed by 1 article")
    }

    @Test("a catalogue row known to the month is made precise by an agreeing stated day")
    func catalogueMonthRefined() throws {
        let release = try Self.release("Foo-7B", [
            ("a.txt", "2024-07-01", "Acme released Foo-7B on June 11, 2024."),
            ("b.txt", "2024-07-02", "Acme released Foo-7B in June."),
        ])
        #expect(release.date?.description == "2024-06-11")
        #expect(release.basis == .stated)
        #expect(release.statedBy == 2)
    }

    @Test("without a catalogue row the date stated by the most articles wins; the others are conflicts")
    func majority() throws {
        let release = try Self.release("Zed-9", [
            ("a.txt", "2025-03-01", "Acme released its Zed-9 model in December 2024."),
            ("b.txt", "2025-03-02", "Acme released its Zed-9 model in January 2025."),
            ("c.txt", "2025-03-03", "Acme launched its Zed-9 model on January 14, 2025."),
        ])
        // January is stated by b and c (c's day agrees with b's month); the day is the most specific of those.
        #expect(release.date?.description == "2025-01-14")
        #expect(release.statedBy == 2)
        #expect(release.conflicts == ["“December 2024” (2024-12) in a.txt"])
        #expect(release.explanation == "stated by 2 articles; 1 conflict")
    }

    @Test("a tie goes to the earliest-published article, then to path order")
    func ties() throws {
        let byPublication = try Self.release("Zed-9", [
            ("a.txt", "2025-03-05", "Acme released its Zed-9 model on January 14, 2025."),
            ("b.txt", "2025-03-02", "Acme released its Zed-9 model on January 15, 2025."),
        ])
        #expect(byPublication.date?.description == "2025-01-15")
        #expect(byPublication.conflicts == ["“January 14, 2025” (2025-01-14) in a.txt"])
        let byPath = try Self.release("Zed-9", [
            ("b.txt", "2025-03-02", "Acme released its Zed-9 model on January 15, 2025."),
            ("a.txt", "2025-03-02", "Acme released its Zed-9 model on January 14, 2025."),
        ])
        #expect(byPath.date?.description == "2025-01-14")
    }

    @Test("without a catalogue row a relative phrase counts only when nothing else dates the model")
    func relativeWithoutCatalogue() throws {
        let release = try Self.release("Zed-9", [
            ("a.txt", "2025-03-19", "Acme launched its Zed-9 model last week."),
            ("b.txt", "2025-03-20", "Acme released its Zed-9 model in February."),
        ])
        #expect(release.date?.description == "2025-02")
        #expect(release.conflicts.isEmpty)
        #expect(release.evidence.map(\.role) == [.bound, .agrees])
        let alone = try Self.release("Zed-9", [("a.txt", "2025-03-19", "Acme launched its Zed-9 model last week.")])
        #expect(alone.date?.description == "2025-03")
        #expect(alone.explanation == "bounded by a relative phrase in 1 article")
    }

    @Test("the same articles in any order give the same timeline")
    func orderFree() throws {
        let articles = [
            ("a.txt", "2025-03-01", "Acme released its Zed-9 model in December 2024. DeepSeek released DeepSeek R1 in January 2024."),
            ("b.txt", "2025-03-02", "Acme released its Zed-9 model on January 9, 2025."),
            ("c.txt", "2025-03-02", "Acme released its Zed-9 model on January 8, 2025."),
            ("d.txt", "2025-02-28", "DeepSeek released DeepSeek R1 in January."),
        ]
        let expected = Self.releases(articles)
        for rotation in 1..<articles.count {
            let rotated = Array(articles[rotation...] + articles[..<rotation])
            let releases = Self.releases(rotated)
            #expect(releases.map(\.dateText) == expected.map(\.dateText))
            #expect(releases.map(\.conflicts) == expected.map(\.conflicts))
        }
        // One article each, all days, published alike: b.txt comes first in path order.
        #expect(expected.first { $0.modelName == "Zed-9" }?.dateText == "2025-01-09")
    }

    @Test("a date after every article's publication is planned; once an article is published after it, it is not")
    func plannedAcrossArticles() throws {
        let early = [("a.txt", "2025-03-19", "Acme said it will release its Zed-9 model in May.")]
        #expect(try Self.release("Zed-9", early).planned)
        let later = early + [("b.txt", "2025-06-02", "Acme released its Zed-9 model in May.")]
        let release = try Self.release("Zed-9", later)
        #expect(!release.planned)
        #expect(release.date?.description == "2025-05")
    }
}

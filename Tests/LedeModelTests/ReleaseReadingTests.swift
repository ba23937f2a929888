// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import Testing

/// Releases nothing knows, read from the text alone (issue 21): one test per
/// rule, on sentences written for it, with the catalogue off.
@Suite("Reading releases from the text")
struct ReleaseReadingTests {
    static let linker = EntityLinker(catalogue: .empty)

    /// Articles as (published, paragraphs); paths a.md, b.md … in order.
    static func releases(_ articles: [(String, [String])]) -> [Release] {
        let built = articles.enumerated().map { index, article in
            Article(path: "\(Character(UnicodeScalar(97 + index)!)).md", title: "t", published: CalendarDate(iso: article.0),
                    paragraphs: article.1)
        }
        return InMemoryCorpus(articles: built, linker: linker).releases
    }

    static func releases(_ published: String, _ paragraphs: String...) -> [Release] { releases([(published, paragraphs)]) }

    static func release(_ name: String, _ published: String, _ paragraphs: String...) throws -> Release {
        try #require(releases([(published, paragraphs)]).first { $0.modelName == name }, "no release of \(name)")
    }

    // MARK: - Names nothing knows

    @Test("a name is a model from how the text introduces it", arguments: [
        ("Helix-4", "Veridian Systems on Monday released Helix-4."),
        ("Brisk", "The company unveiled its new model, Brisk, on Monday."),
        ("Brisk", "Brisk, a reasoning model, came out on Monday."),
        ("Pinecone 2.5", "Pinecone 2.5 launched on Monday."),
        ("Helix-4 Mini", "Veridian Systems on Monday released Helix-4 Mini."),
        ("Birch", "Veridian Systems launched three models on Monday: Alder, Birch and Cedar."),
    ])
    func introducedNames(name: String, sentence: String) throws {
        let release = try Self.release(name, "2026-03-11", sentence)
        #expect(release.dateText == "2026-03-09")
    }

    @Test("names that look like models and are not stay off the timeline")
    func distractors() {
        let releases = Self.releases("2026-03-11",
                                     "Tallow AI unveiled the T-9 chip on Monday, and Dr. Helix Amari presented it.",
                                     "Quarry Labs raised Rmb380bn in a Series B round on Monday.",
                                     "Its model scored 80 per cent on the ABC-2 benchmark, Quarry Labs said on Monday.",
                                     "Quarry Labs released a Windows 11 app and the Lumen 3 phone on Monday.")
        #expect(releases.map(\.modelName) == [])
    }

    @Test("members of a family the article introduced are models wherever they stand")
    func familyMembers() throws {
        let release = try Self.release("Helix-3", "2026-03-11", "Veridian Systems released Helix-4 on Monday.",
                                       "Helix-3, which it shipped in January, is cheaper.")
        #expect(release.dateText == "2026-01")
    }

    // MARK: - Who released it

    @Test("the subject of the release verb, not an investor, partner, parent or rival in the sentence", arguments: [
        ("Veridian Systems", "Veridian Systems, the Oslo-based start-up backed by Pinecrest Capital, on Tuesday released Helix-4."),
        ("Dunmore AI", "Dunmore AI, the AI unit of Corlan Group, on Tuesday released Helix-4."),
        ("Veridian Systems", "Veridian Systems on Tuesday released Helix-4 with Corlan Group, its largest customer."),
        ("Veridian Systems", "Helix-4 was released by Veridian Systems on Tuesday, a week after rival Tallow AI shipped Ember 2."),
        ("Veridian Systems", "Pinecrest Capital-backed Veridian Systems on Tuesday released Helix-4."),
    ])
    func subject(organisation: String, sentence: String) throws {
        #expect(try Self.release("Helix-4", "2026-03-11", sentence).organisation == organisation)
    }

    @Test("a possessive names the maker; the company and it carry the article's organisation")
    func possessiveAndCarried() throws {
        let paragraphs = ["Veridian Systems has grown fast in Oslo.",
                          "On Tuesday the company released Helix-4, weeks after Tallow AI shipped Ember 2 in February.",
                          "Veridian's previous flagship, Helix-3, came out in January 2025."]
        let releases = Self.releases([("2026-03-11", paragraphs)])
        #expect(releases.map { "\($0.modelName) \($0.organisation ?? "-")" }
            == ["Helix-3 Veridian Systems", "Ember 2 Tallow AI", "Helix-4 Veridian Systems"])
    }

    @Test("the maker in brackets after the model (a year-in-review list)")
    func bracketed() {
        let releases = Self.releases("2026-12-20", "A look back at a busy year.",
                                     "October: Fennel 2 (Oakhurst) shipped on October 5.", "May: Corral 3 (Dunmore AI) arrived on May 12.")
        #expect(releases.map { "\($0.modelName) \($0.organisation ?? "-") \($0.dateText)" }
            == ["Corral 3 Dunmore AI 2026-05-12", "Fennel 2 Oakhurst 2026-10-05"])
    }

    // MARK: - When

    @Test("dates resolve against publication, at the precision the text gives", arguments: [
        // A dateline dates the story, not the release; `on Tuesday` is the Tuesday before Friday 13 March.
        ("2026-03-13", "OSLO, March 12 — Veridian Systems on Tuesday released Helix-4.", "2026-03-10", false),
        ("2026-03-11", "Veridian Systems will release Helix-4 on Friday.", "2026-03-13", true),
        ("2026-01-15", "Veridian Systems released Helix-4 last November.", "2025-11", false),
        ("2026-03-20", "Veridian Systems released Helix-4 earlier this month.", "2026-03", false),
        ("2026-03-20", "Veridian Systems released Helix-4 two weeks ago.", "2026-03", false),
        ("2026-03-20", "Veridian Systems released Helix-4 three days ago.", "2026-03-17", false),
        ("2026-01-20", "Veridian Systems plans to release Helix-4 in the spring.", "2026-spring", true),
        ("2026-05-20", "Veridian Systems expects to ship Helix-4 by Q3.", "2026-Q3", true),
        ("2026-05-20", "Veridian Systems will launch Helix-4 in the second half of next year.", "2027-H2", true),
        ("2026-05-20", "Veridian Systems aims to release Helix-4 before the end of the year.", "2026", true),
        // A past month in a later article is this year's, even beside a plan in the same sentence.
        ("2026-04-14", "Shares rose after the launch of Helix-4 on March 9, and Veridian Systems will ship more models.", "2026-03-09", false),
    ])
    func dates(published: String, sentence: String, date: String, planned: Bool) throws {
        let release = try Self.release("Helix-4", published, sentence)
        #expect(release.date?.description == date)
        #expect(release.planned == planned)
    }

    @Test("a quarter, half or season exports as its year with a period")
    func periodExport() throws {
        let release = try Self.release("Helix-4", "2026-05-20", "Veridian Systems expects to ship Helix-4 by Q3.")
        #expect(release.date?.calendarText == "2026")
        #expect(release.date?.precision == .quarter)
    }

    // MARK: - Planned, delayed, cancelled, corrected

    @Test("a plan, a delay and a cancellation say where the release stands")
    func standing() throws {
        #expect(try Self.release("Helix-5", "2026-03-11", "Veridian Systems plans to release Helix-5 in June.").status == .planned)
        let delayed = try Self.release("Helix-5", "2026-03-11", "Veridian Systems has delayed Helix-5 to the first half of 2027.")
        #expect(delayed.status == .delayed)
        #expect(delayed.dateText == "2027-H1")
        #expect(delayed.planned)
        let cancelled = try Self.release("Slate-7", "2026-03-11", "Quarry Labs has scrapped plans to release Slate-7.")
        #expect(cancelled.status == .cancelled)
        #expect(!cancelled.planned)
        #expect(try Self.release("Helix-5", "2026-03-11", "Helix-5 is still in training.").status == .planned)
    }

    @Test("a later article that reports the release replaces the plan; a later delay moves it")
    func lifecycle() throws {
        let shipped = Self.releases([("2026-03-11", ["Veridian Systems said Helix-4 Mini would follow in April."]),
                                     ("2026-04-22", ["Veridian Systems on Monday released Helix-4 Mini."])])
        let mini = try #require(shipped.first)
        #expect(mini.status == .released)
        #expect(mini.dateText == "2026-04-20")
        let moved = Self.releases([("2026-03-11", ["Veridian Systems said Helix-5 is planned for the third quarter."]),
                                   ("2026-04-22", ["Veridian Systems said Helix-5 had been delayed to the first half of 2027."])])
        let five = try #require(moved.first)
        #expect(five.status == .delayed)
        #expect(five.dateText == "2027-H1")
    }

    @Test("a correction notice replaces the date the article gave")
    func correction() throws {
        let release = try Self.release("Corral 3", "2026-06-01", "Dunmore AI released Corral 3 on May 2.",
                                       "Correction: An earlier version of this article said Corral 3 was released on May 2; it was released on May 12.")
        #expect(release.dateText == "2026-05-12")
        #expect(release.organisation == "Dunmore AI")
    }

    @Test("a document's publication and another event's date are no release", arguments: [
        "A report published on Monday praised Helix-4.",
        "Veridian Systems, founded in 2019, said Helix-4 impressed customers.",
    ])
    func noRelease(sentence: String) {
        #expect(Self.releases("2026-03-11", sentence).isEmpty)
    }
}

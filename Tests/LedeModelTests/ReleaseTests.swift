// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

@Suite("Model releases")
struct ReleaseTests {
    @Test("reference: exactly o1, DeepSeek-R1 and QwQ-32B, with organisations and dates")
    func reference() throws {
        let corpus = InMemoryCorpus.load(paths: [PackagePaths.reference])
        #expect(corpus.releases.map(\.modelName) == ["o1", "DeepSeek-R1", "QwQ-32B"])
        let o1 = corpus.releases[0], r1 = corpus.releases[1], qwq = corpus.releases[2]
        #expect(o1.organisation == "OpenAI")
        #expect(o1.date?.year == 2024)
        #expect(r1.organisation == "DeepSeek")
        // "in January" agrees with the catalogue's day, which is shown.
        #expect(r1.date == CalendarDate(year: 2025, month: 1, day: 20))
        #expect(r1.basis == .catalog)
        #expect(r1.statedBy == 1)
        #expect(r1.evidence.map(\.phrase) == ["in January"])
        #expect(r1.mentionCount == 2) // "DeepSeek R1" and "DeepSeek’s R1"
        #expect(qwq.organisation == "Alibaba")
        let qwqDate = try #require(qwq.date)
        #expect(qwqDate.year == 2025 && qwqDate.month == 3)
        #expect(qwqDate.lastDay <= CalendarDate(year: 2025, month: 3, day: 19))
        #expect(corpus.releases.allSatisfy { !$0.planned && $0.conflicts.isEmpty })
    }

    @Test("every exported release mention slices back to its text")
    func slices() {
        let corpus = InMemoryCorpus.load(paths: [PackagePaths.samples])
        #expect(corpus.releases.count >= 10)
        for release in corpus.releases {
            let mentions = corpus.mentions(of: release.model)
            #expect(mentions.count == release.mentionCount)
            for mention in mentions {
                let scalars = Array(corpus.paragraph(of: mention)!.unicodeScalars)
                #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            }
        }
    }

    static func single(_ sentence: String, published: CalendarDate = CalendarDate(year: 2025, month: 3, day: 19),
                       catalogue: String = "") -> [Release] {
        let base = ReleaseCatalogue(tsv: """
        DeepSeek-R1\tDeepSeek\t2025-01-20\tDeepSeek R1|~R1\thttps://example.com/r1
        Foo-7B\tAcme AI\t2024-06-01\t\thttps://example.com/foo
        """ + (catalogue.isEmpty ? "" : "\n" + catalogue), file: "test.tsv")
        let gazetteer = Gazetteer(tsv: "DeepSeek\t\tlab\nAcme AI\tAcme\tstartup\n")
        let linker = EntityLinker(gazetteer: gazetteer, catalogue: base)
        let article = Article(path: "t.txt", title: "t", published: published, paragraphs: [sentence])
        return InMemoryCorpus(articles: [article], linker: linker).releases
    }

    @Test("stated dates resolve against the published date", arguments: [
        ("DeepSeek released its Zed-9 model in January.", "2025-01"),
        ("DeepSeek released its Zed-9 model on 20 January 2025.", "2025-01-20"),
        ("DeepSeek released its Zed-9 model on January 20, 2025.", "2025-01-20"),
        ("DeepSeek launched its Zed-9 model on Monday.", "2025-03-17"),
        ("DeepSeek launched its Zed-9 model last week.", "2025-03"),
        ("DeepSeek launched its Zed-9 model earlier this month.", "2025-03"),
        ("DeepSeek launched its Zed-9 model late last month.", "2025-02"),
        ("DeepSeek unveiled its Zed-9 model at the end of January.", "2025-01"),
        ("DeepSeek released its Zed-9 model last May.", "2024-05"),
        ("DeepSeek released its Zed-9 model in December 2024.", "2024-12"),
        ("DeepSeek released its Zed-9 model yesterday.", "2025-03-18"),
    ])
    func statedDates(sentence: String, expected: String) throws {
        let release = try #require(Self.single(sentence).first)
        #expect(release.date?.description == expected)
        #expect(release.basis == .stated)
    }

    @Test("a date after publication is planned, not released")
    func planned() throws {
        let release = try #require(Self.single("Acme said it will open-source its Zed-9 model from June 30.").first)
        #expect(release.date?.description == "2025-06-30")
        #expect(release.planned)
        #expect(release.basis == .stated)
    }

    @Test("a date the article states beats the catalogue's when they disagree, and the row says so")
    func conflict() throws {
        let release = try #require(Self.single("Acme released Foo-7B in February.").first)
        #expect(release.date?.description == "2025-02")
        #expect(release.basis == .stated)
        #expect(release.catalogueDate?.description == "2024-06-01")
        #expect(release.conflicts == ["the catalogue says 2024-06-01"])
        #expect(release.explanation == "stated by 1 article, against the catalogue's 2024-06-01; 1 conflict")
    }

    @Test("a date in a sentence without a model makes no release")
    func dateWithoutModel() throws {
        let releases = Self.single("Export rules tightened in January. DeepSeek R1 rivals the best.")
        let release = try #require(releases.first)
        #expect(releases.count == 1)
        #expect(release.basis == .catalog)
        #expect(release.date?.description == "2025-01-20")
    }

    @Test("a model the catalogue does not know is found by pattern, with the nearest organisation")
    func patternModel() throws {
        let stated = try #require(Self.single("Acme released its new model Zed-9 last week.").first)
        #expect(stated.modelName == "Zed-9")
        #expect(stated.organisation == "Acme AI")
        #expect(stated.basis == .stated)
        #expect(stated.date?.description == "2025-03")
        let undated = try #require(Self.single("DeepSeek released the Zed-9 model.").first)
        #expect(undated.basis == .published)
        #expect(undated.organisation == "DeepSeek")
        #expect(undated.date == CalendarDate(year: 2025, month: 3, day: 19))
        // Named but never reported released: an entity, not a release.
        #expect(Self.single("DeepSeek said the Zed-9 model is fast.").isEmpty)
        #expect(Self.single("The model in 2025 is new, the model Anthropic too.").isEmpty)
    }

    @Test("a short alias counts after its organisation in the same sentence, not elsewhere")
    func shortAliasInSentence() throws {
        let release = try #require(Self.single("DeepSeek on Monday released R1, its reasoning model.").first)
        #expect(release.modelName == "DeepSeek-R1")
        #expect(release.evidence.map(\.phrase) == ["on Monday"])
        #expect(Self.single("R1 is a common name. DeepSeek is a lab.").isEmpty)
    }

    @Test("`may` the verb is not May the month")
    func mayIsNotAMonth() {
        let phrases = DatePhraseFinder().phrases(in: "Alibaba may release it in May.", published: CalendarDate(year: 2025, month: 3, day: 19))
        #expect(phrases.map(\.text) == ["in May"])
        #expect(phrases.first?.date == CalendarDate(year: 2024, month: 5))
    }

    @Test("future tense resolves a month forward")
    func futureMonth() {
        let phrases = DatePhraseFinder().phrases(in: "It will ship in June.", published: CalendarDate(year: 2025, month: 3, day: 19))
        #expect(phrases.first?.date == CalendarDate(year: 2025, month: 6))
    }
}

@Suite("Release catalogue")
struct CatalogueTests {
    @Test("the bundled catalogue has at least 150 well-formed releases from 2018 on")
    func bundled() {
        let catalogue = ReleaseCatalogue.bundled
        #expect(catalogue.problems.isEmpty, "\(catalogue.problems)")
        #expect(catalogue.entries.count >= 150)
        #expect(catalogue.entries.allSatisfy { $0.date.year >= 2018 && $0.date.year <= 2026 && !$0.source.isEmpty })
        let gazetteer = Gazetteer.bundled
        #expect(gazetteer.entries.count >= 100)
        let organisations = Set(gazetteer.entries.map(\.name))
        let unknown = Set(catalogue.entries.map(\.organisation)).subtracting(organisations)
        #expect(unknown.isEmpty, "organisations missing from the gazetteer: \(unknown)")
    }

    @Test("a malformed user line is reported with file and line; the rest loads")
    func malformed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        # my releases
        Good-1\tAcme AI\t2025-02-03\t\thttps://example.com
        Broken line without tabs
        Bad-Date\tAcme AI\t2025-13-01\t\t
        """.write(to: folder.appendingPathComponent("releases.tsv"), atomically: true, encoding: .utf8)
        let catalogue = ReleaseCatalogue.withUserEntries(configDirectory: folder.path)
        #expect(catalogue.entries.contains { $0.model == "Good-1" })
        #expect(catalogue.problems.count == 2)
        #expect(catalogue.problems[0].hasSuffix("releases.tsv:3: expected model, organisation, date, aliases, source separated by tabs; found 1 column(s)"))
        #expect(catalogue.problems[1].contains("releases.tsv:4: bad date '2025-13-01'"))
        #expect(catalogue.entries.count == ReleaseCatalogue.bundled.entries.count + 1)
    }
}

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test func parsingAndPrinting() {
        #expect(CalendarDate(iso: "2025-03-19")?.description == "2025-03-19")
        #expect(CalendarDate(iso: "2025-03")?.precision == .month)
        #expect(CalendarDate(iso: "2024-02-30") == nil)
        #expect(CalendarDate(iso: "2025-3") == nil)
    }

    @Test func dayArithmetic() {
        let day = CalendarDate(year: 2025, month: 3, day: 19)
        #expect(day.weekday == 3) // a Wednesday
        #expect(day.adding(days: 13) == CalendarDate(year: 2025, month: 4, day: 1))
        #expect(CalendarDate(dayNumber: day.dayNumber) == day)
        #expect(CalendarDate(year: 2024, month: 2).lastDay == CalendarDate(year: 2024, month: 2, day: 29))
    }
}

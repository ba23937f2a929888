// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeTestSupport
import Testing

@Suite("Mentions over time")
struct MentionHistogramTests {
    static func day(_ iso: String) -> Int { CalendarDate(iso: iso)!.dayNumber }

    /// The fixture in memory and its Quillmark.
    static func fixture() throws -> (InMemoryCorpus, Entity) {
        let corpus = try DatedMentionsFixture.inMemory()
        return (corpus, try #require(corpus.entity(labelled: "Quillmark")))
    }

    @Test("an entity's mentions by publication day match hand counts; the undated article is counted apart")
    func handCounts() throws {
        let (corpus, quill) = try Self.fixture()
        let dated = corpus.mentionsOverTime(of: quill.id)
        #expect(dated.days.map(\.day) == ["2025-03-03", "2025-03-09", "2025-03-12", "2025-04-01"].map(Self.day))
        #expect(dated.days.map(\.mentions) == [2, 1, 3, 1])
        #expect(dated.days.map(\.articles) == [1, 1, 1, 1])
        #expect(dated.undatedMentions == 2 && dated.undatedArticles == 1)
        // The axis is the corpus's: from the article that does not name Quillmark.
        #expect(dated.corpusDays == Self.day("2025-01-06")...Self.day("2025-04-01"))
        #expect(corpus.entityID(type: .organisation, label: "Quillmark") == quill.id)
        #expect(corpus.entityID(type: .person, label: "Quillmark") == nil)
    }

    @Test("under six months of articles: ISO weeks from the corpus's first to its last, busiest the earliest of equals")
    func weekly() throws {
        let (corpus, quill) = try Self.fixture()
        let histogram = corpus.mentionHistogram(of: quill.id)
        #expect(histogram.period == .week)
        let labels = histogram.bins.map(histogram.label(of:))
        #expect(labels.count == 13 && labels.first == "2025-W02" && labels.last == "2025-W14")
        var expected = [String: Int]()
        expected["2025-W10"] = 3 // Monday 3 March (2) and Sunday 9 March (1)
        expected["2025-W11"] = 3
        expected["2025-W14"] = 1
        for (label, bin) in zip(labels, histogram.bins) { #expect(bin.mentions == expected[label, default: 0], "\(label)") }
        #expect(histogram.busiest.map(histogram.label(of:)) == "2025-W10")
        #expect(histogram.datedMentions == 7 && histogram.undatedMentions == 2 && histogram.totalMentions == 9)
        // Ferrowind is in the first week only: the same axis all the same.
        let ferro = try #require(corpus.entity(labelled: "Ferrowind"))
        let other = corpus.mentionHistogram(of: ferro.id)
        #expect(other.bins.map(\.start) == histogram.bins.map(\.start))
        #expect(other.busiest.map(other.label(of:)) == "2025-W02")
    }

    @Test("over six months: months; a span of exactly six months stays in weeks")
    func monthly() {
        #expect(MentionHistogram.period(forSpan: 183) == .week)
        #expect(MentionHistogram.period(forSpan: 184) == .month)
        let dated = DatedMentions(articles: [(Self.day("2024-07-31"), 4), (Self.day("2024-08-01"), 1), (nil, 5), (Self.day("2024-12-20"), 2)],
                                  corpusDays: Self.day("2024-01-15")...Self.day("2024-12-20"))
        let histogram = MentionHistogram(dated)
        #expect(histogram.period == .month)
        #expect(histogram.bins.map(histogram.label(of:)) == (1...12).map { String(format: "2024-%02d", $0) })
        #expect(histogram.bins.map(\.mentions) == [0, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 2])
        #expect(histogram.undatedMentions == 5 && histogram.undatedArticles == 1)
        #expect(histogram.busiest.map(histogram.label(of:)) == "2024-07")
        // Nothing dated at all: no bins, nothing busiest, the undated still counted.
        let none = MentionHistogram(DatedMentions(articles: [(nil, 3)], corpusDays: nil))
        #expect(none.bins.isEmpty && none.busiest == nil && none.undatedMentions == 3)
    }

    @Test("week starts and labels agree with Foundation's ISO 8601 calendar, year ends included")
    func isoWeeks() {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for day in Self.day("2019-12-20")...Self.day("2027-01-10") {
            let start = MentionHistogram.start(ofPeriodContaining: day, .week)
            let date = Date(timeIntervalSince1970: Double(day) * 86_400)
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear, .weekday], from: date)
            let expected = String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
            #expect(MentionHistogram.label(ofPeriodStarting: start, .week) == expected)
            #expect(day - start == (parts.weekday! + 5) % 7, "Monday starts the week")
        }
    }

    @Test("publication days: the index's YYYY-MM-DD column read without a CalendarDate, odd forms through it")
    func dayNumbers() {
        #expect(PublicationDays.dayNumber(iso: "2025-03-09") == Self.day("2025-03-09"))
        #expect(PublicationDays.dayNumber(iso: "2024-02-29") == Self.day("2024-02-29"))
        #expect(PublicationDays.dayNumber(iso: "2025-02-29") == nil)
        #expect(PublicationDays.dayNumber(iso: "2025-03") == Self.day("2025-03-01"))
        #expect(PublicationDays.dayNumber(iso: "20x5-03-09") == nil)
    }
}

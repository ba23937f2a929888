// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeTestSupport
@testable import LedeUI
import Testing

@Suite("Mentions over time on screen")
struct MentionTimelineTests {
    static func fixture() throws -> (InMemoryCorpus, Entity) {
        let corpus = try DatedMentionsFixture.inMemory()
        return (corpus, try #require(corpus.entity(labelled: "Quillmark")))
    }

    @Test("sparkline: consecutive values summed when the width is short, eighths of the largest, a blank for none")
    func sparkline() {
        #expect(Sparkline.merge([1, 2, 3, 4, 5], into: 5) == [1, 2, 3, 4, 5])
        #expect(Sparkline.merge([1, 2, 3, 4, 5], into: 3) == [3, 7, 5])
        #expect(Sparkline.merge([1, 2, 3, 4, 5], into: 2) == [6, 9])
        #expect(Sparkline.merge(Array(repeating: 1, count: 100), into: 7).reduce(0, +) == 100)
        #expect(Sparkline.merge(Array(repeating: 1, count: 100), into: 7).count <= 7)
        #expect(Sparkline.glyphs([0, 1, 8]) == " ▁█")
        #expect(Sparkline.glyphs([4, 8]) == "▄█")
        #expect(Sparkline.glyphs([3, 3, 1]) == "██▃")
        #expect(Sparkline.glyphs([0, 0]) == "  ")
        // Few values are widened alike, up to `widest` columns in all.
        #expect(Sparkline.fit([1, 2], into: 10) == "▄▄▄▄▄█████")
        #expect(Sparkline.fit(Array(repeating: 1, count: 13), into: 200).count == 13 * (Sparkline.widest / 13))
    }

    @Test("the dossier's line: the corpus's first and last week, the sparkline, the busiest week, the undated article")
    func dossierLine() throws {
        let (corpus, quill) = try Self.fixture()
        // Wide enough for every note and sixty columns of sparkline.
        var state = Fixture.state(corpus, width: 200, height: 40)
        DossierOverlay.open(&state, entity: quill.id, selection: 0)
        var buffer = ScreenBuffer(width: 200, height: 40)
        let rect = DossierOverlay.rect(state.screenLayout)
        DossierOverlay.render(Frame(state), into: &buffer, area: rect)
        let row = rect.y + 3
        // Weeks 2025-W02 … W14: eight empty, W10 3 (2 + 1), W11 3, two empty, W14 1; four columns each.
        let spark = String(repeating: " ", count: 8 * 4) + String(repeating: "█", count: 8) + String(repeating: " ", count: 8)
            + String(repeating: "▃", count: 4)
        let expected = "2025-W02 " + spark + " 2025-W14 · per week · busiest: 2025-W10 (3 mentions) · 2 in 1 undated article"
        let line = buffer.line(row)
        #expect(line.contains("│ " + expected + " "), "\(line)")
        // The bars take the entity type's colour; the list starts below, after a blank row.
        let barX = try #require(Array(line).firstIndex(of: "█"))
        #expect(buffer[barX, row].style.foreground == state.theme.style(for: .organisation).foreground)
        #expect(DossierOverlay.listArea(state.screenLayout).y == row + 2)
    }

    @Test("short of room the notes go (undated, then the unit, then the busiest) and the sparkline merges weeks")
    func narrow() throws {
        let (corpus, quill) = try Self.fixture()
        let histogram = corpus.mentionHistogram(of: quill.id)
        func text(_ width: Int) -> String {
            MentionTimelineLine.segments(histogram, width: width, accessible: false).map(\.text).joined()
        }
        #expect(text(80) == "2025-W02         ██  ▃ 2025-W14 · per week · busiest: 2025-W10 (3 mentions)")
        // 13 weeks in 12 columns: two a column (W02+W03 … W14 alone), no notes.
        #expect(text(30) == "2025-W02     █ ▂ 2025-W14")
        for width in [20, 31, 45, 61, 70, 90, 150] {
            #expect(DisplayWidth.of(text(width)) <= width, "\(width)")
        }
        // A long weekly axis with its unit note: the merged weeks are named.
        let start = MentionHistogram.start(ofPeriodContaining: CalendarDate(iso: "2025-01-06")!.dayNumber, .week)
        let dated = DatedMentions(articles: [(start + 3, 2), (start + 100, 5)], corpusDays: start...(start + 26 * 7 - 1))
        let long = MentionHistogram(dated)
        #expect(long.period == .week && long.bins.count == 26)
        let merged = MentionTimelineLine.segments(long, width: 18 + 60, accessible: false).map(\.text).joined()
        // 60 columns less the notes leave 8: 26 weeks in 7 columns of 4.
        #expect(merged.contains(" · 4 weeks a column · busiest: 2025-W16 (5 mentions)"), "\(merged)")
        #expect(merged.hasPrefix("2025-W02 ") && merged.contains(" 2025-W27 ·"), "\(merged)")
        let bars = merged.dropFirst("2025-W02 ".count).prefix { $0 != "2" }.dropLast()
        #expect(bars.count == 7 && bars.first == "▄" && bars.filter { $0 != " " }.count == 2, "\(bars)")
    }

    @Test("accessible mode: a sentence, no block glyphs")
    func accessible() throws {
        let (corpus, quill) = try Self.fixture()
        let line = MentionTimelineLine.segments(corpus.mentionHistogram(of: quill.id), width: 200, accessible: true).map(\.text).joined()
        #expect(line == "Mentions per week from 2025-W02 to 2025-W14: most in 2025-W10, 3 of 9; some in 3 of 13 weeks; 2 in 1 undated article.")
        #expect(!line.contains { Sparkline.levels.contains($0) })
        // Nothing dated: said so.
        let none = MentionHistogram(DatedMentions(articles: [(nil, 3)], corpusDays: nil))
        let said = MentionTimelineLine.segments(none, width: 200, accessible: false).map(\.text).joined()
        #expect(said == "Over time: no article here has a publication date (3 mentions undated)")
    }

    /// OpenAI's busiest ISO week in the samples, counted with Foundation's calendar from the postings.
    static func openAIBusiestWeek(_ corpus: any Corpus) throws -> (label: String, mentions: Int) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let openAI = try #require(corpus.entity(labelled: "OpenAI"))
        var byWeek: [String: Int] = [:]
        for posting in corpus.articles(mentioning: openAI.id) {
            guard let published = corpus.summary(of: posting.article)?.published else { continue }
            let date = Date(timeIntervalSince1970: Double(published.dayNumber) * 86_400)
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            byWeek[String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!), default: 0] += posting.mentions
        }
        let best = try #require(byWeek.max { ($0.value, $1.key) < ($1.value, $0.key) })
        return (best.key, best.value)
    }

    @Test("p in the timeline marks each organisation's busiest week on its lane and in the details; p again hides them")
    func timelinePeaks() throws {
        let corpus = Fixture.samples
        #expect(KeyMap.defaults.action(for: .character("p"), in: .timeline) == .togglePeakMarkers)
        var state = Fixture.state(corpus, width: 140, height: 40)
        Fixture.type(["t"], into: &state)
        state.timelineSelection = try #require(state.timelineModel.releases.firstIndex { $0.organisation == "OpenAI" })
        let area = state.screenLayout.timeline
        func render() -> [String] {
            var buffer = ScreenBuffer(width: state.width, height: state.height)
            TimelineView.render(Frame(state), into: &buffer, area: area)
            return (area.y..<area.maxY).map { String(buffer.line($0).dropFirst(area.x)) }
        }
        #expect(!render().joined().contains("━"))
        #expect(state.derived.organisationPeaks(generation: corpus.generation) == nil)

        Fixture.type(["p"], into: &state)
        #expect(state.timeline.showsPeaks)
        #expect(state.derived.organisationPeaks(generation: corpus.generation) != nil, "kept per generation, not made per frame")
        let (label, mentions) = try Self.openAIBusiestWeek(corpus)
        let lines = render()
        let lane = try #require(lines.first { $0.hasPrefix("OpenAI ") })
        #expect(lane.contains("━"), "\(lane)")
        #expect(lines.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.contains("OpenAI busiest \(label) (\(mentions) mentions)") == true,
                "\(lines)")
        #expect(state.message?.text.contains("OpenAI \(label)") == true)
        #expect(TimelineView.visibleRange(state)?.hasSuffix("━ busiest") == true)

        // The list: each row names its organisation's busiest period.
        Fixture.type(["v"], into: &state)
        let rows = render().filter { $0.contains(" OpenAI ") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("busiest \(label)") }, "\(rows)")
        Fixture.type(["v", "p"], into: &state)
        #expect(!state.timeline.showsPeaks)
        #expect(!render().joined().contains("━") && !render().joined().contains("busiest"))
    }
}

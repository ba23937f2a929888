// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// A row of block glyphs for a series of counts: `▁` to `█` scaled to the
/// largest, a blank for none. A series longer than the room is merged:
/// each column sums the same number of consecutive values (the last column
/// may sum fewer).
enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// How many consecutive values each column sums so that `count` values fit in `columns`.
    static func groupSize(count: Int, columns: Int) -> Int {
        guard columns > 0, count > columns else { return 1 }
        return (count + columns - 1) / columns
    }

    /// The counts summed in groups of `groupSize(count:columns:)`, at most `columns` of them.
    static func merge(_ counts: [Int], into columns: Int) -> [Int] {
        let size = groupSize(count: counts.count, columns: columns)
        guard size > 1 else { return counts }
        return stride(from: 0, to: counts.count, by: size).map { counts[$0..<min($0 + size, counts.count)].reduce(0, +) }
    }

    /// Widest a short series is stretched to: a sparkline, not a chart.
    static let widest = 60

    /// The glyphs for `counts` in at most `columns`: merged when too many, each widened
    /// to the same number of columns when few (up to `widest` in all).
    static func fit(_ counts: [Int], into columns: Int) -> String {
        let merged = merge(counts, into: columns)
        guard !merged.isEmpty else { return "" }
        let repeat_ = max(1, min(columns, widest) / merged.count)
        return String(glyphs(merged).flatMap { String(repeating: $0, count: repeat_) })
    }

    /// A glyph per count: none is a blank, the largest is `█`, any other count at least `▁`.
    static func glyphs(_ counts: [Int]) -> String {
        let largest = counts.max() ?? 0
        guard largest > 0 else { return String(repeating: " ", count: counts.count) }
        return String(counts.map { count -> Character in
            guard count > 0 else { return " " }
            // Eighths of the largest, rounded up so that a single mention still shows.
            let level = (count * levels.count + largest - 1) / largest
            return levels[min(levels.count, max(1, level)) - 1]
        })
    }
}

/// The dossier's line about when an entity is mentioned: the sparkline of
/// its mentions per week or month between the corpus's first and last
/// period, and the busiest period; in accessible mode a sentence instead
/// (a screen reader reads block glyphs as nothing useful).
enum MentionTimelineLine {
    struct Segment: Equatable {
        enum Kind { case text, dim, spark }
        var text: String
        var kind: Kind
    }

    static func mentions(_ count: Int) -> String { count == 1 ? "1 mention" : "\(count) mentions" }

    static func undatedNote(_ histogram: MentionHistogram) -> String? {
        guard histogram.undatedMentions > 0 else { return nil }
        let articles = histogram.undatedArticles == 1 ? "1 undated article" : "\(histogram.undatedArticles) undated articles"
        return "\(histogram.undatedMentions) in \(articles)"
    }

    /// The line's pieces for `width` columns.
    static func segments(_ histogram: MentionHistogram, width: Int, accessible: Bool) -> [Segment] {
        guard width > 0 else { return [] }
        let undated = undatedNote(histogram)
        guard let first = histogram.bins.first, let last = histogram.bins.last else {
            let text = histogram.undatedMentions > 0
                ? "Over time: no article here has a publication date (\(mentions(histogram.undatedMentions)) undated)"
                : "Over time: no article here has a publication date"
            return [Segment(text: TextFit.truncate(text, to: width), kind: .dim)]
        }
        let unit = histogram.period == .month ? "month" : "week"
        let from = histogram.label(of: first), to = histogram.label(of: last)
        guard let busiest = histogram.busiest else {
            let text = histogram.undatedMentions > 0
                ? "Over time: every mention is in an undated article (\(undated ?? ""))"
                : "Over time: no mentions from \(from) to \(to)"
            return [Segment(text: TextFit.truncate(text, to: width), kind: .dim)]
        }
        let peak = "busiest: \(histogram.label(of: busiest)) (\(mentions(busiest.mentions)))"
        if accessible {
            let active = histogram.bins.filter { $0.mentions > 0 }.count
            var text = "Mentions per \(unit) from \(from) to \(to): most in \(histogram.label(of: busiest)), "
                + "\(busiest.mentions) of \(histogram.totalMentions); some in \(active) of \(histogram.bins.count) \(unit)s"
            if let undated { text += "; \(undated)" }
            return [Segment(text: TextFit.truncate(text + ".", to: width), kind: .text)]
        }
        // `2024-01 ▁▃█▅ 2025-03 · per month · busiest: … · 3 in 2 undated articles`; when short, the undated
        // note goes first, then the unit, then the busiest period; the sparkline merges periods to fit.
        let counts = histogram.bins.map(\.mentions)
        let labels = DisplayWidth.of(from) + DisplayWidth.of(to) + 2
        for kept in [3, 2, 1, 0] {
            var group = 1
            var tail = ""
            var room = 0
            // The unit note names the merged periods, which depend on the room the note leaves: settle both.
            for _ in 0..<3 {
                let unitNote = group == 1 ? "per \(unit)" : "\(group) \(unit)s a column"
                let notes = [(1, unitNote), (0, peak)] + (undated.map { [(2, $0)] } ?? [])
                let shown = notes.filter { $0.0 < kept }.map(\.1)
                tail = shown.isEmpty ? "" : " · " + shown.joined(separator: " · ")
                room = width - labels - DisplayWidth.of(tail)
                let next = Sparkline.groupSize(count: counts.count, columns: room)
                if next == group { break }
                group = next
            }
            guard room >= min(counts.count, 8) || kept == 0 else { continue }
            guard room > 0 else { return [Segment(text: TextFit.truncate(peak, to: width), kind: .text)] }
            let spark = Sparkline.fit(counts, into: room)
            var segments = [Segment(text: from + " ", kind: .dim), Segment(text: spark, kind: .spark), Segment(text: " " + to, kind: .dim)]
            if !tail.isEmpty { segments.append(Segment(text: tail, kind: .text)) }
            return segments
        }
        return []
    }
}

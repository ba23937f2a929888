// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Maps days to columns of the axis, and chooses the ticks for the days shown.
///
/// Fitting every release, the scale is half linear time, half release
/// order: dates stay in order and proportion, but a busy quarter is not
/// squeezed into a few columns because an empty year sits beside it. Zoomed
/// in, it is linear over the visible days, so the ticks are evenly spaced.
struct TimeScale {
    /// The blended scale over every release; nil when zoomed in.
    let fitAll: AxisScale?
    let window: DayWindow?
    let width: Int

    init(releases: [Release], window: DayWindow?, isZoomed: Bool, width: Int) {
        fitAll = isZoomed ? nil : AxisScale(releases: releases, width: width)
        self.window = window
        self.width = width
    }

    /// Column of a release from the scale's left edge; nil when it is outside the visible days.
    /// Undated releases sit at the right end when every release is shown.
    func column(of release: Release) -> Int? {
        guard let day = release.date?.firstDay.dayNumber else { return fitAll == nil ? nil : width - 2 }
        if fitAll == nil, let window, !window.contains(day) { return nil }
        return column(ofDay: day)
    }

    func column(ofDay day: Int) -> Int {
        if let fitAll { return fitAll.column(ofDay: day) }
        guard let window, window.span > 0 else { return width / 2 }
        let usable = max(1, width - 3)
        return 1 + Int((Double(day - window.first) / Double(window.span) * Double(usable)).rounded())
    }

    // MARK: - Ticks

    /// Tick steps from fine to coarse, with how their labels read.
    enum TickUnit: CaseIterable {
        case day, week, month, quarter, year

        var approximateDays: Int {
            switch self {
            case .day: 1
            case .week: 7
            case .month: 30
            case .quarter: 91
            case .year: 365
            }
        }

        var labelWidth: Int {
            switch self {
            case .day, .week: 10
            case .month, .quarter: 7
            case .year: 4
            }
        }

        /// The first tick day at or after `day`.
        func first(atOrAfter day: Int) -> CalendarDate {
            let date = CalendarDate(dayNumber: day)
            switch self {
            case .day: return date
            case .week:
                // Weeks start on Monday (`weekday` 1).
                return date.adding(days: (8 - date.weekday) % 7)
            case .month, .quarter, .year:
                var candidate = CalendarDate(year: date.year, month: self == .year ? 1 : date.month ?? 1, day: 1)
                while candidate.dayNumber < day || !isBoundary(candidate) { candidate = next(after: candidate, by: .month) }
                return candidate
            }
        }

        func isBoundary(_ date: CalendarDate) -> Bool {
            switch self {
            case .day, .week, .month: true
            case .quarter: ((date.month ?? 1) - 1) % 3 == 0
            case .year: date.month == 1
            }
        }

        func next(after date: CalendarDate, by unit: TickUnit? = nil) -> CalendarDate {
            switch unit ?? self {
            case .day: return date.adding(days: 1)
            case .week: return date.adding(days: 7)
            case .month, .quarter, .year:
                let months = (unit ?? self) == .quarter ? 3 : ((unit ?? self) == .year ? 12 : 1)
                let index = date.year * 12 + (date.month ?? 1) - 1 + months
                return CalendarDate(year: index / 12, month: index % 12 + 1, day: 1)
            }
        }

        func label(_ date: CalendarDate) -> String {
            switch self {
            case .day, .week: date.description
            case .month: CalendarDate(year: date.year, month: date.month).description
            case .quarter: "\(date.year) Q\(((date.month ?? 1) - 1) / 3 + 1)"
            case .year: String(date.year)
            }
        }
    }

    /// The finest unit whose ticks fit the width with room between their labels.
    func tickUnit(for window: DayWindow) -> TickUnit {
        TickUnit.allCases.first { unit in (window.span / unit.approximateDays + 1) * (unit.labelWidth + 2) <= width } ?? .year
    }

    /// Ticks within the visible days, each `╷` at its day's column with the
    /// label after it (moved left at the right end); ticks that would touch
    /// the previous one are left out.
    func ticks(in window: DayWindow) -> [(column: Int, text: String)] {
        let unit = tickUnit(for: window)
        var ticks: [(column: Int, text: String)] = []
        var lastEnd = -1
        var date = unit.first(atOrAfter: window.first)
        while date.dayNumber <= window.last {
            let column = column(ofDay: date.dayNumber)
            let label = unit.label(date)
            // At the right end the tick moves left with its label, rather than be lost.
            let start = min(column, width - 1 - label.count)
            if start > lastEnd, start >= 0 {
                ticks.append((start, "╷" + label))
                lastEnd = start + 1 + label.count
            }
            date = unit.next(after: date)
        }
        if ticks.isEmpty { ticks.append((0, CalendarDate(dayNumber: window.first).description)) }
        return ticks
    }
}

/// The blended scale for every release (see `TimeScale`).
struct AxisScale {
    let days: [Int]
    let usable: Int

    init(releases: [Release], width: Int) {
        days = Array(Set(releases.compactMap { $0.date?.firstDay.dayNumber })).sorted()
        usable = max(1, width - 3)
    }

    func column(ofDay day: Int) -> Int {
        guard let low = days.first, let high = days.last, high > low else { return (usable + 3) / 2 }
        let linear = Double(day - low) / Double(high - low)
        var rank = 0.0
        if day <= low { rank = 0 } else if day >= high { rank = Double(days.count - 1) } else {
            // The first day at or after `day` (days are sorted).
            var first = 0, last = days.count - 1
            while first < last {
                let middle = (first + last) / 2
                if days[middle] < day { first = middle + 1 } else { last = middle }
            }
            let upper = first
            let below = days[upper - 1], above = days[upper]
            rank = Double(upper - 1) + Double(day - below) / Double(max(1, above - below))
        }
        let ordinal = rank / Double(max(1, days.count - 1))
        let blended = min(1, max(0, (linear + ordinal) / 2))
        return 1 + Int((blended * Double(usable)).rounded())
    }
}

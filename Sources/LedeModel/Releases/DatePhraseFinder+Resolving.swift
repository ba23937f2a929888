// SPDX-License-Identifier: Apache-2.0
/// How the phrases without a full date resolve against the publication date.
extension DatePhraseFinder {
    /// A festival without a year: the latest one on or before publication (the next one looking forward).
    static func resolveFestival(group: (Int) -> String?, published: CalendarDate?, future: Bool) -> CalendarDate? {
        guard let name = group(2) else { return nil }
        let offset: Int
        switch group(1)?.lowercased() {
        case "second": offset = 1
        case "third": offset = 2
        case "eve": offset = -1
        default: offset = 0
        }
        if let year = group(3).flatMap(Int.init) { return Festivals.date(of: name, year: year)?.adding(days: offset) }
        // The year is known from publication: the latest one on or before it (the next one in a sentence about the future).
        guard let published else { return nil }
        let bound = published.lastDay
        let years = future ? [published.year, published.year + 1] : [published.year, published.year - 1]
        for year in years {
            guard let date = Festivals.date(of: name, year: year)?.adding(days: offset) else { return nil }
            if future ? !(date < published.firstDay) : !(bound < date) { return date }
        }
        return nil
    }

    /// `last month`, `this week`, `next year`, `later this month`.
    static func resolveRelativePeriod(group: (Int) -> String?, published: CalendarDate?) -> CalendarDate? {
        guard let published, let publishedMonth = published.month else { return nil }
        let which = group(1)?.lowercased()
        switch group(2)?.lowercased() {
        case "month":
            let offset = which == "last" || which == "past" ? -1 : (which == "next" ? 1 : 0)
            let index = published.year * 12 + (publishedMonth - 1) + offset
            return CalendarDate(year: index / 12, month: index % 12 + 1)
        case "week":
            // A week is known to its month only: the month of its middle day
            // (this week: the middle of the days up to publication).
            guard published.day != nil else { return CalendarDate(year: published.year, month: publishedMonth) }
            let monday = published.adding(days: -((published.weekday + 6) % 7))
            let middle: CalendarDate
            switch which {
            case "last", "past": middle = monday.adding(days: -4)
            case "next": middle = monday.adding(days: 10)
            default: middle = CalendarDate(dayNumber: (monday.dayNumber + published.dayNumber) / 2)
            }
            return CalendarDate(year: middle.year, month: middle.month)
        default:
            let offset = which == "last" || which == "past" ? -1 : (which == "next" ? 1 : 0)
            return CalendarDate(year: published.year + offset)
        }
    }

    /// `at the end of the month`: looking back early in a month, the month before; looking forward late
    /// in one, the next; otherwise the month of publication (`last`/`next` say which).
    static func resolveMonthEnd(group: (Int) -> String?, published: CalendarDate?, direction: Direction) -> CalendarDate? {
        // `at the end of the month`: looking back early in a month, the month before; looking forward late
        // in one, the next; otherwise the month of publication (`last`/`next` say which).
        guard let published, let month = published.month else { return nil }
        var offset = Self.yearOffset(group(1))
        if group(1)?.lowercased() == "the", let day = published.day {
            if direction != .future, day <= 10 { offset = -1 }
            if direction == .future, day >= 25 { offset = 1 }
        }
        let index = published.year * 12 + (month - 1) + offset
        return CalendarDate(year: index / 12, month: index % 12 + 1)
    }

    /// -1, 0 or 1 for `last`, `this` or `next`.
    static func yearOffset(_ word: String?) -> Int {
        switch word?.lowercased() {
        case "last": -1
        case "next": 1
        default: 0
        }
    }

    /// `by Q3`, `in the second half of 2027`, `this spring`, `next summer`: a half, quarter or season. A
    /// season needs a preposition, a `this`/`next`/`last` or a year (`fall` alone is a verb).
    static func resolveYearPart(group: (Int) -> String?, published: CalendarDate?, direction: Direction) -> CalendarDate? {
        let span: CalendarDate.Span
        if let ordinal = group(2), let kind = group(3)?.lowercased() {
            let number = ["first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4][ordinal.lowercased()] ?? 0
            if kind == "half" {
                guard (1...2).contains(number) else { return nil }
                span = .half(number)
            } else {
                span = .quarter(number)
            }
        } else if let token = group(4), let parsed = CalendarDate.Span(label: token.uppercased()) {
            span = parsed
        } else if let word = group(5)?.lowercased() {
            let season: CalendarDate.Span.Season = word == "fall" ? .autumn : CalendarDate.Span.Season(rawValue: word) ?? .spring
            guard group(1) != nil || group(6) != nil || group(7) != nil || group(8) != nil else { return nil }
            span = .season(season)
        } else {
            return nil
        }
        if let year = (group(6) ?? group(7)).flatMap(Int.init) { return CalendarDate(year: year, span: span) }
        guard let published else { return nil }
        let relative = group(8) ?? (["this", "next", "last"].contains(group(1)?.lowercased() ?? "") ? group(1) : nil)
        if let relative {
            // `this winter` is the winter that holds the publication or comes next.
            let base = CalendarDate(year: published.year + yearOffset(relative), span: span)
            if relative.lowercased() == "this", case .season(.winter) = span, base.lastDay < published { return CalendarDate(year: published.year + 1, span: span) }
            return base
        }
        let candidates = [published.year - 1, published.year, published.year + 1].map { CalendarDate(year: $0, span: span) }
        switch direction {
        case .past: return candidates.last { !(published < $0.firstDay) }
        case .future: return candidates.first { !($0.lastDay < published) }
        case .nearest:
            if let holding = candidates.first(where: { $0.overlaps(published) }) { return holding }
            return candidates.min { distance($0, from: published) < distance($1, from: published) }
        }
    }

    /// `three days ago` to the day; `two weeks ago`, `a month ago` to the month; `a year ago` to the year.
    static func resolveAgo(group: (Int) -> String?, published: CalendarDate?) -> CalendarDate? {
        guard let published, let countText = group(1)?.lowercased(), let unit = group(2)?.lowercased() else { return nil }
        let words = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                     "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3, "a couple of": 2]
        guard let count = words[countText] ?? Int(countText) else { return nil }
        switch unit {
        case "day": return published.day == nil ? nil : published.adding(days: -count)
        case "week":
            // Weeks ago are known to their month, as `last week` is.
            guard published.day != nil else { return nil }
            let day = published.adding(days: -7 * count)
            return CalendarDate(year: day.year, month: day.month)
        case "month":
            guard let month = published.month else { return nil }
            let index = published.year * 12 + (month - 1) - count
            return CalendarDate(year: index / 12, month: index % 12 + 1)
        default: return CalendarDate(year: published.year - count)
        }
    }

    /// Days between two periods (0 when they overlap).
    static func distance(_ date: CalendarDate, from published: CalendarDate) -> Int {
        if date.overlaps(published) { return 0 }
        return date.lastDay < published ? published.firstDay.dayNumber - date.lastDay.dayNumber : date.firstDay.dayNumber - published.lastDay.dayNumber
    }

    /// The year of a month named without one: the latest on or before publication looking back, the next on
    /// or after it looking forward, the nearer of the two otherwise.
    static func year(ofMonth month: Int, published: CalendarDate, direction: Direction) -> Int {
        let publishedMonth = published.month ?? 12
        let past = month <= publishedMonth ? published.year : published.year - 1
        let next = month >= publishedMonth ? published.year : published.year + 1
        switch direction {
        case .past: return past
        case .future: return next
        case .nearest:
            let index = published.year * 12 + publishedMonth
            return (index - (past * 12 + month)) <= ((next * 12 + month) - index) ? past : next
        }
    }

    /// A day of a month named without a year, in the direction asked (by days for `nearest`).
    static func resolveDay(month: Int, day: Int, published: CalendarDate, direction: Direction) -> CalendarDate? {
        guard published.day != nil, direction == .nearest else {
            return valid(year(ofMonth: month, published: published, direction: direction), month, day)
        }
        let past = valid(year(ofMonth: month, published: published, direction: .past), month, day)
        let next = valid(year(ofMonth: month, published: published, direction: .future), month, day)
        guard let past, let next else { return past ?? next }
        // The same month: the day itself decides.
        if past == next { return past }
        return published.dayNumber - past.dayNumber <= next.dayNumber - published.dayNumber ? past : next
    }

    static func valid(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate? {
        (1...CalendarDate.daysIn(month: month, year: year)).contains(day) ? CalendarDate(year: year, month: month, day: day) : nil
    }
}

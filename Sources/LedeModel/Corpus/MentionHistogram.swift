// SPDX-License-Identifier: Apache-2.0
/// An entity's mentions by the publication day of the articles that hold
/// them: what a histogram over time is made from.
///
/// Articles without a publication date are counted apart (`undatedMentions`,
/// `undatedArticles`), never dropped. `corpusDays` spans every dated article
/// of the corpus, not only this entity's, so that every entity's histogram
/// has the same axis.
public struct DatedMentions: Sendable, Hashable {
    /// Mentions in the articles published on one day.
    public struct Day: Sendable, Hashable {
        /// Days since 1970-01-01 (`CalendarDate.dayNumber`).
        public var day: Int
        public var mentions: Int
        public var articles: Int

        public init(day: Int, mentions: Int, articles: Int) {
            self.day = day
            self.mentions = mentions
            self.articles = articles
        }
    }

    /// One entry per publication day with mentions, oldest first.
    public var days: [Day]
    public var undatedMentions: Int
    public var undatedArticles: Int
    /// First and last publication day of the corpus's dated articles; nil when none is dated.
    public var corpusDays: ClosedRange<Int>?

    public init(days: [Day], undatedMentions: Int, undatedArticles: Int, corpusDays: ClosedRange<Int>?) {
        self.days = days
        self.undatedMentions = undatedMentions
        self.undatedArticles = undatedArticles
        self.corpusDays = corpusDays
    }

    /// From each article's publication day (nil: undated) and its mentions, in any order.
    public init(articles: some Sequence<(day: Int?, mentions: Int)>, corpusDays: ClosedRange<Int>?) {
        var byDay: [Int: Day] = [:]
        var undatedMentions = 0, undatedArticles = 0
        for (day, mentions) in articles {
            guard let day else {
                undatedMentions += mentions
                undatedArticles += 1
                continue
            }
            var entry = byDay[day] ?? Day(day: day, mentions: 0, articles: 0)
            entry.mentions += mentions
            entry.articles += 1
            byDay[day] = entry
        }
        self.init(days: byDay.values.sorted { $0.day < $1.day }, undatedMentions: undatedMentions,
                  undatedArticles: undatedArticles, corpusDays: corpusDays)
    }

    public var datedMentions: Int { days.reduce(0) { $0 + $1.mentions } }
}

/// Publication days of a corpus's articles, by reading-order position: the
/// compact column a store keeps (per generation) to place postings in time.
public struct PublicationDays: Sendable, Hashable {
    /// `Int32.min` for an article without a date.
    public var days: [Int32]
    public var span: ClosedRange<Int>?

    static let undated = Int32.min

    public init(_ dates: [CalendarDate?]) {
        days = dates.map { $0.map { Int32(clamping: $0.firstDay.dayNumber) } ?? Self.undated }
        span = nil
        recomputeSpan()
    }

    /// `count` articles, none dated yet: fill `days` in place, then `recomputeSpan()`.
    public init(undatedCount count: Int) {
        days = [Int32](repeating: Self.undated, count: count)
        span = nil
    }

    /// After `days` was filled in place.
    public mutating func recomputeSpan() {
        var low = Int32.max, high = Int32.min
        for day in days where day != Self.undated {
            low = min(low, day)
            high = max(high, day)
        }
        span = low <= high ? Int(low)...Int(high) : nil
    }

    public func day(atPosition position: Int) -> Int? {
        guard days.indices.contains(position), days[position] != Self.undated else { return nil }
        return Int(days[position])
    }

    /// An entity's postings placed in time (`position` maps each posting's article to its reading-order position).
    public func mentions(_ postings: [ArticleMentionCount], position: (ArticleID) -> Int?) -> DatedMentions {
        var placed: [(day: Int?, mentions: Int)] = []
        placed.reserveCapacity(postings.count)
        for posting in postings { placed.append((position(posting.article).flatMap(day(atPosition:)), posting.mentions)) }
        return DatedMentions(articles: placed, corpusDays: span)
    }

    /// `YYYY-MM-DD` (the index's `published` column) as a day number, without building a `CalendarDate` for the common form.
    public static func dayNumber(iso text: String) -> Int? {
        if text.utf8.count == 10 {
            let bytes = Array(text.utf8)
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = bytes[index]
                    guard byte >= 0x30 && byte <= 0x39 else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            if bytes[4] == 0x2D, bytes[7] == 0x2D, let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
               (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: year)).contains(day) {
                return CalendarDate(year: year, month: month, day: day).dayNumber
            }
        }
        return CalendarDate(iso: text)?.firstDay.dayNumber
    }
}

/// Mentions per week or per month over the corpus's publication range.
///
/// The period is chosen from the corpus's span (months when it is over
/// about six months, else ISO weeks, Monday to Sunday), and the bins run
/// from the corpus's first period to its last, empty ones included, so two
/// entities of one corpus get the same axis.
public struct MentionHistogram: Sendable, Hashable {
    public enum Period: String, Sendable, Hashable {
        case week, month
    }

    /// One period and the mentions in articles published in it.
    public struct Bin: Sendable, Hashable {
        /// The period's first day (days since 1970-01-01): a Monday, or the 1st of a month.
        public var start: Int
        public var mentions: Int

        public init(start: Int, mentions: Int) {
            self.start = start
            self.mentions = mentions
        }
    }

    public var period: Period
    public var bins: [Bin]
    public var undatedMentions: Int
    public var undatedArticles: Int

    /// Spans longer than this many days (about six months) are binned by month.
    public static let longestWeeklySpan = 183

    public static func period(forSpan days: Int) -> Period { days > longestWeeklySpan ? .month : .week }

    public init(_ dated: DatedMentions, period chosen: Period? = nil) {
        undatedMentions = dated.undatedMentions
        undatedArticles = dated.undatedArticles
        // The corpus's range, widened to the entity's days should the two have been read at different moments.
        var low = dated.corpusDays?.lowerBound, high = dated.corpusDays?.upperBound
        if let first = dated.days.first?.day { low = min(low ?? first, first) }
        if let last = dated.days.last?.day { high = max(high ?? last, last) }
        guard let low, let high else {
            period = chosen ?? .week
            bins = []
            return
        }
        let period = chosen ?? Self.period(forSpan: high - low)
        self.period = period
        var bins: [Bin] = []
        var start = Self.start(ofPeriodContaining: low, period)
        let last = Self.start(ofPeriodContaining: high, period)
        while start <= last {
            bins.append(Bin(start: start, mentions: 0))
            start = Self.start(ofPeriodAfter: start, period)
        }
        // Days are sorted, as are bins: one walk.
        var index = 0
        for day in dated.days {
            while index + 1 < bins.count && bins[index + 1].start <= day.day { index += 1 }
            bins[index].mentions += day.mentions
        }
        self.bins = bins
    }

    public var datedMentions: Int { bins.reduce(0) { $0 + $1.mentions } }
    public var totalMentions: Int { datedMentions + undatedMentions }

    /// The period with the most mentions (the earliest of equals); nil when no dated article mentions the entity.
    public var busiest: Bin? {
        var best: Bin?
        for bin in bins where bin.mentions > (best?.mentions ?? 0) { best = bin }
        return best
    }

    /// `2025-03` for a month, `2025-W12` for an ISO week.
    public func label(of bin: Bin) -> String { Self.label(ofPeriodStarting: bin.start, period) }

    /// Whether a day falls in the period that starts on `start`.
    public func contains(_ day: Int, inPeriodStarting start: Int) -> Bool {
        day >= start && day < Self.start(ofPeriodAfter: start, period)
    }

    // MARK: - Calendar

    /// The Monday of the day's ISO week, or the 1st of its month.
    public static func start(ofPeriodContaining day: Int, _ period: Period) -> Int {
        switch period {
        case .week:
            let weekday = CalendarDate(dayNumber: day).weekday // 0 = Sunday
            return day - (weekday + 6) % 7
        case .month:
            let date = CalendarDate(dayNumber: day)
            return CalendarDate(year: date.year, month: date.month, day: 1).dayNumber
        }
    }

    public static func start(ofPeriodAfter start: Int, _ period: Period) -> Int {
        switch period {
        case .week: return start + 7
        case .month:
            let date = CalendarDate(dayNumber: start)
            let month = date.month ?? 1
            return CalendarDate(year: month == 12 ? date.year + 1 : date.year, month: month == 12 ? 1 : month + 1, day: 1).dayNumber
        }
    }

    public static func label(ofPeriodStarting start: Int, _ period: Period) -> String {
        switch period {
        case .month:
            let date = CalendarDate(dayNumber: start)
            return CalendarDate(year: date.year, month: date.month).description
        case .week:
            // The ISO week belongs to the year of its Thursday.
            let thursday = Self.start(ofPeriodContaining: start, .week) + 3
            let year = CalendarDate(dayNumber: thursday).year
            let week = (thursday - CalendarDate(year: year, month: 1, day: 1).dayNumber) / 7 + 1
            return String(year) + "-W" + (week < 10 ? "0" : "") + String(week)
        }
    }
}

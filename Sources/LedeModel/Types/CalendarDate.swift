// SPDX-License-Identifier: Apache-2.0
// LedeModel owns everything known about articles: parsing the scraped format,
// the entities and their mentions, the model releases, and the corpus that
// holds them. It imports Foundation only and knows nothing of screens.

/// A calendar date known to the year, a part of the year (half, quarter,
/// season), the month or the day.
///
/// News text rarely gives full dates ("in January", "by the third quarter",
/// "last year"), so the precision travels with the value. Ordering compares
/// the earliest day the value can mean, then the precision (coarser first).
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable, Comparable {
        case year, half, season, quarter, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rank < b.rank }
        var rank: Int {
            switch self {
            case .year: 0
            case .half: 1
            case .season: 2
            case .quarter: 3
            case .month: 4
            case .day: 5
            }
        }
    }

    /// A part of a year a text can name: its months are `months`.
    public enum Span: Hashable, Sendable {
        case half(Int)
        case quarter(Int)
        /// Northern-hemisphere meteorological seasons; winter is December of the year before to February.
        case season(Season)

        public enum Season: String, Sendable, CaseIterable { case spring, summer, autumn, winter }

        /// First and last month (winter's first month is 0: December of the year before).
        var months: (first: Int, last: Int) {
            switch self {
            case .half(let half): ((half - 1) * 6 + 1, half * 6)
            case .quarter(let quarter): ((quarter - 1) * 3 + 1, quarter * 3)
            case .season(.spring): (3, 5)
            case .season(.summer): (6, 8)
            case .season(.autumn): (9, 11)
            case .season(.winter): (0, 2)
            }
        }

        /// `H2`, `Q3`, `spring`.
        var label: String {
            switch self {
            case .half(let half): "H\(half)"
            case .quarter(let quarter): "Q\(quarter)"
            case .season(let season): season.rawValue
            }
        }

        init?(label: String) {
            if label.count == 2, let number = Int(label.dropFirst()) {
                if label.first == "H", (1...2).contains(number) { self = .half(number); return }
                if label.first == "Q", (1...4).contains(number) { self = .quarter(number); return }
                return nil
            }
            guard let season = Season(rawValue: label) else { return nil }
            self = .season(season)
        }
    }

    public var year: Int
    public var month: Int?
    public var day: Int?
    /// A half, quarter or season of `year` (then `month` and `day` are nil).
    public var span: Span?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    public init(year: Int, span: Span) {
        self.year = year
        self.span = span
    }

    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        switch span {
        case .half: return .half
        case .quarter: return .quarter
        case .season: return .season
        case nil: return .year
        }
    }

    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a part of the year: `YYYY-Q3`, `YYYY-H2`, `YYYY-spring`.
    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        if let span { text += "-" + span.label }
        return text
    }

    /// The year, month or day: what the timeline exports' `date` holds (a part of a year is its year there).
    public var calendarText: String { span == nil ? description : String(format: "%04d", year) }

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Q1`…`Q4`, `YYYY-H1`/`H2` or `YYYY-<season>`, rejecting impossible values.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let span = Span(label: String(parts[1])) {
            self.init(year: year, span: span)
            return
        }
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let value = Int(parts[1]), (1...12).contains(value) else { return nil }
            month = value
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let value = Int(parts[2]),
                  (1...CalendarDate.daysIn(month: month!, year: year)).contains(value) else { return nil }
            day = value
        }
        self.init(year: year, month: month, day: day)
    }

    /// The first day the value can mean.
    public var firstDay: CalendarDate {
        if let span {
            let first = span.months.first
            return first == 0 ? CalendarDate(year: year - 1, month: 12, day: 1) : CalendarDate(year: year, month: first, day: 1)
        }
        return CalendarDate(year: year, month: month ?? 1, day: day ?? 1)
    }
    /// The last day the value can mean.
    public var lastDay: CalendarDate {
        let lastMonth = span?.months.last ?? month ?? 12
        return CalendarDate(year: year, month: lastMonth, day: day ?? CalendarDate.daysIn(month: lastMonth, year: year))
    }

    /// Whether the two periods share at least one day.
    public func overlaps(_ other: CalendarDate) -> Bool {
        !(other.lastDay < firstDay || lastDay < other.firstDay)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        let firstA = a.span == nil ? a : a.firstDay, firstB = b.span == nil ? b : b.firstDay
        let keyA = (firstA.year, firstA.month ?? 1, firstA.day ?? 1)
        let keyB = (firstB.year, firstB.month ?? 1, firstB.day ?? 1)
        if keyA != keyB { return keyA < keyB }
        return a.precision < b.precision
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of `firstDay` (proleptic Gregorian).
    public var dayNumber: Int {
        if span != nil { return firstDay.dayNumber }
        let y = month.map { $0 <= 2 ? year - 1 : year } ?? year - 1
        let m = month ?? 1
        let d = day ?? 1
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: firstDay.dayNumber + days) }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((dayNumber % 7) + 11) % 7 }

    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]

    /// `19 Mar 2025`, `Mar 2025`, `Q3 2025`, `spring 2025` or `2025`, for bylines and labels.
    public var humanDescription: String {
        if let span { return "\(span.label) \(year)" }
        guard let month else { return String(year) }
        let name = String(CalendarDate.monthNames[month - 1].prefix(3))
        if let day { return "\(day) \(name) \(year)" }
        return "\(name) \(year)"
    }
}

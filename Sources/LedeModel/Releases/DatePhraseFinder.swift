// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A date named in a sentence, resolved against the article's published date.
public struct DatePhrase: Sendable, Hashable {
    /// Scalar offsets in the sentence.
    public var start: Int
    public var end: Int
    public var text: String
    public var date: CalendarDate
    /// Worked out from the publication date (`last week`, `on Monday`,
    /// `yesterday`, `this year`): it only bounds a release date.
    public var isRelative: Bool = false
    /// Its date does not depend on which way the text looks (a year is given, or it counts from publication).
    public var isFixed: Bool = true
}

/// Finds dates in news prose: absolute dates, month names with or without a
/// year, weekdays, parts of a year (`by Q3`, `in the second half`, `in the
/// spring`), and relative phrases (`last week`, `late last month`, `two
/// weeks ago`, `before the end of the year`), each resolved against the
/// published date. Without a year, a month is the latest one on or before
/// publication when the text looks back, the next one on or after it when
/// it looks forward, and the nearer of the two when it does neither.
public struct DatePhraseFinder: Sendable {
    public init() {}

    /// Which way a phrase without a year points from the publication date.
    public enum Direction: Sendable { case past, future, nearest }

    /// A full month name, or an abbreviation with its optional full stop: the
    /// stop after a full name ends a sentence (`in October. 01.AI…` is not October 1).
    static let monthPattern = "(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\\.?)"
    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    enum Kind { case monthEnd, recently, festival, monthRelativeYear, dayMonthYear, monthDayYear, dayMonth, monthDay, monthYear, relativeMonthName, prepositionMonth,
                relativePeriod, weekday, dayWord, yearEnd, yearPart, ago, year }

    static let rules: [(Kind, NSRegularExpression)] = {
        let m = monthPattern
        let table: [(Kind, String)] = [
            (.monthEnd, "\\b(?:at|by|before|until|towards?|around|near|in) (?:the )?(?:end|close) of (the|this|last|next) month\\b"),
            (.recently, "\\b(?:recently|in recent (?:days|weeks))\\b"),
            (.festival, "\\b(?:(?:the )?(first|second|third|eve) (?:day )?of (?:the )?)?(\(Festivals.pattern))(?:,? ((?:19|20)\\d\\d))?\\b"),
            (.yearEnd, "\\b(?:by|before|at|until|towards?|around|near) (?:the )?(?:end of (?:(this|next|last) year|the year|((?:19|20)\\d\\d))|(?:year|year['’]s)[- ]end)\\b"),
            (.yearPart, "\\b(?:(in|by|during|for|until|before|after|from|since|over|this|next|last|early|late|the end of|end of|the start of|start of) )?(?:the )?"
                + "(?:(first|second|third|fourth|1st|2nd|3rd|4th) (quarter|half)|(Q[1-4]|H[12])|(spring|summer|autumn|fall|winter))"
                + "(?:(?:,? of|,)? ((?:19|20)\\d\\d)| ((?:19|20)\\d\\d)|(?: of)? (this|next|last) year| of the year)?\\b"),
            (.ago, "\\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2}|a few|several|a couple of) (day|week|month|year)s? ago\\b"),
            (.dayMonthYear, "\\b(\\d{1,2}) \(m),? (\\d{4})\\b"),
            (.monthDayYear, "\\b\(m) (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b"),
            (.monthYear, "\\b(?:(?:early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of) )?\(m),? (\\d{4})\\b"),
            (.dayMonth, "\\b(\\d{1,2}) \(m)\\b"),
            (.monthDay, "\\b\(m) (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d)"),
            (.monthRelativeYear, "\\b(?:(?:in|since|from|by|until|during|of|early|late) )?\(m),? (last|this|next) year\\b"),
            (.relativeMonthName, "\\b(last|this|next) \(m)\\b"),
            (.prepositionMonth, "\\b(?:in|since|from|by|until|during|of|at the end of|by the end of|the end of|end of|early|mid-|mid|late|the beginning of|the start of) \(m)\\b"),
            (.relativePeriod, "\\b(?:(?:earlier|later|late|early) )?(this|last|next|past) (month|week|year)\\b"),
            (.weekday, "\\b(?:on|last|this|next) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b"),
            (.dayWord, "\\b(yesterday|today|tomorrow)\\b"),
            (.year, "\\b(?:in|since|by|during|of|early|late|mid-) ((?:19|20)\\d\\d)\\b"),
        ]
        return table.map { kind, pattern in
            // Case-insensitive for the little words (`In January`); month and
            // weekday names are checked for their capital afterwards, so that
            // `may` the verb is never May.
            return (kind, try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
        }
    }()

    static let futureMarkers = [" will ", " would ", " plans to ", " planning to ", " plan to ", " set to ", " expected to ",
                                " expects to ", " due to ", " upcoming ", " is to ", " are to ", " next ", " intends to ", " aims to "]

    /// Whether the sentence speaks of the future.
    public func speaksOfFuture(_ sentence: String) -> Bool {
        let padded = " " + sentence.lowercased() + " "
        return Self.futureMarkers.contains { padded.containsUTF8($0) }
    }

    public func phrases(in sentence: String, published: CalendarDate?) -> [DatePhrase] {
        phrases(in: sentence, published: published, future: speaksOfFuture(sentence))
    }

    /// As above, when the caller already knows whether the sentence speaks of the future.
    public func phrases(in sentence: String, published: CalendarDate?, future: Bool) -> [DatePhrase] {
        phrases(in: sentence, published: published, direction: future ? .future : .past)
    }

    /// As above, resolving phrases without a year in the given direction.
    public func phrases(in sentence: String, published: CalendarDate?, direction: Direction) -> [DatePhrase] {
        phrasesEveryWay(in: sentence, published: published, first: direction).map(\.phrase)
    }

    /// A phrase with its date resolved each way (`phrase.date` is the first way asked for).
    public struct ResolvedPhrase: Sendable {
        public var phrase: DatePhrase
        public var past: CalendarDate
        public var future: CalendarDate
        public var nearest: CalendarDate
    }

    /// Every phrase, matched once and resolved looking back, forward and to the nearer; a phrase is kept
    /// when it resolves looking the `first` way.
    public func phrasesEveryWay(in sentence: String, published: CalendarDate?, first: Direction = .past) -> [ResolvedPhrase] {
        let nsSentence = sentence as NSString
        var result: [ResolvedPhrase] = []
        let needs = Prerequisites(sentence)
        guard Self.rules.contains(where: { needs.allow($0.0) }) else { return [] }
        // Linear bookkeeping whatever the number of phrases: UTF-16 units already
        // taken by a phrase, and the scalar offset of every UTF-16 offset.
        let length = nsSentence.length
        var taken = [Bool](repeating: false, count: length)
        var scalarOffset = [Int](repeating: 0, count: length + 1)
        var utf16 = 0, scalars = 0
        for scalar in sentence.unicodeScalars {
            let width = scalar.utf16.count
            for step in 0..<width where utf16 + step <= length { scalarOffset[utf16 + step] = scalars }
            utf16 += width
            scalars += 1
        }
        if utf16 <= length { scalarOffset[min(utf16, length)] = scalars }
        for (kind, regex) in Self.rules where needs.allow(kind) {
            for match in regex.matches(in: sentence, range: NSRange(location: 0, length: length)) {
                let range = match.range
                if taken[range.location..<(range.location + range.length)].contains(true) { continue }
                func group(_ index: Int) -> String? {
                    let range = match.range(at: index)
                    return range.location == NSNotFound ? nil : nsSentence.substring(with: range)
                }
                let text = nsSentence.substring(with: range)
                guard Self.namesAreCapitalised(text) else { continue }
                guard let date = resolve(kind, text: text, group: group, published: published, direction: first) else { continue }
                for unit in range.location..<(range.location + range.length) { taken[unit] = true }
                let start = scalarOffset[range.location]
                let isFixed = Self.isFixed(kind, text: text)
                func resolved(_ direction: Direction) -> CalendarDate {
                    direction == first || isFixed ? date : resolve(kind, text: text, group: group, published: published, direction: direction) ?? date
                }
                let phrase = DatePhrase(start: start, end: scalarOffset[range.location + range.length], text: text, date: date,
                                        isRelative: Self.onlyBounds(kind, text: text), isFixed: isFixed)
                result.append(ResolvedPhrase(phrase: phrase, past: resolved(.past), future: resolved(.future), nearest: resolved(.nearest)))
            }
        }
        return result.sorted { $0.phrase.start < $1.phrase.start }
    }

    /// Phrases whose date is the same whichever way the text looks: those with a year, or counted from
    /// publication. A month, a day, a weekday, a festival or a part of a year without one are not.
    static func isFixed(_ kind: Kind, text: String) -> Bool {
        switch kind {
        case .dayMonthYear, .monthDayYear, .monthYear, .monthRelativeYear, .relativeMonthName, .relativePeriod, .dayWord, .yearEnd, .ago,
             .year, .recently:
            return true
        case .festival, .yearPart:
            // `Q3` and `third quarter` have digits or ordinals but no year; `Q3 2026` has one.
            return hasYear(text) || ["this", "next", "last"].contains { text.lowercased().contains($0) }
        case .dayMonth, .monthDay, .prepositionMonth, .weekday, .monthEnd:
            return text.lowercased().hasPrefix("next") || text.lowercased().hasPrefix("last")
        }
    }

    /// Four digits in a row: a year.
    static func hasYear(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            run = (0x30...0x39).contains(byte) ? run + 1 : 0
            if run == 4 { return true }
        }
        return false
    }

    /// Phrases that only bound a date: a week or a month or a year counted from publication (`last week`,
    /// `this month`, `two months ago`). A weekday, `yesterday` or `three days ago` names one day, and is stated.
    static func onlyBounds(_ kind: Kind, text: String) -> Bool {
        switch kind {
        case .relativePeriod, .recently: return true
        case .ago: return !text.lowercased().contains("day")
        default: return false
        }
    }

    /// Words a rule cannot match without: checked once per sentence, so most
    /// sentences skip most regular expressions (each bridges to UTF-16 on Linux).
    struct Prerequisites {
        var hasDigit = false
        var hasMonth = false
        var hasDayWord = false
        var hasPeriod = false
        var hasFestival = false
        var hasYearPart = false
        var hasAgo = false
        var hasEnd = false
        var hasRecent = false

        static let yearPartStems = ["quarter", "half", "spring", "summer", "autumn", "fall", "winter"]
        static let monthStems = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

        init(_ sentence: String) {
            hasDigit = sentence.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            let lower = sentence.lowercased()
            hasMonth = Self.monthStems.contains { lower.containsUTF8($0) }
            hasDayWord = lower.containsUTF8("day") || lower.containsUTF8("tomorrow")
            hasPeriod = lower.containsUTF8("month") || lower.containsUTF8("week") || lower.containsUTF8("year")
            hasFestival = Festivals.stems.contains { lower.containsUTF8($0) }
            hasYearPart = Self.yearPartStems.contains { lower.containsUTF8($0) }
                || sentence.utf8.indices.contains { index in
                    let byte = sentence.utf8[index]
                    guard byte == 0x51 || byte == 0x48, let next = sentence.utf8[sentence.utf8.index(after: index)...].first else { return false }
                    return next >= 0x31 && next <= 0x34
                }
            hasAgo = lower.containsUTF8(" ago")
            hasEnd = lower.containsUTF8("end") || lower.containsUTF8("close")
            hasRecent = lower.containsUTF8("recent")
        }

        func allow(_ kind: Kind) -> Bool {
            switch kind {
            case .festival: hasFestival
            case .dayMonthYear, .monthDayYear, .monthYear, .dayMonth, .monthDay: hasMonth && hasDigit
            case .relativeMonthName, .prepositionMonth: hasMonth
            case .monthRelativeYear: hasMonth && hasPeriod
            case .relativePeriod: hasPeriod
            case .weekday, .dayWord: hasDayWord
            case .yearEnd, .monthEnd: hasEnd
            case .recently: hasRecent
            case .yearPart: hasYearPart
            case .ago: hasAgo
            case .year: hasDigit
            }
        }
    }

    /// Every month or weekday name in the phrase is written with its capital.
    static func namesAreCapitalised(_ text: String) -> Bool {
        for word in text.split(whereSeparator: { !$0.isLetter }) {
            let lower = word.lowercased()
            let isName = weekdays.contains(lower) || month(lower) != nil
            if isName, word.first?.isUppercase != true { return false }
        }
        return true
    }

    static func month(_ name: String?) -> Int? {
        guard let name, name.count >= 3 else { return nil }
        let key = name.lowercased().prefix(3)
        return CalendarDate.monthNames.firstIndex { $0.lowercased().hasPrefix(key) }.map { $0 + 1 }
    }

    func resolve(_ kind: Kind, text: String, group: (Int) -> String?, published: CalendarDate?, direction: Direction) -> CalendarDate? {
        let lower = text.lowercased()
        let future = direction == .future
        switch kind {
        case .festival:
            return Self.resolveFestival(group: group, published: published, future: future)
        case .dayMonthYear:
            guard let day = group(1).flatMap(Int.init), let month = Self.month(group(2)), let year = group(3).flatMap(Int.init) else { return nil }
            return Self.valid(year, month, day)
        case .monthDayYear:
            guard let month = Self.month(group(1)), let day = group(2).flatMap(Int.init), let year = group(3).flatMap(Int.init) else { return nil }
            return Self.valid(year, month, day)
        case .monthYear:
            guard let month = Self.month(group(1)), let year = group(2).flatMap(Int.init) else { return nil }
            return CalendarDate(year: year, month: month)
        case .dayMonth, .monthDay:
            let dayText = kind == .dayMonth ? group(1) : group(2)
            let monthName = kind == .dayMonth ? group(2) : group(1)
            guard let published, let day = dayText.flatMap(Int.init), let month = Self.month(monthName),
                  monthName?.lowercased().hasPrefix("may") == false || kind == .dayMonth || lower.hasPrefix("may ") else { return nil }
            return Self.resolveDay(month: month, day: day, published: published, direction: direction)
        case .monthRelativeYear:
            // `March last year`, `in May this year`.
            guard let published, let month = Self.month(group(1)) else { return nil }
            let offset = group(2)?.lowercased() == "last" ? -1 : (group(2)?.lowercased() == "next" ? 1 : 0)
            return CalendarDate(year: published.year + offset, month: month)
        case .relativeMonthName:
            guard let published, let month = Self.month(group(2)) else { return nil }
            switch group(1)?.lowercased() {
            case "last": return CalendarDate(year: month < (published.month ?? 1) ? published.year : published.year - 1, month: month)
            case "next": return CalendarDate(year: month > (published.month ?? 1) ? published.year : published.year + 1, month: month)
            default: return CalendarDate(year: published.year, month: month)
            }
        case .prepositionMonth:
            guard let published, let monthName = lower.split(separator: " ").last.map(String.init), let month = Self.month(monthName) else { return nil }
            return CalendarDate(year: Self.year(ofMonth: month, published: published, direction: direction), month: month)
        case .relativePeriod:
            return Self.resolveRelativePeriod(group: group, published: published)
        case .weekday:
            guard let published, published.day != nil, let name = group(1)?.lowercased(),
                  let target = Self.weekdays.firstIndex(of: name) else { return nil }
            let current = published.weekday
            if lower.hasPrefix("next") || (future && !lower.hasPrefix("last")) {
                let ahead = (target - current + 7) % 7
                return published.adding(days: ahead == 0 ? 7 : ahead)
            }
            let back = (current - target + 7) % 7
            return published.adding(days: -(lower.hasPrefix("last") && back == 0 ? 7 : back))
        case .dayWord:
            guard let published, published.day != nil else { return nil }
            switch lower {
            case "yesterday": return published.adding(days: -1)
            case "tomorrow": return published.adding(days: 1)
            default: return published
            }
        case .year:
            return group(1).flatMap(Int.init).map { CalendarDate(year: $0) }
        case .yearEnd:
            // `by the end of the year`, `before the end of next year`, `by year-end`: the year is all the text gives.
            if let year = group(2).flatMap(Int.init) { return CalendarDate(year: year) }
            guard let published else { return nil }
            return CalendarDate(year: published.year + Self.yearOffset(group(1)))
        case .yearPart:
            return Self.resolveYearPart(group: group, published: published, direction: direction)
        case .monthEnd:
            return Self.resolveMonthEnd(group: group, published: published, direction: direction)
        case .recently:
            // Recently: the month of publication bounds it.
            guard let published, let month = published.month else { return nil }
            return CalendarDate(year: published.year, month: month)
        case .ago:
            return Self.resolveAgo(group: group, published: published)
        }
    }
}

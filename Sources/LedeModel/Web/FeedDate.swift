// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A date as a feed or an archive writes it: the instant, and the day on the
/// publisher's own calendar (the offset it was written with), which is the
/// article's publication day.
public struct FeedDate: Hashable, Sendable {
    /// Seconds since 1970 (UTC).
    public var instant: Date
    /// The calendar day where the publisher wrote it (its offset, not UTC).
    public var day: CalendarDate
    /// Minutes east of UTC that the text gave (0 for `Z`, `GMT` and unknown zones).
    public var offsetMinutes: Int

    public init(instant: Date, day: CalendarDate, offsetMinutes: Int) {
        self.instant = instant
        self.day = day
        self.offsetMinutes = offsetMinutes
    }

    /// RFC 822 / 1123 (`Wed, 19 Mar 2025 10:00:00 +0000`, RSS 2.0) or ISO 8601
    /// (`2025-03-19T10:00:00Z`, Atom and Dublin Core), whichever the text is.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64 else { return nil }
        if let date = Self.iso8601(trimmed) ?? Self.rfc822(trimmed) { self = date } else { return nil }
    }

    /// `2025-03-19T10:00:00+01:00` in the offset it was written with.
    public var iso8601: String {
        let local = instant.addingTimeInterval(TimeInterval(offsetMinutes * 60))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let zone = offsetMinutes == 0 ? "Z" : String(format: "%@%02d:%02d", sign, abs(offsetMinutes) / 60, abs(offsetMinutes) % 60)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) + zone
    }

    // MARK: - ISO 8601

    /// `YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]` and `Z` or `±HH[:]MM` (a space for the `T` too).
    static func iso8601(_ text: String) -> FeedDate? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += digits
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), take(UInt8(ascii: "-")), let month = number(2), take(UInt8(ascii: "-")), let day = number(2) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        if index < bytes.count {
            guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || take(UInt8(ascii: " ")) else { return nil }
            guard let h = number(2), take(UInt8(ascii: ":")), let m = number(2) else { return nil }
            hour = h
            minute = m
            if take(UInt8(ascii: ":")) {
                guard let s = number(2) else { return nil }
                second = s
                if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                    while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                }
            }
            if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) {
                offset = 0
            } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                let negative = bytes[index] == UInt8(ascii: "-")
                index += 1
                guard let h = number(2) else { return nil }
                _ = take(UInt8(ascii: ":"))
                let m = number(2) ?? 0
                guard h <= 23, m <= 59 else { return nil }
                offset = (negative ? -1 : 1) * (h * 60 + m)
            }
        }
        guard index == bytes.count else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    // MARK: - RFC 822

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    /// The zones RFC 822 names, and a few more that feeds use, in minutes east of UTC.
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
        "pst": -480, "pdt": -420, "bst": 60, "cet": 60, "cest": 120, "ist": 330, "jst": 540, "aest": 600, "aedt": 660,
    ]

    /// `[Wed,] 19 Mar 2025 10:00[:00] +0000|GMT|EST`; a two-digit year is 19xx from 50, else 20xx.
    static func rfc822(_ text: String) -> FeedDate? {
        var words = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
        if let first = words.first, first.count >= 3, first.allSatisfy(\.isLetter) { words.removeFirst() }
        guard words.count >= 3, let day = Int(words[0]), (1...31).contains(day),
              let month = months.firstIndex(of: String(words[1].prefix(3))).map({ $0 + 1 }),
              var year = Int(words[2]) else { return nil }
        if words[2].count == 2 { year += year >= 50 ? 1900 : 2000 }
        guard words[2].count == 2 || words[2].count == 4 else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        if words.count >= 4 {
            let time = words[3].split(separator: ":").map { Int($0) }
            guard (2...3).contains(time.count), time.allSatisfy({ $0 != nil }) else { return nil }
            hour = time[0]!
            minute = time[1]!
            second = time.count == 3 ? time[2]! : 0
            if words.count >= 5 {
                let zone = words[4]
                if let known = zones[zone] {
                    offset = known
                } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst()) {
                    let minutes = (value / 100) * 60 + value % 100
                    guard value / 100 <= 23, value % 100 <= 59 else { return nil }
                    offset = sign == "-" ? -minutes : minutes
                }
                // An unknown zone name is read as UTC: the day is still right within a few hours.
            }
        }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetMinutes: Int) -> FeedDate? {
        guard (1000...9999).contains(year), (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let local = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59))) else { return nil }
        return FeedDate(instant: local.addingTimeInterval(TimeInterval(-offsetMinutes * 60)), day: CalendarDate(year: year, month: month, day: day),
                        offsetMinutes: offsetMinutes)
    }
}

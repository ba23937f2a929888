// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Publication dates as pages write them: ISO 8601 (`2024-11-06T07:30:00Z`,
/// `2024/11/06`), RFC 822 (`Wed, 06 Nov 2024 07:30:00 GMT`), English forms
/// (`November 6, 2024`, `6 Nov. 2024`, `Nov 6th, 2024`), day-first numbers
/// with dots (`06.11.2024`), and the date in an address (`/2024/11/06/`).
enum DateText {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The first date in a short text (the first 200 characters are read).
    static func parse(_ text: String) -> CalendarDate? {
        let trimmed = String(text.trimmingWhitespace().prefix(200))
        if let date = CalendarDate.leadingISO(trimmed.replacingOccurrences(of: "/", with: "-")), date.precision == .day {
            return date
        }
        if let date = slashedDate(trimmed) { return date }
        let tokens = tokens(trimmed)
        for index in tokens.indices {
            if let date = englishDate(tokens, at: index) ?? numericDate(tokens[index]) { return date }
        }
        return nil
    }

    /// `/2024/11/06/` or `/2024-11-06/` in an address.
    static func inAddress(_ address: String) -> CalendarDate? {
        let parts = address.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "_" })
        for index in parts.indices.dropLast(2) {
            guard parts[index].count == 4, let year = Int(parts[index]), (1990...2100).contains(year),
                  parts[index + 1].count == 2, let month = Int(parts[index + 1]), parts[index + 2].count == 2,
                  let day = Int(parts[index + 2]) else { continue }
            if let date = valid(year, month, day) { return date }
        }
        return nil
    }

    /// Words and numbers, lower case (`Nov.` → `nov`, `6th,` → `6`).
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "." && !current.isEmpty && current.allSatisfy({ $0.isNumber || $0 == "." }) {
                current.append(character)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.map { token in
            var word = token
            while word.hasSuffix(".") { word.removeLast() }
            // 1st, 2nd, 3rd, 4th.
            if word.count > 2, word.first!.isNumber, ["st", "nd", "rd", "th"].contains(String(word.suffix(2))) { word.removeLast(2) }
            return word
        }
    }

    static func month(_ word: String) -> Int? {
        guard word.count >= 3, let index = months.firstIndex(where: { word.hasPrefix($0) }) else { return nil }
        // `march`, `mar`, `sept`: a month name or its abbreviation, not `marble`.
        let full = CalendarDate.monthNames[index].lowercased()
        return full.hasPrefix(word) || word == "sept" ? index + 1 : nil
    }

    /// `november 6 2024` or `6 november 2024` starting at `index`.
    static func englishDate(_ tokens: [String], at index: Int) -> CalendarDate? {
        guard index + 2 < tokens.count else { return nil }
        if let month = month(tokens[index]), let day = Int(tokens[index + 1]), let year = year(tokens[index + 2]) {
            return valid(year, month, day)
        }
        if let day = Int(tokens[index]), let month = month(tokens[index + 1]), let year = year(tokens[index + 2]) {
            return valid(year, month, day)
        }
        return nil
    }

    /// `11/06/2024` or `11-06-2024`: month first as in the US, unless the first number cannot be a month.
    static func slashedDate(_ text: String) -> CalendarDate? {
        let scalars = Array(text.unicodeScalars)
        func number(at start: Int, digits: ClosedRange<Int>) -> (value: Int, end: Int)? {
            var end = start
            while end < scalars.count, end - start < digits.upperBound, ("0"..."9").contains(scalars[end]) { end += 1 }
            guard digits.contains(end - start), end == scalars.count || !("0"..."9").contains(scalars[end]) else { return nil }
            return (Int(String(String.UnicodeScalarView(scalars[start..<end])))!, end)
        }
        for start in scalars.indices where ("0"..."9").contains(scalars[start]) && (start == 0 || !("0"..."9").contains(scalars[start - 1])) {
            guard let first = number(at: start, digits: 1...2), first.end < scalars.count, "/-".unicodeScalars.contains(scalars[first.end]),
                  let second = number(at: first.end + 1, digits: 1...2), second.end < scalars.count, scalars[second.end] == scalars[first.end],
                  let year = number(at: second.end + 1, digits: 4...4) else { continue }
            if let date = first.value > 12 ? valid(year.value, second.value, first.value) : valid(year.value, first.value, second.value) {
                return date
            }
        }
        return nil
    }

    /// `06.11.2024` (day first, as written where dots separate dates).
    static func numericDate(_ token: String) -> CalendarDate? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else {
            return nil
        }
        return valid(year, month, day)
    }

    static func year(_ token: String) -> Int? {
        guard token.count == 4, let year = Int(token), (1900...2100).contains(year) else { return nil }
        return year
    }

    static func valid(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate? {
        guard (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}

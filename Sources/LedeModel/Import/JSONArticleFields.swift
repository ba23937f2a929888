// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reading the article fields the JSON formats share (content API, JSON
/// Lines, spaCy): lenient about shapes (a name or a list of names, a date
/// with or without a time), strict about types (a number is not a title).
extension JSONDocument {
    /// A whole file or line parsed as JSON; the error names the article and says what was expected.
    static func article(_ data: Data, path: String, expected: String) -> Result<JSONDocument, LoadError> {
        do {
            return .success(try parse(String(decoding: data, as: UTF8.self)))
        } catch {
            return .failure(LoadError(path: path, message: "not \(expected) (\(error))"))
        }
    }

    /// A one-line text field.
    func text(_ key: String) -> String? {
        guard let value = self[key]?.string else { return nil }
        let line = ImportText.line(value)
        return line.isEmpty ? nil : line
    }

    /// `authors` / `byline`: a string (`A and B`, `A, B`), or a list of strings
    /// or of objects with a `name`.
    func names(_ key: String) -> [String] {
        switch self[key] {
        case .string(let text):
            return ScrapedArticleImporter.splitNames(ImportText.line(text))
        case .array(let items):
            return items.compactMap { item in
                let name = item.string ?? item["name"]?.string
                return name.map(ImportText.line).flatMap { $0.isEmpty ? nil : $0 }
            }
        default:
            return []
        }
    }

    /// A date field: ISO 8601 (`2025-03-19`, `2025-03-19T08:00:00Z`, `2025-03`).
    func date(_ key: String) -> CalendarDate? {
        guard let text = self[key]?.string else { return nil }
        return CalendarDate.leadingISO(text)
    }

    /// A whole number (offsets).
    var integer: Int? {
        guard case .number(let value) = self, value.rounded() == value, abs(value) < 1e15 else { return nil }
        return Int(value)
    }
}

extension CalendarDate {
    /// The date at the start of an ISO 8601 text: day, month or year precision.
    static func leadingISO(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingWhitespace()
        for length in [10, 7, 4] where trimmed.utf8.count >= length {
            // A prefix that cuts a character in two is no date (`202é`).
            guard let prefix = String(trimmed.utf8.prefix(length)) else { continue }
            // `2025-03-19T…` or `2025-03-19 …`: the date part must end there.
            let next = trimmed.utf8.dropFirst(length).first
            guard next == nil || next == UInt8(ascii: "T") || next == UInt8(ascii: " ") || next == UInt8(ascii: "t") else { continue }
            if let date = CalendarDate(iso: prefix) { return date }
        }
        return nil
    }
}

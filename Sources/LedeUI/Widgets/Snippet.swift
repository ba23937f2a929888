// SPDX-License-Identifier: Apache-2.0
import LedeText
import LedeModel

/// A one-line window of text around a mention.
public enum Snippet {
    public static func around(_ mention: Mention, in paragraph: String, columns: Int) -> (before: String, match: String, after: String) {
        let scalars = Array(paragraph.unicodeScalars)
        let sentence = Sentences.ranges(in: scalars).first { $0.contains(mention.start) } ?? 0..<scalars.count
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)]))
                .replacingOccurrences(of: "\n", with: " ")
        }
        let match = text(mention.start..<mention.end)
        var before = text(sentence.lowerBound..<mention.start).trimmingLeadingSpaces()
        var after = text(mention.end..<sentence.upperBound)
        let room = max(0, columns - DisplayWidth.of(match))
        let beforeRoom = min(DisplayWidth.of(before), room / 3)
        if DisplayWidth.of(before) > beforeRoom {
            // Keep whole words: cut after the first space of what fits.
            var kept = String(before.reversed().prefixFitting(beforeRoom - 1).reversed())
            if let space = kept.firstIndex(of: " ") { kept = String(kept[kept.index(after: space)...]) }
            before = "…" + kept
        }
        after = TextFit.truncate(after, to: room - DisplayWidth.of(before))
        return (before, match, after)
    }
}

extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}

extension Sequence where Element == Character {
    /// Leading characters that fit in `columns`.
    func prefixFitting(_ columns: Int) -> String {
        var result = ""
        var used = 0
        for character in self {
            let width = DisplayWidth.of(character)
            if used + width > columns { break }
            result.append(character)
            used += width
        }
        return result
    }
}

extension Style {
    func with(_ attributes: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }
}

/// A one-line window of a paragraph around its first search match, cut into
/// plain and matched pieces.
enum SearchSnippet {
    static func pieces(_ text: String, matches: [Range<Int>], columns: Int) -> [(text: String, isMatch: Bool)] {
        let scalars = Array(text.unicodeScalars)
        guard let first = matches.first, first.lowerBound <= scalars.count else {
            return [(TextFit.truncate(text.replacingOccurrences(of: "\n", with: " "), to: columns), false)]
        }
        var start = max(0, first.lowerBound - columns / 4)
        if start > 0, let space = scalars[start..<first.lowerBound].firstIndex(of: " ") { start = space + 1 }
        func slice(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)]))
        }
        var pieces: [(String, Bool)] = start > 0 ? [("…", false)] : []
        var used = start > 0 ? 1 : 0
        var index = start
        for range in matches where range.lowerBound >= index && range.upperBound <= scalars.count {
            pieces.append((slice(index..<range.lowerBound), false))
            pieces.append((slice(range), true))
            index = range.upperBound
        }
        pieces.append((slice(index..<scalars.count), false))
        // Fit to the room, by display width.
        var result: [(text: String, isMatch: Bool)] = []
        for (piece, isMatch) in pieces {
            let clean = piece.replacingOccurrences(of: "\n", with: " ")
            let width = DisplayWidth.of(clean)
            if used + width <= columns {
                result.append((clean, isMatch))
                used += width
            } else {
                result.append((TextFit.truncate(clean, to: max(0, columns - used)), isMatch))
                break
            }
        }
        return result
    }
}

import Foundation
@testable import LedeModel

/// Bytes as a sentence → `DatePhraseFinder().phrases(in:published:future:)`
/// (published 19 March 2025, both tenses), and the model-name scanner, held
/// to the regular expressions it replaced.
enum DatesHarness {
    static let finder = DatePhraseFinder()
    static let published = CalendarDate(year: 2025, month: 3, day: 19)
    static let patterns = ModelNameScanner.patterns.map { try! NSRegularExpression(pattern: $0) }

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let sentence = bytes.text
        let scalars = Array(sentence.unicodeScalars)
        _ = finder.speaksOfFuture(sentence)
        for future in [false, true] {
            var taken: [Range<Int>] = []
            for phrase in finder.phrases(in: sentence, published: published, future: future) {
                require(phrase.start < phrase.end, "empty date phrase at \(phrase.start)")
                let slice = Invariants.slice(scalars, phrase.start, phrase.end)
                require(slice.map { Invariants.sameScalars($0, phrase.text) } == true,
                        "date phrase \(phrase.text.debugDescription) is not its slice \(phrase.start)..<\(phrase.end)")
                let range = phrase.start..<phrase.end
                require(!taken.contains { $0.overlaps(range) }, "date phrases overlap at \(range)")
                taken.append(range)
                let date = phrase.date
                require(CalendarDate(iso: date.description) == date, "impossible date \(date) from \(phrase.text.debugDescription)")
            }
        }

        // The scanner captures exactly what the two regular expressions capture.
        let candidates = ModelNameScanner.candidates(in: sentence)
        let nsSentence = sentence as NSString
        let expected = patterns.flatMap { regex in
            regex.matches(in: sentence, range: NSRange(location: 0, length: nsSentence.length)).map { nsSentence.substring(with: $0.range(at: 1)) }
        }
        require(candidates == expected, "scanner found \(candidates), the regular expressions \(expected) in \(sentence.debugDescription.prefix(300))")
        for name in ModelNameScanner().names(in: [sentence], known: []) {
            // Bytes, not Characters: a name may end before a combining mark (`Zed-9` + U+07F3).
            require(sentence.containsUTF8(name) && ModelNameScanner.looksLikeModelName(name), "scanner name \(name.debugDescription)")
        }
    }
}

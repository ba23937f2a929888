// SPDX-License-Identifier: Apache-2.0
import LedeText

/// The words news text reports a release with, and the words around them
/// that change what is reported (`Resources/release-words.tsv`, roles and
/// forms described there). Matched on a sentence's tokens, lower case,
/// whole words only.
public struct ReleaseWords: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case release, arrival, noun, planned, due, delayed, cancelled, negation, event, reporting, comparison, passive, pronoun
    }

    public enum Form: String, Sendable {
        case past, present, base, progressive, participle, none
    }

    public struct Entry: Sendable, Hashable {
        public var words: [String]
        public var role: Role
        public var form: Form
    }

    /// Every entry, in file order.
    public let entries: [Entry]
    /// Entries by their first word, longest first.
    let byFirstWord: [String: [Entry]]
    /// Problems found reading the file (`file:line: message`).
    public var problems: [String] = []
    /// The first words of every release, due, delay and cancellation entry: a sentence without one reports nothing.
    public let cueWords: WordSet

    public init(tsv: String, file: String = "release-words.tsv") {
        var entries: [Entry] = []
        var problems: [String] = []
        for line in ModelResources.dataLines(tsv) {
            let columns = line.text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 2, let role = Role(rawValue: columns[1]) else {
                problems.append("\(file):\(line.number): expected words, a role (\(Role.allCases.map(\.rawValue).joined(separator: ", "))) and a form")
                continue
            }
            let form = columns.count > 2 ? Form(rawValue: columns[2]) ?? .none : .none
            let words = columns[0].lowercased().split(separator: " ").map(String.init)
            guard !words.isEmpty else { continue }
            entries.append(Entry(words: words, role: role, form: form))
        }
        self.entries = entries
        var index: [String: [Entry]] = [:]
        for entry in entries { index[entry.words[0], default: []].append(entry) }
        for key in index.keys { index[key]!.sort { $0.words.count > $1.words.count } }
        byFirstWord = index
        self.problems = problems
        // Plan words (`will`) alone report nothing: a sentence needs a release, plan-on-its-own, delay or cancellation word.
        let cueRoles: Set<Role> = [.release, .arrival, .noun, .due, .delayed, .cancelled]
        cueWords = WordSet(entries.filter { cueRoles.contains($0.role) }.map { $0.words[0] })
    }

    public static let bundled = ReleaseWords(tsv: ModelResources.text("release-words.tsv") ?? "")

    /// Changes with the file's contents.
    public var fingerprint: String {
        entries.map { $0.words.joined(separator: " ") + "|" + $0.role.rawValue + "|" + $0.form.rawValue }.joined(separator: "\n")
    }

    /// One match in a sentence: token range and entry.
    public struct Match: Sendable, Hashable {
        public var tokens: Range<Int>
        public var entry: Entry
        public var role: Role { entry.role }
    }

    /// Every entry found in the tokens, each token in at most one match
    /// (longest first), in order. A word with several roles (`release` the
    /// verb and the noun) gives one match per role.
    func matches(in tokens: [ClauseToken]) -> [Match] {
        var result: [Match] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].isWord, let candidates = byFirstWord[tokens[index].lower] else { index += 1; continue }
            var longest = 0
            for entry in candidates {
                guard let length = Self.matchLength(entry.words, in: tokens, at: index), length >= longest else { continue }
                // A gapped phrase (`made Zed-9 available`) is one word: its first; the words in the gap stay free.
                let covered = entry.words.contains("*") ? 1 : length
                longest = max(longest, covered)
                result.append(Match(tokens: index..<(index + covered), entry: entry))
            }
            index += max(longest, 1)
        }
        return Self.resolvingNouns(result, in: tokens)
    }

    /// Words before a base or present form that make it a verb (`to release`, `Acme launches`); after
    /// anything else (`the release`, `a flurry of launches`) a word that is also a noun is the noun.
    static let verbContext: Set<String> = ["it", "they", "company", "firm", "start-up", "startup", "lab", "group", "also", "now", "to",
                                           "will", "would", "'ll", "n't", "not", "did", "does", "do", "could", "might", "can", "shall",
                                           "should", "must", "then", "and", "soon", "who", "which", "that"]

    /// Capitalised words that still make what follows a noun (`The launch`).
    static let nounContext: Set<String> = ["the", "a", "an", "its", "this", "that", "their", "his", "her", "our", "each", "every", "any"]

    /// Drops the verb reading of a word that is also a noun where what comes before makes it the noun.
    static func resolvingNouns(_ matches: [Match], in tokens: [ClauseToken]) -> [Match] {
        let nounStarts = Set(matches.filter { $0.role == .noun }.map(\.tokens.lowerBound))
        return matches.filter { match in
            guard match.role == .release || match.role == .arrival, match.entry.form == .base || match.entry.form == .present,
                  nounStarts.contains(match.tokens.lowerBound) else { return true }
            let start = match.tokens.lowerBound
            guard start > 0 else { return true }
            let previous = tokens[start - 1]
            return (previous.isCapitalised && !nounContext.contains(previous.lower)) || previous.lower.hasSuffix("ly")
                || verbContext.contains(previous.lower)
        }
    }

    static func matches(_ words: [String], in tokens: [ClauseToken], at start: Int) -> Bool {
        matchLength(words, in: tokens, at: start) != nil
    }

    /// How many tokens the words cover from `start` (a `*` takes one to four words), or nil.
    static func matchLength(_ words: [String], in tokens: [ClauseToken], at start: Int) -> Int? {
        var cursor = start
        var wordIndex = 0
        while wordIndex < words.count {
            let word = words[wordIndex]
            if word == "*" {
                // The next word within one to four tokens, none of them punctuation.
                guard wordIndex + 1 < words.count else { return nil }
                let next = words[wordIndex + 1]
                var gap = 1
                while gap <= 4, cursor + gap < tokens.count, tokens[cursor + gap - 1].isWord, tokens[cursor + gap].lower != next { gap += 1 }
                guard gap <= 4, cursor + gap < tokens.count, tokens[cursor + gap].lower == next, tokens[cursor + gap - 1].isWord else { return nil }
                cursor += gap
                wordIndex += 1
                continue
            }
            guard cursor < tokens.count else { return nil }
            let token = tokens[cursor]
            guard token.isWord, token.lower == word else { return nil }
            // Words of a phrase are next to each other, with nothing but a space between.
            if wordIndex > 0, words[wordIndex - 1] != "*", tokens[cursor - 1].end + 1 < token.start { return nil }
            cursor += 1
            wordIndex += 1
        }
        return cursor - start
    }
}

/// One token of a sentence: a word (letters and digits, with inner hyphens,
/// full stops and apostrophes: `open-sourced`, `2.5`, `n't` apart) or one
/// punctuation mark. Offsets are Unicode scalars of the paragraph.
struct ClauseToken: Sendable, Hashable {
    var start: Int
    var end: Int
    /// Lower case (ASCII folded; other letters as written).
    var lower: String
    var isWord: Bool
    /// Starts with a capital letter.
    var isCapitalised: Bool
    /// Followed by `’s` or `'s` (not part of `lower`).
    var isPossessive: Bool

    /// Splits `scalars[range]` into tokens.
    static func tokens(of scalars: [Unicode.Scalar], in range: Range<Int>) -> [ClauseToken] {
        var result: [ClauseToken] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\u{00A0}" || scalar == "\t" || scalar == "\n" { index += 1; continue }
            guard Words.isWordScalar(scalar) else {
                // `n't` / `n’t`: its own word, so `hasn't` reads as `has` `n't`.
                result.append(ClauseToken(start: index, end: index + 1, lower: String(scalar), isWord: false, isCapitalised: false,
                                          isPossessive: false))
                index += 1
                continue
            }
            let start = index
            var end = index + 1
            while end < range.upperBound {
                if Words.isWordScalar(scalars[end]) { end += 1; continue }
                // Inner joiners: a hyphen, a full stop between digits or letters, an apostrophe before letters (not `'s`).
                let joiner = scalars[end]
                guard end + 1 < range.upperBound, Words.isWordScalar(scalars[end + 1]) else { break }
                if joiner == "-" || joiner == "\u{2011}" || (joiner == "." && end + 2 <= range.upperBound && !isSentencePeriod(scalars, end, range)) {
                    end += 1
                    continue
                }
                break
            }
            var wordEnd = end
            var possessive = false
            var contraction: ClauseToken?
            if end + 1 < range.upperBound, scalars[end] == "'" || scalars[end] == "’" {
                let next = scalars[end + 1]
                let after = end + 2 < range.upperBound ? scalars[end + 2] : " "
                if (next == "s" || next == "S"), !Words.isWordScalar(after) {
                    possessive = true
                } else if next == "t", wordEnd - start >= 2, scalars[wordEnd - 1] == "n", !Words.isWordScalar(after) {
                    // `hasn't` → `has` + `n't`.
                    wordEnd -= 1
                    contraction = ClauseToken(start: wordEnd, end: end + 2, lower: "n't", isWord: true, isCapitalised: false, isPossessive: false)
                } else if next == "l", end + 2 < range.upperBound, scalars[end + 2] == "l" {
                    contraction = ClauseToken(start: end, end: end + 3, lower: "'ll", isWord: true, isCapitalised: false, isPossessive: false)
                }
            }
            result.append(ClauseToken(start: start, end: wordEnd, lower: lowercasedText(scalars[start..<wordEnd]), isWord: true,
                                      isCapitalised: isUppercase(scalars[start]), isPossessive: possessive))
            if let contraction {
                result.append(contraction)
                index = contraction.end
            } else {
                index = possessive ? end + 2 : end
            }
        }
        return result
    }

    /// A full stop that ends the sentence range rather than joining (`9.` at the end).
    static func isSentencePeriod(_ scalars: [Unicode.Scalar], _ at: Int, _ range: Range<Int>) -> Bool {
        at + 1 >= range.upperBound || scalars[at + 1] == " "
    }

    /// The scalars as a string, ASCII letters lower-cased, built from UTF-8 in one buffer.
    static func lowercasedText(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // Most words are short ASCII: built in a stack buffer, they become small strings with no allocation.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[count] = value >= 0x41 && value <= 0x5A ? UInt8(value) | 0x20 : UInt8(value)
                    count += 1
                } else {
                    for byte in UTF8.encode(scalar)! {
                        buffer[count] = byte
                        count += 1
                    }
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<count]), as: UTF8.self)
        }
    }

    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

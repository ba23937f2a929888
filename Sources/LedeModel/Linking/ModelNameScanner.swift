// ~300 lines, one file: the scanner reproduces two documented regular
// expressions by hand (the fuzz harness and a test compare them); its word
// boundary rules and the two shapes only make sense read together.

import Foundation

/// Finds AI model names the catalogue does not know, from how news text
/// introduces them: `its new model Zed-9`, `the Zed-9 model`. A name must
/// look like a model name (a capital, then a digit or a hyphenated part),
/// so `the model Anthropic` or `model in 2025` are not taken.
///
/// The two shapes are scanned by hand over UTF-8 (they were regular
/// expressions, which bridge to UTF-16 and cost a twentieth of import time);
/// `patterns` keeps them as regular expressions, and a test holds the
/// scanner to them:
///
/// 1. `\bmodels?,? (?:called |named |dubbed |known as )?([A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)+)`
/// 2. `\b([A-Z][A-Za-z]*-?[0-9][A-Za-z0-9.-]*) (?:AI |reasoning |language |open-source |open-weight )?(?:model|chatbot|LLM)s?\b`
public struct ModelNameScanner: Sendable {
    public init() {}

    public static let patterns = [
        "\\bmodels?,? (?:called |named |dubbed |known as )?([A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)+)",
        "\\b([A-Z][A-Za-z]*-?[0-9][A-Za-z0-9.-]*) (?:AI |reasoning |language |open-source |open-weight )?(?:model|chatbot|LLM)s?\\b",
    ]

    /// Candidate names in the paragraphs, minus those already known (case-insensitive).
    public func names(in paragraphs: [String], known: Set<String>) -> [String] {
        var found: [String] = []
        var seen = Set(known.map { $0.lowercased() })
        for paragraph in paragraphs where paragraph.containsUTF8("model") || paragraph.containsUTF8("Model")
            || paragraph.containsUTF8("LLM") || paragraph.containsUTF8("chatbot") {
            for var name in Self.candidates(in: paragraph) {
                while let last = name.last, ".-".contains(last) { name.removeLast() }
                guard Self.looksLikeModelName(name), !seen.contains(name.lowercased()) else { continue }
                seen.insert(name.lowercased())
                found.append(name)
            }
        }
        return found
    }

    /// Tiered names nothing knows (`Nimbus 3 Flash`, `Ernie X1 Turbo`, `Llama 4
    /// Behemoth`): a tier word after a version, with the family word before a
    /// bare version. Only in paragraphs that speak of models.
    public func tieredNames(in paragraphs: [String], tiers: [String], known: Set<String>) -> [String] {
        let tierSet = Set(tiers)
        let firstBytes = Set(tiers.compactMap(\.utf8.first))
        let longest = (tiers.map(\.utf8.count).max() ?? 0) + 5
        var found: [String] = []
        var seen = known
        for paragraph in paragraphs where Self.speaksOfModels(paragraph) {
            // Words by byte offsets, without copies; only a word that may be a tier is looked at closely.
            let bytes = Array(paragraph.utf8)
            var words: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
                let word = start..<index
                start = index + 1
                words.append(word)
                guard words.count >= 2, !word.isEmpty, firstBytes.contains(bytes[word.lowerBound]), word.count <= longest else { continue }
                func text(_ range: Range<Int>) -> Substring { Substring(String(decoding: bytes[range], as: UTF8.self)) }
                let (tier, _) = Self.strip(text(word))
                guard tierSet.contains(tier) else { continue }
                let version = text(words[words.count - 2])
                guard Self.strip(version).word == version, version.contains(where: \.isNumber) else { continue }
                var parts = [String(version), tier]
                let needsFamily = version.first!.isNumber || version.count <= 3
                if words.count >= 3, Self.isFamilyWord(text(words[words.count - 3])) {
                    if needsFamily { parts.insert(String(text(words[words.count - 3])), at: 0) }
                } else if needsFamily {
                    continue
                }
                let name = parts.joined(separator: " ")
                guard Self.looksLikeModelName(name), seen.insert(name.lowercased()).inserted else { continue }
                found.append(name)
            }
        }
        return found
    }

    /// Other members of a family the article introduced and nothing knows
    /// (`Qiu-1` found, so `Qiu-7B`, `Qiu 2` and `Qiu 2 Pro` are models too).
    public func familyMembers(in paragraphs: [String], of names: [String], knownFamilies: Set<String>, known: Set<String>) -> [String] {
        var families = Set<String>()
        for name in names {
            let family = Self.familyWord(of: name)
            if family.count >= 3, family.first!.isUppercase, !knownFamilies.contains(family.lowercased()) { families.insert(family) }
        }
        guard !families.isEmpty else { return [] }
        var found: [String] = []
        var seen = known
        for paragraph in paragraphs {
            let tokens = paragraph.split(separator: " ", omittingEmptySubsequences: false)
            for index in tokens.indices {
                let (word, clean) = Self.strip(tokens[index])
                var name: String?
                if families.contains(word), clean, index + 1 < tokens.count {
                    let (version, _) = Self.strip(tokens[index + 1])
                    if version.first?.isNumber == true { name = word + " " + version }
                } else if let dash = word.firstIndex(of: "-"), families.contains(String(word[..<dash])),
                          word[word.index(after: dash)...].first?.isNumber == true {
                    name = word
                }
                guard let name, Self.looksLikeModelName(name), seen.insert(name.lowercased()).inserted else { continue }
                found.append(name)
            }
        }
        return found
    }

    /// The leading letters of a name (`Qiu` of `Qiu-7B`, `GPT` of `GPT-4o`).
    public static func familyWord(of name: String) -> String {
        String(name.prefix { $0.isLetter })
    }

    static func speaksOfModels(_ paragraph: String) -> Bool {
        paragraph.containsUTF8("model") || paragraph.containsUTF8("Model") || paragraph.containsUTF8("LLM") || paragraph.containsUTF8("chatbot")
    }

    /// A capitalised word of letters (`Ernie`, `Nimbus`).
    static func isFamilyWord(_ token: Substring) -> Bool {
        guard let first = token.first, first.isUppercase, token.count >= 2 else { return false }
        return token.allSatisfy { $0.isLetter }
    }

    /// A token without trailing punctuation or possessive, and whether it had none.
    static func strip(_ token: Substring) -> (word: String, clean: Bool) {
        var word = token
        for suffix in ["’s", "'s"] where word.hasSuffix(suffix) { word = word.dropLast(2) }
        while let last = word.last, ",.;:)!?”\"’".contains(last) { word = word.dropLast() }
        return (String(word), word.count == token.count)
    }

    /// The names both shapes capture, the first shape's first, each in text order.
    static func candidates(in paragraph: String) -> [String] {
        var text = paragraph
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return scanner.afterModelWord() + scanner.beforeModelWord()
        }
    }

    static func looksLikeModelName(_ name: String) -> Bool {
        guard name.first?.isUppercase == true else { return false }
        // Two characters only as a capital and a digit (`its R2 model`).
        if name.count == 2 { return name.last!.isNumber }
        guard name.count >= 3 else { return false }
        if let year = Int(name.filter(\.isNumber)), name.allSatisfy({ $0.isNumber }), (1900...2100).contains(year) { return false }
        let hasDigit = name.contains { $0.isNumber }
        let hasInnerCapital = name.dropFirst().contains { $0.isUppercase }
        return hasDigit || (hasInnerCapital && name.contains("-"))
    }

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>

        static let introductions = ["called ", "named ", "dubbed ", "known as "].map { Array($0.utf8) }
        static let qualifiers = ["AI ", "reasoning ", "language ", "open-source ", "open-weight "].map { Array($0.utf8) }
        static let keywords = ["model", "chatbot", "LLM"].map { Array($0.utf8) }

        func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        func isUpper(_ index: Int) -> Bool { byte(index).map { $0 >= 0x41 && $0 <= 0x5A } ?? false }
        func isLetter(_ index: Int) -> Bool { byte(index).map { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } ?? false }
        func isDigit(_ index: Int) -> Bool { byte(index).map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        func isAlnum(_ index: Int) -> Bool { isLetter(index) || isDigit(index) }

        func hasPrefix(_ word: [UInt8], at index: Int) -> Bool {
            guard index + word.count <= bytes.count else { return false }
            for offset in 0..<word.count where bytes[index + offset] != word[offset] { return false }
            return true
        }

        /// `\b` before a word character at `index`, as ICU decides it: marks and
        /// format characters before it (Grapheme_Extend, Cf: U+0301, ZWNJ, ZWSP,
        /// soft hyphen) are skipped, and the scalar before them must not be a
        /// word character (none: the start of the text).
        func boundaryBefore(_ index: Int) -> Bool {
            var end = index
            while end > 0 {
                let previous = bytes[end - 1]
                if previous < 0x80 { return !Self.isASCIIWord(previous) }
                var start = end - 1
                while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                guard let scalar = decode(at: start) else { return true }
                if Self.isSkippedByBoundary(scalar) { end = start; continue }
                return !Self.isWordScalar(scalar)
            }
            return true
        }

        /// `\b` after a word character ending at `index`, as ICU decides it: never
        /// before a mark or format character, else before a non-word character.
        func boundaryAt(_ index: Int) -> Bool {
            guard index < bytes.count else { return true }
            let next = bytes[index]
            if next < 0x80 { return !Self.isASCIIWord(next) }
            guard let scalar = decode(at: index) else { return true }
            return !Self.isSkippedByBoundary(scalar) && !Self.isWordScalar(scalar)
        }

        /// What ICU's `\b` looks through (RegexMatcher::isWordBoundary).
        static func isSkippedByBoundary(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format
        }

        func decode(at index: Int) -> Unicode.Scalar? {
            var iterator = bytes[index...].makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
            return nil
        }

        static func isASCIIWord(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte == 0x5F
        }

        static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            let properties = scalar.properties
            if properties.isAlphabetic { return true }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
            default: return scalar.value == 0x200C || scalar.value == 0x200D
            }
        }

        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// Shape 1: `model Zed-9`, `models called Zed-9.1`.
        mutating func afterModelWord() -> [String] {
            var names: [String] = []
            let word = Array("model".utf8)
            var index = 0
            while index + word.count <= bytes.count {
                guard let found = String.firstOffset(of: word, in: bytes, from: index, to: bytes.count) else { break }
                index = found + 1
                guard boundaryBefore(found) else { continue }
                var cursor = found + word.count
                if byte(cursor) == UInt8(ascii: "s") { cursor += 1 }
                if byte(cursor) == UInt8(ascii: ",") { cursor += 1 }
                guard byte(cursor) == UInt8(ascii: " ") else { continue }
                cursor += 1
                var end: Int?
                if let introduction = Self.introductions.first(where: { hasPrefix($0, at: cursor) }) {
                    end = hyphenatedName(at: cursor + introduction.count)
                    if let end { names.append(string((cursor + introduction.count)..<end)) }
                } else {
                    end = hyphenatedName(at: cursor)
                    if let end { names.append(string(cursor..<end)) }
                }
                if let end { index = end }
            }
            return names
        }

        /// `[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)+` at `start`: its end, if it is there.
        func hyphenatedName(at start: Int) -> Int? {
            guard isUpper(start) else { return nil }
            var cursor = start + 1
            while isAlnum(cursor) { cursor += 1 }
            var groups = 0
            while let separator = byte(cursor), separator == UInt8(ascii: "-") || separator == UInt8(ascii: "."), isAlnum(cursor + 1) {
                cursor += 2
                while isAlnum(cursor) { cursor += 1 }
                groups += 1
            }
            return groups > 0 ? cursor : nil
        }

        /// Shape 2: `the Zed-9 model`, `its Zed-9 reasoning models`.
        mutating func beforeModelWord() -> [String] {
            var names: [String] = []
            var index = 0
            while index < bytes.count {
                guard isUpper(index), boundaryBefore(index) else { index += 1; continue }
                guard let (nameEnd, matchEnd) = numberedNameBeforeKeyword(at: index) else { index += 1; continue }
                names.append(string(index..<nameEnd))
                index = matchEnd
            }
            return names
        }

        /// `[A-Z][A-Za-z]*-?[0-9][A-Za-z0-9.-]* (qualifier )?(model|chatbot|LLM)s?\b` at `start`.
        func numberedNameBeforeKeyword(at start: Int) -> (nameEnd: Int, matchEnd: Int)? {
            var cursor = start + 1
            while isLetter(cursor) { cursor += 1 }
            if byte(cursor) == UInt8(ascii: "-") { cursor += 1 }
            guard isDigit(cursor) else { return nil }
            cursor += 1
            while isAlnum(cursor) || byte(cursor) == UInt8(ascii: ".") || byte(cursor) == UInt8(ascii: "-") { cursor += 1 }
            let nameEnd = cursor
            guard byte(cursor) == UInt8(ascii: " ") else { return nil }
            cursor += 1
            if let qualifier = Self.qualifiers.first(where: { hasPrefix($0, at: cursor) }), let end = keyword(at: cursor + qualifier.count) {
                return (nameEnd, end)
            }
            return keyword(at: cursor).map { (nameEnd, $0) }
        }

        /// `(model|chatbot|LLM)s?\b` at `start`: where it ends.
        func keyword(at start: Int) -> Int? {
            for word in Self.keywords where hasPrefix(word, at: start) {
                let end = start + word.count
                if byte(end) == UInt8(ascii: "s"), boundaryAt(end + 1) { return end + 1 }
                if boundaryAt(end) { return end }
            }
            return nil
        }
    }
}

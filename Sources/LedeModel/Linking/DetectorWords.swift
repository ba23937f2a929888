// SPDX-License-Identifier: Apache-2.0
/// The detector's view of a paragraph: words with what the rules ask of
/// them (capitalised, a sentence start, joined to the previous word by a
/// space, possessive), from one pass over the UTF-8 bytes.
extension EntityDetector {
    /// One word of a paragraph, as UTF-8 offsets.
    struct Word {
        var start: Int
        var end: Int
        /// As written for capitalised words; lower case for the others.
        var text: String
        /// Lower case.
        var lower: String
        /// FNV-1a of the lower-case UTF-8 bytes: the article's set of common words holds these, not strings.
        var lowerHash: UInt64
        /// Starts with a capital and has a lower-case letter after it, camel
        /// case only after a name prefix (`LeCun`, `McCarthy`): a word a name is made of.
        var isNameWord: Bool
        /// Starts with a capital letter (names of organisations may be camel case or capitals: `DeepSeek`, `SAP`).
        var isCapitalised: Bool
        /// First word of the paragraph or after `.`, `!`, `?`, `:` or an opening quote.
        var startsSentence: Bool
        /// Only a space between the previous word and this one (and that word no adjective such as `Georgia-based`).
        var joinedToPrevious: Bool
        /// A comma (and a space) between the previous word and this one.
        var commaBefore: Bool
        /// Followed by `’s` or `'s`.
        var isPossessive: Bool
        /// Was `Georgia-based`, `Zuckerberg-led`: an adjective, not part of the name after it.
        var isAttributive = false
    }

    /// Splits a paragraph into words: letters and digits, joined by an
    /// inner hyphen or apostrophe (`Al-Dahle`, `O'Brien`); a trailing `’s` is a possessive.
    static func words(of paragraph: String) -> [Word] {
        var paragraph = paragraph
        return paragraph.withUTF8 { words(ofUTF8: $0) }
    }

    /// The tokenizer on UTF-8 bytes: ASCII decides by byte, and only the
    /// bytes of other scalars are decoded (a Unicode property lookup per
    /// letter made this pass as slow as all of linking). Offsets are bytes.
    static func words(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
        let count = bytes.count
        /// The scalar at `index` (a lead byte) and its length in bytes.
        func scalar(at index: Int) -> (Unicode.Scalar, Int) {
            let lead = bytes[index]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            guard index + length <= count else { return ("\u{FFFD}", 1) }
            var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            for offset in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }
        /// A letter or digit at `index`: its length in bytes, or 0.
        func letterLength(at index: Int) -> Int {
            let byte = bytes[index]
            if byte < 0x80 { return (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) ? 1 : 0 }
            if byte < 0xC0 { return 0 }
            let (value, length) = scalar(at: index)
            return value.properties.isAlphabetic ? length : 0
        }
        /// `’` (E2 80 99) at `index`.
        func isRightQuote(_ index: Int) -> Bool {
            index + 2 < count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
        }
        var words: [Word] = []
        var index = 0
        var gapStart = 0
        while index < count {
            let first = letterLength(at: index)
            guard first > 0 else { index += 1; continue }
            let start = index
            index += first
            var possessive = false
            while index < count {
                let length = letterLength(at: index)
                if length > 0 { index += length; continue }
                let joiner = bytes[index] == 0x2D || bytes[index] == 0x27 ? 1 : isRightQuote(index) ? 3 : 0
                guard joiner > 0, index + joiner < count, letterLength(at: index + joiner) > 0 else { break }
                if bytes[index] != 0x2D, bytes[index + joiner] == 0x73,
                   index + joiner + 1 == count || letterLength(at: index + joiner + 1) == 0 {
                    possessive = true
                    break
                }
                index += joiner
            }
            var end = index
            if possessive { index += bytes[index] == 0x27 ? 2 : 4 }
            // `Zuckerberg-led`, `Beijing-based`: the name ends at the hyphen.
            var isAttributive = false
            if let hyphen = bytes[start..<end].lastIndex(of: 0x2D), hyphen > start,
               Self.attributiveEndings.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[(hyphen + 1)..<end]), as: UTF8.self).lowercased()) {
                end = hyphen
                isAttributive = true
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            var startsSentence = words.isEmpty
            var position = gapStart
            while !startsSentence && position < start {
                let byte = bytes[position]
                // . ! ? : ; " ( and “ (E2 80 9C) or — (E2 80 94).
                if byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3A || byte == 0x3B || byte == 0x22 || byte == 0x28 {
                    startsSentence = true
                } else if byte == 0xE2, position + 2 < start, bytes[position + 1] == 0x80, bytes[position + 2] == 0x9C || bytes[position + 2] == 0x94 {
                    startsSentence = true
                }
                position += 1
            }
            let lead = bytes[start]
            let isCapitalised = lead < 0x80 ? (lead >= 0x41 && lead <= 0x5A) : scalar(at: start).0.properties.isUppercase
            let gap = start - gapStart
            // Most words are lower case already: no lowercasing (an allocation) for them.
            let lower = bytes[start..<end].contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }) ? text.lowercased() : text
            var lowerHash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in lower.utf8 { lowerHash = (lowerHash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            words.append(Word(start: start, end: end, text: isCapitalised ? text : lower, lower: lower, lowerHash: lowerHash,
                              isNameWord: isCapitalised && Self.isNameShape(text.unicodeScalars),
                              isCapitalised: isCapitalised, startsSentence: startsSentence,
                              joinedToPrevious: !words.isEmpty && !words[words.count - 1].isAttributive && gap == 1 && bytes[gapStart] == 0x20,
                              commaBefore: gap == 2 && bytes[gapStart] == 0x2C && bytes[gapStart + 1] == 0x20,
                              isPossessive: possessive, isAttributive: isAttributive))
            gapStart = index
        }
        return words
    }

    /// Words after a hyphen that make a name an adjective (`Zuckerberg-led`, `Hangzhou-based`).
    static let attributiveEndings: Set<String> = ["led", "backed", "owned", "based", "era", "style", "like", "funded", "founded", "made",
                                                  "run", "linked", "controlled", "focused", "native", "sized", "born", "listed", "headquartered"]

    /// Capital, then a lower-case letter; later capitals only after a hyphen
    /// or apostrophe or a name prefix (`Mc`, `Mac`, `Le`, `De`, `Di`, `La`, `O'`).
    static func isNameShape(_ scalars: String.UnicodeScalarView) -> Bool {
        let letters = Array(scalars)
        guard letters.count >= 2 else { return false }
        guard letters[1].properties.isLowercase else { return false }
        for offset in 2..<letters.count where letters[offset].properties.isUppercase {
            let previous = letters[offset - 1]
            if previous == "-" || previous == "'" || previous == "\u{2019}" { continue }
            let prefix = String(String.UnicodeScalarView(letters[0..<offset]))
            if ["Mc", "Mac", "Le", "De", "Di", "La", "Du"].contains(prefix) { continue }
            return false
        }
        return true
    }
}

/// A set of word hashes with open addressing: inserting every word of an
/// article into a `Set<String>` was a third of the detector's time.
struct WordHashes {
    private var slots = [UInt64](repeating: 0, count: 1024)
    private var count = 0

    mutating func insert(_ hash: UInt64) {
        let value = hash == 0 ? 1 : hash
        if (count + 1) * 2 > slots.count { grow() }
        var index = Int(truncatingIfNeeded: value) & (slots.count - 1)
        while slots[index] != 0 {
            if slots[index] == value { return }
            index = (index + 1) & (slots.count - 1)
        }
        slots[index] = value
        count += 1
    }

    func contains(_ hash: UInt64) -> Bool {
        let value = hash == 0 ? 1 : hash
        var index = Int(truncatingIfNeeded: value) & (slots.count - 1)
        while slots[index] != 0 {
            if slots[index] == value { return true }
            index = (index + 1) & (slots.count - 1)
        }
        return false
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        count = 0
        for value in old where value != 0 { insert(value) }
    }
}

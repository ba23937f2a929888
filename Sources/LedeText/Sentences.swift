// SPDX-License-Identifier: Apache-2.0
/// Where sentences end: the one rule every part of lede uses (release
/// statements, co-occurrence units, the linker's same-sentence test, page
/// furniture, the reader's sentence highlight).
///
/// A sentence ends at `.`, `?`, `!` or `…` (with any closing quotes or
/// brackets after it) followed by white space and a capital, a digit, an
/// opening quote or bracket, or a letter of a script without case; or at
/// the end of the text. CJK full stops (`。！？`) end a sentence on their
/// own. A full stop after an abbreviation (`Inc.`, `Corp.`, `Mr.`, `Jan.`),
/// an initial (`J.`) or a dotted acronym (`U.S.`) ends none; one inside a
/// word (`9988.HK`, `01.AI`, `2.5`) never did.
///
/// The scan runs over UTF-8 bytes and looks back only over the word before a
/// full stop, so it is linear in the text whatever the text holds.
public enum Sentences {
    /// Sentence ranges in Unicode-scalar offsets (lede's offset contract).
    public static func ranges(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            scalarRanges(fromBytes: byteRanges(in: bytes), in: bytes)
        }
    }

    /// Sentence ranges of a paragraph already split into scalars.
    public static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        ranges(in: String(String.UnicodeScalarView(scalars)))
    }

    /// A sentence cut into pieces of at most `maximum` scalars, each ending at a space (where there is one),
    /// so that work done per piece stays bounded however long a sentence runs (a machine-made list of
    /// thousands of names is one "sentence").
    public static func windows(of range: Range<Int>, in scalars: [Unicode.Scalar], maximum: Int) -> [Range<Int>] {
        guard range.count > maximum else { return [range] }
        var result: [Range<Int>] = []
        var start = range.lowerBound
        while range.upperBound - start > maximum {
            var end = start + maximum
            var cut = end
            while cut > start + maximum / 2, scalars[cut - 1] != " " { cut -= 1 }
            if cut > start + maximum / 2 { end = cut }
            result.append(start..<end)
            start = end
        }
        result.append(start..<range.upperBound)
        return result
    }

    /// The sentence holding a scalar offset (the text's last sentence for an offset past its end).
    public static func range(containing offset: Int, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        let all = ranges(in: scalars)
        return all.first { $0.contains(offset) } ?? (offset >= scalars.count ? all.last : nil)
    }

    /// The index of the sentence that holds a scalar offset: the last one starting at or before it.
    public static func index(of offset: Int, in sentences: [Range<Int>]) -> Int {
        var low = 0, high = sentences.count - 1
        guard high > 0 else { return 0 }
        while low < high {
            let middle = (low + high + 1) / 2
            if sentences[middle].lowerBound <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Sentence ranges as byte offsets into UTF-8 text. The first sentence
    /// starts at 0; each later one at its first non-space byte.
    public static func byteRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            guard let end = sentenceEnd(at: index, in: bytes, sentenceStart: start) else {
                index += 1
                continue
            }
            result.append(start..<end)
            start = end
            while start < bytes.count, let width = UTF8Text.whitespaceWidth(bytes, at: start) { start += width }
            index = max(start, index + 1)
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    /// Whether a sentence ends anywhere in `bytes[from..<to]` (the text after
    /// `to` is read to decide, as a sentence end needs what follows it).
    public static func endsBetween(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var index = from
        while index < to {
            if let end = sentenceEnd(at: index, in: bytes, sentenceStart: from), end <= to { return true }
            index += 1
        }
        return false
    }

    /// Where the first sentence of the text ends (its end when it has one sentence).
    public static func firstEnd(in text: Substring) -> String.Index {
        var copy = String(text)
        let byteEnd = copy.withUTF8 { bytes -> Int in
            var index = 0
            while index < bytes.count {
                if let end = sentenceEnd(at: index, in: bytes, sentenceStart: 0) { return end }
                index += 1
            }
            return bytes.count
        }
        return text.utf8.index(text.startIndex, offsetBy: byteEnd)
    }

    /// If a sentence ends at the byte `index` (a terminator's first byte), the
    /// byte offset just after it and its closing quotes; nil otherwise.
    static func sentenceEnd(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, sentenceStart: Int) -> Int? {
        let byte = bytes[index]
        let width: Int
        var alwaysEnds = false
        switch byte {
        case 0x2E, 0x3F, 0x21: width = 1                                     // . ? !
        case 0xE2 where UTF8Text.matches(bytes, at: index, [0xE2, 0x80, 0xA6]): width = 3   // …
        case 0xE3 where UTF8Text.matches(bytes, at: index, [0xE3, 0x80, 0x82]): width = 3; alwaysEnds = true  // 。
        case 0xEF where UTF8Text.matches(bytes, at: index, [0xEF, 0xBC, 0x81]) || UTF8Text.matches(bytes, at: index, [0xEF, 0xBC, 0x9F]):
            width = 3; alwaysEnds = true                                      // ！ ？
        default: return nil
        }
        var cursor = index + width
        while cursor < bytes.count, let closer = UTF8Text.closingPunctuationWidth(bytes, at: cursor) { cursor += closer }
        if alwaysEnds || cursor == bytes.count { return cursor }
        // White space, then what opens a sentence.
        var next = cursor
        while next < bytes.count, let space = UTF8Text.whitespaceWidth(bytes, at: next) { next += space }
        guard next > cursor else { return nil }
        if next == bytes.count { return cursor }
        guard UTF8Text.opensSentence(bytes, at: next) else { return nil }
        if byte == 0x2E, followsAbbreviation(bytes, stop: index, from: sentenceStart) { return nil }
        return cursor
    }

    /// Abbreviations whose full stop ends no sentence (case matters).
    public static let abbreviations: Set<String> = [
        "Inc", "Corp", "Co", "Ltd", "Bros", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col",
        "Capt", "Sgt", "Rev", "Hon", "No", "Nos", "vs", "approx", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
        "Nov", "Dec", "Fig", "Vol", "p", "pp", "e.g", "i.e", "cf", "al", "etc",
    ]

    /// Whether the word before the full stop at `stop` is an abbreviation, an
    /// initial or a dotted acronym. Looks back only to the previous space or
    /// opening bracket (or the sentence start).
    static func followsAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, stop: Int, from lowerBound: Int) -> Bool {
        var begin = stop
        while begin > lowerBound, bytes[begin - 1] != 0x20, bytes[begin - 1] != 0x28, bytes[begin - 1] != 0x0A { begin -= 1 }
        guard begin < stop, stop - begin <= 12 else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<stop]), as: UTF8.self)
        return abbreviations.contains(word) || isInitialOrAcronym(word)
    }

    /// `J`, `U.S`, `U.K`: one capital, or single letters joined by full stops.
    public static func isInitialOrAcronym(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        if scalars.count == 1 { return scalars[0].properties.isUppercase }
        guard scalars.count >= 3, scalars.count % 2 == 1 else { return false }
        for (offset, scalar) in scalars.enumerated() {
            if offset % 2 == 1 { if scalar != "." { return false } } else if !scalar.properties.isAlphabetic { return false }
        }
        return true
    }
}

extension Sentences {
    /// Byte ranges to scalar ranges, in one pass (the ranges are in order).
    static func scalarRanges(fromBytes ranges: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(ranges.count)
        var byte = 0, scalar = 0
        func advance(to target: Int) -> Int {
            while byte < target {
                if bytes[byte] & 0xC0 != 0x80 { scalar += 1 }
                byte += 1
            }
            return scalar
        }
        for range in ranges {
            let lower = advance(to: range.lowerBound)
            result.append(lower..<advance(to: range.upperBound))
        }
        return result
    }
}

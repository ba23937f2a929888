// SPDX-License-Identifier: Apache-2.0
/// Small questions about UTF-8 text asked byte by byte, with an ASCII fast
/// path: the sentence and word rules are built from these.
public enum UTF8Text {
    /// Whether `bytes` holds `sequence` at `index`.
    @inline(__always)
    public static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ sequence: [UInt8]) -> Bool {
        guard index + sequence.count <= bytes.count else { return false }
        for offset in 0..<sequence.count where bytes[index + offset] != sequence[offset] { return false }
        return true
    }

    /// The scalar starting at `index` (nil for a continuation byte or a broken sequence).
    public static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// Where the scalar that ends just before `index` starts.
    public static func scalarStart(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// `xAI`, `iPhone`, `o3-mini`: a word that starts lower case and holds a capital or a digit (within 24 bytes).
    static func isLowerCaseName(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var cursor = index + 1
        while cursor < bytes.count, cursor - index < 24 {
            let byte = bytes[cursor]
            if (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) { return true }
            guard (0x61...0x7A).contains(byte) || byte == 0x2D else { return false }
            cursor += 1
        }
        return false
    }

    /// The byte width of white space at `index` (space, tab, line breaks, no-break space), or nil.
    @inline(__always)
    public static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: return 1
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xA0: return 2
        default: return nil
        }
    }

    /// The byte width of a closing quote or bracket at `index` (`"` `'` `)` `]` `”` `’` `»`), or nil.
    @inline(__always)
    public static func closingPunctuationWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case 0x22, 0x27, 0x29, 0x5D: return 1
        case 0xE2 where matches(bytes, at: index, [0xE2, 0x80, 0x9D]) || matches(bytes, at: index, [0xE2, 0x80, 0x99]): return 3
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xBB: return 2
        default: return nil
        }
    }

    /// Whether what starts at `index` may open a sentence: a capital, a digit,
    /// an opening quote or bracket (`"` `(` `[` `“` `‘` `«`), a letter of a
    /// script without case (CJK, Arabic, Hebrew…), or a name written with a
    /// lower-case first letter (`xAI`, `iPhone`, `o3-mini`: a capital or a
    /// digit later in the word).
    public static func opensSentence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 {
            if (0x61...0x7A).contains(byte) { return isLowerCaseName(bytes, at: index) }
            return (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x22 || byte == 0x28 || byte == 0x5B
        }
        if matches(bytes, at: index, [0xE2, 0x80, 0x9C]) || matches(bytes, at: index, [0xE2, 0x80, 0x98])
            || matches(bytes, at: index, [0xC2, 0xAB]) { return true }
        guard let scalar = scalar(at: index, in: bytes) else { return false }
        let properties = scalar.properties
        return properties.isUppercase || properties.generalCategory == .titlecaseLetter
            || (properties.isAlphabetic && !properties.changesWhenCaseMapped)
    }
}

// SPDX-License-Identifier: Apache-2.0
/// A set of lower-case ASCII words asked about running text without
/// splitting it into strings: each word of the text is hashed as it is read
/// (ASCII letters folded, `-` and `'` inside words kept), so a cheap test can
/// say whether a sentence holds any word of a vocabulary before the sentence
/// is read closely.
public struct WordSet: Sendable {
    let hashes: Set<UInt64>

    public init<S: Sequence>(_ words: S) where S.Element == String {
        hashes = Set(words.map { Self.hash($0.lowercased().utf8) })
    }

    static func hash<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return value
    }

    /// Whether any word of UTF-8 text is in the set.
    public func intersects(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        var length = 0
        var ascii = true
        for byte in bytes {
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if isLetter || (length > 0 && (byte == 0x2D || byte == 0x27)) {
                value = (value ^ UInt64(isLetter ? byte | 0x20 : byte)) &* 0x100_0000_01B3
                length += 1
            } else if byte >= 0x80 {
                // Any other letter keeps the word going but makes it no ASCII word of the set.
                ascii = false
                length += 1
            } else {
                if length > 0, ascii, hashes.contains(value) { return true }
                value = 0xCBF2_9CE4_8422_2325
                length = 0
                ascii = true
            }
        }
        return length > 0 && ascii && hashes.contains(value)
    }

    /// Whether any word of the scalars is in the set.
    public func intersects(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        var length = 0
        var ascii = true
        func wordEnds() -> Bool {
            defer { value = 0xCBF2_9CE4_8422_2325; length = 0; ascii = true }
            return length > 0 && ascii && hashes.contains(value)
        }
        for scalar in scalars {
            let byte = scalar.value
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if isLetter || (length > 0 && (byte == 0x2D || byte == 0x27)) {
                let folded = isLetter ? UInt8(byte) | 0x20 : UInt8(byte)
                value = (value ^ UInt64(folded)) &* 0x100_0000_01B3
                length += 1
            } else if byte >= 0x80 && scalar.properties.isAlphabetic {
                ascii = false
                length += 1
            } else if wordEnds() {
                return true
            }
        }
        return wordEnds()
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What a word is made of, for every part of lede: name matching, search,
/// model names.
///
/// A word is a run of letters, marks and digits (Unicode general categories
/// L, M and N). Two uses add one documented twist each:
/// - **names** (`joinsName`): CJK ideographs never glue a name into a bigger
///   word, since CJK text has no spaces (`在OpenAI发布` names OpenAI);
/// - **search** (`isSearchScalar`): private-use characters count too, as in
///   SQLite's `unicode61` tokenizer, so the index and the in-memory store agree.
public enum Words {
    /// A letter, mark or digit.
    @inline(__always)
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// A scalar that continues a name: a word scalar that is not a CJK ideograph.
    @inline(__always)
    public static func joinsName(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return isWordScalar(scalar) }
        return isWordScalar(scalar) && !scalar.properties.isIdeographic
    }

    /// A scalar of a search word: a word scalar or a private-use character.
    @inline(__always)
    public static func isSearchScalar(_ scalar: Unicode.Scalar) -> Bool {
        isWordScalar(scalar) || (scalar.value >= 0x80 && scalar.properties.generalCategory == .privateUse)
    }

    /// ASCII letters and digits, for byte scans.
    @inline(__always)
    public static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Whether the scalar that starts at byte `position` continues a name.
    public static func joinsName(startingAt position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = text[position]
        if byte < 0x80 { return isASCIIWordByte(byte) }
        return UTF8Text.scalar(at: position, in: text).map(joinsName) ?? false
    }

    /// Whether the scalar that ends just before byte `position` continues a name.
    public static func joinsName(endingAt position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = text[position - 1]
        if byte < 0x80 { return isASCIIWordByte(byte) }
        return UTF8Text.scalar(at: UTF8Text.scalarStart(before: position, in: text), in: text).map(joinsName) ?? false
    }

    /// One word of a text: its folded form and its scalar range.
    public struct Token: Sendable, Hashable {
        public var word: String
        public var range: Range<Int>
    }

    /// The search words of some scalars, folded (`fold`), with offsets relative to the slice's start.
    public static func searchTokens(in scalars: ArraySlice<Unicode.Scalar>) -> [Token] {
        var tokens: [Token] = []
        var index = scalars.startIndex
        let base = scalars.startIndex
        while index < scalars.endIndex {
            guard isSearchScalar(scalars[index]) else { index += 1; continue }
            var end = index
            while end < scalars.endIndex, isSearchScalar(scalars[end]) { end += 1 }
            tokens.append(Token(word: fold(scalars[index..<end]), range: (index - base)..<(end - base)))
            index = end
        }
        return tokens
    }

    /// Lower case without accents, as search compares words: `Éclair` → `eclair`.
    public static func fold<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var result = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.value < 0x80 {
                result.append(scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 32)! : scalar)
                continue
            }
            let category = scalar.properties.generalCategory
            if category == .nonspacingMark || category == .spacingMark || category == .enclosingMark { continue }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                result.append(baseLetter(lower))
            }
        }
        return String(result)
    }

    /// The unaccented letter of a precomposed Latin letter (`é` → `e`).
    static func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard (0xC0...0x24F).contains(scalar.value) else { return scalar }
        return latinBaseLetters[Int(scalar.value - 0xC0)]
    }

    /// Base letters of U+00C0…U+024F: the first scalar of each one's canonical decomposition.
    static let latinBaseLetters: [Unicode.Scalar] = (0xC0...0x24F).map { value in
        let scalar = Unicode.Scalar(UInt32(value))!
        return String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
    }
}

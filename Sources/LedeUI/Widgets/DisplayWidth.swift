// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Terminal column widths of characters, without asking the C library, so
/// that widgets and their tests agree with the terminal on every platform.
///
/// Wide: East Asian Wide and Fullwidth ranges and emoji presentation.
/// Zero: combining marks, joiners and variation selectors (they ride on the
/// previous character inside one grapheme).
public enum DisplayWidth {
    /// Columns a grapheme occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // Emoji presentation (VS16) makes even a keycap's digit two columns wide.
        if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if first.value < 0x7F { return 1 }
        if scalars.count > 1, scalars.contains(where: { $0.value == 0x200D }), first.properties.isEmoji { return 2 }
        return of(first)
    }

    /// Columns of a single scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(value) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns of a string: the sum over its graphemes. Printable ASCII (most
    /// labels) is one column a byte, without breaking the text into graphemes.
    public static func of(_ text: String) -> Int {
        if let ascii = asciiWidth(text) { return ascii }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The width of text made only of ASCII other than `\r`, else nil.
    static func asciiWidth(_ text: String) -> Int? {
        var copy = text
        return copy.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 || byte == 0x0D { return nil }
            return bytes.count
        }
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
        0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248,
        0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
        0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound { high = middle - 1 } else if value > range.upperBound { low = middle + 1 } else { return true }
        }
        return false
    }
}

/// Makes article text safe to draw: no byte of it may reach the terminal as
/// a control sequence, and every grapheme takes the columns the widgets
/// counted for it. Scalars follow `ControlCharacters`, the one mapping used
/// by every text output; this adds what only a cell grid needs.
public enum SafeText {
    /// The grapheme as it is drawn, or nil when it has nothing to show.
    ///
    /// - Controls follow `ControlCharacters` (ESC → ␛, TAB → space, C1 → �).
    /// - Prepended concatenation marks (U+0600 …) are dropped: they would join
    ///   the next character into a grapheme the terminal draws as the mark
    ///   alone, swallowing that character.
    /// - A combining mark with nothing to ride on is shown on a dotted circle,
    ///   as Unicode suggests, rather than merging into the cell before it.
    /// - Zero-width format characters alone (ZWSP, BOM, joiners) are nothing.
    public static func displayable(_ character: Character) -> Character? {
        let scalars = character.unicodeScalars
        guard var first = scalars.first else { return nil }
        if let replacement = ControlCharacters.replacement(for: first) { return Character(replacement) }
        if first.value < 0x300 && scalars.count == 1 { return character }
        var rest = String(character).unicodeScalars.dropFirst()
        // Grapheme-cluster Prepend marks come first; skip them.
        if isPrepend(first.value) {
            guard let next = rest.first(where: { !isPrepend($0.value) }) else { return nil }
            rest = rest.drop { isPrepend($0.value) }.dropFirst()
            first = next
            if let replacement = ControlCharacters.replacement(for: first) { return Character(replacement) }
        }
        // A control inside a grapheme (never formed by Unicode's rules, but cheap to refuse).
        if rest.contains(where: ControlCharacters.needsReplacing) { return "\u{FFFD}" }
        var result = String.UnicodeScalarView()
        if DisplayWidth.of(first) == 0 {
            let isMark = first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark
            if !isMark {
                // Format characters: shown only if a visible scalar follows.
                guard let visible = rest.firstIndex(where: { DisplayWidth.of($0) > 0 }) else { return nil }
                first = rest[visible]
                rest = rest[rest.index(after: visible)...]
            } else {
                result.append("\u{25CC}")
            }
        }
        result.append(first)
        result.append(contentsOf: rest)
        // Still one grapheme after the changes above, or a replacement mark
        // (building a Character from two would trap).
        let text = String(result)
        var graphemes = text.makeIterator()
        guard let only = graphemes.next(), graphemes.next() == nil else { return "\u{FFFD}" }
        return only
    }

    /// Unicode's Grapheme_Cluster_Break=Prepend scalars (Unicode 15).
    static func isPrepend(_ value: UInt32) -> Bool {
        switch value {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
             0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02:
            return true
        default:
            return false
        }
    }
}

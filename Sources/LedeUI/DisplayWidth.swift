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
        if first.value < 0x7F { return first.value < 0x20 ? 1 : 1 }
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
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
/// a control sequence.
public enum SafeText {
    /// C0 controls become their Control Pictures (ESC → ␛), DEL → ␡, C1
    /// controls and bidirectional overrides → �, TAB → space.
    public static func displayable(_ character: Character) -> Character {
        guard let first = character.unicodeScalars.first else { return character }
        let value = first.value
        if value == 0x09 { return " " }
        if value < 0x20 { return Character(Unicode.Scalar(0x2400 + value)!) }
        if value == 0x7F { return "␡" }
        if (0x80...0x9F).contains(value) { return "\u{FFFD}" }
        if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F {
            return "\u{FFFD}"
        }
        // A grapheme that carries a control scalar after its first one.
        if character.unicodeScalars.dropFirst().contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "\u{FFFD}"
        }
        return character
    }
}

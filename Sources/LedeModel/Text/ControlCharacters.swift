// SPDX-License-Identifier: Apache-2.0
/// The one rule for text that reaches a terminal: control characters become
/// visible placeholders, so no byte of an article (or of a hostile file
/// name, theme or key name) is ever read by the terminal as a command.
///
/// Every path that writes data for a terminal uses it: browser cells (through
/// `SafeText`, which applies it per grapheme), TSV, CSV, Markdown, `themes`,
/// `keys` and messages on stderr. JSON escapes the same scalars as `\u….`.
public enum ControlCharacters {
    /// What a scalar that must not reach a terminal becomes, or nil if it is safe:
    /// TAB → space (a tab would move the cursor past cells the caller drew),
    /// other C0 → Control Pictures (ESC → ␛, newline → ␊), DEL → ␡,
    /// C1 controls and bidirectional controls → U+FFFD.
    @inline(__always)
    public static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return nil }
        if value == 0x09 { return " " }
        if value < 0x20 { return Unicode.Scalar(0x2400 + value) }
        if value == 0x7F { return "␡" }
        if value <= 0x9F || isBidirectionalControl(value) { return "\u{FFFD}" }
        return nil
    }

    /// Embeddings, overrides and isolates, and the marks that reorder text
    /// (a "Trojan Source" file name could otherwise display backwards).
    @inline(__always)
    public static func isBidirectionalControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// True if `replacement(for:)` changes the scalar.
    @inline(__always)
    public static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        replacement(for: scalar) != nil
    }

    /// The text with every unsafe scalar replaced.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacing) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(replacement(for: scalar) ?? scalar)
        }
        return String(result)
    }
}

/// Makes text from articles and file names safe to print to a terminal:
/// control characters become visible placeholders, so no byte of an article
/// (or of a hostile file name) is ever read by the terminal as a command.
public enum ControlCharacters {
    /// C0 → Control Pictures (ESC → ␛, newline → ␤), DEL → ␡, C1 and
    /// bidirectional overrides → �. Tabs stay tabs only if `keepTabs`.
    public static func visible(_ text: String) -> String {
        visible(text, keepTabs: false)
    }

    public static func visible(_ text: String, keepTabs: Bool) -> String {
        guard text.unicodeScalars.contains(where: needsReplacing) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepTabs && scalar == "\t" { result.append(scalar); continue }
            guard needsReplacing(scalar) else { result.append(scalar); continue }
            let value = scalar.value
            if value < 0x20 { result.append(Unicode.Scalar(0x2400 + value)!) }
            else if value == 0x7F { result.append("␡") }
            else { result.append("\u{FFFD}") }
        }
        return String(result)
    }

    static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
    }
}

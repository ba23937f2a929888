// SPDX-License-Identifier: Apache-2.0
/// The normal forms lede compares text in.
public enum Normalisation {
    /// Typographic quotes as typed on a keyboard (`’` `‘` → `'`, `“` `”` → `"`):
    /// the same to someone searching.
    @inline(__always)
    public static func plainQuote(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "’", "‘": "'"
        case "“", "”": "\""
        default: scalar
        }
    }

    /// The key a name is compared by: lower case, `-`, `_`, `.` between
    /// words and runs of spaces as one space, a trailing possessive dropped
    /// (`Zed-9’s` and `zed 9` are one key; `Zed-9.5` keeps its `.` between digits).
    public static func nameKey(_ name: String) -> String {
        var text = Substring(name)
        for possessive in ["’s", "'s", "’", "'"] where text.hasSuffix(possessive) { text = text.dropLast(possessive.count); break }
        var result = ""
        var pendingSpace = false
        let scalars = Array(text.lowercased().unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let isDigitDot = scalar == "." && index > 0 && index + 1 < scalars.count
                && scalars[index - 1].properties.numericType != nil && scalars[index + 1].properties.numericType != nil
            if scalar == " " || scalar == "-" || scalar == "_" || scalar == "\u{2010}" || scalar == "\u{2011}" || (scalar == "." && !isDigitDot) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

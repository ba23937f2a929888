// SPDX-License-Identifier: Apache-2.0
/// What to hand curses for one cell so that the terminal's cursor moves
/// exactly the cell's width.
///
/// curses keeps one spacing character per cell (plus a few zero-width ones)
/// and measures it with the C library's `wcwidth`, which can disagree with
/// `DisplayWidth`: `❤️` is two columns here and one there; a flag is two
/// one-column regional indicators there; `👍🏽` is two two-column scalars.
/// Sending the grapheme whole would leave a stale column or push the rest
/// of the row right. The width function is a parameter so that this stays
/// pure and testable; the terminal passes `wcwidth`.
public enum TerminalGlyphs {
    public struct Glyph: Equatable, Sendable {
        /// Columns from the cell's left edge.
        public var column: Int
        /// One spacing scalar and up to four zero-width ones.
        public var scalars: [UInt32]

        public init(column: Int, scalars: [UInt32]) {
            self.column = column
            self.scalars = scalars
        }
    }

    /// Zero-width scalars curses keeps with a spacing one (CCHARW_MAX is 5).
    static let maximumZeroWidth = 4

    public static func glyphs(for grapheme: Character, width cellWidth: Int, measure: (UInt32) -> Int) -> [Glyph] {
        // Spacing scalars, each with the zero-width ones that follow it.
        var clusters: [(scalars: [UInt32], width: Int)] = []
        for scalar in grapheme.unicodeScalars {
            let value = scalar.value
            let columns = measure(value)
            if columns > 0 {
                clusters.append(([value], columns))
            } else if columns == 0, !clusters.isEmpty, clusters[clusters.count - 1].scalars.count <= maximumZeroWidth {
                clusters[clusters.count - 1].scalars.append(value)
            } else if columns < 0 || clusters.isEmpty {
                // Unprintable to the C library, or nothing to ride on.
                return padded([Glyph(column: 0, scalars: [0xFFFD])], used: measure(0xFFFD), width: cellWidth)
            }
        }
        // A joiner at the end of what is drawn would join the next cell's character.
        for index in clusters.indices {
            while clusters[index].scalars.count > 1, clusters[index].scalars.last == 0x200D { clusters[index].scalars.removeLast() }
        }
        guard let first = clusters.first else { return padded([], used: 0, width: cellWidth) }
        let total = clusters.reduce(0) { $0 + $1.width }
        if total == cellWidth {
            // A flag: two letters side by side, which the terminal may join.
            var column = 0
            return clusters.map { cluster in
                defer { column += cluster.width }
                return Glyph(column: column, scalars: cluster.scalars)
            }
        }
        if first.width <= cellWidth {
            // A ZWJ family or a skin-toned emoji: its first emoji stands for it.
            return padded([Glyph(column: 0, scalars: first.scalars)], used: first.width, width: cellWidth)
        }
        // Wider to the C library than the cell: a replacement that fits.
        return padded([Glyph(column: 0, scalars: [0xFFFD])], used: measure(0xFFFD), width: cellWidth)
    }

    /// Spaces after the glyphs up to the cell's width, so no column keeps old text.
    static func padded(_ glyphs: [Glyph], used: Int, width: Int) -> [Glyph] {
        var result = glyphs
        var column = max(0, used)
        while column < width {
            result.append(Glyph(column: column, scalars: [0x20]))
            column += 1
        }
        return result
    }
}

// SPDX-License-Identifier: Apache-2.0
import CNcursesw
import LedeUI

/// Drawing: a `ScreenBuffer` copied to the screen cell by cell, only the
/// cells that changed since the last frame, styles as curses attributes and
/// colour pairs.
extension Terminal {
    /// Copies the buffer to the screen, writing only the cells `ScreenDiff` says changed.
    public func draw(_ buffer: ScreenBuffer) {
        let diff = ScreenDiff(from: previous, to: buffer, size: size)
        if diff.clearsFirst { werase(lede_stdscr()) }
        for write in diff.writes { put(write.cell, x: write.x, y: write.y) }
        // Shown on the focused item when the frame asks (accessible mode), hidden otherwise.
        if let cursor = buffer.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < buffer.width, cursor.y < buffer.height {
            wmove(lede_stdscr(), Int32(cursor.y), Int32(cursor.x))
            if !cursorShown { curs_set(1); cursorShown = true }
        } else if cursorShown {
            curs_set(0)
            cursorShown = false
        }
        wnoutrefresh(lede_stdscr())
        doupdate()
        previous = buffer
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let (attributes, pair) = attributesAndPair(for: cell.style)
        let glyphs: [TerminalGlyphs.Glyph]
        if let ascii = cell.grapheme.asciiValue, ascii >= 0x20, ascii < 0x7F {
            glyphs = [TerminalGlyphs.Glyph(column: 0, scalars: [UInt32(ascii)])]
        } else {
            // What curses measures with the C library's widths must fill the cell exactly.
            glyphs = TerminalGlyphs.glyphs(for: cell.grapheme, width: Int(max(1, cell.width))) { Int(wcwidth(wchar_t(bitPattern: $0))) }
        }
        for glyph in glyphs {
            var characters: [wchar_t] = glyph.scalars.map { wchar_t(bitPattern: $0) }
            characters.append(0)
            _ = characters.withUnsafeBufferPointer { pointer in
                lede_put_grapheme(Int32(y), Int32(x + glyph.column), pointer.baseAddress, attributes, pair)
            }
        }
    }

    private func attributesAndPair(for style: Style) -> (attr_t, Int32) {
        var attributes = lede_a_normal()
        if style.attributes.contains(.bold) { attributes |= lede_a_bold() }
        if style.attributes.contains(.dim) { attributes |= lede_a_dim() }
        if style.attributes.contains(.italic) { attributes |= lede_a_italic() }
        if style.attributes.contains(.underline) { attributes |= lede_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= lede_a_reverse() }
        guard capability != .none else { return (attributes, 0) }
        let foreground = style.foreground.flatMap { ColorMapping.terminalColor($0, capability: capability) } ?? -1
        let background = style.background.flatMap { ColorMapping.terminalColor($0, capability: capability) } ?? -1
        if foreground == -1 && background == -1 { return (attributes, 0) }
        let key = PairKey(foreground: foreground, background: background)
        if let pair = pairs[key] { return (attributes, pair) }
        guard nextPair < lede_color_pairs() else { return (attributes, 0) }
        let pair = nextPair
        nextPair += 1
        init_extended_pair(pair, Int32(foreground), Int32(background))
        pairs[key] = pair
        return (attributes, pair)
    }
}

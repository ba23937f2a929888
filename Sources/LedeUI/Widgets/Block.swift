// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// A framed box with a title on its top border: every overlay is drawn in one.
enum Block {
    static func draw(title: String, rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        let body = theme[.overlay].over(theme[.text])
        buffer.fill(rect, style: body)
        drawBorder(rect, style: theme[.overlayBorder].over(body), into: &buffer)
        buffer.put(" " + TextFit.truncate(title, to: rect.width - 6) + " ", x: rect.x + 2, y: rect.y,
                   style: theme[.paneTitleFocused].over(body), clip: rect)
    }

    /// A box of light lines around `rect` (its outermost rows and columns).
    static func drawBorder(_ rect: Rect, style: Style, into buffer: inout ScreenBuffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in rect.x..<rect.maxX {
            buffer.put("─", x: x, y: rect.y, style: style)
            buffer.put("─", x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y..<rect.maxY {
            buffer.put("│", x: rect.x, y: y, style: style)
            buffer.put("│", x: rect.maxX - 1, y: y, style: style)
        }
        buffer.put("┌", x: rect.x, y: rect.y, style: style)
        buffer.put("┐", x: rect.maxX - 1, y: rect.y, style: style)
        buffer.put("└", x: rect.x, y: rect.maxY - 1, style: style)
        buffer.put("┘", x: rect.maxX - 1, y: rect.maxY - 1, style: style)
    }

    /// The part of a block below its border and `headerRows` rows of its own: where its list goes.
    static func listArea(of rect: Rect, belowHeaderRows headerRows: Int) -> Rect {
        let inner = rect.inset(by: 1)
        return Rect(x: inner.x, y: inner.y + headerRows, width: inner.width, height: max(0, inner.height - headerRows))
    }
}

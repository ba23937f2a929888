import LedeModel

/// A framed box with a title on its top border: every overlay is drawn in one.
enum Block {
    static func draw(title: String, rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        let body = theme[.overlay].over(theme[.text])
        let border = theme[.overlayBorder].over(body)
        buffer.fill(rect, style: body)
        for x in rect.x..<rect.maxX {
            buffer.put("─", x: x, y: rect.y, style: border)
            buffer.put("─", x: x, y: rect.maxY - 1, style: border)
        }
        for y in rect.y..<rect.maxY {
            buffer.put("│", x: rect.x, y: y, style: border)
            buffer.put("│", x: rect.maxX - 1, y: y, style: border)
        }
        buffer.put("┌", x: rect.x, y: rect.y, style: border)
        buffer.put("┐", x: rect.maxX - 1, y: rect.y, style: border)
        buffer.put("└", x: rect.x, y: rect.maxY - 1, style: border)
        buffer.put("┘", x: rect.maxX - 1, y: rect.maxY - 1, style: border)
        buffer.put(" " + TextFit.truncate(title, to: rect.width - 6) + " ", x: rect.x + 2, y: rect.y,
                   style: theme[.paneTitleFocused].over(body), clip: rect)
    }

    /// The part of a block below its border and `headerRows` rows of its own: where its list goes.
    static func listArea(of rect: Rect, belowHeaderRows headerRows: Int) -> Rect {
        let inner = rect.inset(by: 1)
        return Rect(x: inner.x, y: inner.y + headerRows, width: inner.width, height: max(0, inner.height - headerRows))
    }
}

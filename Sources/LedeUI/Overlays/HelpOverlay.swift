import LedeModel

/// `?`: every binding of the focused pane, from the keymap table.
public enum HelpOverlay: PaneBehaviour {
    static let title = "Help"
    static let mode = "HELP"

    static func rect(_ layout: ScreenLayout) -> Rect { layout.overlay(widthPercent: 80, heightPercent: 80) }

    public static func lines(for pane: Pane, keyMap: KeyMap) -> [(keys: String, help: String)] {
        keyMap.bindings(in: pane).map { binding in
            (binding.keys.map(\.name).joined(separator: " "), binding.help)
        }
    }

    /// The pane's bindings and a last line about the help itself.
    static func rows(for pane: Pane, keyMap: KeyMap) -> [(keys: String, help: String)] {
        lines(for: pane, keyMap: keyMap) + [("", ""), ("In the help", "j k scroll · q Esc close")]
    }

    static func pageSize(_ state: BrowserState) -> Int { max(1, rect(state.screenLayout).inset(by: 1).height) }

    static func move(_ state: inout BrowserState, by delta: Int) {
        guard case .help(var list, let pane, let beneath) = state.overlay else { return }
        list.scroll(by: delta, count: rows(for: pane, keyMap: state.keyMap).count, rows: pageSize(state))
        state.overlay = .help(list, pane: pane, beneath: beneath)
    }

    static func follow(_ state: inout BrowserState) { state.closeOverlay() }

    public static func render(_ state: BrowserState, pane: Pane, scroll: Int, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let rect = rect(state.screenLayout)
        Block.draw(title: "Keys — \(pane.title)  (q or Esc closes)", rect: rect, theme: theme, into: &buffer)
        let inner = rect.inset(by: 1)
        let body = theme[.overlay].over(theme[.text])
        let rows = rows(for: pane, keyMap: state.keyMap)
        let keyWidth = min(24, max(8, rows.map { DisplayWidth.of($0.keys) }.max() ?? 8))
        for row in 0..<inner.height {
            guard let line = rows[safe: scroll + row] else { break }
            let y = inner.y + row
            let x = buffer.put(TextFit.pad(line.keys, to: keyWidth) + "  ", x: inner.x + 1, y: y, style: theme[.statusKey].over(body), clip: inner)
            buffer.put(line.help, x: x, y: y, style: body, clip: inner)
        }
    }
}

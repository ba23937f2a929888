// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// `?`: every binding of the focused pane, from the keymap table.
public enum HelpOverlay: PaneBehaviour, Widget {
    static let title = "Help"
    static let mode = "HELP"

    static func rect(_ layout: ScreenLayout) -> Rect { layout.overlay(widthPercent: 80, heightPercent: 80) }

    public static func lines(for pane: Pane, keyMap: KeyMap) -> [(keys: String, help: String)] {
        keyMap.bindings(in: pane).map { binding in
            (binding.keys.map(\.name).joined(separator: " "), binding.help)
        }
    }

    /// The pane's bindings, how counts work where they do, and a last line about the help itself.
    static func entries(for pane: Pane, keyMap: KeyMap) -> [(keys: String, help: String)] {
        var entries = lines(for: pane, keyMap: keyMap) + [("", "")]
        if pane != .sidebar && pane != .help {
            entries.append(("Counts", "a number before a move or a jump repeats it: 5j, 3], 2}"))
        }
        return entries + [("In the help", "j k scroll · q Esc ? close")]
    }

    /// Width of the keys column.
    static func keyWidth(_ entries: [(keys: String, help: String)], inner: Rect) -> Int {
        min(max(8, entries.map { DisplayWidth.of($0.keys) }.max() ?? 8), 24, max(4, inner.width / 3))
    }

    /// The help as screen rows: each description wrapped at word boundaries
    /// under its own column, so nothing is cut at any width.
    static func rows(for pane: Pane, keyMap: KeyMap, inner: Rect) -> [(keys: String, help: String)] {
        let entries = entries(for: pane, keyMap: keyMap)
        let keyWidth = keyWidth(entries, inner: inner)
        let helpWidth = max(1, inner.width - 1 - keyWidth - 2)
        var rows: [(keys: String, help: String)] = []
        for entry in entries {
            var wrapped = TextFit.wrap(entry.help, to: helpWidth)
            // Keys wider than their column get a row of their own; the description starts below them.
            if DisplayWidth.of(entry.keys) > keyWidth {
                rows.append((TextFit.truncate(entry.keys, to: max(1, inner.width - 2)), ""))
            } else {
                rows.append((entry.keys, wrapped.first ?? ""))
                wrapped = Array(wrapped.dropFirst())
            }
            for line in wrapped { rows.append(("", line)) }
        }
        return rows
    }

    static func pageSize(_ state: BrowserState) -> Int { max(1, rect(state.screenLayout).inset(by: 1).height) }

    /// `?`: the keys of the active pane, over whatever overlay is open (closing returns to it).
    static func open(_ state: inout BrowserState) {
        state.overlay = .help(ListState(), pane: state.activePane, beneath: state.overlay)
    }

    static func move(_ state: inout BrowserState, by delta: Int) {
        guard case .help(var list, let pane, let beneath) = state.overlay else { return }
        let inner = rect(state.screenLayout).inset(by: 1)
        list.scroll(by: delta, count: rows(for: pane, keyMap: state.keyMap, inner: inner).count, rows: pageSize(state))
        state.overlay = .help(list, pane: pane, beneath: beneath)
    }

    static func follow(_ state: inout BrowserState) { BrowserActions.closeOverlay(&state) }

    /// The wheel scrolls; a click anywhere closes the help.
    static func mouse(_ state: inout BrowserState, _ event: MouseEvent) {
        switch event.kind {
        case .wheelDown: move(&state, by: 3)
        case .wheelUp: move(&state, by: -3)
        case .click: BrowserActions.closeOverlay(&state)
        }
    }

    public static func render(_ frame: Frame, into buffer: inout ScreenBuffer, area rect: Rect) {
        let state = frame.state
        guard case .help(let list, let pane, _) = state.overlay else { return }
        let scroll = list.offset
        let theme = state.theme
        Block.draw(title: "Keys — \(pane.title)  (q or Esc closes)", rect: rect, theme: theme, into: &buffer)
        let inner = rect.inset(by: 1)
        let body = theme[.overlay].over(theme[.text])
        let rows = rows(for: pane, keyMap: state.keyMap, inner: inner)
        let keyWidth = keyWidth(entries(for: pane, keyMap: state.keyMap), inner: inner)
        buffer.cursor = CursorPosition(x: inner.x + 1, y: inner.y)
        for row in 0..<inner.height {
            guard let line = rows[safe: scroll + row] else { break }
            let y = inner.y + row
            if DisplayWidth.of(line.keys) > keyWidth {
                buffer.put(line.keys, x: inner.x + 1, y: y, style: theme[.statusKey].over(body), clip: inner)
                continue
            }
            let x = buffer.put(TextFit.pad(line.keys, to: keyWidth) + "  ", x: inner.x + 1, y: y, style: theme[.statusKey].over(body), clip: inner)
            buffer.put(line.help, x: x, y: y, style: body, clip: inner)
        }
    }
}

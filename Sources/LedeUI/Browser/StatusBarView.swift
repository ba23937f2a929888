// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// The last row: mode badge, prompt or message or key hints, position.
public enum StatusBarView: Widget {
    public static func render(_ frame: Frame, into buffer: inout ScreenBuffer, area: Rect) {
        let state = frame.state
        let theme = state.theme
        let base = theme[.status]
        buffer.fill(area, style: base)
        var x = area.x
        let mode = state.prompt?.badge ?? state.activePane.mode
        x = buffer.put(" \(mode) ", x: x, y: area.y, style: theme[.statusMode].over(base), clip: area)
        x += 1

        // Right side: theme, article position, scroll percentage.
        let layout = frame.readerLayout
        let rows = state.screenLayout.readerText.height
        let percent = layout.lines.count <= rows ? 100 : min(100, (state.reader.scroll + rows) * 100 / max(1, layout.lines.count))
        let articles = state.corpus.articleCount
        var right = "\(state.theme.name)  \(articles == 0 ? 0 : (state.articlePosition ?? 0) + 1)/\(articles)  \(percent)% "
        if let indexing = state.indexing { right = indexing.text + "  " + right }
        if let fetching = state.fetching { right = fetching + "  " + right }
        let rightWidth = DisplayWidth.of(right)
        let leftLimit = area.maxX - rightWidth - 1
        let leftArea = Rect(x: x, y: area.y, width: max(0, leftLimit - x), height: 1)

        switch state.prompt {
        case .command(let line):
            var prompt = ":" + line.text + "▏"
            if line.completions.count > 1 { prompt += "   " + line.completions.joined(separator: " ") }
            else if line.text.isEmpty { prompt += "   Tab lists the commands · Enter runs · Esc cancels" }
            buffer.put(TextFit.truncate(prompt, to: leftArea.width), x: x, y: area.y, style: base, clip: leftArea)
            buffer.cursor = CursorPosition(x: min(leftArea.maxX - 1, x + DisplayWidth.of(":" + line.text)), y: area.y)
        case .readerSearch:
            let search = state.reader.search
            var prompt = "/" + (search?.query ?? "") + "▏"
            if let search, !search.query.isEmpty {
                prompt += search.matches.isEmpty ? "  no match" : "  \((search.current ?? 0) + 1)/\(search.matches.count)"
            }
            buffer.put(TextFit.truncate(prompt, to: leftArea.width), x: x, y: area.y, style: base, clip: leftArea)
            buffer.cursor = CursorPosition(x: min(leftArea.maxX - 1, x + DisplayWidth.of("/" + (search?.query ?? ""))), y: area.y)
        case .filter(.sidebar):
            buffer.put(TextFit.truncate("type to filter · ⌫ widens · ↑↓ move · ⏎ jumps · Esc clears", to: leftArea.width), x: x, y: area.y, style: base, clip: leftArea)
        case .hints:
            buffer.put(TextFit.truncate("type a label to jump · Esc cancels", to: leftArea.width), x: x, y: area.y, style: base, clip: leftArea)
        case .corpusSearch, .filter, .markLetter, nil:
            renderMessageOrHints(state, into: &buffer, area: leftArea)
        }
        if leftLimit > x { buffer.put(right, x: area.maxX - rightWidth, y: area.y, style: base, clip: area) }
    }

    /// A message when there is one, else the focused entity and the pane's key hints.
    static func renderMessageOrHints(_ state: BrowserState, into buffer: inout ScreenBuffer, area leftArea: Rect) {
        let theme = state.theme
        let base = theme[.status]
        let x = leftArea.x
        if let message = state.message {
            buffer.put(TextFit.truncate(message.text, to: leftArea.width), x: x, y: leftArea.y,
                       style: (message.isError ? theme[.error] : theme[.message]).over(base), clip: leftArea)
        } else {
            var column = x
            if state.activePane == .reader, let entityID = state.focusedEntity, let entity = state.corpus.entity(entityID) {
                column = buffer.put("▸ \(entity.label) (\(entity.type.displayName.lowercased()))  ", x: column, y: leftArea.y,
                                    style: theme.style(for: entity.type).over(base), clip: leftArea)
            }
            for binding in state.keyMap.bindings(in: state.activePane) where binding.isHint {
                guard let key = binding.keys.first else { continue }
                let width = DisplayWidth.of(key.symbol) + 1 + DisplayWidth.of(binding.label) + 2
                if column + width > leftArea.maxX { break }
                column = buffer.put(key.symbol, x: column, y: leftArea.y, style: theme[.statusKey].over(base), clip: leftArea)
                column = buffer.put(" " + binding.label + "  ", x: column, y: leftArea.y, style: base, clip: leftArea)
            }
        }
    }
}

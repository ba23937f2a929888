// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Draws the entity list: groups by type, each entity with its mention
/// count, zero-mention concepts dimmed, the selection marked.
public enum SidebarView: Widget {
    public static func render(_ frame: Frame, into buffer: inout ScreenBuffer, area: Rect) {
        let state = frame.state
        let theme = state.theme
        let base = theme[.text]
        buffer.fill(area, style: base)
        guard !area.isEmpty else { return }
        let model = frame.sidebar
        // First row: the filter prompt or a summary of the toggles.
        var header = ""
        let isFiltering = state.isFiltering(.sidebar)
        if isFiltering || !state.sidebar.filter.isEmpty {
            header = "/" + state.sidebar.filter + (isFiltering ? "▏" : "")
        } else if let table = model.cooccurrence {
            let subject = state.corpus.entity(table.entity)?.label ?? "?"
            // The view's settings first: a long name is what the width cuts.
            header = "\(table.unit == .paragraph ? "¶" : "sentences") by \(table.order.rawValue) · with \(subject)"
        } else if !state.sidebar.hiddenTypes.isEmpty {
            header = "hidden: " + state.sidebar.hiddenTypes.map { $0.rawValue.lowercased() }.sorted().joined(separator: ", ")
        } else {
            header = "\(model.visibleEntities.count) entities · / filter"
        }
        buffer.put(TextFit.truncate(header, to: area.width), x: area.x, y: area.y,
                   style: (isFiltering ? theme[.searchMatch] : theme[.dim]).over(base), clip: area)
        let isActive = state.activePane == .sidebar
        if isActive {
            buffer.cursor = CursorPosition(x: isFiltering ? min(area.maxX - 1, area.x + DisplayWidth.of("/" + state.sidebar.filter)) : area.x,
                                           y: area.y)
        }

        let rows = area.height - 1
        if model.rows.isEmpty {
            let text = !state.sidebar.filter.isEmpty ? "No match" : model.cooccurrence != nil ? "Shares no \(model.cooccurrence!.unit.rawValue) with another entity" : "No entities"
            buffer.put(TextFit.truncate(text, to: area.width), x: area.x, y: area.y + 1, style: theme[.dim].over(base), clip: area)
            return
        }
        for row in 0..<rows {
            let index = state.sidebar.scroll + row
            guard let item = model.rows[safe: index] else { break }
            let y = area.y + 1 + row
            switch item {
            case .header(let group, let count):
                let text = TextFit.truncate("\(group.rawValue) \(count)", to: area.width)
                buffer.put(text, x: area.x, y: y, style: theme[.paneTitle].over(base), clip: area)
            case .entity(let entityID, let mentions, let dimmed, let detected):
                guard let entity = model.entities[entityID] else { continue }
                let selected = entityID == state.sidebar.selectedEntity
                let focused = selected && state.focus == .sidebar
                var rowStyle = base
                if focused { rowStyle = theme[.selection].over(base) }
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
                var labelStyle = dimmed ? theme[.dim].over(rowStyle) : theme.style(for: entity.type).over(rowStyle)
                if detected {
                    labelStyle = theme[.detected].over(labelStyle)
                }
                if focused { labelStyle = theme[.selection].over(labelStyle) }
                let count = model.partners[entityID].map(SidebarPane.partnerFigures) ?? String(mentions)
                let marker = selected ? "▸ " : "  "
                let labelWidth = max(1, area.width - 2 - DisplayWidth.of(count) - 1)
                buffer.put(marker, x: area.x, y: y, style: rowStyle, clip: area)
                if focused && !isFiltering { buffer.cursor = CursorPosition(x: area.x + 2, y: y) }
                buffer.put(TextFit.truncate(entity.label, to: labelWidth), x: area.x + 2, y: y, style: labelStyle, clip: area)
                buffer.put(count, x: area.maxX - DisplayWidth.of(count), y: y, style: (dimmed ? theme[.dim] : Style()).over(rowStyle), clip: area)
            }
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Draws the model-release timeline: a time axis over the days shown (all,
/// or zoomed around the selection), one lane per organisation when the pane
/// is tall enough, markers coloured by organisation, labels that never
/// overlap (abbreviated when crowded), releases beyond the edges counted,
/// and the selected release's details. `v` switches to a list (date, model,
/// organisation, basis). Where things go is `TimelineAxisLayout`'s work.
public enum TimelineView: Widget {
    public static func render(_ frame: Frame, into buffer: inout ScreenBuffer, area: Rect) {
        let state = frame.state
        let theme = state.theme
        let base = theme[.text]
        buffer.fill(area, style: base)
        guard !area.isEmpty else { return }
        let model = frame.timeline
        let releases = model.releases
        guard !releases.isEmpty else {
            let text = state.corpus.releases.isEmpty
                ? (state.indexing != nil ? "No releases yet: the articles are still being indexed." : "No AI model releases found in these articles.")
                : "No releases for \(state.timeline.organisationFilter ?? "this filter") — o changes the organisation"
            buffer.put(TextFit.truncate(text, to: area.width), x: area.x, y: area.y, style: theme[.dim].over(base), clip: area)
            return
        }
        if state.timeline.isList {
            renderList(state, model: model, into: &buffer, area: area)
        } else {
            renderAxis(state, model: model, into: &buffer, area: area)
        }
    }

    /// Where a release stands, in a word, when it is not simply out: `planned`, `delayed` or
    /// `cancelled` (a catalogue row dated after every article is planned too).
    static func standing(_ release: Release) -> String? {
        switch release.status {
        case .released: release.planned ? "planned" : nil
        case .planned, .delayed, .cancelled: release.status.rawValue
        }
    }

    /// ● out, ○ not yet, × called off.
    static func marker(_ release: Release) -> String {
        release.status == .cancelled ? "×" : release.planned || release.status != .released ? "○" : "●"
    }

    static func markerStyle(_ release: Release, theme: Theme, base: Style) -> Style {
        var style = Style(foreground: theme.color(forOrganisation: release.organisation)).over(theme[.marker].over(base))
        if standing(release) != nil { style = theme[.planned].over(style) }
        if !release.conflicts.isEmpty { style = theme[.conflict].over(style) }
        return style
    }

    // MARK: - Axis

    static func renderAxis(_ state: BrowserState, model: TimelineModel, into buffer: inout ScreenBuffer, area: Rect) {
        let releases = model.releases
        let theme = state.theme
        let base = theme[.text]
        let axisStyle = theme[.axis].over(base)
        let layout = TimelineAxisLayout(state: state, model: model, area: area)
        let selection = model.index(of: state.timeline.selected)
        let selectedRow = layout.positions[safe: selection]??.y

        if let tickRow = layout.tickRow {
            for tick in layout.ticks { buffer.put(tick.text, x: tick.x, y: tickRow, style: axisStyle, clip: area) }
        }
        for row in layout.rows {
            let lineStart = area.x + layout.nameWidth
            buffer.put(String(repeating: "─", count: max(0, area.maxX - lineStart)), x: lineStart, y: row.y, style: axisStyle, clip: area)
            if let name = row.name {
                var style = name == "other" ? theme[.dim].over(base) : Style(foreground: theme.color(forOrganisation: name)).over(base)
                if row.y == selectedRow { style = style.with(.bold) }
                buffer.put(TextFit.truncate(name, to: layout.nameWidth - 1), x: area.x, y: row.y, style: style, clip: area)
            }
            // Releases beyond the visible days, counted at the edges.
            let countStyle = theme[.dim].over(base)
            if row.before > 0 { buffer.put("‹ \(row.before)", x: lineStart, y: row.y, style: countStyle, clip: area) }
            if row.after > 0 {
                let text = "\(row.after) ›"
                buffer.put(text, x: area.maxX - text.count, y: row.y, style: countStyle, clip: area)
            }
        }

        let peakCells = state.timeline.showsPeaks ? drawPeaks(state, layout: layout, into: &buffer, area: area) : []

        // Markers, the selected one last so it stays visible.
        let order = releases.indices.filter { $0 != selection } + [selection].filter { releases.indices.contains($0) }
        for index in order {
            guard let position = layout.positions[index] else { continue }
            var style = markerStyle(releases[index], theme: theme, base: base)
            if index == selection { style = theme[.selected].over(style) }
            buffer.put(marker(releases[index]), x: position.x, y: position.y, style: style, clip: area)
        }

        for label in layout.labels {
            let release = releases[label.release]
            var style = markerStyle(release, theme: theme, base: theme[.label].over(base))
            if model.isMentionedHere(release) { style = style.with(.bold) }
            if label.release == selection { style = theme[.selected].over(style) }
            buffer.put(label.text, x: label.x, y: label.y, style: style, clip: area)
        }
        // Where a marker or label covers the busiest stretch, it is underlined instead.
        for (y, columns) in peakCells {
            for x in columns where area.contains(x: x, y: y) && buffer[x, y].grapheme != "━" { buffer[x, y].style.attributes.insert(.underline) }
        }
        drawDetails(state, model: model, hidden: layout.unlabelled, into: &buffer, area: area, row: layout.detailRow)
    }

    /// `p`: each organisation's busiest period as a heavy stretch of its lane
    /// (of the axis, when one organisation is shown), under the markers and
    /// labels; beyond the visible days, a note at that edge.
    @discardableResult
    static func drawPeaks(_ state: BrowserState, layout: TimelineAxisLayout, into buffer: inout ScreenBuffer, area: Rect) -> [(y: Int, columns: ClosedRange<Int>)] {
        let theme = state.theme
        let base = theme[.text]
        let peaks = state.organisationPeaks
        var drawn: [(y: Int, columns: ClosedRange<Int>)] = []
        for row in layout.rows {
            guard let name = row.name ?? state.timeline.organisationFilter, let peak = peaks[name],
                  let span = layout.span(first: peak.first, last: peak.last) else { continue }
            let style = Style(foreground: theme.color(forOrganisation: name)).over(theme[.marker].over(base)).with(.bold)
            let lineStart = area.x + layout.nameWidth
            switch span {
            case .columns(let columns):
                buffer.put(String(repeating: "━", count: columns.count), x: columns.lowerBound, y: row.y, style: style, clip: area)
                drawn.append((row.y, columns))
            case .before where row.before == 0:
                buffer.put("‹━ \(peak.label)", x: lineStart, y: row.y, style: style, clip: area)
            case .after where row.after == 0:
                let text = "\(peak.label) ━›"
                buffer.put(text, x: area.maxX - DisplayWidth.of(text), y: row.y, style: style, clip: area)
            default:
                continue
            }
        }
        return drawn
    }

    /// The selected release's organisation's busiest period, for the details row and the list.
    static func peakNote(_ state: BrowserState, _ release: Release) -> String? {
        guard state.timeline.showsPeaks, let organisation = release.organisation,
              let peak = state.organisationPeaks[organisation] else { return nil }
        return "\(organisation) busiest \(peak.label) (\(MentionTimelineLine.mentions(peak.mentions)))"
    }

    static func drawDetails(_ state: BrowserState, model: TimelineModel, hidden: Int, into buffer: inout ScreenBuffer, area: Rect, row: Int) {
        let theme = state.theme
        let base = theme[.text]
        let releases = model.releases
        let selection = model.index(of: state.timeline.selected)
        guard releases.indices.contains(selection) else { return }
        let release = releases[selection]
        var parts = [release.modelName]
        if let organisation = release.organisation { parts.append(organisation) }
        parts.append(release.dateText.isEmpty ? "undated" : release.dateText)
        parts.append(release.basisDescription)
        if let standing = standing(release) { parts.append(standing) }
        parts.append(release.mentionCount == 1 ? "1 mention" : "\(release.mentionCount) mentions")
        if let note = peakNote(state, release) { parts.append(note) }
        var text = "▸ " + parts.joined(separator: " · ")
        let position = "\(selection + 1)/\(releases.count)" + (hidden > 0 ? " (+\(hidden) unlabelled)" : "")
        let room = area.width - (area.width > 40 ? position.count + 2 : 0)
        var x = buffer.put(TextFit.truncate(text, to: room), x: area.x, y: row, style: theme[.label].over(base), clip: area)
        if state.activePane == .timeline { buffer.cursor = CursorPosition(x: area.x + 2, y: row) }
        if !release.conflicts.isEmpty {
            text = " ⚠ " + release.conflicts.joined(separator: "; ")
            x = buffer.put(TextFit.truncate(text, to: max(0, area.maxX - x)), x: x, y: row, style: theme[.conflict].over(base), clip: area)
        }
        if area.maxX - x > position.count + 1 {
            buffer.put(position, x: area.maxX - position.count, y: row, style: theme[.dim].over(base), clip: area)
        }
    }

    // MARK: - List

    static func renderList(_ state: BrowserState, model: TimelineModel, into buffer: inout ScreenBuffer, area: Rect) {
        let theme = state.theme
        let base = theme[.text]
        let releases = model.releases
        let modelWidth = min(28, max(8, releases.map { DisplayWidth.of($0.modelName) }.max() ?? 8))
        let organisationWidth = min(24, max(8, releases.map { DisplayWidth.of($0.organisation ?? "") }.max() ?? 8))
        let window = model.listWindow(state.timeline, rows: area.height)
        let first = window.offset
        let peaks = state.timeline.showsPeaks ? state.organisationPeaks : nil
        for row in 0..<area.height {
            let index = first + row
            guard let release = releases[safe: index] else { break }
            let y = area.y + row
            let selected = index == window.selection
            let rowStyle = selected ? theme[.selection].over(base) : base
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
            if selected && state.activePane == .timeline { buffer.cursor = CursorPosition(x: area.x, y: y) }
            var x = area.x
            x = buffer.put(TextFit.pad(release.dateText.isEmpty ? "undated" : release.dateText, to: 11), x: x, y: y, style: rowStyle, clip: area)
            x = buffer.put(TextFit.pad(release.modelName, to: modelWidth) + " ", x: x, y: y,
                           style: markerStyle(release, theme: theme, base: rowStyle), clip: area)
            x = buffer.put(TextFit.pad(release.organisation ?? "", to: organisationWidth) + " ", x: x, y: y, style: rowStyle, clip: area)
            if let peaks {
                // The organisation's busiest period; ◆ when the release came out in it.
                var text = ""
                if let peak = peaks[release.organisation] {
                    let day = release.date?.firstDay.dayNumber
                    text = (day.map { $0 >= peak.first && $0 <= peak.last } == true ? "◆ " : "  ") + "busiest \(peak.label)"
                }
                x = buffer.put(TextFit.pad(text, to: 19) + " ", x: x, y: y,
                               style: Style(foreground: theme.color(forOrganisation: release.organisation)).over(rowStyle), clip: area)
            }
            var basis = release.basisDescription
            if let standing = standing(release) { basis += " · " + standing }
            x = buffer.put(basis, x: x, y: y, style: theme[.dim].over(rowStyle), clip: area)
            if !release.conflicts.isEmpty {
                buffer.put(TextFit.truncate(" ⚠ " + release.conflicts.joined(separator: "; "), to: max(0, area.maxX - x)), x: x, y: y,
                           style: theme[.conflict].over(rowStyle), clip: area)
            }
        }
    }

    /// The days the axis shows, for the pane's title (`2024-09 … 2025-03 · zoom ×4`); nil in list view.
    public static func visibleRange(_ state: BrowserState) -> String? {
        guard !state.timeline.isList else { return nil }
        let model = state.timelineModel
        guard let window = model.window(for: state.timeline) else { return nil }
        let zoom = min(state.timeline.zoom, model.maximumZoom)
        return window.description + (zoom > 0 ? " · zoom ×\(1 << zoom)" : "") + (state.timeline.showsPeaks ? " · ━ busiest" : "")
    }

    /// The release drawn at a screen cell of the timeline (for mouse clicks).
    public static func release(atX x: Int, y: Int, state: BrowserState) -> Int? {
        let area = state.screenLayout.timeline
        let model = state.timelineModel
        guard area.contains(x: x, y: y), !model.releases.isEmpty else { return nil }
        if state.timeline.isList {
            let index = model.listWindow(state.timeline, rows: area.height).offset + (y - area.y)
            return model.releases.indices.contains(index) ? index : nil
        }
        return TimelineAxisLayout(state: state, model: model, area: area).release(atX: x, y: y)
    }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}

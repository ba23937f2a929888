import LedeModel

/// Draws the model-release timeline: a time axis scaled to the releases
/// shown, markers coloured by organisation, labels stacked so they never
/// overlap (abbreviated when crowded), and the selected release's details.
/// `v` switches to a list (date, model, organisation, basis).
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
            renderList(state, releases: releases, into: &buffer, area: area)
        } else {
            renderAxis(state, model: model, into: &buffer, area: area)
        }
    }

    static func markerStyle(_ release: Release, theme: Theme, base: Style) -> Style {
        var style = Style(foreground: theme.color(forOrganisation: release.organisation)).over(theme[.marker].over(base))
        if release.planned { style = theme[.planned].over(style) }
        if !release.conflicts.isEmpty { style = theme[.conflict].over(style) }
        return style
    }

    // MARK: - Axis

    /// Maps days to columns. Half linear time, half release order: dates
    /// stay in order and proportion, but a busy quarter is not squeezed into
    /// a few columns because an empty year sits beside it.
    struct AxisScale {
        let days: [Int]
        let usable: Int

        init(releases: [Release], width: Int) {
            days = Array(Set(releases.compactMap { $0.date?.firstDay.dayNumber })).sorted()
            usable = max(1, width - 3)
        }

        func column(ofDay day: Int) -> Int {
            guard let low = days.first, let high = days.last, high > low else { return (usable + 3) / 2 }
            let linear = Double(day - low) / Double(high - low)
            var rank = 0.0
            if day <= low { rank = 0 } else if day >= high { rank = Double(days.count - 1) } else {
                // The first day at or after `day` (days are sorted).
                var first = 0, last = days.count - 1
                while first < last {
                    let middle = (first + last) / 2
                    if days[middle] < day { first = middle + 1 } else { last = middle }
                }
                let upper = first
                let below = days[upper - 1], above = days[upper]
                rank = Double(upper - 1) + Double(day - below) / Double(max(1, above - below))
            }
            let ordinal = rank / Double(max(1, days.count - 1))
            let blended = min(1, max(0, (linear + ordinal) / 2))
            return 1 + Int((blended * Double(usable)).rounded())
        }
    }

    /// Column of each release on the axis, relative to the area's left edge.
    static func columns(_ releases: [Release], width: Int) -> [Int] {
        let scale = AxisScale(releases: releases, width: width)
        return releases.map { release in
            release.date.map { scale.column(ofDay: $0.firstDay.dayNumber) } ?? width - 2
        }
    }

    static func renderAxis(_ state: BrowserState, model: TimelineModel, into buffer: inout ScreenBuffer, area: Rect) {
        let releases = model.releases
        let theme = state.theme
        let base = theme[.text]
        let axisStyle = theme[.axis].over(base)
        let hasTickRow = area.height >= 4
        let axisRow = area.y + (hasTickRow ? 1 : 0)
        let detailRow = area.maxY - 1
        let labelRows = Array((axisRow + 1)..<detailRow)
        let x = columns(releases, width: area.width)

        buffer.put(String(repeating: "─", count: area.width), x: area.x, y: axisRow, style: axisStyle, clip: area)
        if hasTickRow { drawTicks(releases, columns: x, into: &buffer, area: area, row: area.y, style: axisStyle) }

        // Markers, the selected one last so it stays visible.
        let order = releases.indices.filter { $0 != state.timeline.selection } + [state.timeline.selection].filter { releases.indices.contains($0) }
        for index in order {
            var style = markerStyle(releases[index], theme: theme, base: base)
            if index == state.timeline.selection { style = theme[.selected].over(style) }
            buffer.put(releases[index].planned ? "○" : "●", x: area.x + x[index], y: axisRow, style: style, clip: area)
        }

        // Labels: first row where they fit, else abbreviated, else left out.
        var occupied: [[Range<Int>]] = labelRows.map { _ in [] }
        var hidden = 0
        // Labels of the selection first, then of releases this article
        // mentions, then the rest: crowding hides the least relevant.
        func rank(_ index: Int) -> Int {
            if index == state.timeline.selection { return 0 }
            return model.isMentionedHere(releases[index]) ? 1 : 2
        }
        let byColumn = releases.indices.sorted { (rank($0), x[$0]) < (rank($1), x[$1]) }
        for index in byColumn {
            let release = releases[index]
            let name = release.modelName
            // The name, and a short form for crowded rows, measured once.
            let nameWidth = DisplayWidth.of(name)
            let short = TextFit.truncate(name, to: max(4, min(nameWidth, 8)))
            let candidates = [(name, nameWidth), (short, DisplayWidth.of(short))]
            var placed = false
            for (rowIndex, _) in labelRows.enumerated() where !placed {
                for (candidate, width) in candidates {
                    let start = min(max(0, x[index]), max(0, area.width - width))
                    let range = (start - 1)..<(start + width + 1)
                    if occupied[rowIndex].contains(where: { $0.overlaps(range) }) { continue }
                    occupied[rowIndex].append(start..<(start + width))
                    var style = markerStyle(release, theme: theme, base: theme[.label].over(base))
                    if rank(index) == 1 { style = style.with(.bold) }
                    if index == state.timeline.selection { style = theme[.selected].over(style) }
                    buffer.put(candidate, x: area.x + start, y: labelRows[rowIndex], style: style, clip: area)
                    placed = true
                    break
                }
            }
            if !placed { hidden += 1 }
        }
        drawDetails(state, releases: releases, hidden: hidden, into: &buffer, area: area, row: detailRow)
    }

    static func drawTicks(_ releases: [Release], columns x: [Int], into buffer: inout ScreenBuffer, area: Rect, row: Int, style: Style) {
        let dates = releases.compactMap(\.date)
        guard let low = dates.min(), let high = dates.max() else { return }
        let spanDays = high.firstDay.dayNumber - low.firstDay.dayNumber
        var ticks: [(Int, String)] = []
        let monthly = spanDays < 500
        var year = low.year
        var month = low.month ?? 1
        let width = area.width
        let scale = AxisScale(releases: releases, width: width)
        while (year, monthly ? month : 1) <= (high.year, monthly ? (high.month ?? 12) : 1) {
            let date = CalendarDate(year: year, month: monthly ? month : 1, day: 1)
            let day = date.dayNumber
            let column = scale.column(ofDay: day)
            if day >= low.firstDay.dayNumber || spanDays == 0, column >= 0, column < width {
                ticks.append((column, monthly ? "\(year)-\(String(format2: month))" : "\(year)"))
            }
            if monthly { month += 1; if month > 12 { month = 1; year += 1 } } else { year += 1 }
        }
        if ticks.isEmpty { ticks.append((x.first ?? 0, low.description)) }
        var lastEnd = -1
        for (column, label) in ticks {
            let start = min(column, width - label.count)
            guard start > lastEnd else { continue }
            buffer.put("╷" + label, x: area.x + max(0, start - 1), y: row, style: style, clip: area)
            lastEnd = start + label.count + 1
        }
    }

    static func drawDetails(_ state: BrowserState, releases: [Release], hidden: Int, into buffer: inout ScreenBuffer, area: Rect, row: Int) {
        let theme = state.theme
        let base = theme[.text]
        guard releases.indices.contains(state.timeline.selection) else { return }
        let release = releases[state.timeline.selection]
        var parts = [release.modelName]
        if let organisation = release.organisation { parts.append(organisation) }
        parts.append(release.dateText.isEmpty ? "undated" : release.dateText)
        parts.append(release.basisDescription)
        if release.planned { parts.append("planned") }
        parts.append(release.mentionCount == 1 ? "1 mention" : "\(release.mentionCount) mentions")
        var text = "▸ " + parts.joined(separator: " · ")
        let position = "\(state.timeline.selection + 1)/\(releases.count)" + (hidden > 0 ? " (+\(hidden) unlabelled)" : "")
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

    static func renderList(_ state: BrowserState, releases: [Release], into buffer: inout ScreenBuffer, area: Rect) {
        let theme = state.theme
        let base = theme[.text]
        let modelWidth = min(28, max(8, releases.map { DisplayWidth.of($0.modelName) }.max() ?? 8))
        let organisationWidth = min(24, max(8, releases.map { DisplayWidth.of($0.organisation ?? "") }.max() ?? 8))
        for row in 0..<area.height {
            let index = state.timeline.scroll + row
            guard let release = releases[safe: index] else { break }
            let y = area.y + row
            let selected = index == state.timeline.selection
            let rowStyle = selected ? theme[.selection].over(base) : base
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
            if selected && state.activePane == .timeline { buffer.cursor = CursorPosition(x: area.x, y: y) }
            var x = area.x
            x = buffer.put(TextFit.pad(release.dateText.isEmpty ? "undated" : release.dateText, to: 11), x: x, y: y, style: rowStyle, clip: area)
            x = buffer.put(TextFit.pad(release.modelName, to: modelWidth) + " ", x: x, y: y,
                           style: markerStyle(release, theme: theme, base: rowStyle), clip: area)
            x = buffer.put(TextFit.pad(release.organisation ?? "", to: organisationWidth) + " ", x: x, y: y, style: rowStyle, clip: area)
            var basis = release.basisDescription
            if release.planned { basis += " · planned" }
            x = buffer.put(basis, x: x, y: y, style: theme[.dim].over(rowStyle), clip: area)
            if !release.conflicts.isEmpty {
                buffer.put(TextFit.truncate(" ⚠ " + release.conflicts.joined(separator: "; "), to: max(0, area.maxX - x)), x: x, y: y,
                           style: theme[.conflict].over(rowStyle), clip: area)
            }
        }
    }

    /// The release drawn at a screen cell of the timeline (for mouse clicks).
    public static func release(atX x: Int, y: Int, state: BrowserState) -> Int? {
        let area = state.screenLayout.timeline
        let releases = TimelineModel(state: state).releases
        guard area.contains(x: x, y: y), !releases.isEmpty else { return nil }
        if state.timeline.isList {
            let index = state.timeline.scroll + (y - area.y)
            return releases.indices.contains(index) ? index : nil
        }
        let columns = columns(releases, width: area.width)
        let nearest = releases.indices.min { abs(columns[$0] - (x - area.x)) < abs(columns[$1] - (x - area.x)) }
        return nearest.flatMap { abs(columns[$0] - (x - area.x)) <= 3 ? $0 : nil }
    }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}

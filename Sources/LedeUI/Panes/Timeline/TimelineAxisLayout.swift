// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Where everything on the time axis goes, worked out before anything is
/// drawn so that drawing and mouse clicks agree: the rows (one axis, or one
/// lane per organisation), the column of each release in the visible days,
/// the ticks, the counts of releases beyond either edge, and the labels,
/// placed so that no two touch.
struct TimelineAxisLayout {
    /// A release's marker cell.
    struct Position: Hashable {
        var x: Int
        var y: Int
    }

    /// A label and the cells it covers (`x..<x + width`, on row `y`).
    struct Label: Hashable {
        var release: Int
        var text: String
        var x: Int
        var y: Int
        var width: Int
        var cells: Range<Int> { x..<(x + width) }
    }

    /// A row of markers: the single axis, or an organisation's lane.
    struct AxisRow {
        var y: Int
        /// Lane name; nil on the single axis.
        var name: String?
        /// Releases of the row before and after the visible days.
        var before = 0
        var after = 0
    }

    let area: Rect
    let rows: [AxisRow]
    let tickRow: Int?
    let detailRow: Int
    /// Columns the scale maps days onto (markers and labels stay inside).
    let scaleX: Int
    let scaleWidth: Int
    let window: DayWindow?
    let scale: TimeScale
    let isZoomed: Bool
    /// Per release: its marker cell, nil when outside the visible days.
    let positions: [Position?]
    let labels: [Label]
    /// Visible releases whose label found no room.
    let unlabelled: Int
    let ticks: [(x: Int, text: String)]
    /// Width of the lane names column (0 on the single axis).
    let nameWidth: Int

    var hasLanes: Bool { rows.first?.name != nil }

    init(state: BrowserState, model: TimelineModel, area: Rect) {
        self.area = area
        let releases = model.releases
        let selection = model.index(of: state.timeline.selected)
        let lanes = state.timeline.isList ? [] : model.lanes(rows: TimelineModel.laneRows(paneHeight: area.height))
        let window = model.window(for: state.timeline)
        self.window = window
        isZoomed = min(state.timeline.zoom, model.maximumZoom) > 0

        // Rows: ticks on top when there is room, details at the bottom; lanes or one axis (with label rows) between.
        let hasTickRow = area.height >= 4
        tickRow = hasTickRow ? area.y : nil
        detailRow = area.maxY - 1
        let firstAxisRow = area.y + (hasTickRow ? 1 : 0)
        var laneOfRelease = [Int](repeating: 0, count: releases.count)
        var rows: [AxisRow]
        if lanes.isEmpty {
            rows = [AxisRow(y: firstAxisRow, name: nil)]
        } else {
            rows = lanes.enumerated().map { AxisRow(y: firstAxisRow + $0.offset, name: $0.element.name) }
            for (lane, members) in lanes.enumerated() { for index in members.releases { laneOfRelease[index] = lane } }
        }
        let nameWidth = lanes.isEmpty ? 0 : min(16, max(5, lanes.map { DisplayWidth.of($0.name) }.max() ?? 5)) + 1
        self.nameWidth = nameWidth

        // Releases beyond the visible days are counted at the edges of their row.
        var positions = [Position?](repeating: nil, count: releases.count)
        for (index, release) in releases.enumerated() where isZoomed {
            guard let window else { break }
            let day = release.date?.firstDay.dayNumber
            if let day, day < window.first { rows[laneOfRelease[index]].before += 1 } else if day == nil || day! > window.last { rows[laneOfRelease[index]].after += 1 }
        }
        let widestCount = rows.map { max($0.before, $0.after) }.max() ?? 0
        let margin = isZoomed ? String(widestCount).count + 3 : 0
        let scaleX = area.x + nameWidth + margin
        let scaleWidth = max(1, area.width - nameWidth - 2 * margin)
        self.scaleX = scaleX
        self.scaleWidth = scaleWidth

        let scale = TimeScale(releases: releases, window: window, isZoomed: isZoomed, width: scaleWidth)
        self.scale = scale
        for (index, release) in releases.enumerated() {
            guard let column = scale.column(of: release) else { continue }
            positions[index] = Position(x: scaleX + column, y: rows[laneOfRelease[index]].y)
        }
        self.rows = rows
        self.positions = positions
        ticks = window.map { scale.ticks(in: $0).map { (x: scaleX + $0.column, text: $0.text) } } ?? []

        // Labels: the selection first, then releases this article mentions, then the rest from the left.
        let placed = positions
        let rank = { (index: Int) -> Int in index == selection ? 0 : (model.isMentionedHere(releases[index]) ? 1 : 2) }
        let order = releases.indices.filter { placed[$0] != nil }.sorted { (rank($0), placed[$0]!.x) < (rank($1), placed[$1]!.x) }
        let placer = LabelPlacer(scaleX: scaleX, scaleEnd: scaleX + scaleWidth)
        (labels, unlabelled) = lanes.isEmpty
            ? placer.belowAxis(order, releases: releases, positions: placed, rows: Array((firstAxisRow + 1)..<max(firstAxisRow + 1, detailRow)), selection: selection)
            : placer.onLanes(order, releases: releases, positions: placed, selection: selection)
    }

    /// Where a period of days (an organisation's busiest) sits on the axis:
    /// its columns, or the side of the visible days it lies beyond.
    enum Span: Equatable {
        case columns(ClosedRange<Int>)
        case before, after
    }

    func span(first: Int, last: Int) -> Span? {
        guard let window else { return nil }
        if last < window.first { return .before }
        if first > window.last { return .after }
        let from = scaleX + scale.column(ofDay: max(first, window.first))
        let to = scaleX + scale.column(ofDay: min(last, window.last))
        return .columns(min(from, to)...max(from, to))
    }

    /// The release drawn nearest a cell (within 3 columns, on its row).
    func release(atX x: Int, y: Int) -> Int? {
        let onRow = positions.indices.filter { positions[$0].map { hasLanes ? $0.y == y : true } ?? false }
        let nearest = onRow.min { abs(positions[$0]!.x - x) < abs(positions[$1]!.x - x) }
        return nearest.flatMap { abs(positions[$0]!.x - x) <= 3 ? $0 : nil }
    }
}

/// Places labels so that no two touch: a name, else its short form, else
/// nothing (the marker stays). The selected release always gets one.
struct LabelPlacer {
    let scaleX: Int
    let scaleEnd: Int

    static func candidates(_ name: String) -> [(String, Int)] {
        let width = DisplayWidth.of(name)
        let short = TextFit.truncate(name, to: max(4, min(width, 8)))
        return [(name, width), (short, DisplayWidth.of(short))]
    }

    /// One axis: labels on the rows below it, starting at their marker's column (shifted left at the right edge).
    func belowAxis(_ order: [Int], releases: [Release], positions: [TimelineAxisLayout.Position?], rows: [Int], selection: Int)
        -> ([TimelineAxisLayout.Label], Int) {
        var occupied: [[Range<Int>]] = rows.map { _ in [] }
        var labels: [TimelineAxisLayout.Label] = []
        var hidden = 0
        for index in order {
            var placed = false
            search: for (row, y) in rows.enumerated() {
                for (text, width) in Self.candidates(releases[index].modelName) {
                    let start = max(scaleX, min(positions[index]!.x, scaleEnd - width))
                    let cells = start..<(start + width)
                    guard cells.upperBound <= scaleEnd || index == selection else { continue }
                    if occupied[row].contains(where: { $0.overlaps((start - 1)..<(start + width + 1)) }) { continue }
                    occupied[row].append(cells)
                    labels.append(.init(release: index, text: text, x: start, y: y, width: width))
                    placed = true
                    break search
                }
            }
            if !placed { hidden += 1 }
        }
        return (labels, hidden)
    }

    /// Lanes: each label on its lane, just right (else left) of its marker,
    /// clear of every other marker and label by a cell. The selected
    /// release's label goes first and, where markers crowd, over them.
    func onLanes(_ order: [Int], releases: [Release], positions: [TimelineAxisLayout.Position?], selection: Int)
        -> ([TimelineAxisLayout.Label], Int) {
        var markers: [Int: Set<Int>] = [:]
        for position in positions.compactMap({ $0 }) { markers[position.y, default: []].insert(position.x) }
        var occupied: [Int: [Range<Int>]] = [:]
        var labels: [TimelineAxisLayout.Label] = []
        var hidden = 0
        for index in order {
            let marker = positions[index]!
            let others = markers[marker.y, default: []].subtracting([marker.x])
            func fits(_ start: Int, _ width: Int, overMarkers: Bool) -> Bool {
                guard start >= scaleX, start + width <= scaleEnd else { return false }
                let clearance = (start - 1)..<(start + width + 1)
                if occupied[marker.y, default: []].contains(where: { $0.overlaps(clearance) }) { return false }
                return overMarkers || !others.contains { clearance.contains($0) }
            }
            var choice: (String, Int, Int)?
            // The selected release keeps its whole name, over neighbouring markers if it must.
            for (text, width) in Self.candidates(releases[index].modelName) where choice == nil {
                for overMarkers in index == selection ? [false, true] : [false] where choice == nil {
                    for start in [marker.x + 1, marker.x - width] where fits(start, width, overMarkers: overMarkers) {
                        choice = (text, width, start)
                        break
                    }
                }
            }
            if choice == nil, index == selection {
                // Wider than the lane has room for on either side: as much as fits, from the left edge.
                let width = min(DisplayWidth.of(releases[index].modelName), scaleEnd - scaleX)
                choice = (TextFit.truncate(releases[index].modelName, to: width), width, max(scaleX, min(marker.x + 1, scaleEnd - width)))
            }
            guard let (text, width, start) = choice else { hidden += 1; continue }
            occupied[marker.y, default: []].append(start..<(start + width))
            labels.append(.init(release: index, text: text, x: start, y: marker.y, width: width))
        }
        return (labels, hidden)
    }
}

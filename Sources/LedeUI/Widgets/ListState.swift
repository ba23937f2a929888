// SPDX-License-Identifier: Apache-2.0
/// A selection in a list and the first row on screen. Every list moves and
/// scrolls through this one type: the timeline's list, the dossier, the
/// article list, the search hits and the help.
public struct ListState: Hashable, Sendable {
    /// Index of the selected item.
    public var selection: Int
    /// First row shown.
    public var offset: Int

    public init(selection: Int = 0, offset: Int = 0) {
        self.selection = selection
        self.offset = offset
    }

    /// Moves the selection by `delta` (saturating at both ends) among `count`
    /// items and scrolls so that it stays within `rows` rows.
    public mutating func move(by delta: Int, count: Int, rows: Int) {
        selection = clamp(selection.addingReportingOverflow(delta).partialValue, 0, max(0, count - 1))
        scrollIntoView(row: selection, rows: rows, count: count)
    }

    /// Scrolls as little as possible to show `row` (the selection's row, when
    /// rows and items differ, as with headings) in a window of `rows` out of `count`.
    public mutating func scrollIntoView(row: Int, rows: Int, count: Int) {
        let rows = max(1, rows)
        if row < offset { offset = row }
        if row >= offset + rows { offset = row - rows + 1 }
        offset = clamp(offset, 0, max(0, count - rows))
    }

    /// Scrolls a list without a selection (the help) by `delta` rows.
    public mutating func scroll(by delta: Int, count: Int, rows: Int) {
        offset = clamp(offset.addingReportingOverflow(delta).partialValue, 0, max(0, count - rows))
    }
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), max(low, high)) }

// SPDX-License-Identifier: Apache-2.0
/// Where each pane sits for a terminal size. Pure arithmetic, so every
/// size from 40×12 to 300×100 can be checked in tests.
///
/// ```
/// ┌ title ───────────────┬ Entities ──┐   row 0
/// │ reader               │ sidebar    │
/// ├ Model releases ──────┴────────────┤   separator
/// │ timeline                          │
/// └───────────────────────────────────┘
///  status bar                             last row
/// ```
public struct ScreenLayout: Hashable, Sendable {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
    }

    /// Too small to draw panes: a one-line notice instead.
    public var isTooSmall: Bool { width < 30 || height < 8 }

    public var status: Rect { Rect(x: 0, y: height - 1, width: width, height: 1) }

    /// Inner rows of the timeline pane.
    public var timelineRows: Int { height >= 40 ? 7 : (height >= 24 ? 5 : (height >= 16 ? 4 : 3)) }

    public var sidebarWidth: Int { min(44, max(16, width * 28 / 100)) }

    /// Column of the border between reader and sidebar.
    public var divider: Int { width - sidebarWidth - 1 }

    /// Row of the border between the upper panes and the timeline.
    public var separator: Int { height - 2 - timelineRows - 1 }


    public var reader: Rect { Rect(x: 1, y: 1, width: divider - 1, height: separator - 1) }
    /// Reader text area: one column of padding on each side, and no wider
    /// than a comfortable reading measure.
    public var readerText: Rect { Rect(x: reader.x + 1, y: reader.y, width: min(Self.readingMeasure, max(1, reader.width - 2)), height: reader.height) }

    static let readingMeasure = 100
    public var sidebar: Rect { Rect(x: divider + 1, y: 1, width: width - divider - 2, height: separator - 1) }
    public var timeline: Rect { Rect(x: 1, y: separator + 1, width: width - 2, height: timelineRows) }

    /// A centred box for overlays.
    public func overlay(widthPercent: Int, heightPercent: Int, minWidth: Int = 30, minHeight: Int = 6) -> Rect {
        let boxWidth = min(width, max(minWidth, width * widthPercent / 100))
        let boxHeight = min(height - 1, max(minHeight, height * heightPercent / 100))
        return Rect(x: (width - boxWidth) / 2, y: max(0, (height - 1 - boxHeight) / 2), width: boxWidth, height: boxHeight)
    }
}

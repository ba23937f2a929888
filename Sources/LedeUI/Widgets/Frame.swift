// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// What one frame shows, derived from the state at most once: the screen
/// layout, the reader's lines, the sidebar rows, the timeline's releases,
/// hint labels and highlight spans. Made fresh for every frame and never
/// kept, so it needs no lock and cannot go stale; each part is derived the
/// first time a widget asks for it, so a frame that does not show a part
/// does not pay for it.
public final class Frame {
    public let state: BrowserState
    public let layout: ScreenLayout

    public init(_ state: BrowserState) {
        self.state = state
        self.layout = state.screenLayout
    }

    public var theme: Theme { state.theme }
    public private(set) lazy var readerLayout: ReaderLayout = state.readerLayout
    public private(set) lazy var sidebar: SidebarModel = state.sidebarModel
    public private(set) lazy var timeline: TimelineModel = state.timelineModel
    /// Labels of the mentions on screen, only in hint mode.
    public private(set) lazy var hints: [HintLabels.Label] = state.typedHint == nil ? [] : HintLabels(state: state).labels
    /// Mention, search and sentence styles of the reader, by paragraph.
    private(set) lazy var spans = ReaderView.SpanIndex(state: state, sidebar: self.sidebar)
}

/// A pane, bar or overlay: draws part of a frame into a rectangle of the buffer.
public protocol Widget {
    static func render(_ frame: Frame, into buffer: inout ScreenBuffer, area: Rect)
}

// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Cells drawn in earlier frames, kept by whoever draws frame after frame
/// (the event loop), not by the state: drawing is a pure function of state,
/// so a region whose inputs are unchanged is pasted rather than drawn again.
/// Only the timeline uses it: most keys leave it as it was, and drawing it
/// lays out every release on the axis.
public struct DrawnRegions {
    struct TimelineInputs: Hashable {
        var generation: Int
        var timeline: TimelineState
        var area: Rect
        var theme: Int
        var article: ArticleID?
        var focus: Pane

        init(state: BrowserState, area: Rect) {
            generation = state.corpus.generation
            timeline = state.timeline
            self.area = area
            theme = state.themeIndex
            article = state.article
            focus = state.focus
        }
    }

    private var timeline: (inputs: TimelineInputs, cells: [Cell])?

    public init() {}

    /// Pastes the timeline as last drawn when nothing it shows changed, else draws it and keeps the cells.
    mutating func drawTimeline(_ state: BrowserState, area: Rect, into buffer: inout ScreenBuffer, draw: (inout ScreenBuffer) -> Void) {
        let inputs = TimelineInputs(state: state, area: area)
        if let timeline, timeline.inputs == inputs {
            buffer.paste(timeline.cells, in: area)
            return
        }
        draw(&buffer)
        timeline = (inputs, buffer.cells(in: area))
    }
}

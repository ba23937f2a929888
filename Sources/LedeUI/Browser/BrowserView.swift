// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Draws the whole screen from state: the frame with pane titles, the
/// three panes, an overlay if one is open, and the status bar.
public enum BrowserView {
    public static func render(_ state: BrowserState) -> ScreenBuffer {
        var regions = DrawnRegions()
        return render(state, reusing: &regions)
    }

    /// Draws a frame, reusing regions the previous frames drew when what they show is unchanged.
    public static func render(_ state: BrowserState, reusing regions: inout DrawnRegions) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height, fill: state.theme[.text])
        render(state, into: &buffer, reusing: &regions)
        return buffer
    }

    public static func render(_ state: BrowserState, into buffer: inout ScreenBuffer) {
        var regions = DrawnRegions()
        render(state, into: &buffer, reusing: &regions)
    }

    static func render(_ state: BrowserState, into buffer: inout ScreenBuffer, reusing regions: inout DrawnRegions) {
        let layout = state.screenLayout
        let theme = state.theme
        if layout.isTooSmall {
            buffer.fill(buffer.area, style: theme[.text])
            buffer.put(TextFit.truncate("lede needs 30×8 or more (q quits)", to: buffer.width), x: 0, y: 0, style: theme[.error], clip: buffer.area)
            return
        }
        let frame = Frame(state)
        drawFrame(state, into: &buffer)
        ReaderView.render(frame, into: &buffer, area: layout.readerText)
        SidebarView.render(frame, into: &buffer, area: layout.sidebar)
        regions.drawTimeline(state, area: layout.timeline, into: &buffer) { buffer in
            TimelineView.render(frame, into: &buffer, area: layout.timeline)
        }
        if let overlay = state.overlay { drawOverlay(overlay, frame: frame, into: &buffer) }
        StatusBarView.render(frame, into: &buffer, area: layout.status)
        // The widgets put the cursor on what has focus; it is shown only in accessible mode.
        if !state.accessible { buffer.cursor = nil }
    }

    /// An overlay over the panes; help is drawn over what it was opened from.
    static func drawOverlay(_ overlay: Overlay, frame: Frame, into buffer: inout ScreenBuffer) {
        let layout = frame.layout
        switch overlay {
        case .help(_, _, let beneath):
            if let beneath {
                var under = frame.state
                under.overlay = beneath
                drawOverlay(beneath, frame: Frame(under), into: &buffer)
            }
            HelpOverlay.render(frame, into: &buffer, area: HelpOverlay.rect(layout))
        case .dossier: DossierOverlay.render(frame, into: &buffer, area: DossierOverlay.rect(layout))
        case .articles: ArticleListOverlay.render(frame, into: &buffer, area: ArticleListOverlay.rect(layout))
        case .corpusSearch: CorpusSearchOverlay.render(frame, into: &buffer, area: CorpusSearchOverlay.rect(layout))
        }
    }

    static func drawFrame(_ state: BrowserState, into buffer: inout ScreenBuffer) {
        let layout = state.screenLayout
        let theme = state.theme
        let base = theme[.text]
        let border = theme[.border].over(base)
        let focused = theme[.borderFocused].over(base)
        let right = layout.width - 1
        // The outer box, then the line under the upper panes and the one between them, with their joints.
        Block.drawBorder(Rect(x: 0, y: 0, width: layout.width, height: layout.height - 1), style: border, into: &buffer)
        for x in 1..<right { buffer.put("─", x: x, y: layout.separator, style: border) }
        for y in 1..<layout.separator { buffer.put("│", x: layout.divider, y: y, style: border) }
        buffer.put("├", x: 0, y: layout.separator, style: border)
        buffer.put("┤", x: right, y: layout.separator, style: border)
        buffer.put("┬", x: layout.divider, y: 0, style: border)
        buffer.put("┴", x: layout.divider, y: layout.separator, style: border)

        // Titles on the borders; the focused pane's border segment stands out.
        func title(_ text: String, x: Int, y: Int, until limit: Int, pane: Pane) {
            let isFocused = state.focus == pane
            if isFocused {
                for column in x..<limit { buffer.put("─", x: column, y: y, style: focused) }
            }
            let room = limit - x - 3
            guard room > 0 else { return }
            let label = " " + TextFit.truncate(text, to: room) + " "
            buffer.put(label, x: x + 1, y: y, style: (isFocused ? theme[.paneTitleFocused] : theme[.paneTitle]).over(base),
                       clip: Rect(x: x, y: y, width: limit - x, height: 1))
        }
        var articleTitle = state.article.flatMap { state.corpus.summary(of: $0)?.title } ?? (state.indexing == nil ? "No articles" : "Indexing…")
        if !state.sidebar.filter.isEmpty && state.focus == .reader { articleTitle = "[/\(state.sidebar.filter)] " + articleTitle }
        title(articleTitle, x: 1, y: 0, until: layout.divider, pane: .reader)
        var sidebarTitle = "Entities"
        if !state.sidebar.filter.isEmpty || state.isFiltering(.sidebar) { sidebarTitle += "  /" + state.sidebar.filter }
        title(sidebarTitle, x: layout.divider + 1, y: 0, until: right, pane: .sidebar)
        var timelineTitle = "Model releases"
        if let organisation = state.timeline.organisationFilter { timelineTitle += " · \(organisation)" }
        if state.timeline.onlyCurrentArticle { timelineTitle += " · this article" }
        if state.timeline.isList { timelineTitle += " · list" }
        if let range = TimelineView.visibleRange(state) { timelineTitle += " · \(range)" }
        title(timelineTitle, x: 1, y: layout.separator, until: right, pane: .timeline)
    }
}

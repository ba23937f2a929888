// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// The model-release timeline: ← → through releases, j k between
/// organisation lanes, + - 0 zoom the axis, Enter jumps to the sentence
/// that reports the selected one; scope and organisation filters.
enum TimelinePane: PaneBehaviour {
    static let title = "Model releases"
    static let mode = "TIMELINE"

    static func pageSize(_ state: BrowserState) -> Int { state.screenLayout.timeline.height }

    static func move(_ state: inout BrowserState, by delta: Int) {
        let model = state.timelineModel
        let count = model.releases.count
        guard count > 0 else {
            state.timeline.selected = nil
            state.timeline.scroll = 0
            return
        }
        let rows = state.screenLayout.timeline.height
        // From where the list is drawn: the selection may have moved on the axis or by a click since.
        var list = model.listWindow(state.timeline, rows: rows)
        list.move(by: delta, count: count, rows: rows)
        select(&state, list.selection, model, scroll: list.offset)
    }

    /// Selects the release at `index` of those shown, by its model, and keeps it in view.
    static func select(_ state: inout BrowserState, _ index: Int, _ model: TimelineModel, scroll: Int? = nil) {
        state.timeline.selected = model.releases[safe: index]?.model
        if let scroll { state.timeline.scroll = scroll }
        followSelection(&state, model)
    }

    /// Scrolls a zoomed axis so the selection stays on it (the list scrolls itself).
    static func followSelection(_ state: inout BrowserState, _ model: TimelineModel) {
        guard state.timeline.zoom > 0 else { return }
        state.timeline.windowStart = model.window(for: state.timeline)?.first
        state.timeline.scroll = model.listWindow(state.timeline, rows: state.screenLayout.timeline.height).offset
    }

    /// Starts the timeline on a release this article talks about, else the first.
    static func selectReleaseOfArticle(_ state: inout BrowserState) {
        let model = state.timelineModel
        state.timeline.selected = (model.releases.first(where: model.isMentionedHere) ?? model.releases.first)?.model
    }

    /// `j` / `k`: to the lane below or above, on the release nearest in time;
    /// without lanes (list view, a short pane, one organisation) the next or previous release.
    static func stepLane(_ state: inout BrowserState, by delta: Int) {
        let model = state.timelineModel
        let lanes = model.lanes(for: state)
        let selection = model.index(of: state.timeline.selected)
        guard let current = lanes.firstIndex(where: { $0.releases.contains(selection) }) else { move(&state, by: delta); return }
        let target = clamp(current + delta, 0, lanes.count - 1)
        guard target != current else {
            state.message = StatusMessage(delta > 0 ? "Already on the last lane" : "Already on the first lane")
            return
        }
        // Undated releases sit after every date, as on the axis.
        let undated = Int.max / 4
        let day = model.day(of: selection) ?? undated
        let candidates = lanes[target].releases
        guard let nearest = candidates.min(by: { abs((model.day(of: $0) ?? undated) - day) < abs((model.day(of: $1) ?? undated) - day) }) else { return }
        select(&state, nearest, model)
    }

    // MARK: - Zoom

    /// `+` / `-`: shows a factor fewer (or more) days, keeping the selected
    /// release where it is on the axis.
    static func zoom(_ state: inout BrowserState, by step: Int) {
        let model = state.timelineModel
        guard let before = model.window(for: state.timeline) else {
            state.message = StatusMessage("No dated releases to zoom", isError: true)
            return
        }
        let current = min(state.timeline.zoom, model.maximumZoom)
        let level = clamp(current + step, 0, model.maximumZoom)
        guard level != current else {
            state.message = StatusMessage(step > 0 ? "Zoomed in as far as it goes (about a month): - zooms out" : "Showing every release: + zooms in")
            return
        }
        state.timeline.zoom = level
        state.timeline.windowStart = nil
        if level > 0, let focus = model.day(of: model.index(of: state.timeline.selected)) {
            // The selection keeps its place: the same fraction of the way across.
            let fraction = before.span > 0 ? Double(focus - before.first) / Double(before.span) : 0.5
            let start = focus - Int((fraction * Double(model.span(atZoom: level))).rounded())
            state.timeline.windowStart = model.window(zoom: level, start: start, showing: focus)?.first
        }
        state.message = StatusMessage(rangeMessage(model, state.timeline))
    }

    /// `0`: every release again.
    static func zoomToFit(_ state: inout BrowserState) {
        state.timeline.zoom = 0
        state.timeline.windowStart = nil
        state.message = StatusMessage(rangeMessage(state.timelineModel, state.timeline))
    }

    static func rangeMessage(_ model: TimelineModel, _ timeline: TimelineState) -> String {
        guard let window = model.window(for: timeline) else { return "No dated releases" }
        return timeline.zoom == 0 ? "All \(model.releases.count) releases: \(window.description)" : "Releases \(window.description)"
    }

    /// Enter: the sentence that reports the selected release, highlighted.
    static func follow(_ state: inout BrowserState) {
        guard let release = state.selectedRelease else { return }
        guard let evidence = release.evidenceMention ?? state.mentionList(of: release.model).mention(at: 0, corpus: state.corpus)?.id else {
            state.message = StatusMessage("\(release.modelName): no mention linked yet", isError: true)
            return
        }
        state.jump(to: evidence, highlightSentence: true)
        state.message = StatusMessage("\(release.modelName) · \(release.dateText) · \(release.basisDescription)")
    }

    static func mouse(_ state: inout BrowserState, _ event: MouseEvent) {
        switch event.kind {
        case .wheelUp: move(&state, by: -1)
        case .wheelDown: move(&state, by: 1)
        case .click:
            state.focus = .timeline
            if let index = TimelineView.release(atX: event.x, y: event.y, state: state) {
                state.timeline.selected = state.timelineModel.releases[safe: index]?.model
                follow(&state)
            }
        }
    }

    /// `p`: marks, on each organisation's lane (and in the list), the week or
    /// month in which the articles mention it most; again, hides them.
    static func togglePeaks(_ state: inout BrowserState) {
        state.timeline.showsPeaks.toggle()
        guard state.timeline.showsPeaks else {
            state.message = StatusMessage("Busiest periods hidden")
            return
        }
        state.keepOrganisationPeaks()
        let peaks = state.organisationPeaks
        let shown = state.timelineModel.releases.compactMap(\.organisation)
        if let organisation = state.selectedRelease?.organisation, let peak = peaks[organisation] {
            state.message = StatusMessage("━ marks each organisation's busiest period: \(organisation) \(peak.label) (\(MentionTimelineLine.mentions(peak.mentions)))")
        } else if shown.contains(where: { peaks[$0] != nil }) {
            state.message = StatusMessage("━ marks each organisation's busiest period of mentions")
        } else {
            state.message = StatusMessage(state.indexing != nil ? "No busiest periods yet: still indexing" : "No dated mentions of these organisations",
                                          isError: state.indexing == nil)
        }
    }

    /// `v`: the time axis or a list.
    static func toggleList(_ state: inout BrowserState) {
        state.timeline.isList.toggle()
    }

    /// `a`: only the releases this article mentions, or all.
    static func toggleScope(_ state: inout BrowserState) {
        state.timeline.onlyCurrentArticle.toggle()
        startOver(&state)
        state.message = StatusMessage(state.timeline.onlyCurrentArticle ? "Releases this article mentions" : "Releases of all articles")
    }

    /// `c` / `C`: one organisation's releases after another (forward or back), with all of them between the last and the first.
    static func cycleOrganisationFilter(_ state: inout BrowserState, by step: Int) {
        let organisations = state.timelineModel.organisations
        // Position 0 is "all organisations", then each one in order.
        let positions = organisations.count + 1
        let current = state.timeline.organisationFilter.flatMap { organisations.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let next = ((current + step) % positions + positions) % positions
        state.timeline.organisationFilter = next == 0 ? nil : organisations[next - 1]
        startOver(&state)
        state.message = StatusMessage("Releases: \(state.timeline.organisationFilter ?? "all organisations")")
    }

    /// Other releases are shown: the first of them selected, at the top of the list, the axis unzoomed to them.
    static func startOver(_ state: inout BrowserState) {
        state.timeline.selected = state.timelineModel.releases.first?.model
        state.timeline.scroll = 0
        state.timeline.windowStart = nil
    }
}

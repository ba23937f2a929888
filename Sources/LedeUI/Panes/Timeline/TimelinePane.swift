import LedeModel

/// The model-release timeline: ← → (or j k) through releases, Enter jumps
/// to the sentence that reports the selected one; scope and organisation filters.
enum TimelinePane: PaneBehaviour {
    static let title = "Model releases"
    static let mode = "TIMELINE"

    static func pageSize(_ state: BrowserState) -> Int { state.screenLayout.timeline.height }

    static func move(_ state: inout BrowserState, by delta: Int) {
        let count = TimelineModel(state: state).releases.count
        guard count > 0 else { state.timeline.list = ListState(); return }
        // The list view shows all but the details row; the axis keeps the same bookkeeping.
        state.timeline.list.move(by: delta, count: count, rows: state.screenLayout.timeline.height - 1)
    }

    /// Enter: the sentence that reports the selected release, highlighted.
    static func follow(_ state: inout BrowserState) {
        let releases = TimelineModel(state: state).releases
        guard releases.indices.contains(state.timeline.selection) else { return }
        let release = releases[state.timeline.selection]
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
                state.timeline.selection = index
                follow(&state)
            }
        }
    }

    /// `a`: only the releases this article mentions, or all.
    static func toggleScope(_ state: inout BrowserState) {
        state.timeline.onlyCurrentArticle.toggle()
        state.timeline.list = ListState()
        state.message = StatusMessage(state.timeline.onlyCurrentArticle ? "Releases this article mentions" : "Releases of all articles")
    }

    /// `c` / `C`: one organisation's releases after another (forward or back), with all of them between the last and the first.
    static func cycleOrganisationFilter(_ state: inout BrowserState, by step: Int) {
        let organisations = TimelineModel(state: state).organisations
        // Position 0 is "all organisations", then each one in order.
        let positions = organisations.count + 1
        let current = state.timeline.organisationFilter.flatMap { organisations.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let next = ((current + step) % positions + positions) % positions
        state.timeline.organisationFilter = next == 0 ? nil : organisations[next - 1]
        state.timeline.list = ListState()
        state.message = StatusMessage("Releases: \(state.timeline.organisationFilter ?? "all organisations")")
    }
}

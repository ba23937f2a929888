// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// The sidebar's co-occurrence view: `c` lists the entities that share
/// paragraphs (or sentences) with the selected one; the list keeps the
/// sidebar's filter, type toggles and keys; Enter lists the shared paragraphs.
extension SidebarPane {
    /// `c`: into the view for the selected entity, or back to the article's entities.
    static func toggleCooccurrence(_ state: inout BrowserState) {
        if let view = state.sidebar.cooccurrence {
            state.sidebar.cooccurrence = nil
            state.sidebar.selectedEntity = view.returnSelection
            state.sidebar.scroll = view.returnScroll
            reselect(&state)
            state.message = StatusMessage("This article's entities")
            return
        }
        guard let entity = state.sidebar.selectedEntity, let info = state.corpus.entity(entity) else {
            state.message = StatusMessage("Select an entity first: c lists what travels with it", isError: true)
            return
        }
        state.sidebar.cooccurrence = CooccurrenceState(entity: entity, returnSelection: entity, returnScroll: state.sidebar.scroll)
        state.sidebar.selectedEntity = state.sidebarModel.visibleEntities.first
        state.sidebar.scroll = 0
        keepSelectionVisible(&state)
        state.message = StatusMessage(summary(of: state.sidebarModel, label: info.label))
    }

    /// `p` and `s`: another unit or ranking, keeping the selected partner.
    static func changeCooccurrence(_ state: inout BrowserState, _ change: (inout CooccurrenceState) -> Void) {
        guard var view = state.sidebar.cooccurrence else {
            state.message = StatusMessage("p and s change the co-occurrence view: c opens it", isError: true)
            return
        }
        change(&view)
        state.sidebar.cooccurrence = view
        reselect(&state)
        if let info = state.corpus.entity(view.entity) { state.message = StatusMessage(summary(of: state.sidebarModel, label: info.label)) }
    }

    /// `With OpenAI: 143 entities share paragraphs, by lift`.
    static func summary(of model: SidebarModel, label: String) -> String {
        guard let table = model.cooccurrence else { return "" }
        guard !table.rows.isEmpty else { return "Nothing shares a \(table.unit.rawValue) with \(label)" }
        let ranking = table.order == .lift ? "by lift (× chance)" : "by shared \(table.unit.plural)"
        return "With \(label): \(table.rows.count) entit\(table.rows.count == 1 ? "y shares" : "ies share") \(table.unit.plural), \(ranking)"
    }

    /// Enter on a partner: the paragraphs (or sentences' paragraphs) that name both.
    static func listSharedUnits(_ state: inout BrowserState, view: CooccurrenceState) {
        guard let partner = state.sidebar.selectedEntity, let subject = state.corpus.entity(view.entity),
              let other = state.corpus.entity(partner) else { return }
        let hits = state.corpus.sharedUnits(of: view.entity, and: partner, unit: view.unit)
        var search = CorpusSearchState()
        search.query = "\(subject.label) + \(other.label)"
        search.hits = hits
        search.title = "\(subject.label) with \(other.label): \(hits.count) shared \(view.unit == .paragraph ? "paragraph" : "sentence's paragraph")\(hits.count == 1 ? "" : "s")"
        state.prompt = nil
        state.overlay = .corpusSearch(search)
    }

    /// `12 ×3.4`: shared units and lift, as the row's right-hand column.
    static func partnerFigures(_ row: CooccurrenceRow) -> String { "\(row.shared) \(liftText(row))" }

    /// `×3.4`, or `×12` from ten up.
    static func liftText(_ row: CooccurrenceRow) -> String {
        "×" + (row.lift >= 10 ? String(Int(row.lift.rounded())) : String(Double(Int((row.lift * 10).rounded())) / 10))
    }
}

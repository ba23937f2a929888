// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// The entity list: selection by entity (stable while the filter narrows and
/// widens), the filter prompt, type toggles, Enter jumps to the first mention.
enum SidebarPane: PaneBehaviour {
    static let title = "Entities"
    static let mode = "ENTITIES"

    static func pageSize(_ state: BrowserState) -> Int { state.screenLayout.sidebar.height }

    static func move(_ state: inout BrowserState, by delta: Int) {
        let entities = state.sidebarModel.visibleEntities
        guard !entities.isEmpty else { return }
        let current = state.sidebar.selectedEntity.flatMap { entities.firstIndex(of: $0) } ?? 0
        state.sidebar.selectedEntity = entities[clamp(current.addingReportingOverflow(delta).partialValue, 0, entities.count - 1)]
        keepSelectionVisible(&state)
    }

    /// Enter: the selected entity's first mention in this article (else the first anywhere after it).
    static func follow(_ state: inout BrowserState) {
        if let view = state.sidebar.cooccurrence { return listSharedUnits(&state, view: view) }
        guard let entity = state.sidebar.selectedEntity, let info = state.corpus.entity(entity) else { return }
        let list = state.mentionList(of: entity)
        let posting = state.article.flatMap { list.posting(of: $0, corpus: state.corpus) } ?? 0
        guard !list.isEmpty, let first = list.mention(at: list.firstIndex(ofPosting: posting), corpus: state.corpus) else {
            state.message = StatusMessage(state.indexing != nil ? "\(info.label): no mention linked yet (still indexing)"
                                                                : "\(info.label) is annotated but not named in the text", isError: true)
            return
        }
        if state.isFiltering(.sidebar) { state.prompt = nil }
        state.jump(to: first.id)
        state.message = StatusMessage("\(info.label): mention \(list.firstIndex(ofPosting: posting) + 1) of \(list.count) — ] next, ⌫ back")
    }

    static func mouse(_ state: inout BrowserState, _ event: MouseEvent) {
        switch event.kind {
        case .wheelUp: state.sidebar.scroll = max(0, state.sidebar.scroll - 3)
        case .wheelDown: state.sidebar.scroll = min(max(0, state.sidebarModel.rows.count - 1), state.sidebar.scroll + 3)
        case .click:
            state.focus = .sidebar
            let row = state.sidebar.scroll + (event.y - state.screenLayout.sidebar.y - 1)
            let rows = state.sidebarModel.rows
            if rows.indices.contains(row), case .entity(let entity, _, _, _) = rows[row] {
                state.sidebar.selectedEntity = entity
                follow(&state)
            }
        }
    }

    static func keepSelectionVisible(_ state: inout BrowserState) {
        let model = state.sidebarModel
        guard let entity = state.sidebar.selectedEntity, let row = model.row(of: entity) else { state.sidebar.scroll = 0; return }
        let rows = max(1, state.screenLayout.sidebar.height - 1)
        // Keep the group header in view when selecting the first entity of a group.
        let isFirstOfGroup = row > 0 && { if case .header = model.rows[row - 1] { return true } else { return false } }()
        var list = ListState(selection: row, offset: state.sidebar.scroll)
        list.scrollIntoView(row: isFirstOfGroup ? row - 1 : row, rows: rows, count: model.rows.count)
        list.scrollIntoView(row: row, rows: rows, count: model.rows.count)
        state.sidebar.scroll = list.offset
    }

    /// After the list changed: the selection if it is still listed, else the first entity.
    static func reselect(_ state: inout BrowserState) {
        let model = state.sidebarModel
        if let selected = state.sidebar.selectedEntity, model.visibleEntitySet.contains(selected) {
            keepSelectionVisible(&state)
        } else {
            state.sidebar.selectedEntity = model.visibleEntities.first
            state.sidebar.scroll = 0
            keepSelectionVisible(&state)
        }
    }

    static func toggle(_ state: inout BrowserState, _ group: SidebarGroup) {
        if state.sidebar.hiddenTypes.contains(group) { state.sidebar.hiddenTypes.remove(group) } else { state.sidebar.hiddenTypes.insert(group) }
        state.message = StatusMessage("\(group.rawValue.capitalized): \(state.sidebar.hiddenTypes.contains(group) ? "hidden" : "shown")")
        reselect(&state)
    }

    /// `⌫` outside the prompt: one character off the kept filter.
    static func widenFilter(_ state: inout BrowserState) {
        if state.sidebar.filter.isEmpty {
            state.message = StatusMessage("No filter to widen: / starts one", isError: true)
        } else {
            state.sidebar.filter.removeLast()
            reselect(&state)
        }
    }
}

extension SidebarPane: FilterableList {
    static func filter(_ state: BrowserState) -> String { state.sidebar.filter }

    /// Each keystroke narrows (or widens) the list and selects the best match.
    static func applyFilter(_ text: String, _ state: inout BrowserState) -> String? {
        state.sidebar.filter = text
        let model = state.sidebarModel
        state.sidebar.selectedEntity = model.visibleEntities.first
        state.sidebar.scroll = 0
        keepSelectionVisible(&state)
        return model.visibleEntities.isEmpty ? "No entity matches “\(text)”" : nil
    }

    /// Enter jumps to the best match's first mention; in the co-occurrence
    /// view it keeps the filter (the shared paragraphs are one more Enter away).
    static func submitFilter(_ state: inout BrowserState) {
        if !state.sidebar.filter.isEmpty && state.sidebar.cooccurrence == nil { follow(&state) }
    }
}

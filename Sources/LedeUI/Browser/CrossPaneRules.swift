// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Rules where one pane's state decides what another does. They are named
/// here, not buried in a pane's key handling, so that a change to one pane
/// shows what it does to the others.
enum CrossPaneRules {
    /// `Tab` between panes: reader → entities → timeline → reader.
    static let focusOrder: [Pane] = [.reader, .sidebar, .timeline]

    static func paneAfter(_ pane: Pane) -> Pane {
        focusOrder[((focusOrder.firstIndex(of: pane) ?? 0) + 1) % focusOrder.count]
    }

    /// Focusing the sidebar selects the entity of the reader's focused mention
    /// (when the filter shows it), else keeps the selection, else the first
    /// entity. A prompt of the pane left behind closes.
    static func focus(_ state: inout BrowserState, _ pane: Pane) {
        state.focus = pane
        if state.prompt == .filter(.sidebar) || state.prompt?.isReaders == true { state.prompt = nil }
        let model = state.sidebarModel
        if pane == .sidebar, state.sidebar.selectedEntity.map({ !model.visibleEntitySet.contains($0) }) ?? true {
            state.sidebar.selectedEntity = state.focusedEntity.flatMap { model.visibleEntitySet.contains($0) ? $0 : nil }
                ?? model.visibleEntities.first
        }
        SidebarPane.keepSelectionVisible(&state)
    }

    /// `Esc` in a main pane: the sidebar clears its filter; the reader its
    /// search and highlighted sentence, else the filter kept from the sidebar
    /// (which decides what the reader highlights), else says there is nothing to clear.
    static func cancelInFocusedPane(_ state: inout BrowserState) {
        if state.focus == .sidebar {
            // Esc leaves the co-occurrence view once its filter is clear.
            if state.sidebar.filter.isEmpty && state.sidebar.cooccurrence != nil { return SidebarPane.toggleCooccurrence(&state) }
            state.sidebar.filter = ""
            SidebarPane.reselect(&state)
        } else if state.reader.search != nil || state.reader.highlightedSentence != nil {
            state.reader.search = nil
            state.reader.highlightedSentence = nil
        } else if !state.sidebar.filter.isEmpty {
            state.message = StatusMessage("Filter “\(state.sidebar.filter)” cleared: every entity is highlighted again")
            state.sidebar.filter = ""
            SidebarPane.reselect(&state)
        } else {
            state.message = StatusMessage("Nothing to clear: no search, no filter")
        }
    }

    /// `&`: only the paragraphs that mention the selected entities, or all again.
    static func toggleParagraphFilter(_ state: inout BrowserState) {
        if state.reader.onlyMentioningParagraphs {
            state.reader.onlyMentioningParagraphs = false
            state.message = StatusMessage("Showing every paragraph")
        } else if state.selectedEntitiesForParagraphFilter.isEmpty {
            state.message = StatusMessage("Select an entity (or filter the sidebar) first", isError: true)
        } else {
            state.reader.onlyMentioningParagraphs = true
            let shown = state.visibleParagraphs?.count ?? 0
            state.message = StatusMessage("Showing \(shown) of \(state.currentArticle?.paragraphs.count ?? 0) paragraphs (& shows all)")
        }
        state.reader.scroll = 0
        ReaderPane.ensureFocusedMentionVisible(&state)
    }
}

extension BrowserState {
    /// The sidebar filter and type toggles decide which mentions `Tab` visits
    /// in the reader (and which are highlighted); `&` decides which paragraphs.
    var navigableMentions: [Mention] {
        let shown = visibleParagraphs
        let highlighted = sidebar.filter.isEmpty && sidebar.hiddenTypes.isEmpty ? nil : sidebarModel.visibleEntitySet
        return currentMentions.filter { mention in
            if let shown, !shown.contains(mention.paragraph) { return false }
            if let highlighted, !highlighted.contains(mention.entity) { return false }
            return true
        }
    }

    /// The entities `&` keeps: the sidebar filter's matches, else the entity
    /// selected in the focused pane (the sidebar's, or the reader's focused mention's).
    public var selectedEntitiesForParagraphFilter: Set<EntityID> {
        if !sidebar.filter.isEmpty { return Set(sidebarModel.visibleEntities) }
        let entity = focus == .sidebar ? sidebar.selectedEntity : (focusedEntity ?? sidebar.selectedEntity)
        return entity.map { [$0] } ?? []
    }

    /// The entity `]` and `[` walk: the sidebar's selection when the sidebar
    /// has focus, else the focused mention's, else the sidebar's.
    var entityForSameEntitySteps: EntityID? {
        (activePane == .sidebar ? sidebar.selectedEntity : nil) ?? focusedEntity ?? sidebar.selectedEntity
    }
}

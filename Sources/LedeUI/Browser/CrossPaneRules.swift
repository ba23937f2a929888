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
}

extension BrowserState {
    /// Focusing the sidebar selects the entity of the reader's focused mention
    /// (when the filter shows it), else keeps the selection, else the first entity.
    mutating func setFocus(_ pane: Pane) {
        focus = pane
        sidebar.isEditingFilter = false
        reader.isEditingSearch = false
        if pane == .sidebar, sidebar.selectedEntity == nil || !sidebarModel.visibleEntitySet.contains(sidebar.selectedEntity!) {
            sidebar.selectedEntity = focusedEntity.flatMap { sidebarModel.visibleEntitySet.contains($0) ? $0 : nil }
                ?? sidebarModel.visibleEntities.first
        }
        SidebarPane.keepSelectionVisible(&self)
    }

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

    /// `Esc` in a main pane: the sidebar clears its filter; the reader its
    /// search and highlighted sentence, else the filter kept from the sidebar
    /// (which decides what the reader highlights), else says there is nothing to clear.
    mutating func cancelInFocusedPane() {
        if focus == .sidebar {
            // Esc leaves the co-occurrence view once its filter is clear.
            if sidebar.filter.isEmpty && sidebar.cooccurrence != nil { return SidebarPane.toggleCooccurrence(&self) }
            sidebar.filter = ""
            SidebarPane.reselect(&self)
        } else if reader.search != nil || reader.highlightedSentence != nil {
            reader.search = nil
            reader.highlightedSentence = nil
        } else if !sidebar.filter.isEmpty {
            message = StatusMessage("Filter “\(sidebar.filter)” cleared: every entity is highlighted again")
            sidebar.filter = ""
            SidebarPane.reselect(&self)
        } else {
            message = StatusMessage("Nothing to clear: no search, no filter")
        }
    }

    /// `&`: only the paragraphs that mention the selected entities, or all again.
    mutating func toggleParagraphFilter() {
        if reader.onlyMentioningParagraphs {
            reader.onlyMentioningParagraphs = false
            message = StatusMessage("Showing every paragraph")
        } else if selectedEntitiesForParagraphFilter.isEmpty {
            message = StatusMessage("Select an entity (or filter the sidebar) first", isError: true)
        } else {
            reader.onlyMentioningParagraphs = true
            let shown = visibleParagraphs?.count ?? 0
            message = StatusMessage("Showing \(shown) of \(currentArticle?.paragraphs.count ?? 0) paragraphs (& shows all)")
        }
        reader.scroll = 0
        ReaderPane.ensureFocusedMentionVisible(&self)
    }
}

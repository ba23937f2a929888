import LedeModel

/// The one place where input changes state: an event in, the next state and
/// the effects for the loop out. No I/O happens here beyond read-only
/// queries to the corpus; drawing, quitting and re-indexing are effects the
/// event loop performs.
public func update(_ state: BrowserState, _ event: Event) -> (BrowserState, [Effect]) {
    var next = state
    let effects = next.apply(event)
    return (next, effects)
}

extension BrowserState {
    // MARK: - Events

    /// `update` in place: applies the event and returns what the loop must do.
    @discardableResult
    public mutating func apply(_ event: Event) -> [Effect] {
        var effects: [Effect]
        switch event {
        case .key(let key):
            effects = handle(key)
            // Accessible mode: say what has focus now, unless the key said something itself.
            if accessible, message == nil, let words = announcement { message = StatusMessage(words) }
        case .mouse(let mouse):
            message = nil
            if mouseCapture { handleMouse(mouse) }
            effects = [.repaint]
        case .resize(let newWidth, let newHeight):
            width = max(1, newWidth)
            height = max(1, newHeight)
            clampScrolls()
            effects = [.repaintAll]
        case .tick:
            // Ten times a second while idle: nothing changed, so nothing is derived again.
            return []
        case .corpusChanged(let status):
            corpusDidChange(indexing: status)
            effects = [.repaint]
        case .corpusReplaced(let replacement, let status):
            replaceCorpus(replacement, indexing: status)
            effects = [.repaint]
        case .notice(let text, let isError):
            // A notice does not hide what the change did to the article on screen ("changed on disk").
            if let shown = message, shown.text != text {
                message = StatusMessage(shown.text + " · " + text, isError: shown.isError || isError)
            } else {
                message = StatusMessage(text, isError: isError)
            }
            effects = [.repaint]
        case .filesChanged(let changes):
            effects = filesDidChange(changes)
        case .fetchProgress(let text):
            fetching = text
            effects = [.repaint]
        }
        // The file on screen, to find it again when the index reads it anew under another id.
        if article != openedArticle {
            let left = openedArticle.flatMap { id in readingPositions[id].flatMap { topParagraph(of: id, scroll: $0.scroll) } }
            let leftPath = openedPath
            openedArticle = article
            openedPath = article.flatMap { corpus.summary(of: $0)?.path }
            effects += noteArticleChange(from: leftPath, previousParagraph: left)
        }
        refreshDerivedViews()
        return effects
    }

    // MARK: - Keys

    /// Routes a key: prompts and hint mode take keys first, then the keymap
    /// of the active pane.
    mutating func handle(_ key: Key) -> [Effect] {
        message = nil
        // The suspend key works in prompts too, as it does in a shell.
        if keyMap.action(for: key, in: activePane) == .suspend { return [.suspend] }
        if commandLine != nil { return handleCommandKey(key) }
        if reader.hintInput != nil { handleHintKey(key); return [.repaint] }
        if reader.isEditingSearch { handleSearchKey(key); return [.repaint] }
        if case .corpusSearch(let search) = overlay, search.isEditing { handleCorpusSearchKey(key, search); return [.repaint] }
        if case .articles(let articles) = overlay, articles.isEditingFilter { handleArticleFilterKey(key, articles); return [.repaint] }
        if case .dossier(let dossier) = overlay, dossier.isEditingFilter { handleDossierFilterKey(key, dossier); return [.repaint] }
        if sidebar.isEditingFilter, overlay == nil { handleFilterKey(key); return [.repaint] }
        if let pending = pendingKey {
            pendingKey = nil
            return handlePendingKey(pending, key)
        }
        if takeCountDigit(key) { return [.repaint] }
        let times = pendingCount ?? 1
        pendingCount = nil
        if let action = keyMap.action(for: key, in: activePane) {
            return perform(action, times: times)
        }
        message = StatusMessage("\(key.name) does nothing in \(activePane.title.lowercased()) — ? lists the keys")
        return [.repaint]
    }

    // MARK: - Actions

    /// Performs a keymap action; every action redraws, `q` at the top level quits, a theme repaints every cell.
    @discardableResult
    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .quit:
            if overlay != nil { closeOverlay() } else { return [.quit] }
        case .help:
            overlay = .help(ListState(), pane: activePane, beneath: overlay)
        case .closeOverlay:
            closeOverlay()
        case .cancel: cancelInFocusedPane()
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: max(1, pageSize - 1))
        case .pageUp: move(by: -max(1, pageSize - 1))
        case .halfPageDown: move(by: max(1, pageSize / 2))
        case .halfPageUp: move(by: -max(1, pageSize / 2))
        case .top: move(by: -Int.max / 2)
        case .bottom: move(by: Int.max / 2)
        case .moveLeft: TimelinePane.move(&self, by: -1)
        case .moveRight: TimelinePane.move(&self, by: 1)
        case .nextMention: stepMention(forward: true)
        case .previousMention: stepMention(forward: false)
        case .nextSameEntity: stepSameEntity(forward: true)
        case .previousSameEntity: stepSameEntity(forward: false)
        case .follow: follow()
        case .back: goBack()
        case .forward: goForward()
        case .focusSidebar: setFocus(.sidebar)
        case .focusTimeline: setFocus(.timeline)
        case .focusReader: setFocus(.reader)
        case .cycleFocus: setFocus(CrossPaneRules.paneAfter(focus))
        case .search: startSearch()
        case .searchNext: stepSearch(forward: true)
        case .searchPrevious: stepSearch(forward: false)
        case .searchCorpus:
            overlay = .corpusSearch(CorpusSearchState())
        case .editCorpusSearch:
            if case .corpusSearch(var search) = overlay {
                search.isEditing = true
                search.note = nil
                overlay = .corpusSearch(search)
            }
        case .filterEntities:
            sidebar.isEditingFilter = true
        case .widenFilter: SidebarPane.widenFilter(&self)
        case .nextArticle: switchArticle(by: 1)
        case .previousArticle: switchArticle(by: -1)
        case .toggleParagraphFilter: toggleParagraphFilter()
        case .hintMode: startHintMode()
        case .toggleTimelineList:
            timeline.isList.toggle()
        case .toggleTimelineScope: TimelinePane.toggleScope(&self)
        case .cycleOrganisationFilter: TimelinePane.cycleOrganisationFilter(&self, by: 1)
        case .cycleOrganisationFilterBack: TimelinePane.cycleOrganisationFilter(&self, by: -1)
        case .zoomIn: TimelinePane.zoom(&self, by: 1)
        case .zoomOut: TimelinePane.zoom(&self, by: -1)
        case .zoomToFit: TimelinePane.zoomToFit(&self)
        case .togglePeakMarkers: TimelinePane.togglePeaks(&self)
        case .nextLane: TimelinePane.stepLane(&self, by: 1)
        case .previousLane: TimelinePane.stepLane(&self, by: -1)
        case .openAddress: return openAddress()
        case .copy: return copySelection()
        case .redraw: return [.repaintAll]
        case .suspend: return [.suspend]
        case .commandLine: startCommandLine()
        case .saveArticle: startCommandLine("save " + suggestedFileName)
        case .pipeArticle: startCommandLine("pipe ")
        case .cycleArticleOrder: ArticleListOverlay.cycleOrder(&self)
        case .filterArticles: ArticleListOverlay.startFilter(&self)
        case .filterDossier: DossierOverlay.startFilter(&self)
        case .setMark:
            pendingKey = .setMark
            message = StatusMessage("m: a letter names this place")
        case .jumpToMark:
            pendingKey = .jumpToMark
            let names = session.marks.keys.sorted().joined(separator: " ")
            message = StatusMessage(names.isEmpty ? "No marks yet (m and a letter sets one)" : "': a mark — \(names)")
        case .toggleMouse:
            mouseCapture.toggle()
            message = StatusMessage(mouseCapture ? "The mouse acts in lede" : "The mouse is the terminal's: select text as usual (M gives it back)")
            return [.mouseCapture(mouseCapture), .repaint]
        case .toggleOrganisations: SidebarPane.toggle(&self, .organisations)
        case .togglePeople: SidebarPane.toggle(&self, .people)
        case .toggleLocations: SidebarPane.toggle(&self, .locations)
        case .toggleTopics: SidebarPane.toggle(&self, .topics)
        case .toggleModels: SidebarPane.toggle(&self, .models)
        case .toggleCooccurrence: SidebarPane.toggleCooccurrence(&self)
        case .cycleCooccurrenceUnit: SidebarPane.changeCooccurrence(&self) { $0.unit = $0.unit.other }
        case .cycleCooccurrenceOrder: SidebarPane.changeCooccurrence(&self) { $0.order = $0.order.other }
        case .listArticles: ArticleListOverlay.open(&self)
        case .refreshFeeds:
            message = StatusMessage("Fetching the feeds…")
            return [.refreshFeeds, .repaint]
        case .cycleTheme:
            themeIndex = (themeIndex + 1) % themes.count
            message = StatusMessage("Theme: \(theme.name)")
            return [.repaintAll, .saveSession]
        }
        return [.repaint]
    }

    /// Help returns to what it was opened over; other overlays just close.
    mutating func closeOverlay() {
        if case .help(_, _, let beneath) = overlay { overlay = beneath } else { overlay = nil }
    }

    /// Rows a page key moves in the active pane.
    var pageSize: Int { activePane.behaviour.pageSize(self) }

    mutating func move(by delta: Int) { activePane.behaviour.move(&self, by: delta) }

    mutating func follow() { activePane.behaviour.follow(&self) }
}

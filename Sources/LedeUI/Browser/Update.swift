// SPDX-License-Identifier: Apache-2.0
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
            // Ten times a second while idle: nothing changed, so nothing is derived again; a read
            // that failed while the last frame was drawn is said now.
            return noteReadFailures() ? [.repaint] : []
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
        noteReadFailures()
        return effects
    }

    /// Reads the store could not answer (the index damaged under lede) go to
    /// the status bar: what looked like "no article" says why. True when there were any.
    @discardableResult
    mutating func noteReadFailures() -> Bool {
        let failures = corpus.takeReadFailures()
        guard let first = failures.first else { return false }
        let more = failures.count > 1 ? " (+\(failures.count - 1) more)" : ""
        let text = "Could not read the index: \(first.reason) (\(first.query))\(more) — lede --no-index reads the files instead"
        message = StatusMessage(message.map { $0.text + " · " + text } ?? text, isError: true)
        return true
    }

    // MARK: - Keys

    /// Routes a key: the open prompt takes it first (see Prompt), then a count
    /// or the keymap of the active pane.
    mutating func handle(_ key: Key) -> [Effect] {
        message = nil
        // The suspend key works in prompts too, as it does in a shell.
        if keyMap.action(for: key, in: activePane) == .suspend { return [.suspend] }
        if let prompt { return handle(key, in: prompt) }
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

    /// Performs a keymap action. Each is one call to the type that owns what
    /// it changes (`Owner.verb(&state)`); those that hand something to the
    /// loop return its effects, the others redraw.
    @discardableResult
    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .quit: return BrowserActions.quit(&self)
        case .help: HelpOverlay.open(&self)
        case .closeOverlay: BrowserActions.closeOverlay(&self)
        case .cancel: CrossPaneRules.cancelInFocusedPane(&self)
        case .moveDown: BrowserActions.move(&self, by: 1)
        case .moveUp: BrowserActions.move(&self, by: -1)
        case .pageDown: BrowserActions.move(&self, by: max(1, pageSize - 1))
        case .pageUp: BrowserActions.move(&self, by: -max(1, pageSize - 1))
        case .halfPageDown: BrowserActions.move(&self, by: max(1, pageSize / 2))
        case .halfPageUp: BrowserActions.move(&self, by: -max(1, pageSize / 2))
        case .top: BrowserActions.move(&self, by: -Int.max / 2)
        case .bottom: BrowserActions.move(&self, by: Int.max / 2)
        case .moveLeft: TimelinePane.move(&self, by: -1)
        case .moveRight: TimelinePane.move(&self, by: 1)
        case .nextMention: ReaderPane.stepMention(&self, forward: true)
        case .previousMention: ReaderPane.stepMention(&self, forward: false)
        case .nextSameEntity: ReaderPane.stepSameEntity(&self, forward: true)
        case .previousSameEntity: ReaderPane.stepSameEntity(&self, forward: false)
        case .follow: BrowserActions.follow(&self)
        case .back: History.back(&self)
        case .forward: History.forward(&self)
        case .focusSidebar: CrossPaneRules.focus(&self, .sidebar)
        case .focusTimeline: CrossPaneRules.focus(&self, .timeline)
        case .focusReader: CrossPaneRules.focus(&self, .reader)
        case .cycleFocus: CrossPaneRules.focus(&self, CrossPaneRules.paneAfter(focus))
        case .search: ReaderSearch.start(&self)
        case .searchNext: ReaderSearch.step(&self, forward: true)
        case .searchPrevious: ReaderSearch.step(&self, forward: false)
        case .searchCorpus: CorpusSearchOverlay.open(&self)
        case .editCorpusSearch: CorpusSearchOverlay.editQuery(&self)
        case .filterEntities: FilterPrompt.start(&self, .sidebar)
        case .widenFilter: SidebarPane.widenFilter(&self)
        case .nextArticle: History.switchArticle(&self, by: 1)
        case .previousArticle: History.switchArticle(&self, by: -1)
        case .toggleParagraphFilter: CrossPaneRules.toggleParagraphFilter(&self)
        case .hintMode: HintMode.start(&self)
        case .toggleTimelineList: TimelinePane.toggleList(&self)
        case .toggleTimelineScope: TimelinePane.toggleScope(&self)
        case .cycleOrganisationFilter: TimelinePane.cycleOrganisationFilter(&self, by: 1)
        case .cycleOrganisationFilterBack: TimelinePane.cycleOrganisationFilter(&self, by: -1)
        case .zoomIn: TimelinePane.zoom(&self, by: 1)
        case .zoomOut: TimelinePane.zoom(&self, by: -1)
        case .zoomToFit: TimelinePane.zoomToFit(&self)
        case .togglePeakMarkers: TimelinePane.togglePeaks(&self)
        case .nextLane: TimelinePane.stepLane(&self, by: 1)
        case .previousLane: TimelinePane.stepLane(&self, by: -1)
        case .openAddress: return Handoff.openAddress(&self)
        case .copy: return Handoff.copySelection(&self)
        case .redraw: return BrowserActions.redraw(&self)
        case .suspend: return BrowserActions.suspend(&self)
        case .commandLine: CommandLinePrompt.start(&self)
        case .saveArticle: CommandLinePrompt.start(&self, "save " + suggestedFileName)
        case .pipeArticle: CommandLinePrompt.start(&self, "pipe ")
        case .cycleArticleOrder: ArticleListOverlay.cycleOrder(&self)
        case .filterArticles: FilterPrompt.start(&self, .articles)
        case .filterDossier: FilterPrompt.start(&self, .dossier)
        case .setMark: Marks.awaitLetter(&self, .setMark)
        case .jumpToMark: Marks.awaitLetter(&self, .jumpToMark)
        case .toggleMouse: return BrowserActions.setMouse(&self, !mouseCapture)
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
        case .cycleTheme: return BrowserActions.cycleTheme(&self)
        }
        return [.repaint]
    }

    /// Rows a page key moves in the active pane.
    var pageSize: Int { activePane.behaviour.pageSize(self) }
}

/// The actions no single pane owns: quitting, closing overlays, the moves
/// and Enter every pane answers in its own way, the theme and the mouse.
enum BrowserActions {
    /// `q`: closes an overlay first; at the top level, quits.
    static func quit(_ state: inout BrowserState) -> [Effect] {
        guard state.overlay != nil else { return [.quit] }
        closeOverlay(&state)
        return [.repaint]
    }

    /// Help returns to what it was opened over; other overlays just close.
    static func closeOverlay(_ state: inout BrowserState) {
        if case .help(_, _, let beneath) = state.overlay { state.overlay = beneath } else { state.overlay = nil }
    }

    /// j/k, page keys, g/G: the active pane moves its own way.
    static func move(_ state: inout BrowserState, by delta: Int) { state.activePane.behaviour.move(&state, by: delta) }

    /// Enter: the active pane follows what is selected.
    static func follow(_ state: inout BrowserState) { state.activePane.behaviour.follow(&state) }

    static func redraw(_ state: inout BrowserState) -> [Effect] { [.repaintAll] }

    static func suspend(_ state: inout BrowserState) -> [Effect] { [.suspend] }

    /// `M` and `:set mouse`: whether lede takes the mouse or leaves it to the terminal.
    static func setMouse(_ state: inout BrowserState, _ on: Bool) -> [Effect] {
        state.mouseCapture = on
        state.message = StatusMessage(on ? "The mouse acts in lede" : "The mouse is the terminal's: select text as usual (M gives it back)")
        return [.mouseCapture(on), .repaint]
    }

    /// `T`: the next theme, remembered in the session.
    static func cycleTheme(_ state: inout BrowserState) -> [Effect] {
        state.themeIndex = (state.themeIndex + 1) % state.themes.count
        state.message = StatusMessage("Theme: \(state.theme.name)")
        return [.repaintAll, .saveSession]
    }
}

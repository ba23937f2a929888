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
        let effects: [Effect]
        switch event {
        case .key(let key):
            effects = handle(key)
        case .mouse(let mouse):
            message = nil
            handleMouse(mouse)
            effects = [.repaint]
        case .resize(let newWidth, let newHeight):
            width = max(1, newWidth)
            height = max(1, newHeight)
            clampScrolls()
            effects = [.repaintAll]
        case .tick:
            effects = []
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
        }
        // The file on screen, to find it again when the index reads it anew under another id.
        if article != openedArticle {
            openedArticle = article
            openedPath = article.flatMap { corpus.summary(of: $0)?.path }
        }
        return effects
    }

    // MARK: - Keys

    /// Routes a key: prompts and hint mode take keys first, then the keymap
    /// of the active pane.
    mutating func handle(_ key: Key) -> [Effect] {
        message = nil
        if reader.hintInput != nil { handleHintKey(key); return [.repaint] }
        if reader.isEditingSearch { handleSearchKey(key); return [.repaint] }
        if case .corpusSearch(let search) = overlay, search.isEditing { handleCorpusSearchKey(key, search); return [.repaint] }
        if sidebar.isEditingFilter, overlay == nil { handleFilterKey(key); return [.repaint] }
        if let action = keyMap.action(for: key, in: activePane) {
            return perform(action)
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
            overlay = .help(scroll: 0, pane: activePane, beneath: overlay)
        case .closeOverlay:
            closeOverlay()
        case .cancel:
            if focus == .sidebar {
                sidebar.filter = ""
                reselectSidebar()
            } else {
                reader.search = nil
                reader.highlightedSentence = nil
            }
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: max(1, pageSize - 1))
        case .pageUp: move(by: -max(1, pageSize - 1))
        case .halfPageDown: move(by: max(1, pageSize / 2))
        case .halfPageUp: move(by: -max(1, pageSize / 2))
        case .top: move(by: -Int.max / 2)
        case .bottom: move(by: Int.max / 2)
        case .moveLeft: moveTimelineSelection(by: -1)
        case .moveRight: moveTimelineSelection(by: 1)
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
        case .cycleFocus:
            let order: [Pane] = [.reader, .sidebar, .timeline]
            setFocus(order[((order.firstIndex(of: focus) ?? 0) + 1) % order.count])
        case .search:
            reader.isEditingSearch = true
            reader.search = TextSearch(query: "")
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
        case .widenFilter:
            if sidebar.filter.isEmpty {
                message = StatusMessage("No filter to widen: / starts one", isError: true)
            } else {
                sidebar.filter.removeLast()
                reselectSidebar()
            }
        case .nextArticle: switchArticle(by: 1)
        case .previousArticle: switchArticle(by: -1)
        case .toggleParagraphFilter:
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
            ensureFocusedMentionVisible()
        case .hintMode:
            if HintLabels(state: self).labels.isEmpty {
                message = StatusMessage("No mentions on screen", isError: true)
            } else {
                reader.hintInput = ""
            }
        case .toggleTimelineList:
            timeline.isList.toggle()
        case .toggleTimelineScope:
            timeline.onlyCurrentArticle.toggle()
            timeline.selection = 0
            timeline.scroll = 0
            message = StatusMessage(timeline.onlyCurrentArticle ? "Releases this article mentions" : "Releases of all articles")
        case .cycleOrganisationFilter:
            let organisations = TimelineModel(state: self).organisations
            if let current = timeline.organisationFilter, let index = organisations.firstIndex(of: current), index + 1 < organisations.count {
                timeline.organisationFilter = organisations[index + 1]
            } else if timeline.organisationFilter == nil, let first = organisations.first {
                timeline.organisationFilter = first
            } else {
                timeline.organisationFilter = nil
            }
            timeline.selection = 0
            timeline.scroll = 0
            message = StatusMessage("Releases: \(timeline.organisationFilter ?? "all organisations")")
        case .toggleOrganisations: toggle(.organisations)
        case .togglePeople: toggle(.people)
        case .toggleLocations: toggle(.locations)
        case .toggleTopics: toggle(.topics)
        case .toggleModels: toggle(.models)
        case .listArticles:
            overlay = .articles(selection: articlePosition ?? 0)
        case .cycleTheme:
            themeIndex = (themeIndex + 1) % themes.count
            message = StatusMessage("Theme: \(theme.name)")
            return [.repaintAll]
        }
        return [.repaint]
    }

    /// Help returns to what it was opened over; other overlays just close.
    mutating func closeOverlay() {
        if case .help(_, _, let beneath) = overlay { overlay = beneath } else { overlay = nil }
    }

    var pageSize: Int {
        switch activePane {
        case .reader: return screenLayout.readerText.height
        case .sidebar: return screenLayout.sidebar.height
        case .timeline: return screenLayout.timeline.height
        case .help, .dossier, .articles, .search: return max(1, screenLayout.overlay(widthPercent: 80, heightPercent: 80).height - 4)
        }
    }

    mutating func setFocus(_ pane: Pane) {
        focus = pane
        sidebar.isEditingFilter = false
        reader.isEditingSearch = false
        if pane == .sidebar, sidebar.selectedEntity == nil || !sidebarModel.visibleEntitySet.contains(sidebar.selectedEntity!) {
            sidebar.selectedEntity = focusedEntity.flatMap { sidebarModel.visibleEntitySet.contains($0) ? $0 : nil }
                ?? sidebarModel.visibleEntities.first
        }
        keepSidebarSelectionVisible()
    }

    mutating func toggle(_ group: SidebarGroup) {
        if sidebar.hiddenTypes.contains(group) { sidebar.hiddenTypes.remove(group) } else { sidebar.hiddenTypes.insert(group) }
        message = StatusMessage("\(group.rawValue.capitalized): \(sidebar.hiddenTypes.contains(group) ? "hidden" : "shown")")
        reselectSidebar()
    }

    // MARK: - Moving

    mutating func move(by delta: Int) {
        switch activePane {
        case .reader:
            reader.scroll = clamp(reader.scroll.addingReportingOverflow(delta).partialValue, 0, maxReaderScroll)
        case .sidebar:
            let entities = sidebarModel.visibleEntities
            guard !entities.isEmpty else { return }
            let current = sidebar.selectedEntity.flatMap { entities.firstIndex(of: $0) } ?? 0
            sidebar.selectedEntity = entities[clamp(current.addingReportingOverflow(delta).partialValue, 0, entities.count - 1)]
            keepSidebarSelectionVisible()
        case .timeline:
            moveTimelineSelection(by: delta)
        case .help:
            if case .help(let scroll, let pane, let beneath) = overlay {
                let lines = keyMap.bindings(in: pane).count + 4
                overlay = .help(scroll: clamp(scroll.addingReportingOverflow(delta).partialValue, 0, max(0, lines - pageSize)),
                                pane: pane, beneath: beneath)
            }
        case .articles:
            if case .articles(let selection) = overlay {
                overlay = .articles(selection: clamp(selection.addingReportingOverflow(delta).partialValue, 0, max(0, corpus.articleCount - 1)))
            }
        case .dossier:
            if case .dossier(var dossier) = overlay {
                let count = mentionList(of: dossier.entity).count
                dossier.selection = clamp(dossier.selection.addingReportingOverflow(delta).partialValue, 0, max(0, count - 1))
                overlay = .dossier(dossier)
            }
        case .search:
            if case .corpusSearch(var search) = overlay {
                let count = search.hits?.count ?? 0
                search.selection = clamp(search.selection.addingReportingOverflow(delta).partialValue, 0, max(0, count - 1))
                overlay = .corpusSearch(search)
            }
        }
    }

    var maxReaderScroll: Int { max(0, readerLayout.lines.count - screenLayout.readerText.height) }

    mutating func moveTimelineSelection(by delta: Int) {
        let count = TimelineModel(state: self).releases.count
        guard count > 0 else { timeline.selection = 0; timeline.scroll = 0; return }
        timeline.selection = clamp(timeline.selection.addingReportingOverflow(delta).partialValue, 0, count - 1)
        let rows = screenLayout.timeline.height - 1
        if timeline.selection < timeline.scroll { timeline.scroll = timeline.selection }
        if timeline.selection >= timeline.scroll + rows { timeline.scroll = timeline.selection - rows + 1 }
    }

    mutating func keepSidebarSelectionVisible() {
        let model = sidebarModel
        guard let entity = sidebar.selectedEntity, let row = model.row(of: entity) else { sidebar.scroll = 0; return }
        let rows = max(1, screenLayout.sidebar.height - 1)
        // Keep the group header in view when selecting the first entity of a group.
        let top = row > 0 && { if case .header = model.rows[row - 1] { return true } else { return false } }() ? row - 1 : row
        if top < sidebar.scroll { sidebar.scroll = top }
        if row >= sidebar.scroll + rows { sidebar.scroll = row - rows + 1 }
        sidebar.scroll = clamp(sidebar.scroll, 0, max(0, model.rows.count - rows))
    }

    mutating func reselectSidebar() {
        let model = sidebarModel
        if let selected = sidebar.selectedEntity, model.visibleEntitySet.contains(selected) {
            keepSidebarSelectionVisible()
        } else {
            sidebar.selectedEntity = model.visibleEntities.first
            sidebar.scroll = 0
            keepSidebarSelectionVisible()
        }
    }

    mutating func clampScrolls() {
        reader.scroll = clamp(reader.scroll, 0, maxReaderScroll)
        ensureFocusedMentionVisible()
        keepSidebarSelectionVisible()
        moveTimelineSelection(by: 0)
        if case .articles(let selection) = overlay { overlay = .articles(selection: clamp(selection, 0, max(0, corpus.articleCount - 1))) }
    }

    // MARK: - Mentions

    /// Mentions Tab visits: the current article's, in shown paragraphs,
    /// of entities that pass the sidebar filter.
    var navigableMentions: [Mention] {
        let shown = visibleParagraphs
        let highlighted = sidebar.filter.isEmpty && sidebar.hiddenTypes.isEmpty ? nil : sidebarModel.visibleEntitySet
        return currentMentions.filter { mention in
            if let shown, !shown.contains(mention.paragraph) { return false }
            if let highlighted, !highlighted.contains(mention.entity) { return false }
            return true
        }
    }

    mutating func stepMention(forward: Bool) {
        let candidates = navigableMentions
        guard !candidates.isEmpty else {
            message = StatusMessage(indexing == nil ? "No mentions in this article" : "No mentions yet: the index is still linking",
                                    isError: true)
            return
        }
        let next: Mention
        if let current = reader.focusedMention, let position = candidates.firstIndex(where: { $0.id == current }), isOnScreen(current) {
            let target = position + (forward ? 1 : -1)
            if target >= candidates.count { next = candidates[0]; message = StatusMessage("Wrapped to the first mention") }
            else if target < 0 { next = candidates[candidates.count - 1]; message = StatusMessage("Wrapped to the last mention") }
            else { next = candidates[target] }
        } else {
            // Start from what is on screen.
            let layout = readerLayout
            let onScreen = candidates.firstIndex { mention in
                (layout.line(paragraph: mention.paragraph, offset: mention.start) ?? -1) >= reader.scroll
            }
            if forward {
                next = onScreen.map { candidates[$0] } ?? candidates[0]
            } else {
                next = onScreen.flatMap { $0 > 0 ? candidates[$0 - 1] : nil } ?? candidates[candidates.count - 1]
            }
        }
        reader.focusedMention = next.id
        reader.highlightedSentence = nil
        ensureFocusedMentionVisible()
    }

    /// Whether a mention of the current article is on the visible page.
    func isOnScreen(_ mention: MentionID) -> Bool {
        guard mention.article == article, let target = corpus.mention(mention),
              let line = readerLayout.line(paragraph: target.paragraph, offset: target.start) else { return false }
        return line >= reader.scroll && line < reader.scroll + screenLayout.readerText.height
    }

    mutating func stepSameEntity(forward: Bool) {
        guard let entity = (activePane == .sidebar ? sidebar.selectedEntity : nil) ?? focusedEntity ?? sidebar.selectedEntity,
              let info = corpus.entity(entity) else {
            message = StatusMessage("No entity selected: Tab to a mention or pick one in the sidebar", isError: true)
            return
        }
        let list = mentionList(of: entity)
        guard !list.isEmpty else {
            message = StatusMessage(indexing != nil ? "\(info.label): no mention linked yet (still indexing)"
                                                    : "\(info.label) is not mentioned in the text", isError: true)
            return
        }
        var targetIndex: Int
        if let current = reader.focusedMention, corpus.mention(current)?.entity == entity, let index = list.index(of: current, corpus: corpus) {
            targetIndex = index + (forward ? 1 : -1)
            if targetIndex >= list.count { targetIndex = 0; message = StatusMessage("Wrapped to the first mention of \(info.label)") }
            else if targetIndex < 0 { targetIndex = list.count - 1; message = StatusMessage("Wrapped to the last mention of \(info.label)") }
        } else {
            // From the current reading position: this article's first mention on, or the last one before it.
            let here = articlePosition ?? 0
            let postings = list.postings
            let firstHereOrLater = list.firstPosting(atOrAfter: here, corpus: corpus)
            if forward {
                targetIndex = firstHereOrLater.map(list.firstIndex(ofPosting:)) ?? 0
            } else {
                let before = (firstHereOrLater ?? postings.count) - 1
                targetIndex = before >= 0 ? list.firstIndex(ofPosting: before) + postings[before].mentions - 1 : list.count - 1
            }
        }
        guard let target = list.mention(at: targetIndex, corpus: corpus) else { return }
        let crossed = target.article != article
        jump(to: target.id)
        if crossed, message == nil, let title = corpus.summary(of: target.article)?.title {
            message = StatusMessage("In “\(TextFit.truncate(title, to: 50))”")
        }
        if message == nil { message = StatusMessage("\(info.label): mention \(targetIndex + 1) of \(list.count)") }
    }

    /// Moves the reader to a mention, remembering where we were.
    public mutating func jump(to mentionID: MentionID, highlightSentence: Bool = false) {
        guard let target = corpus.mention(mentionID) else { return }
        if let here = location { history.append(here) }
        future.removeAll()
        if target.article != article {
            if let here = location { readingPositions[here.article] = here }
            article = target.article
            reader.scroll = 0
            reader.onlyMentioningParagraphs = false
            refreshSearchForArticle()
        }
        overlay = nil
        focus = .reader
        reader.focusedMention = mentionID
        reader.highlightedSentence = nil
        if highlightSentence, let paragraph = currentArticle?.paragraphs[safe: target.paragraph] {
            let scalars = Array(paragraph.unicodeScalars)
            if let sentence = ReleaseExtractor.sentences(scalars).first(where: { $0.contains(target.start) }) {
                reader.highlightedSentence = TextSearch.Match(paragraph: target.paragraph, start: sentence.lowerBound, end: sentence.upperBound)
            }
        }
        if let shown = visibleParagraphs, !shown.contains(target.paragraph) { reader.onlyMentioningParagraphs = false }
        ensureFocusedMentionVisible()
    }

    mutating func ensureFocusedMentionVisible() {
        guard let focused = reader.focusedMention, focused.article == article, let mention = corpus.mention(focused) else { return }
        ensureVisible(paragraph: mention.paragraph, offset: mention.start)
    }

    mutating func ensureVisible(paragraph: Int, offset: Int) {
        guard let line = readerLayout.line(paragraph: paragraph, offset: offset) else { return }
        let rows = screenLayout.readerText.height
        if line < reader.scroll || line >= reader.scroll + rows {
            reader.scroll = clamp(line - rows / 3, 0, maxReaderScroll)
        }
    }

    // MARK: - Follow and history

    mutating func follow() {
        switch activePane {
        case .reader:
            guard let focused = reader.focusedMention, let mention = corpus.mention(focused) else {
                message = StatusMessage("No mention focused: Tab moves to one", isError: true)
                return
            }
            let position = mentionList(of: mention.entity).index(of: focused, corpus: corpus) ?? 0
            overlay = .dossier(DossierState(entity: mention.entity, selection: position))
        case .sidebar:
            guard let entity = sidebar.selectedEntity, let info = corpus.entity(entity) else { return }
            let list = mentionList(of: entity)
            let posting = article.flatMap { list.posting(of: $0, corpus: corpus) } ?? 0
            guard !list.isEmpty, let first = list.mention(at: list.firstIndex(ofPosting: posting), corpus: corpus) else {
                message = StatusMessage(indexing != nil ? "\(info.label): no mention linked yet (still indexing)"
                                                        : "\(info.label) is annotated but not named in the text", isError: true)
                return
            }
            sidebar.isEditingFilter = false
            jump(to: first.id)
            message = StatusMessage("\(info.label): mention \(list.firstIndex(ofPosting: posting) + 1) of \(list.count) — ] next, ⌫ back")
        case .timeline:
            let releases = TimelineModel(state: self).releases
            guard releases.indices.contains(timeline.selection) else { return }
            let release = releases[timeline.selection]
            guard let evidence = release.evidenceMention ?? mentionList(of: release.model).mention(at: 0, corpus: corpus)?.id else {
                message = StatusMessage("\(release.modelName): no mention linked yet", isError: true)
                return
            }
            jump(to: evidence, highlightSentence: true)
            message = StatusMessage("\(release.modelName) · \(release.dateText) · \(release.basisDescription)")
        case .dossier:
            guard case .dossier(let dossier) = overlay,
                  let mention = mentionList(of: dossier.entity).mention(at: dossier.selection, corpus: corpus) else { return }
            jump(to: mention.id)
        case .help:
            closeOverlay()
        case .articles:
            guard case .articles(let selection) = overlay, let target = corpus.articleID(at: selection) else { return }
            overlay = nil
            if target != article { open(target) }
        case .search:
            guard case .corpusSearch(let search) = overlay, let hits = search.hits, hits.indices.contains(search.selection) else { return }
            openSearchHit(search.selection, of: hits, query: search.query)
        }
    }

    mutating func goBack() {
        guard let previous = history.popLast() else {
            message = StatusMessage("Nothing to go back to", isError: true)
            return
        }
        if let here = location { future.append(here) }
        restore(previous)
    }

    mutating func goForward() {
        guard let next = future.popLast() else {
            message = StatusMessage("Nothing to go forward to", isError: true)
            return
        }
        if let here = location { history.append(here) }
        restore(next)
    }

    mutating func restore(_ place: Location) {
        let articleChanged = place.article != article
        article = place.article
        reader.scroll = place.scroll
        reader.focusedMention = place.focusedMention
        reader.highlightedSentence = nil
        focus = place.focus
        overlay = nil
        if articleChanged { refreshSearchForArticle() }
        clampScrolls()
    }

    mutating func switchArticle(by delta: Int) {
        guard let position = articlePosition else { return }
        guard let target = corpus.articleID(at: position + delta) else {
            message = StatusMessage(delta > 0 ? "This is the last article" : "This is the first article", isError: true)
            return
        }
        open(target)
    }

    /// Opens an article where the reader last left it, remembering where we were.
    mutating func open(_ target: ArticleID) {
        if let here = location {
            history.append(here)
            readingPositions[here.article] = here
        }
        future.removeAll()
        article = target
        reader = ReaderState(search: reader.search)
        if let saved = readingPositions[target] {
            reader.scroll = saved.scroll
            reader.focusedMention = saved.focusedMention
        }
        refreshSearchForArticle()
        if timeline.onlyCurrentArticle { timeline.selection = 0; timeline.scroll = 0 }
        reselectSidebar()
        clampScrolls()
        message = StatusMessage("Article \((articlePosition ?? 0) + 1) of \(corpus.articleCount)")
    }

    // MARK: - Search

    mutating func handleSearchKey(_ key: Key) {
        switch key {
        case .escape, .control("c"):
            reader.isEditingSearch = false
            reader.search = nil
        case .enter:
            reader.isEditingSearch = false
            if let search = reader.search, search.query.isEmpty { reader.search = nil }
        case .backspace:
            guard var search = reader.search, !search.query.isEmpty else {
                reader.isEditingSearch = false
                reader.search = nil
                return
            }
            search.query.removeLast()
            runSearch(search.query)
        case .character(let character):
            runSearch((reader.search?.query ?? "") + String(character))
        case .down, .up:
            stepSearch(forward: key == .down)
        default:
            break
        }
    }

    /// Finds every match of `query` in the current article (case-insensitive)
    /// and moves to the first one at or after the top of the screen.
    mutating func runSearch(_ query: String) {
        var search = TextSearch(query: query)
        search.matches = Self.matches(of: query, in: currentArticle)
        let top = readerLayout.lines[safe: reader.scroll]
        let topParagraph = top?.paragraph ?? 0
        search.current = search.matches.isEmpty ? nil : (search.matches.firstIndex { $0.paragraph >= topParagraph } ?? 0)
        reader.search = search
        if let current = search.current {
            let match = search.matches[current]
            ensureVisible(paragraph: match.paragraph, offset: match.start)
        } else if !query.isEmpty {
            message = StatusMessage("No match for “\(query)”", isError: true)
        }
    }

    static func matches(of query: String, in article: Article?) -> [TextSearch.Match] {
        guard let article, !query.isEmpty else { return [] }
        var result: [TextSearch.Match] = []
        // ’ and ' (and “ ” ") are the same to someone typing a search.
        func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            switch scalar { case "’", "‘": "'"; case "“", "”": "\""; default: scalar }
        }
        let needle = query.lowercased().unicodeScalars.map(fold)
        for (index, paragraph) in article.paragraphs.enumerated() {
            let haystack = paragraph.lowercased().unicodeScalars.map(fold)
            // Lower-casing can change scalar counts (rare: İ); fall back to no matches in that paragraph.
            guard haystack.count == paragraph.unicodeScalars.count, haystack.count >= needle.count else { continue }
            var position = 0
            while position + needle.count <= haystack.count {
                if haystack[position] == needle[0], Array(haystack[position..<(position + needle.count)]) == needle {
                    result.append(TextSearch.Match(paragraph: index, start: position, end: position + needle.count))
                    position += needle.count
                } else {
                    position += 1
                }
            }
        }
        return result
    }

    mutating func refreshSearchForArticle() {
        guard let previous = reader.search, !previous.query.isEmpty else { return }
        if let hits = previous.corpusHits {
            reader.search = Self.corpusSearchMatches(query: previous.query, hits: hits, in: article)
            return
        }
        var search = TextSearch(query: previous.query)
        search.matches = Self.matches(of: previous.query, in: currentArticle)
        search.current = search.matches.isEmpty ? nil : 0
        reader.search = search
    }

    mutating func stepSearch(forward: Bool) {
        guard var search = reader.search, !search.query.isEmpty else {
            message = StatusMessage("No search: / searches the text, S every article", isError: true)
            return
        }
        let current = search.current ?? -1
        var next = current + (forward ? 1 : -1)
        if let hits = search.corpusHits, next >= search.matches.count || next < 0 {
            // Past this article's matches: on into the next (previous) article with hits.
            let here = articlePosition ?? 0
            let articles = Self.hitArticles(hits, corpus: corpus)
            let target = forward ? articles.first { $0.position > here } ?? articles.first
                                 : articles.last { $0.position < here } ?? articles.last
            guard let target, let hitIndex = hits.firstIndex(where: { $0.article == target.article }) else { return }
            let lastOfTarget = hits.lastIndex { $0.article == target.article } ?? hitIndex
            openSearchHit(forward ? hitIndex : lastOfTarget, of: hits, query: search.query, fromEnd: !forward)
            if (forward && target.position <= here) || (!forward && target.position >= here) {
                message = StatusMessage(forward ? "Search wrapped to the first article" : "Search wrapped to the last article")
            }
            return
        }
        guard !search.matches.isEmpty else {
            message = StatusMessage("No match for “\(search.query)”", isError: true)
            return
        }
        if next >= search.matches.count { next = 0; message = StatusMessage("Search wrapped to the top") }
        if next < 0 { next = search.matches.count - 1; message = StatusMessage("Search wrapped to the bottom") }
        search.current = next
        reader.search = search
        let match = search.matches[next]
        ensureVisible(paragraph: match.paragraph, offset: match.start)
        if message == nil { message = StatusMessage("Match \(next + 1) of \(search.matches.count)") }
    }

    // MARK: - Corpus search

    mutating func handleCorpusSearchKey(_ key: Key, _ state: CorpusSearchState) {
        var search = state
        switch key {
        case .escape, .control("c"):
            // Nothing listed to go back to: close.
            if search.hits?.isEmpty ?? true { overlay = nil; return }
            search.isEditing = false
        case .enter:
            runCorpusSearch(&search)
        case .backspace:
            if search.query.isEmpty {
                if search.hits == nil { overlay = nil; return }
                search.isEditing = false
            } else {
                search.query.removeLast()
            }
        case .control("u"):
            search.query = ""
        case .character(let character):
            search.query.append(character)
        case .down, .up:
            search.isEditing = false
            overlay = .corpusSearch(search)
            move(by: key == .down ? 1 : -1)
            return
        default:
            break
        }
        overlay = .corpusSearch(search)
    }

    /// Most hits a corpus search lists.
    static let corpusSearchLimit = 1000

    mutating func runCorpusSearch(_ search: inout CorpusSearchState) {
        guard corpus.isSearchReady else {
            search.note = "The search index is still being built (\(indexing?.text ?? "indexing")); try again in a moment"
            search.hits = nil
            return
        }
        let query: SearchQuery
        do {
            query = try SearchQuery(search.query)
        } catch {
            search.note = "Cannot search: \(error)"
            search.hits = nil
            return
        }
        var hits = corpus.search(query, limit: Self.corpusSearchLimit + 1)
        search.isTruncated = hits.count > Self.corpusSearchLimit
        if search.isTruncated { hits.removeLast() }
        search.hits = hits
        search.selection = 0
        search.isEditing = hits.isEmpty
        search.note = hits.isEmpty ? "No paragraph matches “\(search.query)”" : nil
    }

    /// Articles with hits, in reading order, each once.
    static func hitArticles(_ hits: [SearchHit], corpus: any Corpus) -> [(article: ArticleID, position: Int)] {
        var seen: Set<ArticleID> = []
        var result: [(article: ArticleID, position: Int)] = []
        for hit in hits where seen.insert(hit.article).inserted {
            if let position = corpus.position(of: hit.article) { result.append((hit.article, position)) }
        }
        return result
    }

    /// The reader search that shows a corpus search's matches in one article.
    static func corpusSearchMatches(query: String, hits: [SearchHit], in article: ArticleID?) -> TextSearch {
        var search = TextSearch(query: query, corpusHits: hits)
        for hit in hits where hit.article == article {
            guard let paragraph = hit.paragraph else { continue }
            for range in hit.matches { search.matches.append(TextSearch.Match(paragraph: paragraph, start: range.lowerBound, end: range.upperBound)) }
        }
        search.current = search.matches.isEmpty ? nil : 0
        return search
    }

    /// Opens the article of hit `index` with every match of the search marked, the hit's first current.
    mutating func openSearchHit(_ index: Int, of hits: [SearchHit], query: String, fromEnd: Bool = false) {
        let hit = hits[index]
        if hit.article != article {
            overlay = nil
            open(hit.article)
        }
        overlay = nil
        focus = .reader
        var search = Self.corpusSearchMatches(query: query, hits: hits, in: hit.article)
        if fromEnd {
            search.current = search.matches.isEmpty ? nil : search.matches.count - 1
        } else if let paragraph = hit.paragraph, let first = hit.matches.first {
            search.current = search.matches.firstIndex { $0.paragraph == paragraph && $0.start == first.lowerBound }
        } else {
            // A title hit: n goes to the first match in the text.
            search.current = nil
        }
        reader.search = search
        if hit.paragraph == nil {
            reader.scroll = 0
            message = StatusMessage("Search \(query): in the title · n next · N previous")
        } else if let current = search.current {
            let match = search.matches[current]
            ensureVisible(paragraph: match.paragraph, offset: match.start)
            message = StatusMessage("Search \(query): match \(current + 1) of \(search.matches.count) here · n next · N previous")
        }
    }

    // MARK: - Sidebar filter

    mutating func handleFilterKey(_ key: Key) {
        switch key {
        case .escape, .control("c"):
            sidebar.filter = ""
            sidebar.isEditingFilter = false
        case .enter:
            sidebar.isEditingFilter = false
            if sidebar.filter.isEmpty { return }
            follow()
            return
        case .backspace:
            if sidebar.filter.isEmpty { sidebar.isEditingFilter = false } else { sidebar.filter.removeLast() }
        case .character(let character):
            sidebar.filter.append(character)
        case .down: move(by: 1); return
        case .up: move(by: -1); return
        default:
            return
        }
        // Narrowing selects the best match.
        let model = sidebarModel
        sidebar.selectedEntity = model.visibleEntities.first
        sidebar.scroll = 0
        keepSidebarSelectionVisible()
        if model.visibleEntities.isEmpty { message = StatusMessage("No entity matches “\(sidebar.filter)”", isError: true) }
    }

    // MARK: - Hints

    mutating func handleHintKey(_ key: Key) {
        switch key {
        case .escape, .control("c"):
            reader.hintInput = nil
        case .backspace:
            if let input = reader.hintInput, !input.isEmpty { reader.hintInput = String(input.dropLast()) } else { reader.hintInput = nil }
        case .character(let character):
            let typed = (reader.hintInput ?? "") + String(character)
            let labels = HintLabels(state: self).labels
            if let hit = labels.first(where: { $0.label == typed }) {
                reader.hintInput = nil
                reader.focusedMention = hit.mention.id
                reader.highlightedSentence = nil
                let label = corpus.entity(hit.mention.entity)?.label ?? hit.mention.text
                message = StatusMessage("\(label) — Enter opens its dossier")
            } else if labels.contains(where: { $0.label.hasPrefix(typed) }) {
                reader.hintInput = typed
            } else {
                reader.hintInput = nil
                message = StatusMessage("No hint “\(typed)”", isError: true)
            }
        default:
            reader.hintInput = nil
        }
    }

    // MARK: - Mouse

    mutating func handleMouse(_ event: MouseEvent) {
        let layout = screenLayout
        if overlay != nil {
            if event.kind == .wheelDown { move(by: 3) } else if event.kind == .wheelUp { move(by: -3) }
            return
        }
        if layout.readerText.contains(x: event.x, y: event.y) || layout.reader.contains(x: event.x, y: event.y) {
            switch event.kind {
            case .wheelUp: reader.scroll = clamp(reader.scroll - 3, 0, maxReaderScroll)
            case .wheelDown: reader.scroll = clamp(reader.scroll + 3, 0, maxReaderScroll)
            case .click:
                focus = .reader
                if let mention = mention(atScreenX: event.x, y: event.y) {
                    reader.focusedMention = mention
                    follow()
                }
            }
        } else if layout.sidebar.contains(x: event.x, y: event.y) {
            switch event.kind {
            case .wheelUp: sidebar.scroll = max(0, sidebar.scroll - 3)
            case .wheelDown: sidebar.scroll = min(max(0, sidebarModel.rows.count - 1), sidebar.scroll + 3)
            case .click:
                focus = .sidebar
                let row = sidebar.scroll + (event.y - layout.sidebar.y - 1)
                let rows = sidebarModel.rows
                if rows.indices.contains(row), case .entity(let entity, _, _, _) = rows[row] {
                    sidebar.selectedEntity = entity
                    follow()
                }
            }
        } else if layout.timeline.contains(x: event.x, y: event.y) {
            switch event.kind {
            case .wheelUp: moveTimelineSelection(by: -1)
            case .wheelDown: moveTimelineSelection(by: 1)
            case .click:
                focus = .timeline
                if let index = TimelineView.release(atX: event.x, y: event.y, state: self) {
                    timeline.selection = index
                    follow()
                }
            }
        }
    }

    /// The mention drawn at a screen cell of the reader, if any (a concept before a model that holds it).
    func mention(atScreenX x: Int, y: Int) -> MentionID? {
        let text = screenLayout.readerText
        let lineIndex = reader.scroll + (y - text.y)
        guard let line = readerLayout.lines[safe: lineIndex], let paragraph = line.paragraph else { return nil }
        var column = text.x
        for (index, width) in line.widths.enumerated() {
            if x < column + Int(width) {
                let offset = line.offsets[index]
                let here = currentMentions.filter { $0.paragraph == paragraph && $0.start <= offset && offset < $0.end }
                return (here.first { corpus.entity($0.entity)?.type != .model } ?? here.first)?.id
            }
            column += Int(width)
        }
        return nil
    }
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), max(low, high)) }

/// One- or two-letter labels for the mentions on screen (hint mode).
public struct HintLabels {
    public struct Label: Hashable {
        public var label: String
        public var mention: Mention
    }

    public let labels: [Label]

    static let alphabet = Array("asdfghjklqwertyuiopzxcvbnm")

    public init(state: BrowserState) {
        let layout = state.readerLayout
        let rows = state.screenLayout.readerText.height
        let visible = state.navigableMentions.filter { mention in
            guard let line = layout.line(paragraph: mention.paragraph, offset: mention.start) else { return false }
            return line >= state.reader.scroll && line < state.reader.scroll + rows
        }
        let alphabet = HintLabels.alphabet
        var names: [String] = []
        if visible.count <= alphabet.count {
            names = alphabet.prefix(visible.count).map { String($0) }
        } else {
            outer: for first in alphabet {
                for second in alphabet {
                    names.append(String([first, second]))
                    if names.count == visible.count { break outer }
                }
            }
        }
        labels = zip(names, visible).map { Label(label: $0, mention: $1) }
    }
}

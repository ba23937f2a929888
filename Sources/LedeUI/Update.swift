import LedeModel

/// The one place where input changes state: `update(state, action)` for
/// keymap actions, `handle(key)` for raw keys (prompts, hint labels, mouse).
/// No I/O happens here; quitting is a flag the event loop reads.
public func update(_ state: BrowserState, _ action: Action) -> BrowserState {
    var next = state
    next.perform(action)
    return next
}

extension BrowserState {
    // MARK: - Keys

    /// Routes a key: prompts and hint mode take keys first, then the keymap
    /// of the active pane.
    public mutating func handle(_ key: Key) {
        if case .resize(let newWidth, let newHeight) = key {
            width = max(1, newWidth)
            height = max(1, newHeight)
            clampScrolls()
            return
        }
        message = nil
        if case .mouse(let event) = key { handleMouse(event); return }
        if reader.hintInput != nil { handleHintKey(key); return }
        if reader.isEditingSearch { handleSearchKey(key); return }
        if sidebar.isEditingFilter, overlay == nil { handleFilterKey(key); return }
        if let action = keyMap.action(for: key, in: activePane) {
            perform(action)
        } else {
            message = StatusMessage("\(key.name) does nothing in \(activePane.title.lowercased()) — ? lists the keys")
        }
    }

    // MARK: - Actions

    public mutating func perform(_ action: Action) {
        switch action {
        case .quit:
            if overlay != nil { closeOverlay() } else { shouldQuit = true }
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
            overlay = .articles(selection: article)
        case .cycleTheme:
            themeIndex = (themeIndex + 1) % themes.count
            message = StatusMessage("Theme: \(theme.name)")
        }
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
        case .help, .dossier, .articles: return max(1, screenLayout.overlay(widthPercent: 80, heightPercent: 80).height - 4)
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
            reader.scroll = clamp(reader.scroll + delta, 0, maxReaderScroll)
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
                overlay = .help(scroll: clamp(scroll + delta, 0, max(0, lines - pageSize)), pane: pane, beneath: beneath)
            }
        case .articles:
            if case .articles(let selection) = overlay {
                overlay = .articles(selection: clamp(selection.addingReportingOverflow(delta).partialValue, 0, max(0, corpus.articles.count - 1)))
            }
        case .dossier:
            if case .dossier(var dossier) = overlay {
                let count = corpus.mentionsOfEntity[dossier.entity].count
                dossier.selection = clamp(dossier.selection.addingReportingOverflow(delta).partialValue, 0, max(0, count - 1))
                overlay = .dossier(dossier)
            }
        }
    }

    var maxReaderScroll: Int { max(0, readerLayout.lines.count - screenLayout.readerText.height) }

    mutating func moveTimelineSelection(by delta: Int) {
        let count = TimelineModel(state: self).releases.count
        guard count > 0 else { return }
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
    }

    // MARK: - Mentions

    /// Mentions Tab visits: the current article's, in shown paragraphs,
    /// of entities that pass the sidebar filter.
    var navigableMentions: [Int] {
        let shown = visibleParagraphs
        let highlighted = sidebar.filter.isEmpty && sidebar.hiddenTypes.isEmpty ? nil : sidebarModel.visibleEntitySet
        return (corpus.mentionsOfArticle[safe: article] ?? []).filter { index in
            let mention = corpus.mentions[index]
            if let shown, !shown.contains(mention.paragraph) { return false }
            if let highlighted, !highlighted.contains(mention.entity) { return false }
            return true
        }
    }

    mutating func stepMention(forward: Bool) {
        let candidates = navigableMentions
        guard !candidates.isEmpty else {
            message = StatusMessage("No mentions in this article", isError: true)
            return
        }
        let next: Int
        if let current = reader.focusedMention, let position = candidates.firstIndex(of: current), isOnScreen(current) {
            let target = position + (forward ? 1 : -1)
            if target >= candidates.count { next = candidates[0]; message = StatusMessage("Wrapped to the first mention") }
            else if target < 0 { next = candidates[candidates.count - 1]; message = StatusMessage("Wrapped to the last mention") }
            else { next = candidates[target] }
        } else {
            // Start from what is on screen.
            let layout = readerLayout
            let onScreen = candidates.filter { index in
                let mention = corpus.mentions[index]
                return (layout.line(paragraph: mention.paragraph, offset: mention.start) ?? -1) >= reader.scroll
            }
            next = forward ? (onScreen.first ?? candidates[0]) : (onScreen.first.flatMap { first in candidates.last { $0 < first } } ?? candidates[candidates.count - 1])
        }
        reader.focusedMention = next
        reader.highlightedSentence = nil
        ensureFocusedMentionVisible()
    }

    /// Whether a mention of the current article is on the visible page.
    func isOnScreen(_ mention: Int) -> Bool {
        let target = corpus.mentions[mention]
        guard target.article == article, let line = readerLayout.line(paragraph: target.paragraph, offset: target.start) else { return false }
        return line >= reader.scroll && line < reader.scroll + screenLayout.readerText.height
    }

    mutating func stepSameEntity(forward: Bool) {
        guard let entity = (activePane == .sidebar ? sidebar.selectedEntity : nil) ?? focusedEntity ?? sidebar.selectedEntity else {
            message = StatusMessage("No entity selected: Tab to a mention or pick one in the sidebar", isError: true)
            return
        }
        let all = corpus.mentionsOfEntity[entity]
        guard !all.isEmpty else {
            message = StatusMessage("\(corpus.entities[entity].label) is not mentioned in the text", isError: true)
            return
        }
        var target: Int?
        if let current = reader.focusedMention, corpus.mentions[current].entity == entity, let position = all.firstIndex(of: current) {
            let index = position + (forward ? 1 : -1)
            if index >= all.count { target = all[0]; message = StatusMessage("Wrapped to the first mention of \(corpus.entities[entity].label)") }
            else if index < 0 { target = all[all.count - 1]; message = StatusMessage("Wrapped to the last mention of \(corpus.entities[entity].label)") }
            else { target = all[index] }
        } else {
            // From the current reading position.
            let here = (article, 0)
            target = forward ? all.first { (corpus.mentions[$0].article, corpus.mentions[$0].paragraph) >= here } ?? all.first
                             : all.last { (corpus.mentions[$0].article, corpus.mentions[$0].paragraph) < here } ?? all.last
        }
        guard let target else { return }
        let crossed = corpus.mentions[target].article != article
        jump(to: target)
        if crossed, message == nil { message = StatusMessage("In “\(TextFit.truncate(corpus.articles[article].title, to: 50))”") }
        let position = (all.firstIndex(of: target) ?? 0) + 1
        if message == nil { message = StatusMessage("\(corpus.entities[entity].label): mention \(position) of \(all.count)") }
    }

    /// Moves the reader to a mention, remembering where we were.
    public mutating func jump(to mention: Int, highlightSentence: Bool = false) {
        let target = corpus.mentions[mention]
        history.append(location)
        future.removeAll()
        if target.article != article {
            article = target.article
            reader.scroll = 0
            refreshSearchForArticle()
        }
        overlay = nil
        focus = .reader
        reader.focusedMention = mention
        reader.highlightedSentence = nil
        if highlightSentence {
            let scalars = Array(corpus.articles[article].paragraphs[target.paragraph].unicodeScalars)
            if let sentence = ReleaseExtractor.sentences(scalars).first(where: { $0.contains(target.start) }) {
                reader.highlightedSentence = TextSearch.Match(paragraph: target.paragraph, start: sentence.lowerBound, end: sentence.upperBound)
            }
        }
        if let shown = visibleParagraphs, !shown.contains(target.paragraph) { reader.onlyMentioningParagraphs = false }
        ensureFocusedMentionVisible()
    }

    mutating func ensureFocusedMentionVisible() {
        guard let focused = reader.focusedMention else { return }
        let mention = corpus.mentions[focused]
        guard mention.article == article else { return }
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
            guard let focused = reader.focusedMention else {
                message = StatusMessage("No mention focused: Tab moves to one", isError: true)
                return
            }
            let entity = corpus.mentions[focused].entity
            let position = corpus.mentionsOfEntity[entity].firstIndex(of: focused) ?? 0
            overlay = .dossier(DossierState(entity: entity, selection: position))
        case .sidebar:
            guard let entity = sidebar.selectedEntity else { return }
            let mentions = corpus.mentionsOfEntity[entity]
            guard let first = mentions.first(where: { corpus.mentions[$0].article == article }) ?? mentions.first else {
                message = StatusMessage("\(corpus.entities[entity].label) is annotated but not named in the text", isError: true)
                return
            }
            sidebar.isEditingFilter = false
            jump(to: first)
            message = StatusMessage("\(corpus.entities[entity].label): mention 1 of \(mentions.count) — ] next, ⌫ back")
        case .timeline:
            let releases = TimelineModel(state: self).releases
            guard releases.indices.contains(timeline.selection) else { return }
            let release = releases[timeline.selection]
            guard let evidence = release.evidenceMention ?? release.mentions.first else { return }
            jump(to: evidence, highlightSentence: true)
            message = StatusMessage("\(release.modelName) · \(release.dateText) · \(release.basisDescription)")
        case .dossier:
            guard case .dossier(let dossier) = overlay else { return }
            let mentions = corpus.mentionsOfEntity[dossier.entity]
            guard mentions.indices.contains(dossier.selection) else { return }
            jump(to: mentions[dossier.selection])
        case .help:
            closeOverlay()
        case .articles:
            guard case .articles(let selection) = overlay, corpus.articles.indices.contains(selection) else { return }
            overlay = nil
            if selection != article { switchArticle(by: selection - article) }
        }
    }

    mutating func goBack() {
        guard let previous = history.popLast() else {
            message = StatusMessage("Nothing to go back to", isError: true)
            return
        }
        future.append(location)
        restore(previous)
    }

    mutating func goForward() {
        guard let next = future.popLast() else {
            message = StatusMessage("Nothing to go forward to", isError: true)
            return
        }
        history.append(location)
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
        guard !corpus.articles.isEmpty else { return }
        let target = article + delta
        guard corpus.articles.indices.contains(target) else {
            message = StatusMessage(delta > 0 ? "This is the last article" : "This is the first article", isError: true)
            return
        }
        history.append(location)
        future.removeAll()
        readingPositions[article] = location
        article = target
        reader = ReaderState(search: reader.search)
        if let saved = readingPositions[target] {
            reader.scroll = saved.scroll
            reader.focusedMention = saved.focusedMention
        }
        refreshSearchForArticle()
        if timeline.onlyCurrentArticle { timeline.selection = 0; timeline.scroll = 0 }
        reselectSidebar()
        message = StatusMessage("Article \(article + 1) of \(corpus.articles.count)")
    }

    // MARK: - Search

    mutating func handleSearchKey(_ key: Key) {
        switch key {
        case .escape:
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
        guard let query = reader.search?.query, !query.isEmpty else { return }
        var search = TextSearch(query: query)
        search.matches = Self.matches(of: query, in: currentArticle)
        search.current = search.matches.isEmpty ? nil : 0
        reader.search = search
    }

    mutating func stepSearch(forward: Bool) {
        guard var search = reader.search, !search.query.isEmpty else {
            message = StatusMessage("No search: / searches the text", isError: true)
            return
        }
        guard !search.matches.isEmpty else {
            message = StatusMessage("No match for “\(search.query)”", isError: true)
            return
        }
        let current = search.current ?? -1
        var next = current + (forward ? 1 : -1)
        if next >= search.matches.count { next = 0; message = StatusMessage("Search wrapped to the top") }
        if next < 0 { next = search.matches.count - 1; message = StatusMessage("Search wrapped to the bottom") }
        search.current = next
        reader.search = search
        let match = search.matches[next]
        ensureVisible(paragraph: match.paragraph, offset: match.start)
        if message == nil { message = StatusMessage("Match \(next + 1) of \(search.matches.count)") }
    }

    // MARK: - Sidebar filter

    mutating func handleFilterKey(_ key: Key) {
        switch key {
        case .escape:
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
                reader.focusedMention = hit.mention
                reader.highlightedSentence = nil
                message = StatusMessage("\(corpus.entities[corpus.mentions[hit.mention].entity].label) — Enter opens its dossier")
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
                if rows.indices.contains(row), case .entity(let entity, _, _) = rows[row] {
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

    /// The mention drawn at a screen cell of the reader, if any.
    func mention(atScreenX x: Int, y: Int) -> Int? {
        let text = screenLayout.readerText
        let lineIndex = reader.scroll + (y - text.y)
        guard let line = readerLayout.lines[safe: lineIndex], let paragraph = line.paragraph else { return nil }
        var column = text.x
        for (index, width) in line.widths.enumerated() {
            if x < column + Int(width) {
                let offset = line.offsets[index]
                return corpus.mentionsOfArticle[article].first { candidate in
                    let mention = corpus.mentions[candidate]
                    return mention.paragraph == paragraph && mention.start <= offset && offset < mention.end
                        && corpus.entities[mention.entity].type != .model
                } ?? corpus.mentionsOfArticle[article].first { candidate in
                    let mention = corpus.mentions[candidate]
                    return mention.paragraph == paragraph && mention.start <= offset && offset < mention.end
                }
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
        public var mention: Int
    }

    public let labels: [Label]

    static let alphabet = Array("asdfghjklqwertyuiopzxcvbnm")

    public init(state: BrowserState) {
        let layout = state.readerLayout
        let rows = state.screenLayout.readerText.height
        let visible = state.navigableMentions.filter { index in
            let mention = state.corpus.mentions[index]
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

import LedeModel

/// Everything the screen shows is a function of this value. `update`
/// takes it and an action to the next one; widgets draw it. The corpus is
/// asked (through its query API) for what the screen shows, never walked.
public struct BrowserState: Sendable {
    public private(set) var corpus: any Corpus
    public var keyMap: KeyMap
    public var themes: [Theme]
    public var themeIndex = 0
    public var width: Int
    public var height: Int

    /// The article on screen; nil only while no article is loaded yet.
    public var article: ArticleID?
    public var focus: Pane = .reader
    public var overlay: Overlay?
    public var reader = ReaderState()
    public var sidebar = SidebarState()
    public var timeline = TimelineState()
    public var history: [Location] = []
    /// Where the reader was in each article it left, to come back to.
    public var readingPositions: [ArticleID: Location] = [:]
    public var future: [Location] = []
    public var message: StatusMessage?
    public var indexing: IndexingStatus?
    /// The article on screen when the last event was applied, and the file it came from: a file changed on disk
    /// is read again under a new id, and the reader finds its place by the path.
    var openedArticle: ArticleID?
    var openedPath: String?

    /// Reader line layouts by (article, width, visible paragraphs); derived
    /// data, shared between update and drawing, never part of equality.
    public private(set) var layouts: ReaderLayoutCache
    /// The sidebar rows for the last (article, filter, toggles): several
    /// places ask for them on every keystroke and frame.
    private(set) var sidebarCache = SidebarModelCache()
    /// The mention list of the last entity asked about (`]`, the dossier).
    private(set) var mentionListCache = MentionListCache()
    /// The timeline as last drawn: most keys do not change it.
    private(set) var timelineCache = RegionCache()

    public init(corpus: any Corpus, keyMap: KeyMap = .defaults, themes: [Theme] = [.fallback], width: Int = 80, height: Int = 24) {
        self.corpus = corpus
        self.keyMap = keyMap
        self.themes = themes.isEmpty ? [.fallback] : themes
        self.width = width
        self.height = height
        self.layouts = ReaderLayoutCache()
        self.article = corpus.articleID(at: 0)
        selectTimelineReleaseOfArticle()
    }

    public var theme: Theme { themes[themeIndex] }

    /// The sidebar's rows for the current state, computed once per change.
    public var sidebarModel: SidebarModel { sidebarCache.model(for: self) }

    /// The pane whose keys apply: an overlay first, else the focused pane.
    public var activePane: Pane {
        switch overlay {
        case .help: .help
        case .dossier: .dossier
        case .articles: .articles
        case .corpusSearch: .search
        case nil: focus
        }
    }

    public var currentArticle: Article? { article.flatMap(corpus.article) }

    /// Position of the current article in reading order.
    public var articlePosition: Int? { article.flatMap(corpus.position(of:)) }

    /// The current article's mentions, reading order.
    public var currentMentions: [Mention] { article.map(corpus.mentions(in:)) ?? [] }

    public var location: Location? {
        article.map { Location(article: $0, scroll: reader.scroll, focusedMention: reader.focusedMention, focus: focus) }
    }

    public var screenLayout: ScreenLayout { ScreenLayout(width: width, height: height) }

    /// The reader's lines for the current article at the current size.
    public var readerLayout: ReaderLayout {
        layouts.layout(corpus: corpus, article: article, width: screenLayout.readerText.width, visibleParagraphs: visibleParagraphs)
    }

    /// Paragraphs shown; nil means all.
    public var visibleParagraphs: Set<Int>? {
        guard reader.onlyMentioningParagraphs else { return nil }
        let entities = selectedEntitiesForParagraphFilter
        guard !entities.isEmpty else { return nil }
        var paragraphs: Set<Int> = []
        for mention in currentMentions where entities.contains(mention.entity) { paragraphs.insert(mention.paragraph) }
        return paragraphs
    }

    /// The entity of the focused mention.
    public var focusedEntity: EntityID? { reader.focusedMention.flatMap(corpus.mention)?.entity }

    /// Every mention of an entity, reading order (kept for the last entity asked about).
    public func mentionList(of entity: EntityID) -> EntityMentionList { mentionListCache.list(of: entity, in: corpus) }

    /// Reads ahead what the likely next keys need (the neighbouring articles'
    /// text, layout and mentions; the focused entity's postings), so that
    /// `}`, `{` and `]` find it cached. The event loop calls this after drawing.
    public func warmCaches() {
        guard let position = articlePosition else { return }
        var next = [position + 1, position - 1].compactMap { corpus.articleID(at: $0) }
        // And the articles `]` and `[` would open.
        if let focused = reader.focusedMention, let entity = focusedEntity {
            let list = mentionList(of: entity)
            if let index = list.index(of: focused, corpus: corpus) {
                for neighbour in [index + 1, index - 1] {
                    if let posting = list.posting(containing: (neighbour + list.count) % max(1, list.count))?.posting {
                        next.append(list.postings[posting].article)
                    }
                }
            }
        }
        for id in Set(next) where id != article {
            _ = layouts.layout(corpus: corpus, article: id, width: screenLayout.readerText.width, visibleParagraphs: nil)
            let entities = Set(corpus.mentions(in: id).map(\.entity)).union(corpus.annotatedEntities(in: id))
            for entity in entities { _ = corpus.entity(entity) }
            _ = corpus.summary(of: id)
        }
        if let entity = sidebar.selectedEntity { _ = mentionList(of: entity) }
    }

    /// Starts the timeline on a release this article talks about.
    mutating func selectTimelineReleaseOfArticle() {
        let timelineModel = TimelineModel(state: self)
        timeline.selection = timelineModel.releases.firstIndex(where: timelineModel.isMentionedHere) ?? 0
    }

    /// The corpus grew or changed (the index committed more, a file changed
    /// on disk): keep the place, drop what no longer exists, and redraw.
    public mutating func corpusDidChange(indexing status: IndexingStatus?) {
        indexing = status
        if let current = article, corpus.position(of: current) == nil {
            // The file on screen was read again (a new id) or is gone.
            if let path = openedPath, let reread = corpus.articleID(path: path) {
                article = reread
                let scroll = reader.scroll
                reader = ReaderState(search: reader.search)
                reader.scroll = scroll
                refreshSearchForArticle()
                message = StatusMessage("This article changed on disk: showing it as it is now")
            } else {
                let title = openedPath.flatMap { $0.split(separator: "/").last.map(String.init) } ?? "The article"
                article = corpus.articleID(at: 0)
                reader = ReaderState()
                message = StatusMessage("\(title) was removed from disk", isError: true)
            }
        } else if article == nil {
            article = corpus.articleID(at: 0)
            reader = ReaderState()
        }
        if let focused = reader.focusedMention, corpus.mention(focused) == nil { reader.focusedMention = nil }
        if let selected = sidebar.selectedEntity, corpus.entity(selected) == nil { sidebar.selectedEntity = nil }
        if case .dossier(let dossier) = overlay, corpus.entity(dossier.entity) == nil { overlay = nil }
        // Places in articles that are gone: a re-read file comes back under its new id.
        history = history.compactMap(relocated)
        future = future.compactMap(relocated)
        readingPositions = readingPositions.filter { corpus.position(of: $0.key) != nil }
        // Releases arrive while a first build links: start on one this article names, unless the reader moved.
        if timeline.selection == 0 && focus != .timeline { selectTimelineReleaseOfArticle() }
        clampScrolls()
    }

    /// A place still valid after the corpus changed: the same article, else nil (dropped from the history).
    func relocated(_ place: Location) -> Location? {
        guard corpus.position(of: place.article) != nil else { return nil }
        var place = place
        if let mention = place.focusedMention, corpus.mention(mention) == nil { place.focusedMention = nil }
        return place
    }

    /// Files changed under the folders on screen: the loop re-indexes them; the status bar says so.
    mutating func filesDidChange(_ changes: FileChanges) -> [Effect] {
        guard !changes.isEmpty else { return [] }
        var parts: [String] = []
        if !changes.added.isEmpty { parts.append("\(changes.added.count) new") }
        if !changes.changed.isEmpty { parts.append("\(changes.changed.count) changed") }
        if !changes.removed.isEmpty { parts.append("\(changes.removed.count) removed") }
        message = StatusMessage("Files on disk: \(parts.joined(separator: ", ")) — updating")
        return [.reindex(changes), .repaint]
    }

    /// Replaces the corpus (the files read in memory again, say).
    /// Ids of one store mean nothing in another: the history and every
    /// cache start over; the article on screen is found again by its path.
    public mutating func replaceCorpus(_ corpus: any Corpus, indexing status: IndexingStatus?) {
        self.corpus = corpus
        layouts = ReaderLayoutCache()
        sidebarCache = SidebarModelCache()
        mentionListCache = MentionListCache()
        timelineCache = RegionCache()
        // The same file, if the new store has it; else the first article.
        if let path = openedPath, let same = corpus.articleID(path: path) {
            article = same
        } else {
            if let name = openedPath?.split(separator: "/").last { message = StatusMessage("\(name) was removed from disk", isError: true) }
            article = corpus.articleID(at: 0)
        }
        reader = ReaderState()
        sidebar.selectedEntity = nil
        overlay = nil
        history.removeAll()
        future.removeAll()
        readingPositions.removeAll()
        timeline.selection = 0
        timeline.scroll = 0
        corpusDidChange(indexing: status)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

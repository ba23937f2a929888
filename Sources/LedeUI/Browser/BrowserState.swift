// SPDX-License-Identifier: Apache-2.0
import Foundation
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
    public var article: ArticleID? {
        // What the next reads need is made once, when it changes, not by each reader during the event.
        didSet { if article != oldValue { keepDerivedViewsOfArticle() } }
    }
    public var focus: Pane = .reader
    public var overlay: Overlay? {
        // An overlay's prompt closes with it; opening one ends a main pane's prompt.
        didSet { if let prompt, !prompt.fits(overlay) { self.prompt = nil } }
    }
    /// The prompt taking keys before the keymap, if one is open (see Prompt).
    public var prompt: Prompt?
    public var reader = ReaderState()
    public var sidebar = SidebarState() {
        didSet {
            if sidebar.filter != oldValue.filter || sidebar.hiddenTypes != oldValue.hiddenTypes || sidebar.cooccurrence != oldValue.cooccurrence {
                keepSidebarModel()
            }
        }
    }
    public var timeline = TimelineState()
    public var history: [Location] = []
    /// Where the reader was in each article it left, to come back to.
    public var readingPositions: [ArticleID: Location] = [:]
    public var future: [Location] = []
    public var message: StatusMessage?
    public var indexing: IndexingStatus?
    /// The feed refresh's progress while it runs (`fetching 3/12`).
    public var fetching: String?
    /// The article on screen when the last event was applied, and the file it came from: a file changed on disk
    /// is read again under a new id, and the reader finds its place by the path.
    var openedArticle: ArticleID?
    var openedPath: String?
    /// Accessible mode (`--accessible`): the cursor on the focused item, entity
    /// types written in the text, and a spoken-style summary after each key.
    public var accessible = false
    /// Whether lede takes mouse events; off, the terminal's own selection works (`M`, `:set nomouse`).
    public var mouseCapture = true
    /// A count typed before a key (`5` of `5j`).
    public var pendingCount: Int?
    /// Read marks and places of this and earlier sessions, by path (see SessionRecord).
    public internal(set) var session = SessionRecord()
    /// Where relative article paths start from, for the session's absolute keys.
    public var workingDirectory = FileManager.default.currentDirectoryPath

    /// Layouts, sidebar rows and mention lists made from the fields above,
    /// brought up to date after each event (see DerivedViews).
    var derived = DerivedViews()

    public init(corpus: any Corpus, keyMap: KeyMap = .defaults, themes: [Theme] = [.fallback], width: Int = 80, height: Int = 24) {
        self.corpus = corpus
        self.keyMap = keyMap
        self.themes = themes.isEmpty ? [.fallback] : themes
        self.width = width
        self.height = height
        self.article = corpus.articleID(at: 0)
        openedArticle = article
        openedPath = article.flatMap { corpus.summary(of: $0)?.path }
        if let openedPath { session.read.insert(sessionKey(openedPath)) }
        TimelinePane.selectReleaseOfArticle(&self)
        refreshDerivedViews()
    }

    public var theme: Theme { themes[themeIndex] }

    /// The sidebar's rows for the current state, computed once per change.
    /// The sidebar's rows for the current state: the kept ones, made when their inputs changed.
    public var sidebarModel: SidebarModel { derived.sidebarModel(for: SidebarModel.Inputs(state: self)) ?? SidebarModel(state: self) }

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
    public var readerLayout: ReaderLayout { readerLayout(of: article, visibleParagraphs: visibleParagraphs) }

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
    public func mentionList(of entity: EntityID) -> EntityMentionList {
        derived.mentionList(of: entity, generation: corpus.generation) ?? corpus.mentionList(of: entity)
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
                resetReader(ReaderState(search: reader.search))
                reader.scroll = scroll
                ReaderSearch.refreshForArticle(&self)
                message = StatusMessage("This article changed on disk: showing it as it is now")
            } else {
                let title = openedPath.flatMap { $0.split(separator: "/").last.map(String.init) } ?? "The article"
                article = corpus.articleID(at: 0)
                resetReader()
                message = StatusMessage("\(title) was removed from disk", isError: true)
            }
        } else if article == nil {
            article = corpus.articleID(at: 0)
            resetReader()
        }
        if let focused = reader.focusedMention, corpus.mention(focused) == nil { reader.focusedMention = nil }
        if let selected = sidebar.selectedEntity, corpus.entity(selected) == nil { sidebar.selectedEntity = nil }
        if case .dossier(let dossier) = overlay, corpus.entity(dossier.entity) == nil { overlay = nil }
        // A sorted or filtered article list is made again from what the store holds now.
        if case .articles(var articles) = overlay, articles.rows != nil { ArticleListOverlay.reorder(&self, &articles) }
        // Places in articles that are gone: a re-read file comes back under its new id.
        history = history.compactMap(relocated)
        future = future.compactMap(relocated)
        readingPositions = readingPositions.filter { corpus.position(of: $0.key) != nil }
        // Releases arrive while a first build links: start on one this article names, unless the reader
        // moved on the timeline. A release once chosen stays chosen, by its model, wherever the others land.
        if timelineSelection == 0 && focus != .timeline { TimelinePane.selectReleaseOfArticle(&self) }
        clampScrolls()
    }

    /// The reader starts over (another article, the corpus replaced): its prompts close with it.
    mutating func resetReader(_ fresh: ReaderState = ReaderState()) {
        reader = fresh
        if prompt?.isReaders == true { prompt = nil }
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
        derived = DerivedViews()
        // The same file, if the new store has it; else the first article.
        if let path = openedPath, let same = corpus.articleID(path: path) {
            article = same
        } else {
            if let name = openedPath?.split(separator: "/").last { message = StatusMessage("\(name) was removed from disk", isError: true) }
            article = corpus.articleID(at: 0)
        }
        resetReader()
        sidebar.selectedEntity = nil
        overlay = nil
        history.removeAll()
        future.removeAll()
        readingPositions.removeAll()
        timeline.selected = nil
        timeline.scroll = 0
        corpusDidChange(indexing: status)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

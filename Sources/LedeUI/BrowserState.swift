import LedeModel

/// A place the reader has been: for the jump history.
public struct Location: Hashable, Sendable {
    public var article: Int
    public var scroll: Int
    public var focusedMention: Int?
    public var focus: Pane
}

/// A search in the reader: the query and every match in the article.
public struct TextSearch: Hashable, Sendable {
    public struct Match: Hashable, Sendable {
        public var paragraph: Int
        public var start: Int
        public var end: Int
    }
    public var query: String
    public var matches: [Match] = []
    /// Index into `matches` of the current one.
    public var current: Int?
}

public struct ReaderState: Hashable, Sendable {
    /// First visible line of the reader layout.
    public var scroll = 0
    /// Global mention index of the focused mention.
    public var focusedMention: Int?
    public var search: TextSearch?
    /// True while the search prompt takes keystrokes.
    public var isEditingSearch = false
    /// Show only paragraphs that mention the selected entities (`&`).
    public var onlyMentioningParagraphs = false
    /// Sentence highlighted after a jump from the timeline: paragraph and scalar range.
    public var highlightedSentence: TextSearch.Match?
    /// Typed so far in hint mode; nil when hint mode is off.
    public var hintInput: String?
}

public struct SidebarState: Hashable, Sendable {
    public var filter = ""
    /// True while the filter prompt takes keystrokes.
    public var isEditingFilter = false
    /// The selected entity (stable while the list narrows and widens).
    public var selectedEntity: Int?
    public var scroll = 0
    public var hiddenTypes: Set<SidebarGroup> = []
}

public struct TimelineState: Hashable, Sendable {
    /// Index into the visible releases.
    public var selection = 0
    public var isList = false
    public var organisationFilter: String?
    /// Only the releases the current article mentions.
    public var onlyCurrentArticle = false
    public var scroll = 0
}

public struct DossierState: Hashable, Sendable {
    public var entity: Int
    /// Index into the entity's mentions.
    public var selection = 0
    public var scroll = 0
}

public indirect enum Overlay: Hashable, Sendable {
    /// Keys of `pane`; closing returns to `beneath` (the dossier, say).
    case help(scroll: Int, pane: Pane, beneath: Overlay?)
    case dossier(DossierState)
    /// The list of loaded articles; the value is the selected row.
    case articles(selection: Int)
}

/// A one-line message in the status bar until the next key.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// Everything the screen shows is a function of this value. `update`
/// takes it and an action to the next one; widgets draw it.
public struct BrowserState: Sendable {
    public let corpus: Corpus
    public var keyMap: KeyMap
    public var themes: [Theme]
    public var themeIndex = 0
    public var width: Int
    public var height: Int

    public var article = 0
    public var focus: Pane = .reader
    public var overlay: Overlay?
    public var reader = ReaderState()
    public var sidebar = SidebarState()
    public var timeline = TimelineState()
    public var history: [Location] = []
    /// Where the reader was in each article it left, to come back to.
    public var readingPositions: [Int: Location] = [:]
    public var future: [Location] = []
    public var message: StatusMessage?
    public var shouldQuit = false

    /// Reader line layouts by (article, width, visible paragraphs); derived
    /// data, shared between update and drawing, never part of equality.
    public let layouts: ReaderLayoutCache
    /// The sidebar rows for the last (article, filter, toggles): several
    /// places ask for them on every keystroke and frame.
    let sidebarCache = SidebarModelCache()

    public init(corpus: Corpus, keyMap: KeyMap = .defaults, themes: [Theme] = [.fallback], width: Int = 80, height: Int = 24) {
        self.corpus = corpus
        self.keyMap = keyMap
        self.themes = themes.isEmpty ? [.fallback] : themes
        self.width = width
        self.height = height
        self.layouts = ReaderLayoutCache()
        if let first = corpus.articles.indices.first { self.article = first }
        // Start the timeline on a release this article talks about.
        let timelineModel = TimelineModel(state: self)
        timeline.selection = timelineModel.releases.firstIndex(where: timelineModel.isMentionedHere) ?? 0
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
        case nil: focus
        }
    }

    public var currentArticle: Article? { corpus.articles.indices.contains(article) ? corpus.articles[article] : nil }

    public var location: Location { Location(article: article, scroll: reader.scroll, focusedMention: reader.focusedMention, focus: focus) }

    public var screenLayout: ScreenLayout { ScreenLayout(width: width, height: height) }

    /// The reader's lines for the current article at the current size.
    public var readerLayout: ReaderLayout {
        layouts.layout(corpus: corpus, article: article, width: screenLayout.readerText.width,
                       visibleParagraphs: visibleParagraphs)
    }

    /// Paragraphs shown; nil means all.
    public var visibleParagraphs: Set<Int>? {
        guard reader.onlyMentioningParagraphs else { return nil }
        let entities = selectedEntitiesForParagraphFilter
        guard !entities.isEmpty else { return nil }
        var paragraphs: Set<Int> = []
        for index in corpus.mentionsOfArticle[safe: article] ?? [] where entities.contains(corpus.mentions[index].entity) {
            paragraphs.insert(corpus.mentions[index].paragraph)
        }
        return paragraphs
    }

    /// The entities `&` keeps: the sidebar filter's matches, else the selected entity.
    public var selectedEntitiesForParagraphFilter: Set<Int> {
        if !sidebar.filter.isEmpty { return Set(sidebarModel.visibleEntities) }
        let entity = focus == .sidebar ? sidebar.selectedEntity : (focusedEntity ?? sidebar.selectedEntity)
        return entity.map { [$0] } ?? []
    }

    /// The entity of the focused mention.
    public var focusedEntity: Int? { reader.focusedMention.map { corpus.mentions[$0].entity } }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

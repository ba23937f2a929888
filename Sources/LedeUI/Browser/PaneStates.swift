// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// A place the reader has been: for the jump history.
public struct Location: Hashable, Sendable {
    public var article: ArticleID
    public var scroll: Int
    public var focusedMention: MentionID?
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
    /// Set when the search came from a corpus search: `n` / `N` go on into
    /// the other articles with hits.
    public var corpusHits: [SearchHit]?
}

public struct ReaderState: Hashable, Sendable {
    /// First visible line of the reader layout.
    public var scroll = 0
    public var focusedMention: MentionID?
    public var search: TextSearch?
    /// Show only paragraphs that mention the selected entities (`&`).
    public var onlyMentioningParagraphs = false
    /// Sentence highlighted after a jump from the timeline: paragraph and scalar range.
    public var highlightedSentence: TextSearch.Match?
}

public struct SidebarState: Hashable, Sendable {
    public var filter = ""
    /// The selected entity (stable while the list narrows and widens).
    public var selectedEntity: EntityID?
    public var scroll = 0
    public var hiddenTypes: Set<SidebarGroup> = []
    /// `c`: the entities that share paragraphs (or sentences) with one entity, instead of this article's.
    public var cooccurrence: CooccurrenceState?
}

/// The sidebar's co-occurrence view: whose partners, counted in what, ranked how.
public struct CooccurrenceState: Hashable, Sendable {
    public var entity: EntityID
    public var unit: CooccurrenceUnit = .paragraph
    public var order: CooccurrenceOrder = .lift
    /// The article's entity list as it was, to come back to.
    public var returnSelection: EntityID?
    public var returnScroll = 0

    public init(entity: EntityID, returnSelection: EntityID? = nil, returnScroll: Int = 0) {
        self.entity = entity
        self.returnSelection = returnSelection
        self.returnScroll = returnScroll
    }
}

public struct TimelineState: Hashable, Sendable {
    /// The selected release, by its model (one release per model): it stays
    /// selected while releases arrive around it. Nil before there are any.
    public var selected: EntityID?
    /// The list view's first row.
    public var scroll = 0
    public var isList = false
    public var organisationFilter: String?
    /// Only the releases the current article mentions.
    public var onlyCurrentArticle = false
    /// Zoom steps on the time axis: 0 fits every release, each step halves the days shown.
    public var zoom = 0
    /// First day shown when zoomed (days since 1970-01-01); nil centres on the selection.
    public var windowStart: Int?
    /// `p`: mark when each organisation is most discussed (its busiest week or month) beside its releases.
    public var showsPeaks = false
}

public struct DossierState: Hashable, Sendable {
    public var entity: EntityID
    /// The selected mention (an index into the entity's mentions, reading order)
    /// and the first row shown (rows count the article headings too).
    public var list: ListState
    /// `/` in the dossier: only the articles whose title contains this.
    public var filter = ""
    /// The articles the filter kept (made when it changes); nil: every article.
    public var keptPostings: [ArticleMentionCount]?

    public init(entity: EntityID, selection: Int = 0) {
        self.entity = entity
        self.list = ListState(selection: selection)
    }

    public var selection: Int {
        get { list.selection }
        set { list.selection = newValue }
    }
}

/// `S`: a search across every article.
public struct CorpusSearchState: Hashable, Sendable {
    public var query = ""
    /// Nil until a query has run.
    public var hits: [SearchHit]?
    /// The selected hit and the first hit shown.
    public var list = ListState()
    /// The query could not be read, or found too many to list.
    public var note: String?
    /// Hits are capped; true when there were more.
    public var isTruncated = false
    /// Set when the hits are not a search's but a list's (the paragraphs two entities share): its title.
    public var title: String?
    /// Editing the query.
    public var editor: LineEditor {
        get { LineEditor(query) }
        set { query = newValue.text }
    }

    public var selection: Int {
        get { list.selection }
        set { list.selection = newValue }
    }
}

public indirect enum Overlay: Hashable, Sendable {
    /// Keys of `pane` (the list's offset is the scroll); closing returns to `beneath` (the dossier, say).
    case help(ListState, pane: Pane, beneath: Overlay?)
    case dossier(DossierState)
    /// The list of loaded articles; the selection is a reading-order position.
    case articles(ArticleListState)
    case corpusSearch(CorpusSearchState)
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

/// Indexing in the background, as the status bar shows it.
public struct IndexingStatus: Hashable, Sendable {
    public var text: String
    public init(_ text: String) { self.text = text }
}

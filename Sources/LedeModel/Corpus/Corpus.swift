// SPDX-License-Identifier: Apache-2.0
/// What the screen and the exports ask of a loaded corpus.
///
/// Two stores answer it: `InMemoryCorpus` (everything in arrays, for
/// `--no-index` and tests) and the SQLite index in `LedeIndex`, which
/// holds only what was asked for lately. Every answer is in reading order
/// (article path order, then position in the article), so every export is
/// the same whatever the store and whatever order files were indexed in.
///
/// A store may grow while it is read (the index fills in the background);
/// `generation` changes whenever an answer may have changed.
public protocol Corpus: AnyObject, Sendable {
    /// Changes whenever the content changed (articles added, entities linked).
    var generation: Int { get }

    /// Articles in reading order (sorted by path).
    var articleIDs: [ArticleID] { get }
    /// Position of an article in reading order.
    func position(of article: ArticleID) -> Int?
    /// Title, byline and counts, without the paragraphs.
    func summary(of article: ArticleID) -> ArticleSummary?
    /// The article list: in `order`, only articles whose title or authors contain `filter` (case-insensitive).
    func articleList(order: ArticleOrder, filter: String) -> [ArticleID]
    /// The article read from this file, if any (ids change when a file is read again; paths do not).
    func articleID(path: String) -> ArticleID?
    /// The whole article, paragraphs included.
    func article(_ article: ArticleID) -> Article?
    /// The article's mentions in reading order; a mention's `id.ordinal` is its index here.
    func mentions(in article: ArticleID) -> [Mention]
    /// Entities the article's annotations list.
    func annotatedEntities(in article: ArticleID) -> Set<EntityID>

    func entity(_ id: EntityID) -> Entity?
    /// Every entity that is annotated somewhere or mentioned somewhere, in export order:
    /// by type, then label (case-insensitive), then key.
    func allEntities() -> [Entity]
    /// Articles that mention the entity, reading order, with how often.
    func articles(mentioning entity: EntityID) -> [ArticleMentionCount]
    func mentionCount(of entity: EntityID) -> Int
    /// The entity's mentions by the publication day of their articles, with the
    /// corpus's own publication range (the axis every entity shares).
    func mentionsOverTime(of entity: EntityID) -> DatedMentions
    /// The entity of this type shown under this label, if any (a release names its organisation by label).
    func entityID(type: EntityType, label: String) -> EntityID?

    /// Which entities each paragraph and sentence of the article mentions:
    /// what co-occurrence reads (sorted, no repeats).
    func entityUnits(in article: ArticleID) -> [EntityUnit]
    /// The units of many articles (a store may read them in one go).
    func entityUnits(in articles: [ArticleID]) -> [[EntityUnit]]
    /// Paragraphs and sentences that mention the entity, corpus-wide.
    func unitCounts(of entity: EntityID) -> UnitCounts
    /// Paragraphs and sentences that mention any entity, corpus-wide.
    var unitTotals: UnitCounts { get }

    /// Model releases, timeline order.
    var releases: [Release] { get }

    /// Paragraphs (and titles) that match, reading order; at most `limit`.
    func search(_ query: SearchQuery, limit: Int?) -> [SearchHit]
    /// Whether `search` answers at once (an index still building its full-text part would read every article).
    var isSearchReady: Bool { get }

    /// Files that could not be read or parsed.
    var errors: [LoadError] { get }
    /// Non-fatal problems with loaded articles, as `path: message`.
    var warnings: [String] { get }
    /// Catalogue lines that were skipped, as `file:line: message`.
    var catalogueProblems: [String] { get }

    /// Reads that failed since the last call, oldest first (taking them empties
    /// the list). A failed read answers as if empty, so the code that asks stays
    /// simple; whoever shows answers to a person takes these and says so.
    func takeReadFailures() -> [CorpusReadFailure]
}

/// Title, byline and counts of an article: what lists show.
public struct ArticleSummary: Sendable, Hashable {
    public var id: ArticleID
    public var path: String
    public var title: String
    public var authors: [String]
    public var published: CalendarDate?
    public var genre: String?
    public var brand: String?
    public var paragraphCount: Int
    public var mentionCount: Int

    public init(id: ArticleID, path: String, title: String, authors: [String], published: CalendarDate?,
                genre: String?, brand: String?, paragraphCount: Int, mentionCount: Int) {
        self.id = id
        self.path = path
        self.title = title
        self.authors = authors
        self.published = published
        self.genre = genre
        self.brand = brand
        self.paragraphCount = paragraphCount
        self.mentionCount = mentionCount
    }
}

public struct ArticleMentionCount: Sendable, Hashable {
    public var article: ArticleID
    public var mentions: Int
    public init(article: ArticleID, mentions: Int) {
        self.article = article
        self.mentions = mentions
    }
}

/// A paragraph (or title) that matches a search, with the matched ranges.
public struct SearchHit: Sendable, Hashable {
    public var article: ArticleID
    /// Nil when the title matched.
    public var paragraph: Int?
    /// Scalar ranges of the matched words in the paragraph (or title).
    public var matches: [Range<Int>]

    public init(article: ArticleID, paragraph: Int?, matches: [Range<Int>]) {
        self.article = article
        self.paragraph = paragraph
        self.matches = matches
    }
}

// MARK: - Derived queries

extension Corpus {
    public var articleCount: Int { articleIDs.count }
    public func articleList(order: ArticleOrder, filter: String) -> [ArticleID] { defaultArticleList(order: order, filter: filter) }
    public var isSearchReady: Bool { true }
    /// A store in memory never fails to read.
    public func takeReadFailures() -> [CorpusReadFailure] { [] }
    public func entityUnits(in articles: [ArticleID]) -> [[EntityUnit]] { articles.map { entityUnits(in: $0) } }

    /// Reads every article's summary: the stores keep the publication days in a column of their own instead.
    public func mentionsOverTime(of entity: EntityID) -> DatedMentions {
        let days = PublicationDays(articleIDs.map { summary(of: $0)?.published })
        return days.mentions(articles(mentioning: entity), position: position(of:))
    }

    /// Looks at every entity: stores that can look a label up directly do.
    public func entityID(type: EntityType, label: String) -> EntityID? {
        allEntities().first { $0.type == type && $0.label == label }?.id
    }

    /// The entity's mentions per week or month over the corpus's publication range.
    public func mentionHistogram(of entity: EntityID) -> MentionHistogram { MentionHistogram(mentionsOverTime(of: entity)) }

    /// Looks at every summary: stores that can look a path up directly do.
    public func articleID(path: String) -> ArticleID? {
        articleIDs.first { summary(of: $0)?.path == path }
    }

    /// The article at a reading-order position.
    public func articleID(at position: Int) -> ArticleID? {
        let ids = articleIDs
        return ids.indices.contains(position) ? ids[position] : nil
    }

    public func mention(_ id: MentionID) -> Mention? {
        let all = mentions(in: id.article)
        let index = Int(id.ordinal)
        return all.indices.contains(index) ? all[index] : nil
    }

    /// Every mention of an entity as a list that loads articles only when asked.
    public func mentionList(of entity: EntityID) -> EntityMentionList {
        EntityMentionList(entity: entity, postings: articles(mentioning: entity))
    }
}

/// A query a store could not answer: the index damaged, locked or removed
/// under a running lede. The query answered as if empty (no article, no
/// mentions); this says so, for the status bar and the exports' exit status.
public struct CorpusReadFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was asked: `the text of article 12`, `the entity list`.
    public var query: String
    /// Why it could not be answered, as the store puts it (`no such table: article_text`).
    public var reason: String

    public init(query: String, reason: String) {
        self.query = query
        self.reason = reason
    }

    public var description: String { "could not read \(query) from the index: \(reason)" }
}

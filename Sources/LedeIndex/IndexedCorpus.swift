import Foundation
import GRDB
import LedeModel

/// The `Corpus` queries answered from the index.
///
/// It holds the article order, the entity table and the releases (small:
/// a few bytes per article, a row per entity), and fetches paragraphs and
/// mentions only for the articles asked about, keeping the last few in
/// memory. `reload()` takes a new snapshot after the indexer committed.
public final class IndexedCorpus: Corpus, @unchecked Sendable {
    let pool: DatabasePool
    private let lock = NSLock()

    private var snapshot = Snapshot()
    private var articleCache = LRUCache<ArticleID, Article>(capacity: 12)
    private var mentionCache = LRUCache<ArticleID, [Mention]>(capacity: 128)
    private var annotatedCache = LRUCache<ArticleID, Set<EntityID>>(capacity: 128)
    private var summaryCache = LRUCache<ArticleID, ArticleSummary>(capacity: 512)
    private var postingCache = LRUCache<EntityID, [ArticleMentionCount]>(capacity: 16)
    private var extraErrors: [LoadError] = []

    private let problemsOfCatalogue: @Sendable () -> [String]
    public var catalogueProblems: [String] { problemsOfCatalogue() }

    struct Snapshot {
        var generation = 0
        /// Counts reloads (the generation also moves when only the errors change).
        var reloads = 0
        /// Each article's publication day by position, read the first time a histogram is asked for.
        var publicationDays: PublicationDays?
        var articleIDs: [ArticleID] = []
        /// Positions by id, built only when ids are not already in reading order
        /// (a first build numbers them in order; later additions may not be).
        var positionOf: [ArticleID: Int]?

        func position(of article: ArticleID) -> Int? {
            if let positionOf { return positionOf[article] }
            // Ids increase with position: a binary search.
            var low = 0, high = articleIDs.count - 1
            while low <= high {
                let middle = (low + high) / 2
                let id = articleIDs[middle]
                if id == article { return middle }
                if id < article { low = middle + 1 } else { high = middle - 1 }
            }
            return nil
        }
        var releases: [Release] = []
        var isSearchReady = true
        /// Entity rows read so far (the screen asks for a few dozen at a time).
        var entities: [EntityID: (entity: Entity, mentions: Int)] = [:]
    }

    public init(database: IndexDatabase, catalogueProblems: @escaping @Sendable () -> [String] = { [] }) throws {
        pool = database.pool
        problemsOfCatalogue = catalogueProblems
        try reload()
    }

    /// Takes a new snapshot of the article order, entities and releases.
    public func reload() throws {
        var next = try pool.read { db in try Self.readSnapshot(db) }
        lock.lock()
        next.generation = snapshot.generation + 1
        next.reloads = snapshot.reloads + 1
        snapshot = next
        articleCache.removeAll()
        mentionCache.removeAll()
        annotatedCache.removeAll()
        summaryCache.removeAll()
        postingCache.removeAll()
        lock.unlock()
    }

    /// Files that could not be read, as the last update reported them.
    public func setErrors(_ errors: [LoadError]) {
        lock.lock()
        extraErrors = errors
        snapshot.generation += 1
        lock.unlock()
    }

    static func readSnapshot(_ db: Database) throws -> Snapshot {
        var snapshot = Snapshot()
        snapshot.articleIDs = try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY position").map(ArticleID.init)
        if !zip(snapshot.articleIDs, snapshot.articleIDs.dropFirst()).allSatisfy({ $0 < $1 }) {
            var positions: [ArticleID: Int] = [:]
            positions.reserveCapacity(snapshot.articleIDs.count)
            for (position, id) in snapshot.articleIDs.enumerated() { positions[id] = position }
            snapshot.positionOf = positions
        }
        snapshot.releases = try Data.fetchAll(db, sql: "SELECT data FROM releases ORDER BY rank").compactMap(ReleaseBlob.decode)
        snapshot.isSearchReady = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_pending'") != "1"
        return snapshot
    }

    static let entityColumns = "id, key, type, label, names, url, organisation, publisher_id, source, predicates, mention_count"

    static func entity(from row: Row) -> (entity: Entity, mentions: Int) {
        let entity = Entity(id: EntityID(row[0]), key: EntityKey(raw: row[1]), label: row[3], type: EntityType(rawValue: row[2]) ?? .other,
                            predicates: ArticleBlobs.decodeStrings(row[9]), source: EntitySource(rawValue: row[8]) ?? .detected,
                            names: ArticleBlobs.decodeStrings(row[4]), url: row[5], organisation: row[6], publisherID: row[7])
        return (entity, row[10])
    }

    /// An entity's row, read once per snapshot.
    private func entityRow(_ id: EntityID) -> (entity: Entity, mentions: Int)? {
        if let cached = withLock({ snapshot.entities[id] }) { return cached }
        guard let row = (try? pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.entityColumns) FROM entities WHERE id = ?", arguments: [id.raw])
        }) ?? nil else { return nil }
        let value = Self.entity(from: row)
        withLock { snapshot.entities[id] = value }
        return value
    }

    func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    // MARK: - Corpus

    public var generation: Int { withLock { snapshot.generation } }
    public var isSearchReady: Bool { withLock { snapshot.isSearchReady } }
    public var articleIDs: [ArticleID] { withLock { snapshot.articleIDs } }
    public func position(of article: ArticleID) -> Int? { withLock { snapshot.position(of: article) } }
    public func articleID(path: String) -> ArticleID? {
        guard let id = (try? pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM articles WHERE path = ?", arguments: [path]) }) ?? nil,
              position(of: ArticleID(id)) != nil else { return nil }
        return ArticleID(id)
    }
    public var releases: [Release] { withLock { snapshot.releases } }
    public func entity(_ id: EntityID) -> Entity? { entityRow(id)?.entity }
    public func mentionCount(of entity: EntityID) -> Int { entityRow(entity)?.mentions ?? 0 }

    /// Every listed entity, export order (the exports ask; the screen never does).
    public func allEntities() -> [Entity] {
        let rows = (try? pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.entityColumns) FROM entities WHERE listed = 1 ORDER BY export_rank")
        }) ?? []
        let values = rows.map(Self.entity(from:))
        withLock { for value in values { snapshot.entities[value.entity.id] = value } }
        return values.map(\.entity)
    }
    public var errors: [LoadError] { withLock { extraErrors } }

    /// One row of the article list: its summary and the lowercased UTF-8 the filter looks in.
    struct ListRow: Sendable {
        let position: Int
        let summary: ArticleSummary
        let searchable: [UInt8]
    }

    /// The article list's rows, read with one query once per generation, and
    /// each order once asked for: after that a filter keystroke is a byte scan
    /// of the kept order (reading the rows took half a second at 100,000
    /// articles, sorting them a tenth of one).
    private var listRows: (generation: Int, rows: [ListRow], orders: [ArticleOrder: [Int]])?

    private func articleListRows(order: ArticleOrder) -> (rows: [ListRow], order: [Int]) {
        let generation = self.generation
        var kept = withLock { listRows }
        if kept?.generation != generation {
            let sql = """
                SELECT a.id, a.path, a.title, a.authors, a.published, a.paragraph_count, coalesce(l.mention_count, 0)
                FROM articles a LEFT JOIN links l ON l.id = a.id
                """
            let fetched = (try? pool.read { db in try Row.fetchAll(db, sql: sql) }) ?? []
            var rows: [ListRow] = []
            rows.reserveCapacity(fetched.count)
            for row in fetched {
                let id = ArticleID(row[0] as Int64)
                guard let position = position(of: id) else { continue }
                let title: String = row[2]
                let authors = ArticleBlobs.decodeStrings(row[3])
                let summary = ArticleSummary(id: id, path: row[1], title: title, authors: authors,
                                             published: (row[4] as String?).flatMap { CalendarDate(iso: $0) }, genre: nil, brand: nil,
                                             paragraphCount: row[5], mentionCount: row[6])
                rows.append(ListRow(position: position, summary: summary,
                                    searchable: Array(([title] + authors).joined(separator: "\n").lowercased().utf8)))
            }
            rows.sort { $0.position < $1.position }
            kept = (generation, rows, [:])
        }
        guard var list = kept else { return ([], []) }
        if list.orders[order] == nil {
            let sorted = ArticleOrdering.sort(list.rows.map { ($0.position, $0.summary) }, by: order)
            // Rows are in reading order, so a row's index is its position among the listed articles.
            var index: [ArticleID: Int] = [:]
            for (offset, row) in list.rows.enumerated() { index[row.summary.id] = offset }
            list.orders[order] = sorted.compactMap { index[$0.summary.id] }
        }
        withLock { listRows = list }
        return (list.rows, list.orders[order] ?? [])
    }

    /// Each article's publication day by reading-order position, read with one
    /// query once per snapshot: after that an entity's histogram is a walk of
    /// its postings (one blob), not a read per article.
    private func publicationDays() -> PublicationDays {
        let current = withLock { snapshot }
        if let kept = current.publicationDays { return kept }
        var days = PublicationDays(undatedCount: current.articleIDs.count)
        try? pool.read { db in
            // SQLite turns `YYYY-MM-DD` into days since 1970 itself (no string per row); other forms are read here.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, CAST(julianday(published) - 2440587.5 AS INTEGER), CASE WHEN length(published) = 10 THEN NULL ELSE published END
                FROM articles WHERE published IS NOT NULL
                """)
            while let row = try rows.next() {
                // Articles the snapshot does not hold yet (committed since) wait for the next reload.
                guard let position = current.position(of: ArticleID(row[0] as Int64)) else { continue }
                let short = row[2] as String?
                guard let day = short.map(PublicationDays.dayNumber(iso:)) ?? (row[1] as Int64?).map(Int.init) else { continue }
                days.days[position] = Int32(clamping: day)
            }
        }
        days.recomputeSpan()
        withLock { if snapshot.reloads == current.reloads { snapshot.publicationDays = days } }
        return days
    }

    public func mentionsOverTime(of entity: EntityID) -> DatedMentions {
        publicationDays().mentions(articles(mentioning: entity)) { self.position(of: $0) }
    }

    /// A label looked up in the entity table (a release's organisation; a handful per generation).
    public func entityID(type: EntityType, label: String) -> EntityID? {
        let id = (try? pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM entities WHERE type = ? AND label = ? AND listed = 1 ORDER BY id LIMIT 1",
                               arguments: [type.rawValue, label])
        }) ?? nil
        return id.map(EntityID.init)
    }

    public func articleList(order: ArticleOrder, filter: String) -> [ArticleID] {
        if order == .reading && filter.isEmpty { return articleIDs }
        let (rows, ordered) = articleListRows(order: order)
        let needle = Array(filter.lowercased().utf8)
        guard !needle.isEmpty else { return ordered.map { rows[$0].summary.id } }
        return ordered.filter { ByteSearch.contains(rows[$0].searchable, needle) }.map { rows[$0].summary.id }
    }

    // MARK: - Co-occurrence (the queries are in IndexedCorpus+Cooccurrence.swift)

    /// Every entity's paragraph and sentence counts and the corpus's, read
    /// with two queries once per generation, when co-occurrence is first asked for.
    var unitCountRows: (generation: Int, counts: [Int64: UnitCounts], totals: UnitCounts)?

    public func summary(of article: ArticleID) -> ArticleSummary? {
        if let cached = withLock({ summaryCache[article] }) { return cached }
        let summary = try? pool.read { db -> ArticleSummary? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT a.path, a.title, a.authors, a.published, a.genre, a.brand, a.paragraph_count, coalesce(l.mention_count, 0)
                FROM articles a LEFT JOIN links l ON l.id = a.id WHERE a.id = ?
                """, arguments: [article.raw]) else { return nil }
            return ArticleSummary(id: article, path: row[0], title: row[1], authors: ArticleBlobs.decodeStrings(row[2]),
                                  published: (row[3] as String?).flatMap { CalendarDate(iso: $0) }, genre: row[4], brand: row[5],
                                  paragraphCount: row[6], mentionCount: row[7])
        }
        guard let summary = summary ?? nil else { return nil }
        withLock { summaryCache[article] = summary }
        return summary
    }

    public func article(_ article: ArticleID) -> Article? {
        if let cached = withLock({ articleCache[article] }) { return cached }
        guard let loaded = (try? pool.read { db in try Self.loadArticle(id: article.raw, db: db) }) ?? nil else { return nil }
        withLock { articleCache[article] = loaded }
        return loaded
    }

    static func loadArticle(id: Int64, db: Database) throws -> Article? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT a.path, a.title, a.authors, a.published, a.genre, a.brand, a.related, a.email, a.content_id, a.warnings,
                   t.body, a.paragraph_count, a.markup
            FROM articles a JOIN article_text t ON t.id = a.id WHERE a.id = ?
            """, arguments: [id]) else { return nil }
        let paragraphs = IndexWrites.paragraphs(ofBody: row[10], count: row[11])
        let markup = MarkupBlob.decode(row[12])
        return Article(path: row[0], title: row[1], authors: ArticleBlobs.decodeStrings(row[2]),
                       published: (row[3] as String?).flatMap { CalendarDate(iso: $0) }, genre: row[4], brand: row[5],
                       paragraphs: paragraphs, related: ArticleBlobs.decodeRelated(row[6]), email: row[7], contentID: row[8],
                       warnings: ArticleBlobs.decodeStrings(row[9]), format: markup.format, headings: markup.headings,
                       links: markup.links, givenMentions: markup.given, site: markup.site, language: markup.language)
    }

    public func mentions(in article: ArticleID) -> [Mention] {
        if let cached = withLock({ mentionCache[article] }) { return cached }
        let mentions = (try? pool.read { db in
            ArticleBlobs.decodeMentions(try Data.fetchOne(db, sql: "SELECT mentions FROM links WHERE id = ?", arguments: [article.raw]),
                                        article: article)
        }) ?? []
        withLock { mentionCache[article] = mentions }
        // The screen asks for every entity an article names: read their rows in one query.
        loadEntityRows(Set(mentions.map(\.entity)))
        return mentions
    }

    /// Reads the rows of the entities not read yet, in one query.
    private func loadEntityRows(_ ids: Set<EntityID>) {
        let missing = withLock { ids.filter { snapshot.entities[$0] == nil } }
        guard !missing.isEmpty else { return }
        let list = missing.map { String($0.raw) }.joined(separator: ",")
        let rows = (try? pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.entityColumns) FROM entities WHERE id IN (\(list))")
        }) ?? []
        let values = rows.map(Self.entity(from:))
        withLock { for value in values { snapshot.entities[value.entity.id] = value } }
    }

    public func annotatedEntities(in article: ArticleID) -> Set<EntityID> {
        if let cached = withLock({ annotatedCache[article] }) { return cached }
        let ids = (try? pool.read { db in
            ArticleBlobs.decodeIDs(try Data.fetchOne(db, sql: "SELECT annotated FROM links WHERE id = ?", arguments: [article.raw]))
        }) ?? []
        let set = Set(ids.map(EntityID.init))
        withLock { annotatedCache[article] = set }
        loadEntityRows(set)
        return set
    }

    public func articles(mentioning entity: EntityID) -> [ArticleMentionCount] {
        if let cached = withLock({ postingCache[entity] }) { return cached }
        let stored = PostingBlob.decode((try? pool.read { db in
            try Data.fetchOne(db, sql: "SELECT data FROM postings WHERE entity = ?", arguments: [entity.raw])
        }) ?? nil)
        let postings = withLock {
            stored.compactMap { posting -> (Int, ArticleMentionCount)? in
                let article = ArticleID(posting.article)
                guard let position = snapshot.position(of: article) else { return nil }
                return (position, ArticleMentionCount(article: article, mentions: posting.mentions))
            }
        }.sorted { $0.0 < $1.0 }.map(\.1)
        withLock { postingCache[entity] = postings }
        return postings
    }

    /// FTS5 finds the articles that hold every term somewhere; each is then
    /// read paragraph by paragraph, as the in-memory store reads them, so
    /// both stores give the same hits.
    /// Until the full-text index is built (it follows a cold build), every
    /// article is read in turn.
    public func search(_ query: SearchQuery, limit: Int?) -> [SearchHit] {
        let candidates = (try? pool.read { db -> [Int64] in
            let pending = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_pending'") == "1"
            if pending { return try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY position") }
            return try Int64.fetchAll(db, sql: """
                SELECT a.id FROM article_search s JOIN articles a ON a.id = s.rowid
                WHERE article_search MATCH ? ORDER BY a.position
                """, arguments: [query.ftsExpression])
        }) ?? []
        var hits: [SearchHit] = []
        for raw in candidates {
            // Read directly, not through the cache: a search must not evict what the screen shows.
            guard let article = (try? pool.read({ db in try Self.loadArticle(id: raw, db: db) })) ?? nil else { continue }
            guard query.collectHits(in: article, id: ArticleID(raw), into: &hits, limit: limit) else { break }
        }
        return hits
    }

    public var warnings: [String] {
        (try? pool.read { db in
            var result: [String] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT path, warnings FROM articles WHERE warnings IS NOT NULL ORDER BY position")
            while let row = try rows.next() {
                let path: String = row[0]
                for warning in ArticleBlobs.decodeStrings(row[1]) { result.append("\(path): \(warning)") }
            }
            return result
        }) ?? []
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import LedeModel
import Synchronization

/// The `Corpus` queries answered from the index.
///
/// It holds the article order, the entity table and the releases (small:
/// a few bytes per article, a row per entity), and fetches paragraphs and
/// mentions only for the articles asked about, keeping the last few in
/// memory. `reload()` takes a new snapshot after the indexer committed.
///
/// A read that fails (SQLite reports an error, a blob does not decode: the
/// index damaged or removed under a running lede) answers as if empty and
/// is kept for `takeReadFailures`, which the browser shows in its status
/// bar and the exports turn into exit status 1.
public final class IndexedCorpus: Corpus {
    let pool: DatabasePool
    /// Everything that changes after init, behind one lock.
    private let kept = Mutex(Kept())
    private let problemsOfCatalogue: @Sendable () -> [String]
    public var catalogueProblems: [String] { problemsOfCatalogue() }

    struct Kept {
        var snapshot = Snapshot()
        var articleCache = LRUCache<ArticleID, Article>(capacity: 12)
        var mentionCache = LRUCache<ArticleID, [Mention]>(capacity: 128)
        var annotatedCache = LRUCache<ArticleID, Set<EntityID>>(capacity: 128)
        var summaryCache = LRUCache<ArticleID, ArticleSummary>(capacity: 512)
        var postingCache = LRUCache<EntityID, [ArticleMentionCount]>(capacity: 16)
        var extraErrors: [LoadError] = []
        /// The article list's rows, read once per generation (see `articleListRows`).
        var listRows: (generation: Int, rows: ListRows, orders: [ArticleOrder: [Int]])?
        /// Every entity's paragraph and sentence counts and the corpus's, read
        /// once per generation, when co-occurrence is first asked for.
        var unitCountRows: (generation: Int, counts: [Int64: UnitCounts], totals: UnitCounts)?
        /// Reads that failed since they were last taken, the first few of them.
        var readFailures: [CorpusReadFailure] = []
    }

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
        let next = try pool.read { db in try Self.readSnapshot(db) }
        withLock { kept in
            var next = next
            next.generation = kept.snapshot.generation + 1
            next.reloads = kept.snapshot.reloads + 1
            kept.snapshot = next
            kept.articleCache.removeAll()
            kept.mentionCache.removeAll()
            kept.annotatedCache.removeAll()
            kept.summaryCache.removeAll()
            kept.postingCache.removeAll()
        }
    }

    /// Files that could not be read, as the last update reported them.
    public func setErrors(_ errors: [LoadError]) {
        withLock { kept in
            kept.extraErrors = errors
            kept.snapshot.generation += 1
        }
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
        snapshot.releases = try Data.fetchAll(db, sql: "SELECT data FROM releases ORDER BY rank").map(ReleaseBlob.decode)
        snapshot.isSearchReady = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_pending'") != "1"
        return snapshot
    }

    func withLock<T>(_ body: (inout sending Kept) -> sending T) -> sending T {
        kept.withLock(body)
    }

    // MARK: - Reads that may fail

    /// Most failed reads kept until taken: the first say what went wrong.
    static let keptFailures = 20

    /// Runs a read; when it fails the failure is kept for `takeReadFailures` and the read answers `empty`.
    func read<T>(_ query: @autoclosure () -> String, else empty: T, _ body: (Database) throws -> T) -> T {
        do {
            return try pool.read(body)
        } catch {
            let failure = CorpusReadFailure(query: query(), reason: Self.reason(error))
            withLock { kept in if kept.readFailures.count < Self.keptFailures { kept.readFailures.append(failure) } }
            return empty
        }
    }

    /// SQLite's own words (`no such table: article_text`), not GRDB's whole description with the SQL.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode.rawValue)" }
        return "\(error)"
    }

    public func takeReadFailures() -> [CorpusReadFailure] {
        withLock { kept in
            defer { kept.readFailures.removeAll() }
            return kept.readFailures
        }
    }

    // MARK: - Corpus

    public var generation: Int { withLock { $0.snapshot.generation } }
    public var isSearchReady: Bool { withLock { $0.snapshot.isSearchReady } }
    public var articleIDs: [ArticleID] { withLock { $0.snapshot.articleIDs } }
    public func position(of article: ArticleID) -> Int? { withLock { $0.snapshot.position(of: article) } }
    public var releases: [Release] { withLock { $0.snapshot.releases } }
    public var errors: [LoadError] { withLock { $0.extraErrors } }
    public func entity(_ id: EntityID) -> Entity? { entityRow(id)?.entity }
    public func mentionCount(of entity: EntityID) -> Int { entityRow(entity)?.mentions ?? 0 }

    public func articleID(path: String) -> ArticleID? {
        let id = read("the article of \(path)", else: nil) { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM articles WHERE path = ?", arguments: [path])
        }
        guard let id, position(of: ArticleID(id)) != nil else { return nil }
        return ArticleID(id)
    }

    /// An entity's row, read once per snapshot.
    private func entityRow(_ id: EntityID) -> (entity: Entity, mentions: Int)? {
        if let cached = withLock({ $0.snapshot.entities[id] }) { return cached }
        guard let row = read("entity \(id.raw)", else: nil, { db in
            try EntityRow.fetchOne(db, sql: "SELECT \(EntityRow.columns) FROM entities WHERE id = ?", arguments: [id.raw])
        }) else { return nil }
        let value = (row.entity, row.mentions)
        withLock { $0.snapshot.entities[id] = value }
        return value
    }

    /// Every listed entity, export order (the exports ask; the screen never does).
    public func allEntities() -> [Entity] {
        let rows = read("the entity list", else: []) { db in
            try EntityRow.fetchAll(db, sql: "SELECT \(EntityRow.columns) FROM entities WHERE listed = 1 ORDER BY export_rank")
        }
        keep(rows)
        return rows.map(\.entity)
    }

    /// Reads the rows of the entities not read yet, in one query.
    private func loadEntityRows(_ ids: Set<EntityID>) {
        let missing = withLock { kept in ids.filter { kept.snapshot.entities[$0] == nil } }
        guard !missing.isEmpty else { return }
        let list = missing.map { String($0.raw) }.joined(separator: ",")
        keep(read("\(missing.count) entities", else: []) { db in
            try EntityRow.fetchAll(db, sql: "SELECT \(EntityRow.columns) FROM entities WHERE id IN (\(list))")
        })
    }

    private func keep(_ rows: [EntityRow]) {
        withLock { kept in for row in rows { kept.snapshot.entities[row.entity.id] = (row.entity, row.mentions) } }
    }

    /// A label looked up in the entity table (a release's organisation; a handful per generation).
    public func entityID(type: EntityType, label: String) -> EntityID? {
        read("the entity \(label)", else: nil) { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM entities WHERE type = ? AND label = ? AND listed = 1 ORDER BY id LIMIT 1",
                               arguments: [type.rawValue, label])
        }.map(EntityID.init)
    }

    public func summary(of article: ArticleID) -> ArticleSummary? {
        if let cached = withLock({ $0.summaryCache[article] }) { return cached }
        guard let row = read("article \(article.raw)", else: nil, { db in
            try SummaryRow.fetchOne(db, sql: SummaryRow.select + " WHERE a.id = ?", arguments: [article.raw])
        }) else { return nil }
        withLock { $0.summaryCache[article] = row.summary }
        return row.summary
    }

    public func article(_ article: ArticleID) -> Article? {
        if let cached = withLock({ $0.articleCache[article] }) { return cached }
        guard let loaded = read("the text of article \(article.raw)", else: nil, { db in try Self.loadArticle(id: article.raw, db: db) }) else {
            return nil
        }
        withLock { $0.articleCache[article] = loaded }
        return loaded
    }

    static func loadArticle(id: Int64, db: Database) throws -> Article? {
        try ArticleRow.fetchOne(db, sql: ArticleRow.select + " WHERE a.id = ?", arguments: [id])?.article
    }

    public func mentions(in article: ArticleID) -> [Mention] {
        if let cached = withLock({ $0.mentionCache[article] }) { return cached }
        let mentions = read("the mentions of article \(article.raw)", else: []) { db in
            try ArticleBlobs.decodeMentions(try Data.fetchOne(db, sql: "SELECT mentions FROM links WHERE id = ?", arguments: [article.raw]),
                                            article: article)
        }
        withLock { $0.mentionCache[article] = mentions }
        // The screen asks for every entity an article names: read their rows in one query.
        loadEntityRows(Set(mentions.map(\.entity)))
        return mentions
    }

    public func annotatedEntities(in article: ArticleID) -> Set<EntityID> {
        if let cached = withLock({ $0.annotatedCache[article] }) { return cached }
        let ids = read("the annotations of article \(article.raw)", else: []) { db in
            try ArticleBlobs.decodeIDs(try Data.fetchOne(db, sql: "SELECT annotated FROM links WHERE id = ?", arguments: [article.raw]))
        }
        let set = Set(ids.map(EntityID.init))
        withLock { $0.annotatedCache[article] = set }
        loadEntityRows(set)
        return set
    }

    public func articles(mentioning entity: EntityID) -> [ArticleMentionCount] {
        if let cached = withLock({ $0.postingCache[entity] }) { return cached }
        let stored = read("the articles that mention entity \(entity.raw)", else: []) { db in
            try PostingBlob.decode(try Data.fetchOne(db, sql: "SELECT data FROM postings WHERE entity = ?", arguments: [entity.raw]))
        }
        let postings = withLock { kept in
            stored.compactMap { posting -> (Int, ArticleMentionCount)? in
                let article = ArticleID(posting.article)
                guard let position = kept.snapshot.position(of: article) else { return nil }
                return (position, ArticleMentionCount(article: article, mentions: posting.mentions))
            }
        }.sorted { $0.0 < $1.0 }.map(\.1)
        withLock { $0.postingCache[entity] = postings }
        return postings
    }

    /// FTS5 finds the articles that hold every term somewhere; each is then
    /// read paragraph by paragraph, as the in-memory store reads them, so
    /// both stores give the same hits.
    /// Until the full-text index is built (it follows a cold build), every
    /// article is read in turn.
    public func search(_ query: SearchQuery, limit: Int?) -> [SearchHit] {
        let candidates = read("the search index", else: []) { db -> [Int64] in
            let pending = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_pending'") == "1"
            if pending { return try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY position") }
            return try Int64.fetchAll(db, sql: """
                SELECT a.id FROM article_search s JOIN articles a ON a.id = s.rowid
                WHERE article_search MATCH ? ORDER BY a.position
                """, arguments: [query.ftsExpression])
        }
        var hits: [SearchHit] = []
        for raw in candidates {
            // Read directly, not through the cache: a search must not evict what the screen shows.
            guard let article = read("the text of article \(raw)", else: nil, { db in try Self.loadArticle(id: raw, db: db) }) else { continue }
            guard query.collectHits(in: article, id: ArticleID(raw), into: &hits, limit: limit) else { break }
        }
        return hits
    }

    public var warnings: [String] {
        read("the articles' warnings", else: []) { db in
            var result: [String] = []
            let warned = try NamedRows(db, sql: "SELECT path, warnings FROM articles WHERE warnings IS NOT NULL ORDER BY position")
            let (pathAt, warningsAt) = try (warned.column("path"), warned.column("warnings"))
            while let row = try warned.rows.next() {
                let path: String = row[pathAt]
                for warning in try ArticleBlobs.decodeStrings(row[warningsAt]) { result.append("\(path): \(warning)") }
            }
            return result
        }
    }
}

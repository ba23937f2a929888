// SPDX-License-Identifier: Apache-2.0
// The indexer: whether an index is up to date, and the steps of an update.
// IndexUpdate runs one update (scan, read in chunks, vocabulary, link,
// finish), sharing its report and vocabulary delta; Indexer+Finish folds and
// publishes the corpus-wide answers; IndexWrites and BlobCoding hold the SQL
// and the formats it uses.

import Foundation
import GRDB
import LedeModel

/// Brings an index up to date with a list of files.
///
/// A file whose size and modification time match the index is not read; a
/// touched file whose content hash matches is not parsed again. New and
/// changed files are parsed in parallel, in chunks committed one at a time
/// (so a reader sees articles appear, and an interrupted update leaves a
/// usable index). Then the vocabulary is rebuilt from every article's
/// concepts: articles are linked again only when they are new, changed, or
/// contain a name whose meaning changed.
public final class Indexer: Sendable {
    public let database: IndexDatabase
    private let makeBuilder: @Sendable () -> CorpusBuilder
    private let cancellation = CancellationFlag()

    /// The pipeline (made on first use: an index that is up to date needs none of it).
    public var builder: CorpusBuilder { makeBuilder() }

    /// Articles per transaction: big enough to amortise commits, small enough to show progress.
    static let chunkSize = 200
    /// Parsed articles kept in memory between reading and linking, in bytes (`retainedCost`).
    static let retainBudget = 16 << 20
    /// How often a first build publishes what it has linked so far, in seconds.
    static let publishInterval: TimeInterval = 4

    public init(database: IndexDatabase, builder: CorpusBuilder) {
        self.database = database
        makeBuilder = { builder }
    }

    public init(database: IndexDatabase, builder: @escaping @Sendable () -> CorpusBuilder) {
        self.database = database
        makeBuilder = builder
    }

    /// Asks a running update to stop after its current chunk.
    public func cancel() { cancellation.set() }
    public var isCancelled: Bool { cancellation.isSet }

    var pool: DatabasePool { database.pool }

    struct StoredArticle {
        var id: Int64
        var size: Int64
        var mtime: Int64
        var hash: Int64
    }

    enum ReadResult: Sendable {
        case touched(id: Int64, state: IndexWrites.FileState)
        case imported(ImportedArticle, IndexWrites.FileState, replacing: Int64?)
        case failed(LoadError, IndexWrites.FileState?, replacing: Int64?)
    }

    /// Updates the index for `files` (in reading order). `committed` is
    /// called after every chunk, so readers can refresh. An index that is
    /// already up to date is only read; one that needs writing is locked
    /// for the update, and `IndexUnavailable` says when another lede holds it.
    /// `states`, when given, are the files' sizes and times as the folder walk
    /// saw them (`ArticleFiles.expandWithStates`); else each file is stat'ed here.
    public func update(files: [String], states: [FileStat]? = nil, progress: @escaping @Sendable (IndexProgress) -> Void = { _ in },
                       committed: @escaping @Sendable () -> Void = {}) throws -> IndexReport {
        let states: [FileStat?] = states.flatMap { $0.count == files.count ? $0 : nil } ?? files.map { FileStat(path: $0) }
        if let upToDate = try reportIfUpToDate(files: files, states: states) { return upToDate }
        return try database.exclusively { try write(files: files, states: states, progress: progress, committed: committed) }
    }

    /// The report of an update that would change nothing, or nil.
    func reportIfUpToDate(files: [String], states: [FileStat?]) throws -> IndexReport? {
        let stored = try pool.read { db in try StoredState(db) }
        guard !stored.needsFinish, !stored.vocabularyDirty, stored.articles.count + stored.failures.count <= files.count else { return nil }
        var report = IndexReport()
        var seen = 0
        for (path, state) in zip(files, states) {
            guard let state else { return nil }
            if let row = stored.articles[path], row.size == state.size, row.mtime == state.mtime {
                report.unchanged += 1
            } else if let failure = stored.failures[path], failure.size == state.size, failure.mtime == state.mtime {
                report.errors.append(LoadError(path: path, message: failure.message))
            } else {
                return nil
            }
            seen += 1
        }
        guard seen == stored.articles.count + stored.failures.count else { return nil }
        // Linked and finished: nothing to do.
        let unlinked = try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM articles a LEFT JOIN links l ON l.id = a.id WHERE l.id IS NULL") ?? 0
        }
        guard unlinked == 0 else { return nil }
        report.errors.sort { $0.path < $1.path }
        return report
    }

    /// Writes an update: scan, read, vocabulary, link, finish (see IndexUpdate).
    func write(files: [String], states: [FileStat?], progress: @escaping @Sendable (IndexProgress) -> Void,
               committed: @escaping @Sendable () -> Void) throws -> IndexReport {
        var update = try IndexUpdate(indexer: self, files: files, states: states, progress: progress, committed: committed)
        let oldInput = try update.scan()
        guard try update.readChunks() else { return update.report }
        let (vocabulary, entityIDs) = try update.vocabulary(comparedWith: oldInput)
        let (linked, assembler, completed) = try update.link(vocabulary: vocabulary, entityIDs: entityIDs)
        guard completed else { return update.report }
        try update.finish(vocabulary: vocabulary, entityIDs: entityIDs, linked: linked, assembler: assembler)
        return update.report
    }

    /// What the index held before this update.
    struct StoredState {
        struct Failure {
            var size: Int64
            var mtime: Int64
            var message: String
        }
        var articles: [String: StoredArticle] = [:]
        var failures: [String: Failure] = [:]
        var needsFinish = false
        var searchPending = false
        var vocabularyDirty = false

        init(_ db: Database) throws {
            let stored = try NamedRows(db, sql: "SELECT id, path, size, mtime, hash FROM articles")
            let (idAt, pathAt, sizeAt, mtimeAt, hashAt) = try (stored.column("id"), stored.column("path"), stored.column("size"),
                                                               stored.column("mtime"), stored.column("hash"))
            while let row = try stored.rows.next() {
                articles[row[pathAt]] = StoredArticle(id: row[idAt], size: row[sizeAt], mtime: row[mtimeAt], hash: row[hashAt])
            }
            let failed = try NamedRows(db, sql: "SELECT path, size, mtime, message FROM failures")
            let (failedPathAt, failedSizeAt, failedMtimeAt, messageAt) = try (failed.column("path"), failed.column("size"),
                                                                              failed.column("mtime"), failed.column("message"))
            while let row = try failed.rows.next() {
                failures[row[failedPathAt]] = Failure(size: row[failedSizeAt] ?? -1, mtime: row[failedMtimeAt] ?? -1, message: row[messageAt])
            }
            var meta: [String: String] = [:]
            let pairs = try Row.fetchCursor(db, sql: "SELECT key, value FROM meta")
            while let row = try pairs.next() { meta[row["key"]] = row["value"] }
            needsFinish = meta["needs_finish"] == "1"
            searchPending = meta["search_pending"] == "1"
            vocabularyDirty = meta["vocabulary_dirty"] == "1"
        }
    }

    /// The tagger's names added to the articles read anew (one run per chunk);
    /// stored with them, so an unchanged file is never tagged again.
    static func tagged(_ results: [ReadResult], builder: CorpusBuilder) -> [ReadResult] {
        guard builder.tagger != nil else { return results }
        var positions: [Int] = []
        var articles: [ImportedArticle] = []
        for (position, result) in results.enumerated() {
            if case .imported(let article, _, _) = result { positions.append(position); articles.append(article) }
        }
        builder.tag(&articles)
        var tagged = results
        for (position, article) in zip(positions, articles) {
            if case .imported(_, let state, let replacing) = results[position] { tagged[position] = .imported(article, state, replacing: replacing) }
        }
        return tagged
    }

    /// What keeping a parsed article for linking costs, roughly: its text, and
    /// the per-object overhead of paragraphs, keys and given spans, which for
    /// 100k short articles (JSON Lines) outweighs the text itself.
    static func retainedCost(_ input: LinkInput) -> Int {
        var bytes = 64
        for paragraph in input.paragraphs { bytes += paragraph.utf8.count + 32 }
        for key in input.annotatedKeys { bytes += key.raw.utf8.count + 32 }
        for given in input.given { bytes += given.label.utf8.count + 64 }
        return bytes
    }

    /// Reads and parses one file; a touched file with the same content is not parsed again.
    static func read(_ path: String, state: FileStat?, previous: StoredArticle?, importer: any ArticleImporter,
                     builder: CorpusBuilder) -> ReadResult {
        guard let state else {
            return .failed(LoadError(path: path, message: "cannot read file"), nil, replacing: previous?.id)
        }
        let data: Data
        switch ArticleFileReader.read(path, limits: importer.limits) {
        case .success(let bytes): data = bytes
        case .failure(let error):
            // Not remembered as read: refusing again costs an open and a stat
            // (sizes are checked before reading), and a chmod changes no mtime.
            return .failed(error, nil, replacing: previous?.id)
        }
        let file = IndexWrites.FileState(size: state.size, mtime: state.mtime, hash: Fingerprint.content(data))
        if let previous, previous.hash == file.hash { return .touched(id: previous.id, state: file) }
        switch importer.parse(data, path: path) {
        case .success(let article): return .imported(builder.prepare(article), file, replacing: previous?.id)
        case .failure(let error): return .failed(error, file, replacing: previous?.id)
        }
    }

    static func setMeta(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
    }

    /// The vocabulary input recounted from every article's own concepts (after an interrupted update).
    static func recountVocabulary(_ db: Database) throws -> VocabularyInput {
        var input = VocabularyInput()
        let articles = try NamedRows(db, sql: "SELECT concepts, discovered FROM articles")
        let (conceptsAt, discoveredAt) = try (articles.column("concepts"), articles.column("discovered"))
        while let row = try articles.rows.next() {
            input.add(try ArticleBlobs.decodeConcepts(row[conceptsAt]), stored: try ArticleBlobs.decodeStrings(row[discoveredAt]))
        }
        return input
    }

    /// Rewrites the reference counts from every stored article.
    static func recountVocabularyTable(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM concept_labels")
        try db.execute(sql: "DELETE FROM discovered_names")
        var delta = IndexWrites.VocabularyDelta()
        var postings = IndexWrites.PostingChanges()
        let articles = try NamedRows(db, sql: "SELECT concepts, discovered FROM articles")
        let (conceptsAt, discoveredAt) = try (articles.column("concepts"), articles.column("discovered"))
        while let row = try articles.rows.next() {
            delta.add(concepts: try ArticleBlobs.decodeConcepts(row[conceptsAt]), discovered: try ArticleBlobs.decodeStrings(row[discoveredAt]), sign: 1)
        }
        try delta.write(db)
    }

    static func rate(_ done: Int, since start: Date) -> Double {
        let elapsed = Date().timeIntervalSince(start)
        return elapsed > 0 ? Double(done) / elapsed : 0
    }

    /// Positions follow the files' (reading) order: a file's place in the list.
    static func assignPositions(files: [String], db: Database) throws {
        var stored: [String: (id: Int64, position: Int)] = [:]
        let articles = try NamedRows(db, sql: "SELECT id, path, position FROM articles")
        let (idAt, pathAt, positionAt) = try (articles.column("id"), articles.column("path"), articles.column("position"))
        while let row = try articles.rows.next() { stored[row[pathAt]] = (row[idAt], row[positionAt]) }
        let update = try db.cachedStatement(sql: "UPDATE articles SET position = ? WHERE id = ?")
        for (position, path) in files.enumerated() {
            guard let article = stored[path], article.position != position else { continue }
            try update.execute(arguments: [position, article.id])
        }
    }

    /// What linking needs of stored articles, in one query per chunk.
    static func loadLinkInputs(ids: [Int64], db: Database) throws -> [Int64: LinkInput] {
        var result: [Int64: LinkInput] = [:]
        let list = ids.map(String.init).joined(separator: ",")
        let articles = try NamedRows(db, sql: """
            SELECT a.id, a.published, a.paragraph_count, a.concepts, t.body, a.markup
            FROM articles a JOIN article_text t ON t.id = a.id WHERE a.id IN (\(list))
            """)
        let (idAt, publishedAt, countAt) = try (articles.column("id"), articles.column("published"), articles.column("paragraph_count"))
        let (conceptsAt, bodyAt, markupAt) = try (articles.column("concepts"), articles.column("body"), articles.column("markup"))
        while let row = try articles.rows.next() {
            result[row[idAt]] = LinkInput(paragraphs: IndexWrites.paragraphs(ofBody: row[bodyAt], count: row[countAt]),
                                          published: (row[publishedAt] as String?).flatMap { CalendarDate(iso: $0) },
                                          annotatedKeys: try ArticleBlobs.decodeConceptKeys(row[conceptsAt]),
                                          given: try MarkupBlob.decode(row[markupAt]).given)
        }
        return result
    }

    /// Unlinks every linked article whose text holds one of `names`
    /// (compared without case: a superset is fine), so it is linked again.
    /// Returns how many.
    func unlinkArticlesNaming(_ names: [String], postings: inout IndexWrites.PostingChanges) throws -> Int {
        guard !names.isEmpty else { return 0 }
        let matcher = NameMatcher(patterns: names.enumerated().map { NamePattern(text: $0.element, caseRule: .anyCase, payload: $0.offset) })
        var marked: [Int64] = []
        try pool.read { db in
            let texts = try NamedRows(db, sql: "SELECT t.id, t.body FROM article_text t JOIN links l ON l.id = t.id")
            let (idAt, bodyAt) = try (texts.column("id"), texts.column("body"))
            while let row = try texts.rows.next() {
                let body: String = row[bodyAt]
                if !matcher.allMatches(in: body).isEmpty { marked.append(row[idAt]) }
            }
        }
        try pool.write { db in
            for id in marked { try IndexWrites.unlink(id: id, postings: &postings, db: db) }
        }
        return marked.count
    }

    // MARK: - Search index

    /// Whether the full-text index still has to be built (after a cold build).
    public func isSearchIndexPending() throws -> Bool {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_pending'") == "1" }
    }

    /// Builds the full-text index over every article if a cold build left it for later.
    public func ensureSearchIndex() throws {
        guard try isSearchIndexPending() else { return }
        try pool.write { db in
            try db.execute(sql: "INSERT INTO article_search (article_search) VALUES ('rebuild')")
            try Self.setMeta("search_pending", "0", db)
        }
    }
}

// One file on purpose: an index update is one sequence of transactions
// (walk, read in chunks, link, publish, search index) sharing the report,
// the cancellation and the vocabulary delta. Indexer+Finish folds and
// publishes the corpus-wide answers; IndexWrites and BlobCoding hold the
// SQL and the formats it uses.

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
    public func update(files: [String], states: [FileStat]? = nil, progress: @Sendable (IndexProgress) -> Void = { _ in },
                       committed: @Sendable () -> Void = {}) throws -> IndexReport {
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

    func write(files: [String], states: [FileStat?], progress: @Sendable (IndexProgress) -> Void, committed: @Sendable () -> Void) throws -> IndexReport {
        var report = IndexReport()
        let trace = PhaseTrace()
        let stored = try pool.read { db in try StoredState(db) }

        // Which files to read: new, or changed in size or modification time.
        // A file's place in the list is its position in reading order.
        var toRead: [(position: Int, path: String, state: FileStat?)] = []
        for (position, (path, state)) in zip(files, states).enumerated() {
            if let state, let row = stored.articles[path], row.size == state.size, row.mtime == state.mtime {
                report.unchanged += 1
            } else if let state, let failure = stored.failures[path], failure.size == state.size, failure.mtime == state.mtime {
                report.errors.append(LoadError(path: path, message: failure.message))
            } else {
                toRead.append((position, path, state))
            }
        }
        // Only an index that holds something can have articles the list no longer names
        // (a first build of 100,000 JSON Lines entries would hold the set for nothing).
        let wanted: Set<String> = stored.articles.isEmpty && stored.failures.isEmpty ? [] : Set(files)
        let removed = stored.articles.filter { !wanted.contains($0.key) }.map(\.value.id)
        let staleFailures = stored.failures.keys.filter { !wanted.contains($0) }
        report.removed = removed.count
        let isCold = stored.articles.isEmpty
        // A cold build indexes the text for search in one pass at the end.
        let indexText = !isCold && !stored.searchPending
        var delta = IndexWrites.VocabularyDelta()
        var postings = IndexWrites.PostingChanges()
        let oldInput = try pool.read { db in
            stored.vocabularyDirty ? try Self.recountVocabulary(db) : try IndexWrites.vocabularyInput(db)
        }

        if !removed.isEmpty || !toRead.isEmpty || !staleFailures.isEmpty || stored.vocabularyDirty {
            try pool.write { db in
                try Self.setMeta("needs_finish", "1", db)
                // Reference counts are written once, after reading; until then they are stale.
                try Self.setMeta("vocabulary_dirty", "1", db)
                if isCold { try Self.setMeta("search_pending", "1", db) }
                for id in removed {
                    let gone = try IndexWrites.deleteArticle(id: id, removeSearchText: indexText, postings: &postings, db: db)
                    delta.add(concepts: gone.concepts, discovered: gone.discovered, sign: -1)
                }
                for path in staleFailures { try db.execute(sql: "DELETE FROM failures WHERE path = ?", arguments: [path]) }
            }
        }
        trace.mark("scan")

        // Reading: parse new and changed files, a chunk at a time.
        var retained: [Int64: LinkInput] = [:]
        var retainedBytes = 0
        // A cold build reads every article in reading order: their annotations fold on the way.
        var annotationFold: [EntityKey: EntityAggregate] = [:]
        let readStart = Date()
        let importer = builder.importer
        let builder = self.builder
        // Slices of the list, not copies of it.
        let chunks = stride(from: 0, to: toRead.count, by: Self.chunkSize).map { $0..<min(toRead.count, $0 + Self.chunkSize) }
        let storedArticles = stored.articles
        func parse(_ range: Range<Int>) -> Prefetch<[ReadResult]> {
            let chunk = toRead[range]
            return Prefetch {
                let results = Parallel.map(chunk.count, threads: builder.threads) { offset in
                    let entry = chunk[chunk.startIndex + offset]
                    return Self.read(entry.path, state: entry.state, previous: storedArticles[entry.path], importer: importer, builder: builder)
                }
                return Self.tagged(results, builder: builder)
            }
        }
        // Parsing the next chunk overlaps writing this one.
        var next = chunks.first.map(parse)
        for (chunkIndex, range) in chunks.enumerated() {
            let chunkStart = range.lowerBound
            let results = next!.value()
            next = chunks.indices.contains(chunkIndex + 1) ? parse(chunks[chunkIndex + 1]) : nil
            trace.add("parse")
            try pool.write { db in
                for (offset, result) in results.enumerated() {
                    switch result {
                    case .touched(let id, let state):
                        try db.execute(sql: "UPDATE articles SET size = ?, mtime = ? WHERE id = ?", arguments: [state.size, state.mtime, id])
                        report.unchanged += 1
                    case .imported(let imported, let state, let replacing):
                        if let replacing {
                            let gone = try IndexWrites.deleteArticle(id: replacing, removeSearchText: indexText, postings: &postings, db: db)
                            delta.add(concepts: gone.concepts, discovered: gone.discovered, sign: -1)
                            report.changed += 1
                        } else {
                            report.added += 1
                        }
                        if stored.failures[imported.article.path] != nil {
                            try db.execute(sql: "DELETE FROM failures WHERE path = ?", arguments: [imported.article.path])
                        }
                        let id = try IndexWrites.insertArticle(imported, file: state, position: toRead[range.lowerBound + offset].position,
                                                               indexText: indexText, db: db)
                        delta.add(concepts: imported.concepts, discovered: imported.storedDiscoveries, sign: 1)
                        if isCold { EntityAggregate.fold(imported.concepts, article: ArticleID(id), into: &annotationFold) }
                        let input = LinkInput(imported)
                        let bytes = Self.retainedCost(input)
                        if retainedBytes + bytes <= Self.retainBudget {
                            retained[id] = input
                            retainedBytes += bytes
                        }
                    case .failed(let error, let state, let replacing):
                        if let replacing {
                            let gone = try IndexWrites.deleteArticle(id: replacing, removeSearchText: indexText, postings: &postings, db: db)
                            delta.add(concepts: gone.concepts, discovered: gone.discovered, sign: -1)
                        }
                        try db.execute(sql: "INSERT OR REPLACE INTO failures (path, size, mtime, message) VALUES (?, ?, ?, ?)",
                                       arguments: [error.path, state?.size, state?.mtime, error.message])
                        report.errors.append(error)
                    }
                }
            }
            trace.add("write")
            let done = min(toRead.count, chunkStart + range.count)
            progress(IndexProgress(phase: .reading, done: done, total: toRead.count, rate: Self.rate(done, since: readStart)))
            committed()
            if isCancelled {
                _ = next?.value()
                report.wasCancelled = true
                return report
            }
        }
        report.errors.sort { $0.path < $1.path }

        // The vocabulary input: the old one and what came and went.
        if stored.vocabularyDirty || !delta.isEmpty {
            try pool.write { db in
                // After an interrupted update the counts are rebuilt from the articles as they now are.
                if stored.vocabularyDirty { try Self.recountVocabularyTable(db) } else { try delta.write(db) }
                try Self.setMeta("vocabulary_dirty", "0", db)
            }
        }
        trace.mark("read \(toRead.count)")

        let newInput = try pool.read { try IndexWrites.vocabularyInput($0) }
        let vocabulary = Vocabulary(input: newInput, linker: builder.linker)
        if !isCold && newInput != oldInput {
            let old = Vocabulary(input: oldInput, linker: builder.linker)
            report.relinked = try unlinkArticlesNaming(vocabulary.changedNames(comparedWith: old), postings: &postings)
        }
        let entityIDs = try pool.write { db in
            // Files added or removed move the others' positions.
            if report.added > 0 || report.removed > 0 { try Self.assignPositions(files: files, db: db) }
            return try IndexWrites.entityIDs(for: vocabulary, db: db)
        }
        trace.mark("vocabulary")

        // Linking, in reading order. When every article is linked in this
        // update, the corpus-wide answers are folded on the way.
        let (unlinked, total) = try pool.read { db in
            (try Int64.fetchAll(db, sql: "SELECT a.id FROM articles a LEFT JOIN links l ON l.id = a.id WHERE l.id IS NULL ORDER BY a.position"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0)
        }
        var assembler: CorpusAssembler? = isCold && unlinked.count == total
            ? CorpusAssembler(vocabulary: vocabulary, catalogue: builder.linker.catalogue, annotations: annotationFold) : nil
        annotationFold.removeAll()
        let linkStart = Date()
        var lastPublish = Date()
        let linker = builder.linker
        let linkChunks = stride(from: 0, to: unlinked.count, by: Self.chunkSize).map { Array(unlinked[$0..<min(unlinked.count, $0 + Self.chunkSize)]) }
        let pool = self.pool
        // Loads (what was not kept from reading) and links one chunk, on another thread.
        func prepareLinks(_ ids: [Int64], kept: [Int64: LinkInput]) -> Prefetch<(ids: [Int64], articles: [LinkInput], linked: [LinkedArticle])> {
            Prefetch {
                let missing = ids.filter { kept[$0] == nil }
                let loaded = missing.isEmpty ? [:] : ((try? pool.read { db in try Self.loadLinkInputs(ids: missing, db: db) }) ?? [:])
                var articles: [LinkInput] = []
                var articleIDs: [Int64] = []
                for id in ids {
                    guard let imported = kept[id] ?? loaded[id] else { continue }
                    articles.append(imported)
                    articleIDs.append(id)
                }
                let batch = articles
                let linked = Parallel.map(batch.count, threads: builder.threads) { index in
                    linker.link(batch[index], vocabulary: vocabulary)
                }
                return (articleIDs, articles, linked)
            }
        }
        func takeKept(_ ids: [Int64]) -> [Int64: LinkInput] {
            var kept: [Int64: LinkInput] = [:]
            for id in ids { if let value = retained.removeValue(forKey: id) { kept[id] = value } }
            return kept
        }
        var nextLinks = linkChunks.first.map { prepareLinks($0, kept: takeKept($0)) }
        for (chunkIndex, ids) in linkChunks.enumerated() {
            let chunkStart = chunkIndex * Self.chunkSize
            let (articleIDs, articles, linked) = nextLinks!.value()
            nextLinks = linkChunks.indices.contains(chunkIndex + 1)
                ? prepareLinks(linkChunks[chunkIndex + 1], kept: takeKept(linkChunks[chunkIndex + 1])) : nil
            trace.add("link")
            try pool.write { db in
                for (index, result) in linked.enumerated() {
                    try IndexWrites.storeLinks(article: articleIDs[index], linked: result, entityIDs: entityIDs, replacing: false,
                                               postings: &postings, db: db)
                }
            }
            if assembler != nil {
                for (index, result) in linked.enumerated() {
                    assembler?.add(article: ArticleID(articleIDs[index]), published: articles[index].published, concepts: [],
                                   linked: result)
                }
                // A long first build publishes its entities, postings and releases as it goes
                // (after the first chunk, then every few seconds), so readers see them fill in.
                if chunkIndex + 1 < linkChunks.count, chunkIndex == 0 || Date().timeIntervalSince(lastPublish) > Self.publishInterval {
                    try finish(vocabulary: vocabulary, entityIDs: entityIDs, folded: assembler, postings: postings,
                               rebuildPostings: false, isFinal: false)
                    lastPublish = Date()
                }
            }
            trace.add("store")
            let done = min(unlinked.count, chunkStart + ids.count)
            progress(IndexProgress(phase: .linking, done: done, total: unlinked.count, rate: Self.rate(done, since: linkStart)))
            committed()
            if isCancelled {
                _ = nextLinks?.value()
                report.wasCancelled = true
                return report
            }
        }
        trace.mark("link \(unlinked.count)")

        if stored.needsFinish || report.didChange || !unlinked.isEmpty || !staleFailures.isEmpty {
            progress(IndexProgress(phase: .finishing, done: 0, total: 1, rate: 0))
            try finish(vocabulary: vocabulary, entityIDs: entityIDs, folded: assembler, postings: postings,
                       rebuildPostings: stored.needsFinish, isFinal: true)
            committed()
        }
        trace.mark("finish")
        progress(IndexProgress(phase: .done, done: files.count, total: files.count, rate: 0))
        return report
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
            let rows = try Row.fetchCursor(db, sql: "SELECT id, path, size, mtime, hash FROM articles")
            while let row = try rows.next() { articles[row[1]] = StoredArticle(id: row[0], size: row[2], mtime: row[3], hash: row[4]) }
            let failed = try Row.fetchCursor(db, sql: "SELECT path, size, mtime, message FROM failures")
            while let row = try failed.next() { failures[row[0]] = Failure(size: row[1] ?? -1, mtime: row[2] ?? -1, message: row[3]) }
            var meta: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { meta[row[0]] = row[1] }
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
        let rows = try Row.fetchCursor(db, sql: "SELECT concepts, discovered FROM articles")
        while let row = try rows.next() {
            input.add(ArticleBlobs.decodeConcepts(row[0]), stored: ArticleBlobs.decodeStrings(row[1]))
        }
        return input
    }

    /// Rewrites the reference counts from every stored article.
    static func recountVocabularyTable(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM concept_labels")
        try db.execute(sql: "DELETE FROM discovered_names")
        var delta = IndexWrites.VocabularyDelta()
        var postings = IndexWrites.PostingChanges()
        let rows = try Row.fetchCursor(db, sql: "SELECT concepts, discovered FROM articles")
        while let row = try rows.next() {
            delta.add(concepts: ArticleBlobs.decodeConcepts(row[0]), discovered: ArticleBlobs.decodeStrings(row[1]), sign: 1)
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
        let rows = try Row.fetchCursor(db, sql: "SELECT id, path, position FROM articles")
        while let row = try rows.next() { stored[row[1]] = (row[0], row[2]) }
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
        let rows = try Row.fetchCursor(db, sql: """
            SELECT a.id, a.published, a.paragraph_count, a.concepts, t.body, a.markup
            FROM articles a JOIN article_text t ON t.id = a.id WHERE a.id IN (\(list))
            """)
        while let row = try rows.next() {
            result[row[0]] = LinkInput(paragraphs: IndexWrites.paragraphs(ofBody: row[4], count: row[2]),
                                       published: (row[1] as String?).flatMap { CalendarDate(iso: $0) },
                                       annotatedKeys: ArticleBlobs.decodeConceptKeys(row[3]), given: MarkupBlob.decode(row[5]).given)
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
            let rows = try Row.fetchCursor(db, sql: "SELECT t.id, t.body FROM article_text t JOIN links l ON l.id = t.id")
            while let row = try rows.next() {
                let body: String = row[1]
                if !matcher.allMatches(in: body).isEmpty { marked.append(row[0]) }
            }
        }
        try pool.write { db in
            for id in marked { try IndexWrites.unlink(id: id, postings: &postings, db: db) }
        }
        return marked.count
    }

    // MARK: - Search index

    /// Whether the full-text index still has to be built (after a cold build).
    public var isSearchIndexPending: Bool {
        (try? pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_pending'") == "1" }) ?? false
    }

    /// Builds the full-text index over every article if a cold build left it for later.
    public func ensureSearchIndex() throws {
        guard isSearchIndexPending else { return }
        try pool.write { db in
            try db.execute(sql: "INSERT INTO article_search (article_search) VALUES ('rebuild')")
            try Self.setMeta("search_pending", "0", db)
        }
    }
}

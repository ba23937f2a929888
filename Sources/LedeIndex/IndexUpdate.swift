// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import LedeModel

/// One update of an index, step by step (`Indexer.write` runs them in
/// order): scan what changed, read the changed files a chunk at a time, count
/// the vocabulary, link in reading order, finish. The steps share the report,
/// the vocabulary delta and the posting changes, which live here.
struct IndexUpdate {
    let indexer: Indexer
    let files: [String]
    let states: [FileStat?]
    let progress: @Sendable (IndexProgress) -> Void
    let committed: @Sendable () -> Void

    var report = IndexReport()
    let trace = PhaseTrace()
    let stored: Indexer.StoredState
    /// A first build: nothing stored yet.
    let isCold: Bool
    /// Whether articles are written to the search index as they come; a cold
    /// build indexes the text for search in one pass at the end.
    let indexText: Bool

    /// Files to read (new, or changed in size or time), with their position in reading order.
    var toRead: [(position: Int, path: String, state: FileStat?)] = []
    /// Stored articles the list no longer names.
    var removed: [Int64] = []
    /// Failures remembered for files the list no longer names.
    var staleFailures: [String] = []
    /// Concept labels and discovered names that came and went.
    var delta = IndexWrites.VocabularyDelta()
    var postings = IndexWrites.PostingChanges()
    /// Articles parsed in this update, kept for linking within `Indexer.retainBudget`.
    var retained: [Int64: LinkInput] = [:]
    var retainedBytes = 0
    /// A cold build reads every article in reading order: their annotations fold on the way.
    var annotationFold: [EntityKey: EntityAggregate] = [:]

    var pool: DatabasePool { indexer.pool }

    init(indexer: Indexer, files: [String], states: [FileStat?], progress: @escaping @Sendable (IndexProgress) -> Void,
         committed: @escaping @Sendable () -> Void) throws {
        self.indexer = indexer
        self.files = files
        self.states = states
        self.progress = progress
        self.committed = committed
        stored = try indexer.pool.read { db in try Indexer.StoredState(db) }
        isCold = stored.articles.isEmpty
        indexText = !isCold && !stored.searchPending
    }

    /// Deletes a stored article (removed, or replaced by a newer read) and takes its concepts out of the vocabulary.
    mutating func delete(_ id: Int64, db: Database) throws {
        let gone = try IndexWrites.deleteArticle(id: id, removeSearchText: indexText, postings: &postings, db: db)
        delta.add(concepts: gone.concepts, discovered: gone.discovered, sign: -1)
    }

    // MARK: - Scan

    /// Which files to read: new, or changed in size or modification time.
    /// Articles and failures of files no longer listed are deleted. Returns
    /// the vocabulary input as it was, read before anything is deleted.
    mutating func scan() throws -> VocabularyInput {
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
        removed = stored.articles.filter { !wanted.contains($0.key) }.map(\.value.id)
        staleFailures = stored.failures.keys.filter { !wanted.contains($0) }
        report.removed = removed.count
        let stored = self.stored
        let oldInput = try pool.read { db in
            stored.vocabularyDirty ? try Indexer.recountVocabulary(db) : try IndexWrites.vocabularyInput(db)
        }
        if !removed.isEmpty || !toRead.isEmpty || !staleFailures.isEmpty || stored.vocabularyDirty {
            try pool.write { db in
                try Indexer.setMeta("needs_finish", "1", db)
                // Reference counts are written once, after reading; until then they are stale.
                try Indexer.setMeta("vocabulary_dirty", "1", db)
                if isCold { try Indexer.setMeta("search_pending", "1", db) }
                for id in removed { try delete(id, db: db) }
                for path in staleFailures { try db.execute(sql: "DELETE FROM failures WHERE path = ?", arguments: [path]) }
            }
        }
        trace.mark("scan")
        return oldInput
    }

    // MARK: - Read

    /// Parses the files to read, a chunk at a time, parsing the next chunk
    /// while this one is written. False when the update was cancelled.
    mutating func readChunks() throws -> Bool {
        let builder = indexer.builder
        let importer = builder.importer
        let toRead = self.toRead
        // Slices of the list, not copies of it.
        let chunks = stride(from: 0, to: toRead.count, by: Indexer.chunkSize).map { $0..<min(toRead.count, $0 + Indexer.chunkSize) }
        let storedArticles = stored.articles
        func parse(_ range: Range<Int>) -> Prefetch<[Indexer.ReadResult]> {
            let chunk = toRead[range]
            return Prefetch {
                let results = Parallel.map(chunk.count, threads: builder.threads) { offset in
                    let entry = chunk[chunk.startIndex + offset]
                    return Indexer.read(entry.path, state: entry.state, previous: storedArticles[entry.path], importer: importer, builder: builder)
                }
                return Indexer.tagged(results, builder: builder)
            }
        }
        let readStart = Date()
        var next = chunks.first.map(parse)
        for (chunkIndex, range) in chunks.enumerated() {
            let results = next!.value()
            next = chunks.indices.contains(chunkIndex + 1) ? parse(chunks[chunkIndex + 1]) : nil
            trace.add("parse")
            try pool.write { db in
                for (offset, result) in results.enumerated() {
                    try store(result, position: toRead[range.lowerBound + offset].position, db: db)
                }
            }
            trace.add("write")
            let done = min(toRead.count, range.upperBound)
            progress(IndexProgress(phase: .reading, done: done, total: toRead.count, rate: Indexer.rate(done, since: readStart)))
            committed()
            if indexer.isCancelled {
                _ = next?.value()
                report.wasCancelled = true
                return false
            }
        }
        report.errors.sort { $0.path < $1.path }
        return true
    }

    /// Writes what reading one file gave: a touched file's new time, a parsed article, or a failure.
    mutating func store(_ result: Indexer.ReadResult, position: Int, db: Database) throws {
        switch result {
        case .touched(let id, let state):
            try db.execute(sql: "UPDATE articles SET size = ?, mtime = ? WHERE id = ?", arguments: [state.size, state.mtime, id])
            report.unchanged += 1
        case .imported(let imported, let state, let replacing):
            if let replacing {
                try delete(replacing, db: db)
                report.changed += 1
            } else {
                report.added += 1
            }
            if stored.failures[imported.article.path] != nil {
                try db.execute(sql: "DELETE FROM failures WHERE path = ?", arguments: [imported.article.path])
            }
            let id = try IndexWrites.insertArticle(imported, file: state, position: position, indexText: indexText, db: db)
            delta.add(concepts: imported.concepts, discovered: imported.storedDiscoveries, sign: 1)
            if isCold { EntityAggregate.fold(imported.concepts, article: ArticleID(id), into: &annotationFold) }
            let input = LinkInput(imported)
            let bytes = Indexer.retainedCost(input)
            if retainedBytes + bytes <= Indexer.retainBudget {
                retained[id] = input
                retainedBytes += bytes
            }
        case .failed(let error, let state, let replacing):
            if let replacing { try delete(replacing, db: db) }
            try db.execute(sql: "INSERT OR REPLACE INTO failures (path, size, mtime, message) VALUES (?, ?, ?, ?)",
                           arguments: [error.path, state?.size, state?.mtime, error.message])
            report.errors.append(error)
        }
    }

    // MARK: - Vocabulary

    /// The reference counts written (the old ones and what came and went),
    /// then the vocabulary made from them; articles that name a name whose
    /// meaning changed are unlinked, to be linked again. Returns the
    /// vocabulary and its entity row ids.
    mutating func vocabulary(comparedWith oldInput: VocabularyInput) throws -> (Vocabulary, [Int64]) {
        if stored.vocabularyDirty || !delta.isEmpty {
            try pool.write { db in
                // After an interrupted update the counts are rebuilt from the articles as they now are.
                if stored.vocabularyDirty { try Indexer.recountVocabularyTable(db) } else { try delta.write(db) }
                try Indexer.setMeta("vocabulary_dirty", "0", db)
            }
        }
        trace.mark("read \(toRead.count)")
        let linker = indexer.builder.linker
        let newInput = try pool.read { try IndexWrites.vocabularyInput($0) }
        let vocabulary = Vocabulary(input: newInput, linker: linker)
        if !isCold && newInput != oldInput {
            let old = Vocabulary(input: oldInput, linker: linker)
            report.relinked = try indexer.unlinkArticlesNaming(vocabulary.changedNames(comparedWith: old), postings: &postings)
        }
        let report = self.report
        let files = self.files
        let entityIDs = try pool.write { db in
            // Files added or removed move the others' positions.
            if report.added > 0 || report.removed > 0 { try Indexer.assignPositions(files: files, db: db) }
            return try IndexWrites.entityIDs(for: vocabulary, db: db)
        }
        trace.mark("vocabulary")
        return (vocabulary, entityIDs)
    }

    // MARK: - Link

    /// One chunk of articles linked: their ids, what linking read, what it found.
    struct LinkedChunk: Sendable {
        var ids: [Int64]
        var articles: [LinkInput]
        var linked: [LinkedArticle]
    }

    /// Links the unlinked articles in reading order, a chunk at a time (the
    /// next one loaded and linked on another thread while this one is
    /// written). When every article is linked in this update, the
    /// corpus-wide answers are folded on the way. False when cancelled.
    mutating func link(vocabulary: Vocabulary, entityIDs: [Int64]) throws -> (linked: Int, assembler: CorpusAssembler?, completed: Bool) {
        let (unlinked, total) = try pool.read { db in
            (try Int64.fetchAll(db, sql: "SELECT a.id FROM articles a LEFT JOIN links l ON l.id = a.id WHERE l.id IS NULL ORDER BY a.position"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0)
        }
        let builder = indexer.builder
        var assembler: CorpusAssembler? = isCold && unlinked.count == total
            ? CorpusAssembler(vocabulary: vocabulary, catalogue: builder.linker.catalogue, annotations: annotationFold) : nil
        annotationFold.removeAll()
        let linkStart = Date()
        var lastPublish = Date()
        let chunks = stride(from: 0, to: unlinked.count, by: Indexer.chunkSize).map { Array(unlinked[$0..<min(unlinked.count, $0 + Indexer.chunkSize)]) }
        var next = chunks.first.map { prepareLinks($0, vocabulary: vocabulary) }
        for (chunkIndex, ids) in chunks.enumerated() {
            let chunk = try next!.value().get()
            next = chunks.indices.contains(chunkIndex + 1) ? prepareLinks(chunks[chunkIndex + 1], vocabulary: vocabulary) : nil
            trace.add("link")
            try pool.write { db in
                for (index, result) in chunk.linked.enumerated() {
                    try IndexWrites.storeLinks(article: chunk.ids[index], linked: result, entityIDs: entityIDs, replacing: false,
                                               postings: &postings, db: db)
                }
            }
            if assembler != nil {
                for (index, result) in chunk.linked.enumerated() {
                    assembler?.add(article: ArticleID(chunk.ids[index]), published: chunk.articles[index].published, concepts: [], linked: result)
                }
                // A long first build publishes its entities, postings and releases as it goes
                // (after the first chunk, then every few seconds), so readers see them fill in.
                if chunkIndex + 1 < chunks.count, chunkIndex == 0 || Date().timeIntervalSince(lastPublish) > Indexer.publishInterval {
                    try indexer.finish(vocabulary: vocabulary, entityIDs: entityIDs, folded: assembler, postings: postings,
                                       rebuildPostings: false, isFinal: false)
                    lastPublish = Date()
                }
            }
            trace.add("store")
            let done = min(unlinked.count, chunkIndex * Indexer.chunkSize + ids.count)
            progress(IndexProgress(phase: .linking, done: done, total: unlinked.count, rate: Indexer.rate(done, since: linkStart)))
            committed()
            if indexer.isCancelled {
                _ = next?.value()
                report.wasCancelled = true
                return (unlinked.count, assembler, false)
            }
        }
        trace.mark("link \(unlinked.count)")
        return (unlinked.count, assembler, true)
    }

    /// Loads what reading did not keep and links one chunk, on another thread.
    /// A failed load is the chunk's error, thrown where the chunk is taken.
    mutating func prepareLinks(_ ids: [Int64], vocabulary: Vocabulary) -> Prefetch<Result<LinkedChunk, any Error>> {
        var kept: [Int64: LinkInput] = [:]
        for id in ids { if let value = retained.removeValue(forKey: id) { kept[id] = value } }
        let pool = self.pool
        let builder = indexer.builder
        let linker = builder.linker
        return Prefetch { [kept] in
            Result {
                let missing = ids.filter { kept[$0] == nil }
                let loaded = missing.isEmpty ? [:] : try pool.read { db in try Indexer.loadLinkInputs(ids: missing, db: db) }
                var chunk = LinkedChunk(ids: [], articles: [], linked: [])
                for id in ids {
                    guard let input = kept[id] ?? loaded[id] else { continue }
                    chunk.articles.append(input)
                    chunk.ids.append(id)
                }
                let batch = chunk.articles
                chunk.linked = Parallel.map(batch.count, threads: builder.threads) { index in linker.link(batch[index], vocabulary: vocabulary) }
                return chunk
            }
        }
    }

    // MARK: - Finish

    /// Publishes entities, postings and releases when anything changed (or an earlier update left them unfinished).
    mutating func finish(vocabulary: Vocabulary, entityIDs: [Int64], linked: Int, assembler: CorpusAssembler?) throws {
        if stored.needsFinish || report.didChange || linked > 0 || !staleFailures.isEmpty {
            progress(IndexProgress(phase: .finishing, done: 0, total: 1, rate: 0))
            try indexer.finish(vocabulary: vocabulary, entityIDs: entityIDs, folded: assembler, postings: postings,
                               rebuildPostings: stored.needsFinish, isFinal: true)
            committed()
        }
        trace.mark("finish")
        progress(IndexProgress(phase: .done, done: files.count, total: files.count, rate: 0))
    }
}

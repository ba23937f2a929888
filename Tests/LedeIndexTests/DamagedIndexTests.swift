// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
@testable import LedeIndex
import LedeModel
import LedeTestSupport
import Testing

/// An index damaged under a running reader: the reads that fail are
/// reported (`takeReadFailures`), not turned into "no article".
@Suite("A damaged index")
struct DamagedIndexTests {
    /// The samples indexed, and a second connection to the same file to damage it with.
    func indexedSamples() throws -> (corpus: IndexedCorpus, damage: DatabaseQueue) {
        let (indexer, corpus, _) = try openIndex([PackagePaths.samples])
        try update(indexer, corpus, paths: [PackagePaths.samples])
        #expect(corpus.takeReadFailures().isEmpty)
        return (corpus, try DatabaseQueue(path: indexer.database.path))
    }

    @Test("a table dropped under the reader: the article is reported as unreadable, with SQLite's reason")
    func droppedTable() throws {
        let (corpus, damage) = try indexedSamples()
        let first = try #require(corpus.articleID(at: 0))
        try damage.write { db in try db.execute(sql: "DROP TABLE article_text") }
        #expect(corpus.article(first) == nil)
        let failures = corpus.takeReadFailures()
        #expect(failures.map(\.query) == ["the text of article \(first.raw)"])
        #expect(failures.first?.reason.contains("no such table: article_text") == true, "\(failures)")
        // Taken once: the next look finds none until another read fails.
        #expect(corpus.takeReadFailures().isEmpty)
        // What still reads, reads: the summary comes from another table.
        #expect(corpus.summary(of: first)?.title.isEmpty == false)
        #expect(corpus.takeReadFailures().isEmpty)
    }

    @Test("a table missing when the index is opened: rebuilt and said so, not read as no mentions")
    func missingTableOnOpen() throws {
        let cache = SyntheticCorpus.temporaryFolder("cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let (indexer, corpus, _) = try openIndex([PackagePaths.samples], cache: cache)
        try update(indexer, corpus, paths: [PackagePaths.samples])
        let mentioned = corpus.allEntities().filter { corpus.mentionList(of: $0.id).count > 0 }.count
        try #require(mentioned > 0)
        let path = indexer.database.path
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "DROP TABLE postings") }
        let loader = CorpusLoader(builder: CorpusBuilder(threads: 2), cacheDirectory: cache)
        var notices: [String] = []
        let reopened = try #require(loader.openIndex(paths: [PackagePaths.samples], notices: &notices), "\(notices)")
        #expect(notices.contains { $0.contains("damaged (no table postings)") && $0.contains("rebuilding") }, "\(notices)")
        try update(reopened.indexer, reopened.corpus, paths: [PackagePaths.samples])
        #expect(reopened.corpus.allEntities().filter { reopened.corpus.mentionList(of: $0.id).count > 0 }.count == mentioned)
    }

    @Test("a blob corrupted under the reader: its mentions are reported damaged, not read as none")
    func corruptedBlob() throws {
        let (corpus, damage) = try indexedSamples()
        let first = try #require(corpus.articleID(at: 0))
        // A count of 100 mentions and nothing after it.
        try damage.write { db in try db.execute(sql: "UPDATE links SET mentions = x'C801' WHERE id = ?", arguments: [first.raw]) }
        #expect(corpus.mentions(in: first).isEmpty)
        let failures = corpus.takeReadFailures()
        #expect(failures.map(\.description) == ["could not read the mentions of article \(first.raw) from the index: a damaged mentions blob"])
    }

    @Test("the exports' reads report too: an entity list with a damaged row")
    func damagedEntityRow() throws {
        let (corpus, damage) = try indexedSamples()
        try damage.write { db in try db.execute(sql: "UPDATE entities SET names = x'05' WHERE listed = 1") }
        #expect(corpus.allEntities().isEmpty)
        #expect(corpus.takeReadFailures().first?.reason == "a damaged string list blob")
    }

    @Test("a healthy index reports nothing after every export")
    func healthy() throws {
        let (corpus, _) = try indexedSamples()
        _ = exports(corpus)
        #expect(corpus.takeReadFailures().isEmpty)
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import LedeIndex
import LedeModel
import LedeTestSupport
import Testing

/// The browser stopped while it builds an index: the next run completes it.
extension BrowserEndToEndTests {
    @Test("Ctrl-C while a folder is first indexed restores the terminal and leaves an index that the next run completes")
    func interruptIndexing() throws {
        let folder = SyntheticCorpus.temporaryFolder("e2e-interrupt")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SyntheticCorpus.write(count: 1500, to: folder)
        let session = try TmuxSession(width: 120, height: 40)
        try session.run("stty -g > /tmp/\(session.socket).before; \(TmuxSession.binary) \(folder); echo EXIT:$((1000+$?)); stty -g > /tmp/\(session.socket).after")
        try session.waitFor("indexing") { $0.contains("reading ") || $0.contains("linking ") }
        try session.press("C-c")
        try expectRestored(session)
        // The same cache, as the session's shell had it: the next run completes the index.
        let cache = NSTemporaryDirectory() + "lede-e2e-cache-\(session.socket)"
        let indexed = try runLede(["timeline", "--format", "csv", folder], environment: ["XDG_CACHE_HOME": cache])
        let memory = try runLede(["timeline", "--no-index", "--format", "csv", folder])
        #expect(indexed.status == 0 && memory.status == 0)
        #expect(indexed.stderr.isEmpty, "\(indexed.stderr)")
        #expect(indexed.stdout == memory.stdout)
        #expect(indexed.stdout.contains("Zed-"))
    }
}

/// The index from the command line: kept between runs, the same bytes as in memory, damage reported.
@Suite("The index from the command line")
struct IndexCommandTests {
    @Test("the index: a second run reads it; --no-index leaves the cache empty")
    func indexCache() throws {
        let cache = NSTemporaryDirectory() + "lede-e2e-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let first = try runLede(["entities", "--format", "tsv", "Sources/lede/Samples"], environment: ["XDG_CACHE_HOME": cache])
        let files = try FileManager.default.contentsOfDirectory(atPath: cache + "/lede")
        #expect(files.contains { $0.hasPrefix("index-") && $0.hasSuffix(".sqlite") })
        let second = try runLede(["entities", "--format", "tsv", "Sources/lede/Samples"], environment: ["XDG_CACHE_HOME": cache])
        #expect(first.stdout == second.stdout && !first.stdout.isEmpty)
        let empty = NSTemporaryDirectory() + "lede-e2e-cache-\(UUID().uuidString)"
        let memory = try runLede(["entities", "--no-index", "--format", "tsv", "Sources/lede/Samples"], environment: ["XDG_CACHE_HOME": empty])
        #expect(memory.stdout == first.stdout)
        #expect(!FileManager.default.fileExists(atPath: empty))
    }

    @Test("the development set's timeline is byte-identical with one thread or many, indexed or not")
    func timelineDeterministic() throws {
        let folder = "Tests/LedeModelTests/DevelopmentSet/articles"
        let cache = NSTemporaryDirectory() + "lede-e2e-cache-determinism-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let many = try runLede(["timeline", "--no-index", "--format", "json", folder])
        let one = try runLede(["timeline", "--no-index", "--format", "json", folder], environment: ["LEDE_THREADS": "1"])
        let indexed = try runLede(["timeline", "--format", "json", folder], environment: ["XDG_CACHE_HOME": cache])
        #expect(many.status == 0)
        #expect(many.stdout == one.stdout)
        #expect(many.stdout == indexed.stdout)
        #expect(many.stdout.contains("\"explanation\" : \"catalogue, confirmed by"))
    }

    @Test("an index damaged under lede: the export names what it could not read and exits 1, never prints it as no article; a missing table is rebuilt on open")
    func damagedIndex() throws {
        let cache = NSTemporaryDirectory() + "lede-e2e-cache-damaged-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let samples = "Sources/lede/Samples"
        let healthy = try runLede(["parse", samples], environment: ["XDG_CACHE_HOME": cache])
        #expect(healthy.status == 0 && healthy.stderr.isEmpty, "\(healthy.stderr)")
        // The index is up to date, so the next run reads it; one article's markup is garbage.
        let roots = IndexLocation.canonicalRoots([PackagePaths.root.path + "/" + samples])
        let index = IndexLocation.indexPath(roots: roots, cacheDirectory: cache + "/lede")
        try DatabaseQueue(path: index).write { db in
            try db.execute(sql: "UPDATE articles SET markup = x'C801' WHERE id = (SELECT min(id) FROM articles)")
        }
        let damaged = try runLede(["parse", samples], environment: ["XDG_CACHE_HOME": cache])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("lede: could not read the text of article "), "\(damaged.stderr)")
        #expect(damaged.stderr.contains(" from the index: a damaged markup blob"))
        #expect(damaged.stderr.contains("the output above is incomplete"))
        // A table gone (`drop table`) is found when the index is opened: rebuilt, said so, the whole export.
        try DatabaseQueue(path: index).write { db in try db.execute(sql: "DROP TABLE postings") }
        let rebuilt = try runLede(["parse", samples], environment: ["XDG_CACHE_HOME": cache])
        #expect(rebuilt.status == 0 && rebuilt.stdout == healthy.stdout)
        #expect(rebuilt.stderr.contains("is damaged (no table postings); rebuilding it"), "\(rebuilt.stderr)")
        // Reading the files instead gives the whole export again.
        let memory = try runLede(["parse", "--no-index", samples])
        #expect(memory.status == 0 && memory.stdout == healthy.stdout)
    }
}

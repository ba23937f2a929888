// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeIndex
import LedeModel
import LedeTestSupport
import Testing

/// Every export of a corpus, as one string: what "the same answers" means.
func exports(_ corpus: any Corpus) -> String {
    CorpusExport.parseJSON(corpus) + CorpusExport.entitiesJSON(corpus) + CorpusExport.entitiesTSV(corpus)
        + CorpusExport.timelineJSON(corpus) + CorpusExport.timelineCSV(corpus)
}

/// A fresh index for `paths` in its own cache folder.
func openIndex(_ paths: [String], cache: String = SyntheticCorpus.temporaryFolder("cache"), threads: Int = 2)
    throws -> (indexer: Indexer, corpus: IndexedCorpus, loader: CorpusLoader) {
    let loader = CorpusLoader(builder: CorpusBuilder(threads: threads), cacheDirectory: cache)
    var notices: [String] = []
    let opened = try #require(loader.openIndex(paths: paths, notices: &notices), "\(notices)")
    return (opened.indexer, opened.corpus, loader)
}

/// Brings an index up to date and returns its corpus with the run's errors.
@discardableResult
func update(_ indexer: Indexer, _ corpus: IndexedCorpus, paths: [String]) throws -> IndexReport {
    let (files, missing) = ArticleFiles.expand(paths)
    let report = try indexer.update(files: files)
    try corpus.reload()
    corpus.setErrors(missing + CorpusLoader.inFileOrder(report.errors, files: files))
    return report
}

@Suite("Index")
struct IndexTests {
    @Test("one thread and two, twice each, in memory and in the index: byte-identical exports")
    func determinism() throws {
        let folder = SyntheticCorpus.temporaryFolder("determinism")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SyntheticCorpus.write(count: 300, to: folder)
        var outputs: [String] = []
        for threads in [1, 2, 1, 2] {
            outputs.append(exports(CorpusBuilder(threads: threads).buildInMemory(paths: [folder])))
            let (indexer, corpus, _) = try openIndex([folder], threads: threads)
            try update(indexer, corpus, paths: [folder])
            outputs.append(exports(corpus))
        }
        #expect(outputs[0].count > 100_000)
        #expect(outputs[0].contains("\"releases\""))
        for output in outputs.dropFirst() { #expect(output == outputs[0]) }
    }

    @Test("the query API gives the same answers from both stores")
    func bothStores() throws {
        let memory = InMemoryCorpus.load(paths: [PackagePaths.samples])
        let (indexer, indexed, _) = try openIndex([PackagePaths.samples])
        try update(indexer, indexed, paths: [PackagePaths.samples])
        for store in [memory as any Corpus, indexed as any Corpus] { #expect(store.articleCount == 6) }
        for position in 0..<6 {
            let a = try #require(memory.articleID(at: position)), b = try #require(indexed.articleID(at: position))
            #expect(memory.article(a)?.paragraphs == indexed.article(b)?.paragraphs)
            #expect(memory.summary(of: a)?.title == indexed.summary(of: b)?.title)
            #expect(memory.summary(of: a)?.mentionCount == indexed.summary(of: b)?.mentionCount)
            let left = memory.mentions(in: a), right = indexed.mentions(in: b)
            #expect(left.map { [$0.paragraph, $0.start, $0.end] } == right.map { [$0.paragraph, $0.start, $0.end] })
            #expect(left.map { memory.entity($0.entity)?.key } == right.map { indexed.entity($0.entity)?.key })
            #expect(Set(memory.annotatedEntities(in: a).compactMap { memory.entity($0)?.key })
                    == Set(indexed.annotatedEntities(in: b).compactMap { indexed.entity($0)?.key }))
        }
        #expect(memory.allEntities().map(\.key) == indexed.allEntities().map(\.key))
        for entity in memory.allEntities() {
            let other = try #require(indexed.allEntities().first { $0.key == entity.key })
            #expect(memory.mentionCount(of: entity.id) == indexed.mentionCount(of: other.id))
            let listA = memory.mentionList(of: entity.id), listB = indexed.mentionList(of: other.id)
            #expect(listA.count == listB.count && listA.articleCount == listB.articleCount)
            if !listA.isEmpty {
                #expect(listA.mention(at: listA.count - 1, corpus: memory)?.text == listB.mention(at: listB.count - 1, corpus: indexed)?.text)
            }
        }
        #expect(memory.releases.map(\.modelName) == indexed.releases.map(\.modelName))
        #expect(memory.releases.map(\.dateText) == indexed.releases.map(\.dateText))
        let query = try SearchQuery("deepseek r1")
        #expect(memory.search(query, limit: nil).map { [$0.paragraph ?? -1] + $0.matches.map(\.lowerBound) }
                == indexed.search(query, limit: nil).map { [$0.paragraph ?? -1] + $0.matches.map(\.lowerBound) })
        #expect(exports(memory) == exports(indexed))
    }

    @Test("a touched file is re-read alone; an unchanged touch is not parsed; removed files are dropped")
    func incremental() throws {
        let folder = SyntheticCorpus.temporaryFolder("incremental")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try SyntheticCorpus.write(count: 120, to: folder)
        let (indexer, corpus, _) = try openIndex([folder])
        let first = try update(indexer, corpus, paths: [folder])
        #expect(first.added == 120)

        // Nothing changed: nothing read.
        let again = try update(indexer, corpus, paths: [folder])
        #expect(again.added == 0 && again.changed == 0 && again.removed == 0 && again.unchanged == 120 && !again.didChange)

        // New modification time, same bytes: not parsed again.
        let future = Date().addingTimeInterval(60)
        try FileManager.default.setAttributes([.modificationDate: future], ofItemAtPath: paths[5])
        let touched = try update(indexer, corpus, paths: [folder])
        #expect(touched.changed == 0 && touched.unchanged == 120)

        // Changed content: that file alone.
        var text = try String(contentsOfFile: paths[7], encoding: .utf8)
        text = text.replacingOccurrences(of: "Print this page", with: "Print this pageA new opening paragraph names Nvidia.")
        try Data(text.utf8).write(to: URL(fileURLWithPath: paths[7]))
        let changed = try update(indexer, corpus, paths: [folder])
        #expect(changed.changed == 1 && changed.added == 0 && changed.unchanged == 119)
        #expect(exports(corpus) == exports(InMemoryCorpus.load(paths: [folder])))

        // Removed and added.
        try FileManager.default.removeItem(atPath: paths[3])
        try FileManager.default.copyItem(atPath: PackagePaths.reference, toPath: folder + "/000/000003b.txt")
        let moved = try update(indexer, corpus, paths: [folder])
        #expect(moved.removed == 1 && moved.added == 1)
        #expect(corpus.articleCount == 120)
        #expect(exports(corpus) == exports(InMemoryCorpus.load(paths: [folder])))
    }

    @Test("a new file that annotates a name other articles use links them again")
    func vocabularyChangeRelinks() throws {
        let folder = SyntheticCorpus.temporaryFolder("relink")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Two articles name "Quillmark"; nothing annotates it and no detection rule fits it, so nothing finds it.
        let plain = "# Quillmark grows\n\nAna RuizPublishedMar 3 20254Quillmark hired more engineers this quarter.The firm plans more.{\"annotations\":[]}"
        try Data(plain.utf8).write(to: URL(fileURLWithPath: folder + "/a.txt"))
        try Data(plain.replacingOccurrences(of: "grows", with: "shrinks").utf8).write(to: URL(fileURLWithPath: folder + "/b.txt"))
        let (indexer, corpus, _) = try openIndex([folder])
        try update(indexer, corpus, paths: [folder])
        #expect(corpus.entity(labelled: "Quillmark") == nil)

        let annotated = "# Quillmark profile\n\nAna RuizPublishedMar 4 20253Quillmark was founded in 2019.{\"annotations\":[{\"type\":\"ORGANISATION\",\"predicate\":\"http://x/about\",\"prefLabel\":\"Quillmark\",\"id\":\"q-1\"}]}"
        try Data(annotated.utf8).write(to: URL(fileURLWithPath: folder + "/c.txt"))
        let report = try update(indexer, corpus, paths: [folder])
        #expect(report.added == 1 && report.relinked == 2)
        let quill = try #require(corpus.entity(labelled: "Quillmark"))
        #expect(corpus.mentionCount(of: quill.id) == 3)
        #expect(corpus.mentionList(of: quill.id).articleCount == 3)
        #expect(exports(corpus) == exports(InMemoryCorpus.load(paths: [folder])))

        // And when it goes, they forget it again.
        try FileManager.default.removeItem(atPath: folder + "/c.txt")
        try update(indexer, corpus, paths: [folder])
        #expect(corpus.entity(labelled: "Quillmark") == nil)
        #expect(exports(corpus) == exports(InMemoryCorpus.load(paths: [folder])))
    }

    @Test("while another lede writes the index, this one reads it if it is up to date, else works in memory and says so")
    func locked() throws {
        let cache = SyntheticCorpus.temporaryFolder("locked")
        let folder = SyntheticCorpus.temporaryFolder("locked-articles")
        defer { try? FileManager.default.removeItem(atPath: cache); try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: PackagePaths.reference, toPath: folder + "/reference.txt")
        let loader = CorpusLoader(builder: CorpusBuilder(), cacheDirectory: cache)
        let first = loader.load(paths: [folder])
        let indexPath = try #require(first.indexer?.database.path)
        #expect(first.notices.isEmpty)

        // Another lede takes the write lock.
        let other = try #require(FileLock(path: indexPath + ".lock"))
        #expect(other.tryLock())
        defer { other.unlock() }
        let reader = loader.load(paths: [folder])
        #expect(reader.indexer != nil && reader.notices.isEmpty)
        #expect(exports(reader.corpus) == exports(first.corpus))

        // A new file needs writing: memory, one notice.
        try FileManager.default.copyItem(atPath: PackagePaths.fixture("two_authors.txt"), toPath: folder + "/two.txt")
        let bypassed = loader.load(paths: [folder])
        #expect(bypassed.indexer == nil)
        #expect(bypassed.notices.count == 1 && bypassed.notices.first?.contains("another lede") == true)
        #expect(bypassed.corpus.articleCount == 2)
        #expect(exports(bypassed.corpus) == exports(InMemoryCorpus.load(paths: [folder])))
    }

    @Test("garbage in the index file: rebuilt with a notice, same answers")
    func corruptFile() throws {
        let cache = SyntheticCorpus.temporaryFolder("corrupt")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let paths = [PackagePaths.reference]
        let indexPath = IndexLocation.indexPath(roots: IndexLocation.canonicalRoots(paths), cacheDirectory: cache + "/lede")
        let expected = exports(InMemoryCorpus.load(paths: paths))
        try FileManager.default.createDirectory(atPath: cache + "/lede", withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 20_000).write(to: URL(fileURLWithPath: indexPath))
        let loaded = CorpusLoader(builder: CorpusBuilder(), cacheDirectory: cache + "/lede").load(paths: paths)
        #expect(loaded.indexer != nil)
        #expect(loaded.notices.count == 1 && loaded.notices[0].contains("rebuilding"))
        #expect(exports(loaded.corpus) == expected)
    }

    @Test("an index from another schema version is rebuilt")
    func oldSchema() throws {
        let cache = SyntheticCorpus.temporaryFolder("schema")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let paths = [PackagePaths.reference]
        do {
            let loaded = CorpusLoader(builder: CorpusBuilder(), cacheDirectory: cache).load(paths: paths)
            let path = try #require(loaded.indexer?.database.path)
            try loaded.indexer?.database.pool.write { db in try db.execute(sql: "PRAGMA user_version = 0") }
            #expect(path.hasPrefix(cache))
        }
        let again = CorpusLoader(builder: CorpusBuilder(), cacheDirectory: cache).load(paths: paths)
        #expect(again.indexer != nil)
        #expect(again.notices.contains { $0.contains("another version") })
        #expect(exports(again.corpus) == exports(InMemoryCorpus.load(paths: paths)))
    }

    @Test("an index that cannot be written is bypassed: the answers come from memory")
    func unwritable() throws {
        let folder = SyntheticCorpus.temporaryFolder("readonly")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A file where the cache folder should be: nothing can be created under it.
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/lede"))
        let paths = [PackagePaths.reference]
        let loaded = CorpusLoader(builder: CorpusBuilder(), cacheDirectory: folder + "/lede/cache").load(paths: paths)
        #expect(loaded.indexer == nil)
        #expect(loaded.notices.count == 1 && loaded.notices[0].contains("running without the index"))
        #expect(exports(loaded.corpus) == exports(InMemoryCorpus.load(paths: paths)))
    }

    @Test("an update stopped half-way leaves an index that the next update completes")
    func interrupted() throws {
        let folder = SyntheticCorpus.temporaryFolder("interrupted")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SyntheticCorpus.write(count: 450, to: folder)
        let (indexer, corpus, _) = try openIndex([folder])
        let (files, _) = ArticleFiles.expand([folder])
        // Stop after the first chunk is committed.
        let report = try indexer.update(files: files, committed: { indexer.cancel() })
        #expect(report.wasCancelled)
        try corpus.reload()
        #expect(corpus.articleCount > 0 && corpus.articleCount < 450)
        // The stopped index answers what it has without failing.
        _ = exports(corpus)

        let resumed = Indexer(database: indexer.database, builder: indexer.builder)
        let second = try resumed.update(files: files)
        #expect(!second.wasCancelled && second.added == 450 - corpus.articleCount)
        try corpus.reload()
        #expect(corpus.articleCount == 450)
        #expect(exports(corpus) == exports(InMemoryCorpus.load(paths: [folder])))
    }

    @Test("stopped while linking: the next update links the rest and rebuilds what was lost")
    func interruptedWhileLinking() throws {
        let folder = SyntheticCorpus.temporaryFolder("interrupted-linking")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SyntheticCorpus.write(count: 450, to: folder)
        let (indexer, corpus, _) = try openIndex([folder])
        let (files, _) = ArticleFiles.expand([folder])
        let report = try indexer.update(files: files, progress: { progress in
            if progress.phase == .linking { indexer.cancel() }
        })
        #expect(report.wasCancelled && report.added == 450)
        let resumed = Indexer(database: indexer.database, builder: indexer.builder)
        _ = try resumed.update(files: files)
        try corpus.reload()
        #expect(exports(corpus) == exports(InMemoryCorpus.load(paths: [folder])))
    }
}

@Suite("Search")
struct SearchTests {
    func hits(_ corpus: any Corpus, _ text: String) throws -> [String] {
        try corpus.search(SearchQuery(text), limit: nil).map { hit in
            let place = hit.paragraph.map { "¶\($0)" } ?? "title"
            return "\(corpus.summary(of: hit.article)!.path.split(separator: "/").last!) \(place) \(hit.matches)"
        }
    }

    @Test("words, phrases and prefixes; the index's full-text search agrees with a plain scan")
    func queries() throws {
        let memory = InMemoryCorpus.load(paths: [PackagePaths.samples])
        let (indexer, indexed, _) = try openIndex([PackagePaths.samples])
        try update(indexer, indexed, paths: [PackagePaths.samples])
        let scanned = try ["\"open source\"", "deepseek r1", "alibab*", "Qwen*", "chinese \"open models\"", "é", "QWQ-32b"].map {
            try hits(indexed, $0)
        }
        try indexer.ensureSearchIndex()
        #expect(try !indexer.isSearchIndexPending())
        for (index, text) in ["\"open source\"", "deepseek r1", "alibab*", "Qwen*", "chinese \"open models\"", "é", "QWQ-32b"].enumerated() {
            let fromIndex = try hits(indexed, text)
            #expect(fromIndex == scanned[index], "\(text)")
            #expect(fromIndex == (try hits(memory, text)), "\(text)")
        }
        #expect(try hits(memory, "\"open source\"").count >= 2)
        let prefixHits = try hits(memory, "alibab*"), wordHits = try hits(memory, "alibaba")
        #expect(prefixHits.count >= wordHits.count && !wordHits.isEmpty)
        #expect(try hits(memory, "zzzqqq").isEmpty)
        // A phrase matches the words in order, next to each other.
        let phrase = try memory.search(SearchQuery("\"open models\""), limit: nil)
        let loose = try memory.search(SearchQuery("open models"), limit: nil)
        #expect(!phrase.isEmpty && loose.count >= phrase.count)
        // Limits cut in reading order.
        #expect(try memory.search(SearchQuery("the"), limit: 3).count == 3)
        let fromIndex = try indexed.search(SearchQuery("the"), limit: 3), fromMemory = try memory.search(SearchQuery("the"), limit: 3)
        #expect(fromIndex.map(\.paragraph) == fromMemory.map(\.paragraph))
    }

    @Test("nothing the user types is read as FTS5 syntax; an empty query is a message")
    func malformed() throws {
        let (indexer, indexed, _) = try openIndex([PackagePaths.samples])
        try update(indexer, indexed, paths: [PackagePaths.samples])
        try indexer.ensureSearchIndex()
        for text in ["\"unbalanced", "AND", "OR NOT", "a:b", "(deepseek", "NEAR(a b)", "-china", "^x", "x*y", "\"\"china\"\""] {
            let query = try SearchQuery(text)
            _ = indexed.search(query, limit: 5)
            #expect(query.ftsExpression.hasPrefix("\""))
        }
        #expect(throws: SearchQuery.ParseError.empty) { try SearchQuery("   ") }
        #expect(throws: SearchQuery.ParseError.nothingToSearch) { try SearchQuery("*** ---") }
        let terms = try SearchQuery("\"open source").terms
        #expect(terms.map(\.words) == [["open", "source"]] && terms.map(\.isPrefix) == [false])
    }

    @Test("snippets mark the matched words and stay on one line")
    func snippets() throws {
        let text = "The first model was slow.\nThen DeepSeek released R1, and the open-source world took note of DeepSeek again."
        let query = try SearchQuery("deepseek")
        let matches = try #require(query.matches(in: text))
        let snippet = SearchResultRow.snippet(text, matches: matches, width: 60)
        #expect(snippet.contains("[DeepSeek]"))
        #expect(!snippet.contains("\n"))
        #expect(query.matches(in: "nothing here") == nil)
        #expect(try SearchQuery("ecl*").matches(in: "An Éclair, eclairs.") == [3..<9, 11..<18])
    }
}

@Suite("Article list orders and filters")
struct ArticleListTests {
    @Test("both stores order and filter the article list alike, on 300 generated articles")
    func bothStoresAgree() throws {
        let folder = SyntheticCorpus.temporaryFolder("article-list")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SyntheticCorpus.write(count: 300, to: folder)
        let memory = CorpusBuilder(threads: 2).buildInMemory(paths: [folder])
        let (indexer, indexed, _) = try openIndex([folder])
        try update(indexer, indexed, paths: [folder])
        func paths(_ corpus: any Corpus, _ ids: [ArticleID]) -> [String] { ids.compactMap { corpus.summary(of: $0)?.path } }
        for order in ArticleOrder.allCases {
            for filter in ["", "deepseek", "a", "zzzz-nothing"] {
                let fromMemory = paths(memory, memory.articleList(order: order, filter: filter))
                let fromIndex = paths(indexed, indexed.articleList(order: order, filter: filter))
                #expect(fromMemory == fromIndex, "\(order) /\(filter)")
            }
        }
        let newest = memory.articleList(order: .date, filter: "").compactMap { memory.summary(of: $0)?.published }
        #expect(newest.count > 1 && newest == newest.sorted(by: >))
        let busiest = memory.articleList(order: .mentions, filter: "").compactMap { memory.summary(of: $0)?.mentionCount }
        #expect(busiest == busiest.sorted(by: >))
        #expect(memory.articleList(order: .reading, filter: "zzzz-nothing").isEmpty)
    }
}

@Suite("Index and the [ner] tagger")
struct IndexTaggerTests {
    @Test("the index stores the tagger's names: it runs once per changed file, and a new command re-indexes")
    func taggerRunsOncePerChangedFile() throws {
        let cache = SyntheticCorpus.temporaryFolder("tagger-cache")
        let folder = SyntheticCorpus.temporaryFolder("tagger-articles")
        defer { try? FileManager.default.removeItem(atPath: cache); try? FileManager.default.removeItem(atPath: folder) }
        let runs = folder + "/runs.log"
        let script = folder + "/tagger.py"
        // Counts its runs; tags `Velda Orrin` as a person.
        try """
            import json, sys
            open(sys.argv[1], "a").write("run\\n")
            for line in sys.stdin:
                request = json.loads(line)
                start = request["text"].find("Velda Orrin")
                if start >= 0:
                    print(json.dumps({"id": request["id"], "start": start, "end": start + 11, "type": "PERSON"}))
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let articles = folder + "/articles"
        try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
        try "# One\n\nVelda Orrin opened a lab.".write(toFile: articles + "/one.txt", atomically: true, encoding: .utf8)
        func load(_ command: String) -> any Corpus {
            let tagger = ExternalTagger(settings: TaggerSettings(command: command))
            return CorpusLoader(builder: CorpusBuilder(threads: 1, tagger: tagger), cacheDirectory: cache).load(paths: [articles]).corpus
        }
        func runCount() -> Int { ((try? String(contentsOfFile: runs, encoding: .utf8)) ?? "").split(separator: "\n").count }
        let command = "python3 \(script) \(runs)"

        let first = load(command)
        #expect(first is IndexedCorpus)
        #expect(first.allEntities().contains { $0.label == "Velda Orrin" && $0.source == .detected })
        #expect(runCount() == 1)
        let second = load(command)
        #expect(runCount() == 1, "an unchanged file is not tagged again")
        #expect(second.allEntities().contains { $0.label == "Velda Orrin" })
        try "# One\n\nVelda Orrin opened a second lab.".write(toFile: articles + "/one.txt", atomically: true, encoding: .utf8)
        _ = load(command)
        #expect(runCount() == 2, "a changed file is tagged again")
        _ = load(command + " ")
        #expect(runCount() == 3, "another command rebuilds the index")
    }
}

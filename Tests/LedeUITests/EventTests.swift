// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeTestSupport
@testable import LedeUI
import Testing

/// `update(state, event)` with events only: what it changes and which effects it asks the loop for.
@Suite("Events in, effects out")
struct EventTests {
    static func samplePath(_ name: String) -> String { PackagePaths.samples + "/" + name }

    @Test("a tick changes nothing and asks for nothing; a resize and a new theme repaint every cell; q quits")
    func effects() {
        let state = Fixture.state(Fixture.samples)
        var (next, effects) = update(state, .tick)
        #expect(effects.isEmpty)
        #expect(next.article == state.article && next.message == state.message && next.reader == state.reader)
        (next, effects) = update(next, .resize(width: 60, height: 20))
        #expect(effects == [.repaintAll] && next.width == 60 && next.height == 20)
        (next, effects) = update(next, .key(.character("j")))
        #expect(effects == [.repaint])
        let themed = BrowserState(corpus: Fixture.samples, themes: [.fallback, .fallback], width: 80, height: 24)
        (next, effects) = update(themed, .key(.character("T")))
        // The theme chosen is remembered for the next session.
        #expect(effects == [.repaintAll, .saveSession] && next.themeIndex == 1)
        (next, effects) = update(next, .key(.character("q")))
        #expect(effects == [.quit])
    }

    @Test("files changed on disk ask the loop to re-index them and say so; nothing changed asks for nothing")
    func filesChanged() {
        var state = Fixture.state(Fixture.samples)
        #expect(state.apply(.filesChanged(FileChanges())).isEmpty)
        let changes = FileChanges(added: ["/x/new.txt"], changed: ["/x/a.txt", "/x/b.txt"])
        #expect(state.apply(.filesChanged(changes)) == [.reindex(changes), .repaint])
        #expect(state.message?.text == "Files on disk: 1 new, 2 changed — updating")
    }

    @Test("a new store keeps the article on screen by its path, or says it was removed")
    func replacedKeepsPlaceByPath() throws {
        var state = Fixture.state(Fixture.samples)
        state.apply(.key(.character("}")))
        state.apply(.key(.character("}")))
        let path = try #require(state.article.flatMap { state.corpus.summary(of: $0)?.path })
        #expect(path.hasSuffix("002_qwq32b_china_open_weights.txt"))

        // The same files read again (other ids): the same article.
        state.message = nil
        let reread = InMemoryCorpus.load(paths: [Self.samplePath("002_qwq32b_china_open_weights.txt"), Self.samplePath("004_meta_llama4.txt")])
        state.apply(.corpusReplaced(reread, indexing: nil))
        #expect(state.article.flatMap { state.corpus.summary(of: $0)?.path } == path)
        #expect(state.message == nil)

        // Without that file: the first article, and the reader is told.
        let without = InMemoryCorpus.load(paths: [Self.samplePath("004_meta_llama4.txt")])
        state.apply(.corpusReplaced(without, indexing: nil))
        #expect(state.article == without.articleID(at: 0))
        #expect(state.message == StatusMessage("002_qwq32b_china_open_weights.txt was removed from disk", isError: true))
        // A notice after it does not hide it.
        state.apply(.notice("Read 1 articles again in 0.1 s", isError: false))
        #expect(state.message?.text == "002_qwq32b_china_open_weights.txt was removed from disk · Read 1 articles again in 0.1 s")
        #expect(state.message?.isError == true)
    }
}

@Suite("Folder snapshots")
struct FolderSnapshotTests {
    @Test("added, changed (size or time) and removed article files, sorted; other files ignored")
    func changes() throws {
        let folder = NSTemporaryDirectory() + "lede-snapshot-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["a.txt", "b.txt", "sub/c.txt"] { try "x".write(toFile: "\(folder)/\(name)", atomically: false, encoding: .utf8) }
        let before = FolderSnapshot.scan([folder])
        #expect(before.stamps.count == 3)
        #expect(before.changes(to: FolderSnapshot.scan([folder])).isEmpty)

        try "xy".write(toFile: folder + "/a.txt", atomically: false, encoding: .utf8)
        let later = Date(timeIntervalSinceNow: 10)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: folder + "/sub/c.txt")
        try FileManager.default.removeItem(atPath: folder + "/b.txt")
        try "new".write(toFile: folder + "/sub/d.txt", atomically: false, encoding: .utf8)
        try "not an article".write(toFile: folder + "/notes.csv", atomically: false, encoding: .utf8)
        let changes = before.changes(to: FolderSnapshot.scan([folder]))
        #expect(changes == FileChanges(added: [folder + "/sub/d.txt"], changed: [folder + "/a.txt", folder + "/sub/c.txt"],
                                       removed: [folder + "/b.txt"]))
        #expect(changes.count == 4)
    }
}

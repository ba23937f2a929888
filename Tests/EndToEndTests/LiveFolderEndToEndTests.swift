// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeTestSupport
import Testing

/// Files written, changed and removed while lede shows their folder.
@Suite("Live folder under tmux", .serialized)
struct LiveFolderEndToEndTests {
    /// A short article in the scraped format, in our own words.
    static func article(title: String, body: String) -> String {
        "# \(title)\n\nAda WrenPublishedMar 3 2025\(body)\n"
    }

    func makeFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "lede-live-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Self.article(title: "Alpha notes on small models", body: "Mistral AI released Mistral Small 3 on 30 January.")
            .write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        try Self.article(title: "Beta notes on open weights", body: "DeepSeek released its R1 model in January.")
            .write(toFile: folder + "/b.txt", atomically: true, encoding: .utf8)
        return folder
    }

    @Test("a new file appears in the article list; the open file changed on disk is shown anew; a removed one is said so", arguments: [false, true])
    func liveFolder(noIndex: Bool) throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = try TmuxSession(width: 100, height: 30)
        try session.run("\(TmuxSession.binary) \(noIndex ? "--no-index " : "")\(folder); echo EXIT:$((1000+$?))")
        try session.waitFor("the browser") { $0.contains("Alpha notes on small models") && $0.contains("READ") && !$0.contains("indexing") }

        // A new article written while lede is open.
        try Self.article(title: "Gamma arrives while reading", body: "Baidu launched Ernie 4.5 on 16 March 2025.")
            .write(toFile: folder + "/c.txt", atomically: true, encoding: .utf8)
        try session.waitFor("the new file noticed") { $0.contains(noIndex ? "Read 3 articles again" : "Indexed: 1 new") }
        try session.type("A")
        let list = try session.waitFor("the article list") { $0.contains("Gamma arrives while reading") }
        #expect(list.contains("Beta notes on open weights"))
        try session.press("Escape")
        // A key clears the status bar: let lede take this one before the next change on disk.
        try session.waitFor("the list closed") { !$0.contains("Articles (3)") }

        // The article on screen rewritten on disk: its new text, the same article.
        try Self.article(title: "Alpha notes, revised", body: "Mistral AI released Mistral Small 3.1 on 17 March.")
            .write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        let changed = try session.waitFor("the change shown") { $0.contains("Alpha notes, revised") }
        #expect(changed.contains("Mistral Small 3.1"))
        if !noIndex { #expect(changed.contains("changed on disk")) }

        // The article on screen removed: said so, another shown.
        try FileManager.default.removeItem(atPath: folder + "/a.txt")
        let removed = try session.waitFor("the removal shown") { $0.contains("Beta notes on open weights") && !$0.contains("Alpha notes") }
        #expect(removed.contains("a.txt was removed from disk"))

        try session.type("q")
        let exit = try session.waitFor("exit") { $0.range(of: "EXIT:1[0-9]{3}", options: .regularExpression) != nil }
        #expect(exit.contains("EXIT:1000"))
    }

    @Test("a folder emptied or renamed while lede shows it: lede keeps running, says so, and shows the articles when they return", arguments: [false, true])
    func folderThatVanishes(noIndex: Bool) throws {
        let folder = try makeFolder()
        let moved = folder + "-moved"
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: moved)
        }
        let session = try TmuxSession(width: 100, height: 30)
        try session.run("\(TmuxSession.binary) \(noIndex ? "--no-index " : "")\(folder); echo EXIT:$((1000+$?))")
        try session.waitFor("the browser") { $0.contains("Alpha notes on small models") && $0.contains("READ") && !$0.contains("indexing") }
        // `mv w w2`, as a checkout or a regenerated folder does for a moment.
        try FileManager.default.moveItem(atPath: folder, toPath: moved)
        let gone = try session.waitFor("the notice") { $0.contains("No articles") }
        #expect(!gone.contains("EXIT:"))
        Thread.sleep(forTimeInterval: 1.5)
        #expect(!(try session.screen()).contains("EXIT:"), "lede ended while its folder was away")
        try FileManager.default.moveItem(atPath: moved, toPath: folder)
        try session.waitFor("the articles back") { $0.contains("Alpha notes on small models") || $0.contains("Beta notes on open weights") }
        try session.type("q")
        let exit = try session.waitFor("exit") { $0.range(of: "EXIT:1[0-9]{3}", options: .regularExpression) != nil }
        #expect(exit.contains("EXIT:1000"))
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeTestSupport
import Testing

/// Moving around: the sidebar filter, the dossier and help, co-occurrence, searching every article.
extension BrowserEndToEndTests {
    @Test("filter the sidebar to Alibaba, follow it, next mention, back")
    func filterFollowBack() throws {
        let session = try start(referencePath)
        try session.type("e/ali")
        var screen = try session.waitFor("filter") { $0.contains("/ali") }
        // Rows of the upper panes have three borders: │ reader │ sidebar │.
        let sidebarRows = screen.components(separatedBy: "\n").filter { $0.filter { $0 == "│" }.count == 3 }
            .map { String($0.split(separator: "│", omittingEmptySubsequences: false)[2]) }
        #expect(sidebarRows.count > 10)
        #expect(sidebarRows.contains { $0.contains("▸ Alibaba") })
        #expect(!sidebarRows.contains { $0.contains("Baidu") || $0.contains("OpenAI") })
        try session.press("Enter")
        screen = try session.waitFor("jump") { $0.contains("Alibaba: mention 1 of 3") }
        try session.type("]")
        screen = try session.waitFor("next") { $0.contains("Alibaba: mention 2 of 3") }
        try session.press("BSpace")
        screen = try session.waitFor("back") { !$0.contains("mention 2 of 3") }
        #expect(screen.contains("▸ Alibaba (organisation)"))
        try session.type("q")
        try expectRestored(session)
    }

    @Test("Enter on a mention opens the dossier; help lists the pane's keys")
    func dossierAndHelp() throws {
        let session = try start("Sources/lede/Samples")
        try session.press("Tab")
        try session.press("Enter")
        let dossier = try session.waitFor("dossier") { $0.contains("DOSSIER") }
        #expect(dossier.contains("mentions in"))
        try session.press("Escape")
        try session.type("?")
        let help = try session.waitFor("help") { $0.contains("Keys — Reader") }
        #expect(help.contains("focus the next mention in reading order"))
        #expect(!help.contains("select the earlier release"))
        try session.type("qq")
        try expectRestored(session)
    }

    @Test("c in the sidebar lists what travels with an entity; Enter lists the shared paragraphs; c comes back")
    func cooccurrencePanel() throws {
        let session = try start("Sources/lede/Samples")
        try session.type("e")
        try session.type("c")
        let panel = try session.waitFor("co-occurrence view") { $0.contains("¶ by lift · with") }
        #expect(panel.contains("share paragraphs, by lift"))
        // Each partner row ends in its shared count and lift: `9 ×2.4`.
        #expect(panel.range(of: #"\d+ ×\d+(\.\d)?│"#, options: .regularExpression) != nil)
        try session.press("Enter")
        let shared = try session.waitFor("shared paragraphs") { $0.contains("shared paragraph") }
        #expect(shared.contains(" with "))
        try session.press("Escape")
        try session.type("c")
        let back = try session.waitFor("the article's entities") { $0.contains("This article's entities") }
        #expect(!back.contains("¶ by lift"))
        try session.type("q")
        try expectRestored(session)
    }

    @Test("S searches every article: the hit list, Enter opens the match, n goes on into the next article")
    func corpusSearch() throws {
        let session = try start("Sources/lede/Samples")
        try session.type("S")
        try session.waitFor("search prompt") { $0.contains("S/") && $0.contains("FIND") }
        try session.type("\"open source\"")
        try session.press("Enter")
        let list = try session.waitFor("hits") { $0.contains("paragraphs") && $0.contains("▸") }
        #expect(list.range(of: "Search all articles — [0-9]+ paragraphs", options: .regularExpression) != nil)
        try session.press("Enter")
        let opened = try session.waitFor("opened") { $0.contains("match 1 of") && $0.contains("READ") }
        let position = opened.range(of: "[0-9]+/6", options: .regularExpression).map { String(opened[$0]) }
        // n walks this article's matches, then goes on to the next article with one.
        var moved = false
        var before = opened
        for _ in 0..<8 {
            try session.type("n")
            // Each n changes the status line (the match number, or the article): wait for lede to take it.
            let screen = try session.waitFor("n taken") { $0 != before }
            before = screen
            if let now = screen.range(of: "[0-9]+/6", options: .regularExpression).map({ String(screen[$0]) }), now != position {
                moved = true
                break
            }
        }
        #expect(moved, "n never left the first article")
        try session.type("S")
        try session.type("zzzqqq")
        try session.press("Enter")
        try session.waitFor("no match") { $0.contains("No paragraph matches") }
        try session.press("Escape")
        try session.press("Escape")
        try session.type("q")
        try expectRestored(session)
    }
}

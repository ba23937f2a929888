// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeTestSupport
import Testing

/// What the browser draws and how it leaves the terminal: the reference
/// screen, resizing, colours, hostile text, CJK, keys terminfo does not know.
extension BrowserEndToEndTests {
    @Test("opens the reference: title, sidebar, timeline, status; scrolls; resizes; quits cleanly")
    func reference() throws {
        let session = try start(referencePath)
        var lines = try session.lines()
        #expect(lines[0].hasPrefix("┌─ Why Chinese AI groups are handing out their best models for free"))
        #expect(lines[0].contains("Entities"))
        #expect(lines.contains { $0.contains("Alibaba") && $0.hasSuffix("3│") })
        #expect(lines.contains { $0.hasPrefix("├─ Model releases") })
        #expect(lines.contains { $0.contains("DeepSeek-R1") })
        #expect(lines[39].contains("READ"))
        #expect(lines[3].contains("A tit-for-tat answer looked inevitable.") || lines[4].contains("A tit-for-tat answer looked inevitable."))

        try session.press("Space")
        try session.waitFor("page down") { !$0.contains("A tit-for-tat answer looked inevitable.") }
        try session.press("g")
        try session.waitFor("top") { $0.contains("A tit-for-tat answer looked inevitable.") }

        try session.resize(width: 80, height: 24)
        // tmux cuts the old screen to 80 columns before lede redraws: wait for lede's own frame (its
        // status line at the new bottom row and the right border at column 80), not just the narrower pane.
        let small = try session.waitFor("resize") { screen in
            let rows = screen.components(separatedBy: "\n")
            return rows.count >= 24 && rows[0].count == 80 && rows[0].hasSuffix("┐") && rows[23].contains("READ")
        }
        lines = small.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix("┌─ Why Chinese AI"))
        #expect(lines.contains { $0.hasPrefix("├─ Model releases") })
        #expect(lines[23].contains("READ"))

        try session.press("q")
        try expectRestored(session)
    }

    @Test("Ctrl-C typed is a plain quit: exit 0, terminal restored")
    func controlC() throws {
        let session = try start(referencePath)
        try session.press("C-c")
        try expectRestored(session)
    }

    @Test("colours with a theme, none with NO_COLOR")
    func colours() throws {
        let colourful = try start("\(referencePath) --theme default")
        let escaped = try colourful.screen(colors: true)
        #expect(escaped.contains("\u{1B}[38;5;") || escaped.contains("\u{1B}[3"), "no colour escapes in capture")
        try colourful.type("q")
        let plain = try start(referencePath, environment: ["NO_COLOR": "1"])
        let noColour = try plain.screen(colors: true)
        #expect(!noColour.contains("[38;5;") && !noColour.contains("[38;2;"))
        #expect(!(30...37).contains { noColour.contains("\u{1B}[\($0)m") })
        #expect(noColour.contains("\u{1B}[1m") || noColour.contains("\u{1B}[7m")) // attributes remain
        try plain.type("q")
    }

    @Test("control bytes in an article are shown as placeholders; CJK takes two columns")
    func hostileText() throws {
        let session = try start("Tests/LedeModelTests/Fixtures/control_chars.txt", width: 100, height: 30)
        let screen = try session.waitFor("placeholders") { $0.contains("␛[31m") }
        #expect(screen.contains("␇"))
        #expect(!(try session.screen(colors: true)).contains("\u{1B}[31m"))
        try session.type("q")
        let cjk = try start("Tests/LedeModelTests/Fixtures/cjk.txt", width: 80, height: 24)
        let lines = try cjk.waitFor("cjk") { $0.contains("农历新年前夕") }.components(separatedBy: "\n")
        for line in lines.prefix(22) where line.hasPrefix("│") {
            let columns = line.reduce(0) { $0 + (($1.unicodeScalars.first!.value >= 0x2E80 && $1.unicodeScalars.first!.value < 0xFFEF) || $1.unicodeScalars.first!.value >= 0x1F300 ? 2 : 1) }
            #expect(columns == 80, "line is \(columns) columns: \(line)")
        }
        try cjk.type("q")
    }

    @Test("keys terminfo does not describe (xterm's under TERM=xterm-256color in tmux, rxvt's) are one key each, never typed text")
    func undecodedSequences() throws {
        let session = try start("Sources/lede/Samples", width: 100, height: 30, environment: ["TERM": "xterm-256color"])
        // End as vt220/xterm send it (ESC [ 4 ~): the bottom of the article, no other article, no key "does nothing".
        try session.tmux(["send-keys", "-t", session.name, "-H", "1b", "5b", "34", "7e"])
        var screen = try session.waitFor("End") { $0.contains("100%") }
        #expect(screen.contains(" 1/6 "), "another article was opened")
        #expect(!screen.contains("does nothing"))
        // Home as rxvt sends it (ESC [ 7 ~), then an unknown sequence (ESC [ 2 0 0 ~), then a real key.
        try session.tmux(["send-keys", "-t", session.name, "-H", "1b", "5b", "37", "7e"])
        screen = try session.waitFor("Home") { !$0.contains("100%") }
        try session.tmux(["send-keys", "-t", session.name, "-H", "1b", "5b", "32", "30", "30", "7e"])
        try session.type("}")
        screen = try session.waitFor("next article") { $0.contains(" 2/6 ") }
        #expect(!screen.contains("does nothing"))
        try session.type("q")
        try expectRestored(session)
    }
}

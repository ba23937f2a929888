// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeTestSupport
import Testing

/// `o` hands the terminal to a browser and takes it back; a second start resumes where the first ended.
extension BrowserEndToEndTests {
    @Test("o runs $BROWSER with the article's address as one argument, then lede redraws and goes on")
    func openInBrowser() throws {
        let script = NSTemporaryDirectory() + "lede-fake-browser-\(UUID().uuidString.prefix(8))"
        let output = script + ".out"
        defer {
            try? FileManager.default.removeItem(atPath: script)
            try? FileManager.default.removeItem(atPath: output)
        }
        // A browser that writes what it was given, one argument a line, and says so on the terminal it was handed.
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \(output)\necho FAKE-BROWSER-RAN\nsleep 0.3\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let session = try start(referencePath, environment: ["BROWSER": script])
        try session.press("o")
        try session.waitFor("the browser's arguments") { _ in FileManager.default.fileExists(atPath: output) }
        let screen = try session.waitFor("lede again") { $0.contains("Opening the article's page") && $0.contains("READ") }
        #expect(!screen.contains("FAKE-BROWSER-RAN"), "lede did not redraw after the browser")
        let arguments = try String(contentsOfFile: output, encoding: .utf8)
        #expect(arguments == "https://www.ft.com/content/9dadcf33-ee13-41b8-b22d-b54bd77e05a7\n")
        try session.press("q")
        try expectRestored(session)
    }

    @Test("a second start opens the article the first one ended on, and says so")
    func resumeSession() throws {
        let session = try start("Sources/lede/Samples")
        try session.press("}")
        try session.press("}")
        try session.waitFor("third article") { $0.contains("Article 3 of") }
        let title = try session.lines()[0]
        try session.press("q")
        try expectRestored(session)
        #expect(FileManager.default.fileExists(atPath: session.stateFolder + "/lede/session.json"))
        try session.run("clear; \(TmuxSession.binary) Sources/lede/Samples")
        let screen = try session.waitFor("resumed") { $0.contains("Back where you left off: article 3 of") }
        #expect(screen.components(separatedBy: "\n").first == title)
        try session.press("q")
    }

    @Test("--accessible: the cursor sits on the focused mention, types are written in the text, the status line says what has focus")
    func accessibleMode() throws {
        let session = try start("--accessible " + referencePath, width: 100, height: 30)
        try session.press("Tab")
        try session.press("Tab")
        let screen = try session.waitFor("the second mention") { $0.contains("Mention 2 of") }
        #expect(screen.contains("US [LOC]"))
        let cursor = try session.tmux(["display", "-p", "-t", session.name, "#{cursor_flag} #{cursor_x} #{cursor_y}"])
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").compactMap { Int($0) }
        #expect(cursor.count == 3 && cursor[0] == 1, "the cursor is hidden")
        let lines = screen.components(separatedBy: "\n")
        let row = Array(lines[cursor[2]])
        let atCursor = String(row[cursor[1]...].prefix(23))
        #expect(atCursor == "artificial intelligence", "the cursor is at \(cursor), on '\(atCursor)'")
        let status = lines.last { !$0.isEmpty } ?? ""
        #expect(status.contains("Mention 2 of") && status.contains("artificial intelligence, topic"), "status: \(status)")
        // In the sidebar the cursor follows the selected row.
        try session.press("e")
        try session.press("j")
        let sidebar = try session.waitFor("the sidebar") { $0.contains("ENTITIES") }
        let moved = try session.tmux(["display", "-p", "-t", session.name, "#{cursor_x} #{cursor_y}"])
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").compactMap { Int($0) }
        let sidebarRow = Array(sidebar.components(separatedBy: "\n")[moved[1]])
        let label = String(sidebarRow[moved[0]...]).trimmingCharacters(in: .whitespaces)
        let sidebarStatus = sidebar.components(separatedBy: "\n").last { !$0.isEmpty } ?? ""
        #expect(!label.isEmpty && sidebarStatus.contains(String(label.prefix(6))), "cursor on '\(label)', status: \(sidebarStatus)")
        try session.press("q")
        try expectRestored(session)
    }

    @Test(":save writes a new file and never replaces one; | shows a command's output until Enter")
    func saveAndPipe() throws {
        let file = NSTemporaryDirectory() + "lede-saved-\(UUID().uuidString.prefix(8)).md"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let session = try start(referencePath)
        try session.type(":save \(file)")
        try session.press("Enter")
        try session.waitFor("saved") { $0.contains("Saved ") }
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.hasPrefix("# Why Chinese AI groups are handing out their best models for free\n"))
        try session.type(":save \(file)")
        try session.press("Enter")
        try session.waitFor("refused") { $0.contains("exists: give another name") }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == saved)

        try session.press("|")
        try session.type("grep -c Alibaba")
        try session.press("Enter")
        let output = try session.waitFor("the command's output") { $0.contains("press Enter to return to lede") }
        #expect(output.contains("\n2\n") || output.hasPrefix("2\n"), "grep counts the two paragraphs that name Alibaba: \(output)")
        try session.press("Enter")
        try session.waitFor("lede again") { $0.contains("READ") && $0.contains("Entities") }
        try session.press("q")
        try expectRestored(session)
    }

    @Test("a terminal that goes away while the browser has it ends lede and the browser, not leaves them waiting")
    func hangupWhileBrowsing() throws {
        let script = NSTemporaryDirectory() + "lede-slow-browser-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: script) }
        try "#!/bin/sh\nsleep 30\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        // A pattern that does not match the pgrep command line that carries it.
        let pattern = "[l]" + String((script as NSString).lastPathComponent.dropFirst())
        let session = try start(referencePath, environment: ["BROWSER": script])
        let pid = try ledePID(session)
        try session.press("o")
        try session.waitFor("the browser") { _ in (try? self.runShell("pgrep -f '\(pattern)' || true"))?.isEmpty == false }
        _ = try session.tmux(["kill-server"])
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, kill(pid_t(pid)!, 0) == 0 { Thread.sleep(forTimeInterval: 0.1) }
        #expect(kill(pid_t(pid)!, 0) != 0, "lede \(pid) outlived its terminal")
        #expect(try runShell("pgrep -f '\(pattern)' || true").isEmpty, "the browser outlived lede")
    }
}

import Foundation
import LedeTestSupport
import Testing

/// The terminal-related behaviour of the real binary under tmux. In the
/// same (serialized) suite as the other tmux tests.
extension BrowserEndToEndTests {
    @Test("a TERM curses cannot use gets lede's own message and exit 2, before anything is drawn")
    func unusableTerm() throws {
        let advice = "run it in a terminal with TERM=xterm-256color or similar, or use lede parse/entities/timeline/search for text output"
        let cases: [(setting: String, message: String)] = [
            ("env -u TERM", "lede: TERM is not set, so the browser cannot draw; \(advice)"),
            ("env TERM=", "lede: TERM is not set, so the browser cannot draw; \(advice)"),
            ("env TERM=nonsuch", "lede: TERM is \"nonsuch\", which this system's terminal database (terminfo) does not know; \(advice)"),
            ("env TERM=dumb", "lede: TERM is \"dumb\", which cannot draw the browser; \(advice)"),
        ]
        // Wide enough that the message is one line.
        let session = try TmuxSession(width: 250, height: 20)
        for (setting, message) in cases {
            let before = "/tmp/\(session.socket).before", after = "/tmp/\(session.socket).after"
            try? FileManager.default.removeItem(atPath: after)
            try session.run("clear; stty -g > \(before); \(setting) \(TmuxSession.binary) \(referencePath); echo EXIT:$((1000+$?)); stty -g > \(after)")
            let screen = try session.waitFor("exit with \(setting)") { $0.range(of: "EXIT:1[0-9]{3}", options: .regularExpression) != nil }
            try session.waitFor("stty") { _ in FileManager.default.fileExists(atPath: after) }
            Thread.sleep(forTimeInterval: 0.2)
            let lines = screen.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            // `clear` left only what lede wrote and the status: no curses message, no half-drawn browser.
            #expect(lines.first == message, "\(setting): \(lines)")
            #expect(lines.dropFirst().first == "EXIT:1002", "\(setting): \(lines)")
            #expect(lines.count == 3 && lines.last?.hasPrefix("$") == true, "\(setting): \(lines)")
            #expect(try String(contentsOfFile: before, encoding: .utf8) == String(contentsOfFile: after, encoding: .utf8))
            #expect(try terminalModes(session) == TerminalModes.shell)
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeTestSupport
import Testing

/// A signal by name and number, for readable test-case names.
struct SignalCase: Sendable, CustomTestStringConvertible {
    var name: String
    var number: Int32
    var testDescription: String { "SIG\(name) (\(number))" }
}

/// Signals, suspend and hangups, on the real binary under tmux. In the
/// same (serialized) suite as the other tmux tests.
extension BrowserEndToEndTests {
    /// Every signal whose default action ends the process: the terminal comes back first.
    static let terminatingSignals: [SignalCase] = [
        SignalCase(name: "HUP", number: SIGHUP), SignalCase(name: "INT", number: SIGINT), SignalCase(name: "QUIT", number: SIGQUIT),
        SignalCase(name: "USR1", number: SIGUSR1), SignalCase(name: "USR2", number: SIGUSR2), SignalCase(name: "PIPE", number: SIGPIPE),
        SignalCase(name: "ALRM", number: SIGALRM), SignalCase(name: "TERM", number: SIGTERM), SignalCase(name: "XCPU", number: SIGXCPU),
        SignalCase(name: "VTALRM", number: SIGVTALRM), SignalCase(name: "PROF", number: SIGPROF),
        SignalCase(name: "RTMIN", number: __libc_current_sigrtmin()),
    ]

    @Test("a terminating signal from outside restores the terminal, then ends lede with it (128 + n)", arguments: terminatingSignals)
    func terminatingSignal(_ signal: SignalCase) throws {
        let session = try start(referencePath)
        #expect(try terminalModes(session) == TerminalModes.browser)
        _ = try runShell("kill -\(signal.number) \(try ledePID(session))")
        try expectRestored(session, status: 128 + Int(signal.number))
    }

    @Test("Ctrl-Z and SIGTSTP suspend with the terminal restored; fg redraws the whole screen; q still exits 0")
    func suspend() throws {
        let session = try start(referencePath)
        let article = "A tit-for-tat answer looked inevitable."
        // The suspend key: raw mode delivers it as a key, and lede stops the job itself.
        try session.press("C-z")
        var screen = try session.waitFor("stopped by Ctrl-Z") { $0.contains("Stopped") }
        #expect(!screen.contains("READ"), "the shell's screen, not the browser's")
        #expect(try terminalModes(session) == TerminalModes.shell)
        try session.run("fg")
        // tmux starts an alternate screen blank: the article is there only if lede repainted everything.
        screen = try session.waitFor("redrawn after fg") { $0.contains(article) && $0.contains("READ") }
        #expect(try terminalModes(session) == TerminalModes.browser)
        // kill -TSTP from outside does the same.
        _ = try runShell("kill -TSTP \(try ledePID(session))")
        try session.waitFor("stopped by SIGTSTP") { $0.components(separatedBy: "Stopped").count == 3 }
        #expect(try terminalModes(session) == TerminalModes.shell)
        try session.run("fg")
        try session.waitFor("redrawn after the second fg") { $0.contains(article) && $0.contains("READ") }
        // SIGSTOP cannot be caught: the shell writes over the browser; on fg (SIGCONT) lede takes the terminal back and repaints.
        let group = try runShell("ps -o pgid= -p \(try ledePID(session))").trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try runShell("kill -STOP -\(group)")
        try session.waitFor("stopped by SIGSTOP") { $0.contains("Stopped") }
        try session.run("fg")
        screen = try session.waitFor("redrawn after SIGCONT") { $0.contains(article) && !$0.contains("Stopped") }
        #expect(screen.contains("READ"))
        // Keys work again (raw mode is back): q is a plain quit.
        try session.type("q")
        try expectRestored(session)
    }

    @Test("the terminal going away (SIGHUP) ends lede with 129 at once, even when stderr is a broken pipe")
    func hangup() throws {
        // A configuration problem, so lede writes to stderr on its way out.
        let config = NSTemporaryDirectory() + "lede-e2e-hangup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: config + "/lede", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        try "[keys]\nnoSuchAction = [\"x\"]\n".write(toFile: config + "/lede/config.toml", atomically: true, encoding: .utf8)
        let session = try TmuxSession(width: 120, height: 40)
        let statusFile = "/tmp/\(session.socket).status"
        defer { try? FileManager.default.removeItem(atPath: statusFile) }
        // bash records lede's status after the hangup (it ignores SIGHUP, lede does not: exec resets a trap);
        // lede's stderr is a pipe nobody reads, its stdout and stdin the terminal that goes away.
        try session.run("bash -c '{ trap : HUP; XDG_CONFIG_HOME=\(config) \(TmuxSession.binary) \(referencePath) 2>&3 3>&-; "
            + "echo $? > \(statusFile); } 3>&1 >/dev/tty | true'")
        try session.waitFor("the browser") { screen in
            screen.contains("READ") && !BrowserEndToEndTests.indexingMarkers.contains { screen.contains($0) }
        }
        let pid = try ledePID(session)
        try session.tmux(["kill-server"])
        let deadline = Date().addingTimeInterval(10)
        var status = ""
        while Date() < deadline {
            status = (try? String(contentsOfFile: statusFile, encoding: .utf8)) ?? ""
            if !status.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "129", "exit status \(status.isEmpty ? "never recorded" : status)")
        #expect(kill(pid_t(pid)!, 0) != 0, "lede still running after the hangup")
    }

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

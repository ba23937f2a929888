// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeTestSupport
import Testing

/// The real binary under tmux, typed at and read like a person would: the
/// suite and what its tests share (starting lede in a session, checking the
/// terminal is restored). The tests are in extensions by subject: the screen,
/// navigation, the index, handing off, signals.
@Suite("End to end under tmux", .serialized)
struct BrowserEndToEndTests {
    let referencePath = PackagePaths.referenceRelative

    func start(_ arguments: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession(width: width, height: height, environment: environment)
        // Under `sh -c`, not the interactive bash: bash restores its own terminal modes when a job dies of a
        // signal or stops, which would hide a terminal lede left raw. (A core from SIGQUIT is not wanted here.)
        try session.run("ulimit -c 0; sh -c 'stty -g > /tmp/\(session.socket).before; \(TmuxSession.binary) \(arguments); "
            + "echo EXIT:$((1000+$?)); stty -g > /tmp/\(session.socket).after'")
        // The index fills in the background on a first run: wait until it is done.
        try session.waitFor("the browser") { screen in
            screen.contains("READ") && !BrowserEndToEndTests.indexingMarkers.contains { screen.contains($0) }
        }
        return session
    }

    static let indexingMarkers = ["indexing…", "reading ", "linking ", "finishing the index", "building the search index"]

    /// The typed command shows `EXIT:$((1000+$?))`; its output `EXIT:1000` means status 0.
    func expectRestored(_ session: TmuxSession, status: Int = 0) throws {
        let screen = try session.waitFor("exit") { $0.range(of: "EXIT:1[0-9]{3}", options: .regularExpression) != nil }
        #expect(screen.contains("EXIT:\(1000 + status)"))
        try session.waitFor("stty") { _ in FileManager.default.fileExists(atPath: "/tmp/\(session.socket).after") }
        Thread.sleep(forTimeInterval: 0.2)
        let before = try String(contentsOfFile: "/tmp/\(session.socket).before", encoding: .utf8)
        let after = try String(contentsOfFile: "/tmp/\(session.socket).after", encoding: .utf8)
        #expect(before == after, "terminal modes not restored")
        #expect(try terminalModes(session) == TerminalModes.shell, "alternate screen, cursor or mouse reporting not restored")
        // The shell answers normally afterwards.
        try session.run("echo usable-$((40+2))")
        try session.waitFor("shell") { $0.contains("usable-42") }
    }

    func runShell(_ command: String) throws -> String {
        try spawn(["/bin/sh", "-c", command]).stdout
    }

    /// The lede running in this session's terminal, not any other on the machine.
    func ledePID(_ session: TmuxSession) throws -> String {
        let tty = try session.tmux(["display-message", "-p", "-t", session.name, "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let pids = try runShell("pgrep -t \(tty.replacingOccurrences(of: "/dev/", with: "")) -x lede")
        return String(try #require(pids.split(separator: "\n").first, "no lede on \(tty)"))
    }

    /// What tmux knows of the pane's modes: alternate screen, cursor shown, mouse reporting.
    struct TerminalModes: Equatable, CustomStringConvertible {
        var alternateScreen: Bool
        var cursorVisible: Bool
        var mouseReporting: Bool
        static let shell = TerminalModes(alternateScreen: false, cursorVisible: true, mouseReporting: false)
        static let browser = TerminalModes(alternateScreen: true, cursorVisible: false, mouseReporting: true)
        var description: String { "alternate screen \(alternateScreen), cursor \(cursorVisible), mouse \(mouseReporting)" }
    }

    func terminalModes(_ session: TmuxSession) throws -> TerminalModes {
        let flags = try session.tmux(["display-message", "-p", "-t", session.name, "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"])
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }
        guard flags.count == 3 else { throw E2EError("tmux flags: \(flags)") }
        return TerminalModes(alternateScreen: flags[0], cursorVisible: flags[1], mouseReporting: flags[2])
    }
}

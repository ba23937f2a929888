// SPDX-License-Identifier: Apache-2.0
// What the event loop does with the effects `update` returns that reach
// outside lede: open a page (`o`), copy (`y`), save or pipe the article (`s`,
// `|`), keep the session file. LedeUI's Browser/Handoff.swift decides what is
// handed over; this file hands it over.
import Foundation
import LedeConfig
import LedeModel
import LedeTerminal
import LedeUI

/// Performs `o`: opens an address with the user's web browser. `$BROWSER`
/// first (a colon-separated list of commands, `%s` standing for the address,
/// as `man-db` and `lynx` read it), then `xdg-open`, then Debian's
/// `sensible-browser`. The address is one argument of the command, never
/// passed through a shell. A browser that runs in the terminal gets the
/// terminal until it exits.
struct AddressOpener {
    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// The command that would open `address`, as program and arguments; nil when none is found.
    func command(for address: String) -> [String]? {
        var candidates: [String] = []
        if let browser = environment["BROWSER"], !browser.isEmpty {
            candidates += browser.split(separator: ":").map(String.init)
        }
        candidates += ["xdg-open", "sensible-browser"]
        for candidate in candidates {
            let words = candidate.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let program = words.first, let found = Executable.find(program, environment: environment) else { continue }
            var arguments = Array(words.dropFirst())
            if arguments.contains(where: { $0.contains("%s") }) {
                arguments = arguments.map { $0.replacingOccurrences(of: "%s", with: address) }
            } else {
                arguments.append(address)
            }
            return [found] + arguments
        }
        return nil
    }

    /// Runs the browser with the terminal handed over; a problem in words, or nil.
    func open(_ address: String, terminal: Terminal) -> String? {
        guard WebAddress.isOpenable(address) else { return "only http and https addresses are opened" }
        guard let command = command(for: address) else {
            return "no web browser found: set BROWSER (for example BROWSER=firefox or BROWSER=w3m) or install xdg-utils"
        }
        return terminal.runOutside {
            let name = (command[0] as NSString).lastPathComponent
            switch ChildProgram.run(command, terminal: terminal) {
            case .failure(let problem): return "could not start \(name): \(problem.message)"
            case .success(let status): return status == 0 ? nil : "\(name) ended with status \(status)"
            }
        }
    }
}

/// Performs `y`: OSC 52 or the configured command, whichever the user turned on.
struct ClipboardWriter {
    var setting: ClipboardSetting
    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// Copies; a problem in words, or nil.
    func copy(_ text: String, terminal: Terminal) -> String? {
        guard setting.isEnabled else {
            return "copying is off: add osc52 = true or command = \"wl-copy\" under [clipboard] in config.toml"
        }
        if setting.osc52 {
            terminal.copyWithOSC52(text)
            return nil
        }
        let words = (setting.command ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        guard let program = words.first, let found = Executable.find(program, environment: environment) else {
            return "clipboard command not found: \(words.first ?? "")"
        }
        // It does not use the terminal; one that hangs is left behind after 2 s, not waited for.
        switch ChildProgram.run([found] + words.dropFirst(), input: Data(text.utf8), quiet: true, timeout: 2, terminal: terminal) {
        case .failure(let problem): return "\(program): \(problem.message)"
        case .success(let status): return status == 0 ? nil : "\(program) ended with status \(status)"
        }
    }
}

/// Runs the programs `o`, `y` and `|` hand things to. A program is started
/// in lede's own process group, the terminal's foreground group, so a browser
/// that runs in the terminal can read keys (Foundation's `Process` starts a
/// group of its own, and such a browser was stopped by SIGTTIN). Its input
/// comes through a socket written with MSG_NOSIGNAL, so a command that stops
/// reading early raises no SIGPIPE in lede. While it runs lede still listens
/// for its own end: when the terminal goes away or lede is told to stop, the
/// program is ended too, so lede never lingers after its terminal.
enum ChildProgram {
    struct Problem: Error { var message: String }

    /// The exit status (128 + n for a signal), or why the program could not run.
    static func run(_ arguments: [String], input: Data? = nil, quiet: Bool = false, timeout: Double? = nil,
                    terminal: Terminal) -> Result<Int32, Problem> {
        var sockets: [Int32] = [-1, -1]
        if input != nil, socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &sockets) != 0 {
            return .failure(Problem(message: String(cString: strerror(errno))))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, sockets[1], 0)
            for fd in sockets { posix_spawn_file_actions_addclose(&actions, fd) }
        }
        if quiet {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // As system(3) does: the keys that interrupt or stop go to the program, not to lede waiting for it
        // (Ctrl-C in a terminal browser must not end lede). The child starts with the defaults.
        var saved: [sigaction] = [sigaction(), sigaction(), sigaction()]
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        for (index, number) in [SIGINT, SIGQUIT, SIGTSTP].enumerated() { sigaction(number, &ignore, &saved[index]) }
        defer { for (index, number) in [SIGINT, SIGQUIT, SIGTSTP].enumerated() { sigaction(number, &saved[index], nil) } }
        var pid: pid_t = 0
        // In lede's own process group: the terminal's foreground group.
        let spawned = SpawnAttributes.with(ownProcessGroup: false) { attributes in
            posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
        }
        if input != nil { close(sockets[1]) }
        guard spawned == 0 else {
            if input != nil { close(sockets[0]) }
            return .failure(Problem(message: String(cString: strerror(spawned))))
        }
        var pending = input ?? Data()
        if input != nil { _ = fcntl(sockets[0], F_SETFL, fcntl(sockets[0], F_GETFL) | O_NONBLOCK) }
        var inputOpen = input != nil
        func closeInput() {
            if inputOpen { close(sockets[0]); inputOpen = false }
        }
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG | WUNTRACED)
            if waited == -1 && errno == EINTR { continue }
            if waited != 0 {
                // Stopped (its own Ctrl-Z): the job stops with it, as a shell's would; `fg` continues both.
                if waited == pid && (status & 0xFF) == 0x7F {
                    kill(getpid(), SIGSTOP)
                    continue
                }
                break
            }
            if inputOpen {
                let sent = pending.withUnsafeBytes { raw in send(sockets[0], raw.baseAddress, min(raw.count, 65_536), Int32(MSG_NOSIGNAL)) }
                if sent > 0 { pending.removeFirst(sent) }
                if pending.isEmpty || (sent < 0 && errno != EAGAIN && errno != EINTR) { closeInput() }
            }
            if let deadline, Date() > deadline {
                closeInput()
                return .success(0)
            }
            if terminal.terminationRequested {
                kill(pid, SIGTERM)
                // A child stopped by the lost terminal acts on SIGTERM only once continued.
                kill(pid, SIGCONT)
                let end = Date().addingTimeInterval(0.5)
                while waitpid(pid, &status, WNOHANG) == 0 {
                    if Date() > end {
                        kill(pid, SIGKILL)
                        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                        break
                    }
                    usleep(10_000)
                }
                break
            }
            usleep(inputOpen ? 1_000 : 20_000)
        }
        closeInput()
        let signal = status & 0x7F
        return .success(signal != 0 ? 128 + signal : (status >> 8) & 0xFF)
    }
}

/// Finds a program the way a shell would: a path as given, else along PATH.
enum Executable {
    static func find(_ program: String, environment: [String: String]) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = (String(folder) as NSString).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// Saves the session record when it changed, at most every two seconds while
/// browsing and once more at the end, so `}` held down does not write a file per key.
final class SessionKeeper {
    let path: String?
    private var pending = false
    private var lastWrite = Date.distantPast
    private var reported = false

    init(path: String?) { self.path = path }

    func changed() { pending = true }

    /// Writes if something changed and the last write is old enough; a problem to show (once), or nil.
    func saveIfDue(_ record: @autoclosure () -> SessionRecord, force: Bool = false) -> String? {
        guard let path, pending, force || Date().timeIntervalSince(lastWrite) >= 2 else { return nil }
        pending = false
        lastWrite = Date()
        do {
            try SessionFile.save(record(), to: path)
            return nil
        } catch {
            guard !reported else { return nil }
            reported = true
            return "cannot save read marks and places to \(path): \(error.localizedDescription)"
        }
    }
}

/// Performs `s` and `|`: a new file with the article's text (never over an
/// existing file, so no article file is ever written), or a shell command fed
/// the text with the terminal handed over, its output shown until Enter.
enum ArticleOutput {
    /// Writes a new file; a problem in words, or nil.
    static func write(_ contents: String, to given: String) -> String? {
        let path = ((given as NSString).expandingTildeInPath as NSString).standardizingPath
        // O_EXCL: an existing file, an article among them, is never replaced.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            return errno == EEXIST ? "\(given) exists: give another name" : "cannot create \(given): \(String(cString: strerror(errno)))"
        }
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                return "cannot write \(given): \(String(cString: strerror(errno)))"
            }
            written += result
        }
        return nil
    }

    /// Runs `/bin/sh -c command` with the text on its input; a problem in words, or nil.
    static func pipe(_ input: String, to command: String, terminal: Terminal) -> String? {
        terminal.runOutside {
            let status: Int32
            switch ChildProgram.run(["/bin/sh", "-c", command], input: Data(input.utf8), terminal: terminal) {
            case .failure(let problem): return "could not run the command: \(problem.message)"
            case .success(let code): status = code
            }
            guard !terminal.terminationRequested else { return nil }
            // As less does: the command's output stays until the reader has seen it.
            FileHandle.standardOutput.write(Data("\n[\(status == 0 ? "done" : "exit status \(status)") — press Enter to return to lede]".utf8))
            _ = readLine()
            return nil
        }
    }
}

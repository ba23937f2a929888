// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeTestSupport

/// Runs the real binary in a tmux server of its own (`tmux -L <socket>`),
/// types with send-keys and reads the screen with capture-pane.
final class TmuxSession {
    let socket = "lede-e2e-\(UUID().uuidString.prefix(8))"
    let name = "t"
    /// `XDG_STATE_HOME` of this session's shell (where lede keeps its session record).
    let stateFolder: String

    static var binary: String {
        ProcessInfo.processInfo.environment["LEDE_BINARY"] ?? PackagePaths.root.appendingPathComponent(".build/debug/lede").path
    }

    /// Starts an interactive shell at the given size, in the package root.
    init(width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw E2EError("lede binary not found at \(Self.binary): run swift build first")
        }
        // Each session has its own index cache, so sessions never share (or lock) an index.
        let cache = "\(NSTemporaryDirectory())lede-e2e-cache-\(socket)"
        // And its own remembered session: one test's last article is not where the next starts.
        stateFolder = "\(NSTemporaryDirectory())lede-e2e-state-\(socket)"
        var exports = ["TERM=screen-256color", "PS1='$ '", "HOME=\(NSTemporaryDirectory())", "XDG_CONFIG_HOME=\(NSTemporaryDirectory())lede-e2e-config",
                       "XDG_CACHE_HOME=\(cache)", "XDG_STATE_HOME=\(stateFolder)"]
        exports += environment.map { "\($0.key)=\($0.value)" }
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height),
                  "-c", PackagePaths.root.path, "env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \(exports.joined(separator: " ")) bash --norc --noprofile"])
        try tmux(["set-option", "-g", "default-terminal", "screen-256color"])
        _ = try waitFor { $0.contains("$") }
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: "\(NSTemporaryDirectory())lede-e2e-cache-\(socket)")
        try? FileManager.default.removeItem(atPath: stateFolder)
        let folder = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp") + "/tmux-\(getuid())"
        try? FileManager.default.removeItem(atPath: "\(folder)/\(socket)")
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try spawn(["/usr/bin/env", "tmux", "-L", socket] + arguments)
        guard result.status == 0 else { throw E2EError("tmux \(arguments.first ?? "") failed (is tmux installed?)") }
        return result.stdout
    }

    /// Types literal text (`-l`) or key names (`Enter`, `BSpace`, `Tab`).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func run(_ command: String) throws {
        try type(command)
        try press("Enter")
    }

    func screen(colors: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", name] + (colors ? ["-e"] : []))
    }

    func lines() throws -> [String] { try screen().components(separatedBy: "\n") }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until `condition` holds on a settled screen (`timeout` at most); returns that screen.
    /// Settled: the same on a second look 50 ms later, so that a frame tmux caught half-written (the title
    /// row new, the rows below still old) is not what the test reads.
    @discardableResult
    func waitFor(_ what: String = "condition", timeout: TimeInterval = 8, colors: Bool = false, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(colors: colors)
            if condition(last) {
                Thread.sleep(forTimeInterval: 0.05)
                let again = try screen(colors: colors)
                if again == last { return last }
                continue
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw E2EError("timed out waiting for \(what); screen was:\n\(last)")
    }
}

struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a program and waits for it, with posix_spawn and waitpid: output
/// goes through files, not pipes, because a tmux server forked by
/// `new-session` would hold a pipe open for ever.
func spawn(_ command: [String], environment: [String: String]? = nil, directory: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    // A working directory through the shell: `cd DIR && exec COMMAND…`.
    let arguments = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0] + command } ?? command
    let base = NSTemporaryDirectory() + "lede-spawn-\(UUID().uuidString)"
    let outPath = base + ".out", errPath = base + ".err"
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = environmentList.map { strdup($0) } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    // The test runner's threads block signals; a child must start with none
    // blocked and default handlers, or tmux and lede never see SIGWINCH or SIGTERM.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    sigdelset(&all, SIGKILL)
    sigdelset(&all, SIGSTOP)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, &envp)
    guard spawned == 0 else { throw E2EError("cannot run \(arguments[0]): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let out = FileManager.default.contents(atPath: outPath) ?? Data()
    let err = FileManager.default.contents(atPath: errPath) ?? Data()
    return (exitStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

/// Runs the binary directly, without a terminal.
func runLede(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    var env = ProcessInfo.processInfo.environment
    env["XDG_CONFIG_HOME"] = NSTemporaryDirectory() + "lede-e2e-config"
    // A cache folder of its own for every run: runs in parallel never share an index.
    let cache = NSTemporaryDirectory() + "lede-e2e-cache-\(UUID().uuidString)"
    env["XDG_CACHE_HOME"] = cache
    env["XDG_STATE_HOME"] = cache + "-state"
    defer {
        try? FileManager.default.removeItem(atPath: cache)
        try? FileManager.default.removeItem(atPath: cache + "-state")
    }
    for (key, value) in environment { env[key] = value }
    return try spawn([TmuxSession.binary] + arguments, environment: env, directory: PackagePaths.root.path)
}

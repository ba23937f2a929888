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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        return terminal.runOutside {
            do {
                try process.run()
                process.waitUntilExit()
            } catch {
                return "could not start \(command[0]): \(error.localizedDescription)"
            }
            let name = (command[0] as NSString).lastPathComponent
            return process.terminationStatus == 0 ? nil : "\(name) ended with status \(process.terminationStatus)"
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: found)
        process.arguments = Array(words.dropFirst())
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "could not start \(program): \(error.localizedDescription)"
        }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        // A clipboard command reads and returns (xclip stays behind in its own process); one that hangs is left, not waited for.
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { return nil }
        return process.terminationStatus == 0 ? nil : "\(program) ended with status \(process.terminationStatus)"
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
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let pipe = Pipe()
            process.standardInput = pipe
            do {
                try process.run()
            } catch {
                return "could not start /bin/sh: \(error.localizedDescription)"
            }
            // Written from another thread: a command that does not read all of it must not block lede.
            let writer = pipe.fileHandleForWriting
            let data = Data(input.utf8)
            let feeding = Thread {
                signal(SIGPIPE, SIG_IGN)
                try? writer.write(contentsOf: data)
                try? writer.close()
            }
            feeding.start()
            process.waitUntilExit()
            // As less does: the command's output stays until the reader has seen it.
            FileHandle.standardOutput.write(Data("\n[\(process.terminationStatus == 0 ? "done" : "exit status \(process.terminationStatus)") — press Enter to return to lede]".utf8))
            _ = readLine()
            return nil
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
// ~300 lines, one file: running a user's tagger safely (its own process
// group, a socket for its input so a tagger that exits early cannot raise
// SIGPIPE in lede, one poll loop with a hang timeout) and reading its spans
// belong together: every failure of one is a message of the other.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `[ner]` in config.toml: an external named-entity tagger.
public struct TaggerSettings: Sendable, Hashable {
    /// Run with `/bin/sh -c`.
    public var command: String
    /// Seconds the tagger may go without reading or writing before it counts as hung.
    public var timeout: Double

    public static let defaultTimeout = 10.0

    public init(command: String, timeout: Double = TaggerSettings.defaultTimeout) {
        self.command = command
        self.timeout = timeout
    }

    /// What decides the tagger's output, for the index's fingerprint.
    public var fingerprint: String { "tagger: " + command }
}

/// Problems a tagger had, each told once (a missing tagger is one message, not one per file).
public final class TaggerProblems: @unchecked Sendable {
    private var messages: [String] = []
    private var seen: Set<String> = []
    private let lock = NSLock()

    public init() {}

    func add(_ message: String) {
        lock.lock()
        if seen.insert(message).inserted { messages.append(message) }
        lock.unlock()
    }

    /// Messages not yet taken, oldest first.
    public func take() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let result = messages
        messages = []
        return result
    }
}

/// Runs an external tagger over articles' paragraphs and turns its spans
/// into detected names.
///
/// Protocol (JSON Lines, UTF-8): lede writes one `{"id": "…", "text": "…"}`
/// per paragraph to the tagger's standard input and closes it; the tagger
/// writes one `{"id", "start", "end", "type", "label"}` per entity to its
/// standard output, `start`/`end` in Unicode scalars of the text
/// (end-exclusive, Python's string offsets), `type` PERSON, ORGANISATION or
/// LOCATION (spaCy's PER, ORG, GPE, LOC are understood too; other types are
/// skipped), `label` the entity's name when it differs from the span's text
/// (optional). One run of the tagger serves a whole batch of articles.
/// A tagger that is missing, exits with an error, is killed, goes `timeout`
/// seconds without reading or writing, or writes lines that are not spans is
/// told about in `problems`; lede goes on with what the rules found.
public struct ExternalTagger: Sendable {
    public var settings: TaggerSettings
    public let problems: TaggerProblems
    /// More output than this from one batch is not a tagger's.
    static let outputLimit = 64 << 20

    public init(settings: TaggerSettings, problems: TaggerProblems = TaggerProblems()) {
        self.settings = settings
        self.problems = problems
    }

    /// Detected names per article (same order as `articles`); empty lists when the tagger failed.
    public func names(in articles: [[String]]) -> [[DetectedName]] {
        var result = [[DetectedName]](repeating: [], count: articles.count)
        var input = Data()
        for (articleIndex, paragraphs) in articles.enumerated() {
            for (paragraphIndex, text) in paragraphs.enumerated() {
                input += Self.requestLine(id: "\(articleIndex).\(paragraphIndex)", text: text)
            }
        }
        guard !input.isEmpty else { return result }
        let output: Data
        switch run(input: input) {
        case .success(let data): output = data
        case .failure(let problem):
            problems.add("the entity tagger `\(settings.command)` \(problem.message); going on without it")
            return result
        }
        var garbage = 0
        var firstGarbage = ""
        for line in output.split(separator: 0x0A) where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            guard let span = Self.span(from: Data(line), articles: articles) else {
                if garbage == 0 { firstGarbage = String(decoding: line.prefix(80), as: UTF8.self) }
                garbage += 1
                continue
            }
            if let name = span.name { result[span.article].append(name) }
        }
        if garbage > 0 {
            problems.add("the entity tagger `\(settings.command)` wrote \(garbage) line\(garbage == 1 ? "" : "s") that are not spans "
                         + "(first: \(firstGarbage.debugDescription)); those lines were ignored")
        }
        return result.map { Array(Set($0)).sorted() }
    }

    static func requestLine(id: String, text: String) -> Data {
        let object: [String: String] = ["id": id, "text": text]
        var line = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        line.append(0x0A)
        return line
    }

    /// One output line: its article and the name it gives (nil for a type lede does not use). Nil when the line is not a span.
    static func span(from line: Data, articles: [[String]]) -> (article: Int, name: DetectedName?)? {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
              let id = object["id"] as? String, let start = object["start"] as? Int, let end = object["end"] as? Int,
              let type = object["type"] as? String else { return nil }
        let parts = id.split(separator: ".")
        guard parts.count == 2, let article = Int(parts[0]), let paragraph = Int(parts[1]),
              articles.indices.contains(article), articles[article].indices.contains(paragraph) else { return nil }
        let scalars = articles[article][paragraph].unicodeScalars
        guard start >= 0, start < end, end <= scalars.count else { return nil }
        guard let entityType = entityType(type) else { return (article, nil) }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars.dropFirst(start).prefix(end - start))
        let label = (object["label"] as? String).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        let name = (label.isEmpty || label.uppercased() == type.uppercased() ? text : label).trimmingCharacters(in: .whitespacesAndNewlines)
        guard name.unicodeScalars.count >= 2, name.unicodeScalars.count <= 200,
              !name.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return (article, nil) }
        return (article, DetectedName(type: entityType, name: name))
    }

    static func entityType(_ type: String) -> EntityType? {
        switch type.uppercased() {
        case "PERSON", "PER": .person
        case "ORGANISATION", "ORGANIZATION", "ORG": .organisation
        case "LOCATION", "LOC", "GPE": .location
        default: nil
        }
    }

    struct Problem: Error { var message: String }

    /// Runs the command with `input` on its standard input; its standard output, or what went wrong.
    func run(input: Data) -> Result<Data, Problem> {
        // Input through a socket: a tagger that exits without reading gives lede EPIPE, not SIGPIPE (MSG_NOSIGNAL).
        var inputSockets: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &inputSockets) == 0 else {
            return .failure(Problem(message: "could not be started (socketpair: \(String(cString: strerror(errno))))"))
        }
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard pipe(&outputPipe) == 0 else {
            close(inputSockets[0]); close(inputSockets[1])
            return .failure(Problem(message: "could not be started (pipe: \(String(cString: strerror(errno))))"))
        }
        guard pipe(&errorPipe) == 0 else {
            for fd in inputSockets + outputPipe { close(fd) }
            return .failure(Problem(message: "could not be started (pipe: \(String(cString: strerror(errno))))"))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputSockets[1], 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        for fd in inputSockets + outputPipe + errorPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var pid: pid_t = 0
        let arguments = ["/bin/sh", "-c", settings.command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // Its own process group, so a hung tagger's children go with it.
        let spawned = SpawnAttributes.with(ownProcessGroup: true) { attributes in
            posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
        }
        close(inputSockets[1]); close(outputPipe[1]); close(errorPipe[1])
        guard spawned == 0 else {
            close(inputSockets[0]); close(outputPipe[0]); close(errorPipe[0])
            return .failure(Problem(message: "could not be started (\(String(cString: strerror(spawned))))"))
        }
        let exchanged = exchange(input: input, socket: inputSockets[0], output: outputPipe[0], errors: errorPipe[0], pid: pid)
        var status: Int32 = 0
        var problem = exchanged.problem
        if problem == nil {
            // Outputs closed; a tagger that still does not exit is hung too.
            let deadline = Date().addingTimeInterval(settings.timeout)
            while waitpid(pid, &status, WNOHANG) == 0 {
                if Date() > deadline {
                    problem = Problem(message: "timed out (did not exit within \(Self.seconds(settings.timeout)) s of closing its output)")
                    kill(-pid, SIGKILL)
                    break
                }
                usleep(5_000)
            }
            if problem == nil { return Self.outcome(status: status, output: exchanged.output, errors: exchanged.errors) }
        }
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return .failure(problem!)
    }

    /// What an exit status says about a run.
    static func outcome(status: Int32, output: Data, errors: Data) -> Result<Data, Problem> {
        let signal = status & 0x7F
        if signal != 0 { return .failure(Problem(message: "was killed by signal \(signal)\(stderrNote(errors))")) }
        let code = (status >> 8) & 0xFF
        if code == 127 { return .failure(Problem(message: "was not found (exit status 127)\(stderrNote(errors))")) }
        // The shell reports a command killed by a signal as 128 + the signal.
        if code > 128 && code < 128 + 65 { return .failure(Problem(message: "was killed by signal \(code - 128)\(stderrNote(errors))")) }
        if code != 0 { return .failure(Problem(message: "exited with status \(code)\(stderrNote(errors))")) }
        return .success(output)
    }

    static func stderrNote(_ errors: Data) -> String {
        let text = String(decoding: errors.suffix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return "" }
        let line = text.split(separator: "\n").last.map(String.init) ?? text
        return ": " + line.unicodeScalars.map { $0.value < 0x20 ? " " : String($0) }.joined()
    }

    /// Writes the input and reads both outputs until the tagger closes them.
    /// The clock restarts whenever the tagger reads or writes; a tagger silent
    /// for `timeout` seconds (or writing too much) is killed with its group.
    func exchange(input: Data, socket: Int32, output: Int32, errors: Int32, pid: pid_t)
        -> (output: Data, errors: Data, problem: Problem?) {
        for fd in [socket, output, errors] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var written = 0
        var inputOpen = true
        var outputOpen = true, errorsOpen = true
        var collected = Data(), errorText = Data()
        var lastActivity = Date()
        var problem: Problem?
        var buffer = [UInt8](repeating: 0, count: 65_536)
        func finishInput() {
            if inputOpen { close(socket); inputOpen = false }
        }
        while outputOpen || errorsOpen {
            var fds: [pollfd] = []
            if inputOpen { fds.append(pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)) }
            if outputOpen { fds.append(pollfd(fd: output, events: Int16(POLLIN), revents: 0)) }
            if errorsOpen { fds.append(pollfd(fd: errors, events: Int16(POLLIN), revents: 0)) }
            let remaining = settings.timeout - Date().timeIntervalSince(lastActivity)
            if remaining <= 0 {
                problem = Problem(message: "timed out (nothing read or written for \(Self.seconds(settings.timeout)) s)")
                break
            }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { problem = Problem(message: "could not be read (poll: \(String(cString: strerror(errno))))"); break }
            guard ready > 0 else { continue }
            for descriptor in fds where descriptor.revents != 0 {
                if descriptor.fd == socket {
                    let sent = input.withUnsafeBytes { raw in
                        send(socket, raw.baseAddress! + written, min(raw.count - written, 65_536), Int32(MSG_NOSIGNAL))
                    }
                    if sent > 0 {
                        written += sent
                        lastActivity = Date()
                        if written == input.count { finishInput() }
                    } else if sent < 0 && errno != EAGAIN && errno != EINTR {
                        // The tagger closed its input early: what it wrote still counts.
                        finishInput()
                    }
                } else {
                    let count = read(descriptor.fd, &buffer, buffer.count)
                    if count > 0 {
                        lastActivity = Date()
                        if descriptor.fd == output { collected.append(contentsOf: buffer[0..<count]) } else {
                            errorText.append(contentsOf: buffer[0..<count])
                            if errorText.count > 4096 { errorText = errorText.suffix(1024) }
                        }
                    } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                        close(descriptor.fd)
                        if descriptor.fd == output { outputOpen = false } else { errorsOpen = false }
                    }
                }
            }
            if collected.count > Self.outputLimit {
                problem = Problem(message: "wrote more than \(Self.outputLimit >> 20) MB")
                break
            }
        }
        finishInput()
        if outputOpen { close(output) }
        if errorsOpen { close(errors) }
        if problem != nil { kill(-pid, SIGKILL) }
        return (collected, errorText, problem)
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

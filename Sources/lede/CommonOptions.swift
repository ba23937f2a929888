// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import LedeConfig
import LedeIndex
import LedeModel

/// Output formats, one type per subcommand, so that each one's `--help`
/// lists only the formats it writes.
enum ParseFormat: String, ExpressibleByArgument, CaseIterable {
    case json
}

enum EntitiesFormat: String, ExpressibleByArgument, CaseIterable {
    case json, tsv
}

enum TimelineFormat: String, ExpressibleByArgument, CaseIterable {
    /// `text` is for `--explain` only; `csv` and `markdown` for the table only.
    case json, csv, markdown, text
}

enum SearchFormat: String, ExpressibleByArgument, CaseIterable {
    case json, tsv
}

/// Options every command that reads articles shares.
struct CorpusOptions: ParsableArguments {
    @Flag(name: .customLong("no-index"), help: "Work in memory: neither read nor write the index in $XDG_CACHE_HOME/lede.")
    var noIndex = false

    @Flag(name: .customLong("no-catalogue"),
          help: "Release dates from the articles alone: the catalogue of known releases (bundled and your releases.tsv) is not used.")
    var noCatalogue = false

    @Argument(help: "Article files or folders (read recursively; none: the bundled samples).")
    var paths: [String] = []

    var resolvedPaths: [String] { paths.isEmpty ? BundledSamples.paths() : paths }

    var loader: CorpusLoader {
        let settings = Settings.readingSettings()
        return CorpusLoader(configDirectory: ConfigDirectory.path(), cacheDirectory: noIndex ? nil : IndexLocation.cacheDirectory(),
                            tagger: settings.tagger, catalogue: settings.catalogue && !noCatalogue)
    }
}

/// Loads the paths (bundled samples when none), reports notices, unreadable
/// files, catalogue problems and warnings on stderr.
func loadCorpus(_ options: CorpusOptions, needsSearch: Bool = false) -> any Corpus {
    let loaded = options.loader.load(paths: options.resolvedPaths, needsSearch: needsSearch)
    let corpus = loaded.corpus
    for notice in loaded.notices { printError("lede: \(notice)") }
    for error in corpus.errors { printError("lede: \(error.path): \(error.message)") }
    for problem in corpus.catalogueProblems { printError("lede: \(problem)") }
    for warning in corpus.warnings { printError("lede: warning: \(warning)") }
    return corpus
}

/// Prints to stderr with control characters made visible: messages carry
/// file names and article text. A stderr that cannot be written is ignored.
func printError(_ message: String, keepingLineBreaks: Bool = false) {
    let visible = keepingLineBreaks
        ? message.split(separator: "\n", omittingEmptySubsequences: false).map { ControlCharacters.visible(String($0)) }.joined(separator: "\n")
        : ControlCharacters.visible(message)
    let line = visible + "\n"
    var bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { Glibc.write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
        if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
    }
    bytes.removeAll()
}

/// Buffered standard output that remembers a failed write (full disk,
/// closed pipe with SIGPIPE ignored) so the command can exit 1.
struct StandardOutput: TextOutputStream {
    private final class Storage {
        var buffer: [UInt8] = []
        var failure: Int32?
    }

    private let storage = Storage()

    init() { storage.buffer.reserveCapacity(1 << 16) }

    mutating func write(_ string: String) {
        storage.buffer.append(contentsOf: string.utf8)
        if storage.buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard storage.failure == nil else { storage.buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        while offset < storage.buffer.count {
            let written = storage.buffer.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 { offset += written; continue }
            if written < 0 && errno == EINTR { continue }
            storage.failure = written < 0 ? errno : EIO
            break
        }
        storage.buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and turns a failed write into exit status 1 with a message.
    func finish() throws {
        flush()
        if let failure = storage.failure {
            printError("lede: cannot write the output: \(String(cString: strerror(failure)))")
            throw ExitCode(1)
        }
    }
}

/// Writes an export to stdout; exit status 1 when the output could not be
/// written or any input could not be read, 2 when nothing could be read at all.
func export(_ corpus: any Corpus, _ body: (inout StandardOutput) -> Void) throws {
    var output = StandardOutput()
    body(&output)
    try output.finish()
    // The output streamed as it was read: a read that failed left a hole in it, so the exit status says so.
    let failures = corpus.takeReadFailures()
    for failure in failures { printError("lede: \(failure)") }
    if !failures.isEmpty {
        printError("lede: the index is damaged: the output above is incomplete; --no-index reads the files instead")
        throw ExitCode(1)
    }
    if corpus.articleCount == 0 && !corpus.errors.isEmpty { throw ExitCode(2) }
    if !corpus.errors.isEmpty { throw ExitCode(1) }
}

enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case dot, json, graphml
    var value: GraphExport.Format { GraphExport.Format(rawValue: rawValue)! }
}

enum GraphUnit: String, ExpressibleByArgument, CaseIterable {
    case paragraph, sentence
    var value: CooccurrenceUnit { CooccurrenceUnit(rawValue: rawValue)! }
}

import ArgumentParser
import Foundation
import LedeIndex
import LedeModel
import LedeTerminal
import LedeUI

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Browse articles in the terminal (the default).")

    @Option(help: "Theme name or path to a theme file.") var theme: String?
    @Flag(help: "Draw without colours (as NO_COLOR does).") var noColor = false
    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("lede: the browser needs a terminal; for text output use lede parse, lede entities, lede timeline or lede search")
            throw ExitCode(2)
        }
        // Before anything is read or drawn: a TERM curses cannot drive gets our message, not curses's.
        if let problem = Terminal.unusableTerminal(term: ProcessInfo.processInfo.environment["TERM"]) {
            printError("lede: \(problem)")
            throw ExitCode(2)
        }
        let trace = StartupTrace()
        let paths = corpusOptions.resolvedPaths
        let loader = corpusOptions.loader
        trace.mark("loader")
        var notices: [String] = []
        let background: BackgroundIndexing?
        let corpus: any Corpus
        // With an index, what it already holds is on screen at once; the
        // folders are walked and the index brought up to date behind it.
        if let (indexer, indexed) = loader.openIndex(paths: paths, notices: &notices) {
            corpus = indexed
            background = BackgroundIndexing(indexer: indexer, corpus: indexed, paths: paths)
        } else {
            // In memory everything is read before the screen starts: say so when that takes a while.
            for notice in notices { printError("lede: \(notice)") }
            printError("lede: reading the articles in memory…")
            corpus = loader.builder.buildInMemory(paths: paths)
            background = nil
        }
        trace.mark("open")
        if background == nil && corpus.articleCount == 0 {
            for problem in corpus.errors.map(\.description) { printError("lede: \(problem)") }
            printError("lede: no articles to show")
            throw ExitCode(2)
        }

        let environment = ProcessInfo.processInfo.environment
        let colorless = noColor || !(environment["NO_COLOR"] ?? "").isEmpty
        let settings = Settings.load(themeOption: theme, noColor: colorless)
        trace.mark("settings")
        let terminal = Terminal(noColor: colorless)
        do {
            try terminal.start()
        } catch {
            printError("lede: \(error)")
            throw ExitCode(2)
        }
        trace.mark("terminal")
        let (width, height) = terminal.size
        var state = BrowserState(corpus: corpus, keyMap: settings.keyMap, themes: settings.themes, width: width, height: height)
        state.themeIndex = settings.themeIndex
        let startupProblems = (notices + settings.problems).map(ControlCharacters.visible)
        if let first = startupProblems.first {
            state.message = StatusMessage(first + (startupProblems.count > 1 ? " (+\(startupProblems.count - 1) more, listed on exit)" : ""),
                                          isError: true)
        }
        if let background { state.indexing = IndexingStatus(background.statusText) }
        terminal.draw(BrowserView.render(state))
        trace.mark("first frame")
        // Checking the files (and indexing what changed) starts once the first frame is up.
        background?.start()
        runLoop(&state, terminal: terminal, background: background)
        background?.stopAndWait()
        terminal.stop()
        trace.report()

        let finalCorpus = state.corpus
        // Notices of the in-memory path were printed before the screen started.
        let problems = ((background == nil ? settings.problems : startupProblems) + (background?.notices ?? []) + finalCorpus.errors.map(\.description)
            + finalCorpus.catalogueProblems + finalCorpus.warnings).map(ControlCharacters.visible)
        // stderr may be gone with the terminal (SIGHUP): printError ignores failed writes.
        for problem in problems { printError("lede: \(problem)") }
        // Ended by a signal (kill -INT included; the Ctrl-C key is a plain quit):
        // die of it now that the terminal is restored, as a shell expects (128 + n).
        if let signal = terminal.terminationSignal { Terminal.exit(bySignal: signal) }
        if finalCorpus.articleCount == 0 {
            printError("lede: no articles to show")
            throw ExitCode(2)
        }
        if !finalCorpus.errors.isEmpty { throw ExitCode(1) }
    }

    /// Draw, wait for a key or the indexer, update; until `q` or a termination signal.
    func runLoop(_ state: inout BrowserState, terminal: Terminal, background: BackgroundIndexing?) {
        var dirty = true
        var themeIndex = state.themeIndex
        var lastGeneration = state.corpus.generation
        while !state.shouldQuit && !terminal.terminationRequested {
            if let background {
                let status = background.statusText
                let generation = state.corpus.generation
                if generation != lastGeneration || status != state.indexing?.text ?? "" {
                    lastGeneration = generation
                    state.corpusDidChange(indexing: status.isEmpty ? nil : IndexingStatus(status))
                    if let notice = background.takeNotice() { state.message = StatusMessage(notice, isError: background.hasFailed) }
                    if let replacement = background.takeReplacement() {
                        state.replaceCorpus(replacement, indexing: nil)
                        lastGeneration = replacement.generation
                    }
                    dirty = true
                }
                if background.isFinished && state.corpus.articleCount == 0 { break }
            }
            if dirty {
                terminal.draw(BrowserView.render(state))
                dirty = false
                state.warmCaches()
            }
            guard let key = terminal.readKey() else { continue }
            state.handle(key)
            if state.themeIndex != themeIndex {
                themeIndex = state.themeIndex
                terminal.invalidate()
            }
            dirty = true
        }
    }
}

/// Runs the index update on a background thread while the browser is up,
/// and tells the loop what changed: the corpus snapshot is reloaded after
/// each committed chunk (at most four times a second), the status text
/// shows progress, and a failure falls back to a corpus in memory.
final class BackgroundIndexing: @unchecked Sendable {
    let indexer: Indexer
    let corpus: IndexedCorpus
    let paths: [String]
    private let lock = NSLock()
    private var status = "indexing…"
    private var pendingNotice: String?
    private var replacement: (any Corpus)?
    private(set) var notices: [String] = []
    private var finished = false
    private var failed = false
    private var lastReload = Date.distantPast
    private let done = DispatchSemaphore(value: 0)

    init(indexer: Indexer, corpus: IndexedCorpus, paths: [String]) {
        self.indexer = indexer
        self.corpus = corpus
        self.paths = paths
    }

    var statusText: String { lock.lock(); defer { lock.unlock() }; return status }
    var isFinished: Bool { lock.lock(); defer { lock.unlock() }; return finished }
    var hasFailed: Bool { lock.lock(); defer { lock.unlock() }; return failed }

    func takeNotice() -> String? {
        lock.lock(); defer { lock.unlock() }
        let notice = pendingNotice
        pendingNotice = nil
        return notice
    }

    func takeReplacement() -> (any Corpus)? {
        lock.lock(); defer { lock.unlock() }
        let value = replacement
        replacement = nil
        return value
    }

    private func set(status text: String) { lock.lock(); status = text; lock.unlock() }

    func start() {
        let thread = Thread { [self] in run() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func run() {
        let started = Date()
        defer { done.signal() }
        let (files, missing) = ArticleFiles.expand(paths)
        do {
            let report = try updateWaitingForOthers(files: files)
            try corpus.reload()
            corpus.setErrors(missing + CorpusLoader.inFileOrder(report.errors, files: files))
            if report.wasCancelled { finish(notice: nil); return }
            if indexer.isSearchIndexPending {
                set(status: "building the search index…")
                try indexer.ensureSearchIndex()
                try corpus.reload()
            }
            let took = String(format: "%.1f", Date().timeIntervalSince(started))
            var summary: [String] = []
            if report.didChange { summary.append("Indexed: \(report.added) new, \(report.changed) changed, \(report.removed) removed in \(took) s") }
            if !report.errors.isEmpty || !missing.isEmpty {
                let count = report.errors.count + missing.count
                summary.append("\(count) file\(count == 1 ? "" : "s") could not be read (listed on exit)")
            }
            finish(notice: summary.isEmpty ? nil : summary.joined(separator: " · "), isError: !report.errors.isEmpty || !missing.isEmpty)
        } catch {
            let message = "cannot update the index (\(error)); reading the files in memory instead"
            indexer.database.discard()
            lock.lock(); failed = true; notices.append(message); lock.unlock()
            set(status: "reading in memory…")
            let memory = CorpusBuilder(linker: indexer.builder.linker).buildInMemory(paths: paths)
            lock.lock()
            replacement = memory
            pendingNotice = message
            lock.unlock()
            finish(notice: nil)
        }
    }

    /// While another lede updates the same index, follow its progress (the
    /// snapshot reloads) and try again when it is done.
    private func updateWaitingForOthers(files: [String]) throws -> IndexReport {
        while true {
            do {
                return try indexer.update(files: files, progress: { [self] progress in
                    set(status: Self.describe(progress))
                }, committed: { [self] in
                    // Reload the snapshot at most four times a second; the last commit always.
                    if Date().timeIntervalSince(lastReload) > 0.25 {
                        lastReload = Date()
                        try? corpus.reload()
                    }
                })
            } catch let unavailable as IndexUnavailable where unavailable.isBusy {
                set(status: "another lede is indexing this folder…")
                try? corpus.reload()
                if indexer.isCancelled { return IndexReport(wasCancelled: true) }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }

    private func finish(notice: String?, isError: Bool = false) {
        lock.lock()
        finished = true
        status = ""
        if let notice { pendingNotice = notice }
        if isError { failed = true }
        lock.unlock()
    }

    /// Asks the update to stop after its current chunk and waits (briefly) for it.
    func stopAndWait() {
        indexer.cancel()
        _ = done.wait(timeout: .now() + 3)
    }

    static func describe(_ progress: IndexProgress) -> String {
        let rate = progress.rate >= 1 ? " · \(Int(progress.rate))/s" : ""
        switch progress.phase {
        case .reading: return "reading \(progress.done)/\(progress.total)\(rate)"
        case .linking: return "linking \(progress.done)/\(progress.total)\(rate)"
        case .finishing: return "finishing the index…"
        case .searchIndex: return "building the search index…"
        case .done: return "finishing the index…"
        }
    }
}

/// Startup timings on stderr (shown after the terminal is restored) when `LEDE_TRACE` is set.
final class StartupTrace {
    private let enabled = ProcessInfo.processInfo.environment["LEDE_TRACE"] != nil
    private let start = Date()
    private var marks: [String] = []

    func mark(_ step: String) {
        guard enabled else { return }
        marks.append("\(step) \(Int(Date().timeIntervalSince(start) * 1000)) ms")
    }

    func report() {
        if enabled { printError("lede-trace: " + marks.joined(separator: ", ")) }
    }
}

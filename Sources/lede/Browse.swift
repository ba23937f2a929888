import ArgumentParser
import Foundation
import LedeConfig
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
        let source: any CorpusSource
        let corpus: any Corpus
        // With an index, what it already holds is on screen at once; the
        // folders are walked and the index brought up to date behind it.
        if let (indexer, indexed) = loader.openIndex(paths: paths, notices: &notices) {
            corpus = indexed
            background = BackgroundIndexing(indexer: indexer, corpus: indexed, paths: paths)
            source = background!
        } else {
            // In memory everything is read before the screen starts: say so when that takes a while.
            for notice in notices { printError("lede: \(notice)") }
            printError("lede: reading the articles in memory…")
            corpus = loader.builder.buildInMemory(paths: paths)
            background = nil
            source = InMemorySource(builder: loader.builder, paths: paths)
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
        // Checking the files (and indexing what changed) starts once the first frame is up; so does watching them.
        source.start()
        let watcher = FolderWatcher(paths: paths)
        watcher.start()
        runLoop(&state, terminal: terminal, source: source, watcher: watcher)
        watcher.stop()
        source.stopAndWait()
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

    /// Events in, effects out: what the corpus source and the folder watcher
    /// report and what the terminal reads become events for `update`; the
    /// loop performs the effects it returns (draw, quit, re-index). Until `q`
    /// or a termination signal.
    func runLoop(_ state: inout BrowserState, terminal: Terminal, source: any CorpusSource, watcher: FolderWatcher) {
        var dirty = true
        loop: while !terminal.terminationRequested {
            var events = source.events()
            if let changes = watcher.takeChanges() { events.append(.filesChanged(changes)) }
            if dirty {
                terminal.draw(BrowserView.render(state))
                dirty = false
                state.warmCaches()
            }
            // A first build that found nothing to show ends the browser (Browse.run says why).
            if source.firstUpdateFinished && state.corpus.articleCount == 0 && events.isEmpty { break }
            if events.isEmpty { events.append(terminal.readEvent()) }
            for event in events {
                for effect in state.apply(event) {
                    switch effect {
                    case .repaint: dirty = true
                    case .repaintAll:
                        terminal.invalidate()
                        dirty = true
                    case .quit: break loop
                    case .reindex: source.update()
                    }
                }
            }
        }
    }
}

/// Where the browser's corpus comes from and how it is kept in step with
/// the files: the loop takes its events and hands it `.reindex` effects.
/// A new kind of store (a remote index, say) is one more conformance.
protocol CorpusSource: AnyObject {
    /// Starts the first update (after the first frame is drawn).
    func start()
    /// What happened since the last call, as events for `update`.
    func events() -> [Event]
    /// Brings the corpus up to date with the files again (now, or after the update that is running).
    func update()
    /// The first update is done (an empty corpus is then final).
    var firstUpdateFinished: Bool { get }
    /// Problems to list on exit.
    var notices: [String] { get }
    func stopAndWait()
}

/// `--no-index`: the corpus was read in memory before the screen started;
/// files changed on disk are read again, all of them, on a thread, and the
/// new corpus replaces the old (the reader finds its article by path).
final class InMemorySource: CorpusSource, @unchecked Sendable {
    let builder: CorpusBuilder
    let paths: [String]
    private let lock = NSLock()
    private var pending: [Event] = []
    private lazy var worker = RerunningWorker { [self] in readAgain() }

    init(builder: CorpusBuilder, paths: [String]) {
        self.builder = builder
        self.paths = paths
    }

    func start() {}
    var firstUpdateFinished: Bool { true }
    var notices: [String] { [] }

    func events() -> [Event] {
        lock.lock(); defer { lock.unlock() }
        let events = pending
        pending = []
        return events
    }

    func update() { worker.request() }

    private func readAgain() {
        let started = Date()
        let corpus = builder.buildInMemory(paths: paths)
        let took = String(format: "%.1f", Date().timeIntervalSince(started))
        lock.lock()
        pending.append(.corpusReplaced(corpus, indexing: nil))
        pending.append(.notice("Read \(corpus.articleCount) articles again in \(took) s", isError: !corpus.errors.isEmpty))
        lock.unlock()
    }

    func stopAndWait() { worker.wait(seconds: 3) }
}

/// Runs the index update on a background thread while the browser is up,
/// and tells the loop what changed: the corpus snapshot is reloaded after
/// each committed chunk (at most four times a second), the status text
/// shows progress, and a failure falls back to a corpus in memory. Files
/// changed on disk later run the update again (only they are read).
final class BackgroundIndexing: CorpusSource, @unchecked Sendable {
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
    /// What the loop was last told.
    private var toldGeneration: Int?
    private var toldStatus: String?

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

    var firstUpdateFinished: Bool { isFinished }

    func start() { update() }

    func events() -> [Event] {
        var events: [Event] = []
        let status = statusText
        let generation = corpus.generation
        if generation != toldGeneration || status != toldStatus {
            toldGeneration = generation
            toldStatus = status
            events.append(.corpusChanged(indexing: status.isEmpty ? nil : IndexingStatus(status)))
        }
        if let notice = takeNotice() { events.append(.notice(notice, isError: hasFailed)) }
        if let replacement = takeReplacement() { events.append(.corpusReplaced(replacement, indexing: nil)) }
        return events
    }

    /// Runs the update now, or once more after the one that is running.
    func update() { worker.request() }

    private lazy var worker = RerunningWorker(isCancelled: { [indexer] in indexer.isCancelled }) { [self] in
        lock.lock(); let inMemory = failed; lock.unlock()
        if inMemory { readInMemory(notice: nil) } else { run() }
    }

    /// After a failure the index is gone: the files are read in memory and that corpus replaces the index's.
    private func readInMemory(notice: String?) {
        set(status: "reading in memory…")
        let memory = CorpusBuilder(linker: indexer.builder.linker).buildInMemory(paths: paths)
        lock.lock()
        replacement = memory
        if let notice { pendingNotice = notice }
        lock.unlock()
        finish(notice: nil)
    }

    private func run() {
        let started = Date()
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
            readInMemory(notice: message)
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
        worker.wait(seconds: 3)
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

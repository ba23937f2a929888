import ArgumentParser
import Foundation
import LedeConfig
import LedeIndex
import LedeModel
import LedeTerminal
import LedeUI

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Browse articles in the terminal (the default).")

    @Option(help: "Theme name or path to a theme file.", completion: .custom(themeCompletions)) var theme: String?
    @Flag(help: "Draw without colours (as NO_COLOR does).") var noColor = false
    @Flag(help: "For screen readers and magnifiers: the cursor on the focused item, entity types written in the text, what changed said in the status line.")
    var accessible = false
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
            for notice in ContainerNotices.shared.take() { printError("lede: \(notice)") }
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
        state.accessible = accessible || settings.accessible
        if !settings.mouse {
            state.mouseCapture = false
            terminal.setMouseCapture(false)
        }
        let startupProblems = (notices + settings.problems).map(ControlCharacters.visible)
        if let first = startupProblems.first {
            state.message = StatusMessage(first + (startupProblems.count > 1 ? " (+\(startupProblems.count - 1) more, listed on exit)" : ""),
                                          isError: true)
        }
        if let background { state.indexing = IndexingStatus(background.statusText) }
        // Where the last session ended, unless the user asked lede to forget (remember = false).
        let sessionPath = settings.remember ? StateDirectory.path().map(SessionFile.path(in:)) : nil
        if let sessionPath {
            switch SessionFile.load(sessionPath) {
            case .record(let record): state.resume(record, restoringTheme: !settings.themeWasChosen)
            case .problem(let problem): state.message = StatusMessage(ControlCharacters.visible(problem), isError: true)
            case .absent: break
            }
        }
        let session = SessionKeeper(path: sessionPath)
        terminal.draw(BrowserView.render(state))
        trace.mark("first frame")
        // Checking the files (and indexing what changed) starts once the first frame is up; so does watching them.
        source.start()
        let watcher = FolderWatcher(paths: paths)
        watcher.start()
        let refresher = FeedRefresher(subscriptions: settings.feeds, watchedPaths: paths)
        runLoop(&state, terminal: terminal, source: source, watcher: watcher, refresher: refresher, settings: settings, session: session)
        refresher.stop()
        session.changed()
        if let problem = session.saveIfDue(state.sessionRecord(), force: true) { printError("lede: \(problem)") }
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
    func runLoop(_ state: inout BrowserState, terminal: Terminal, source: any CorpusSource, watcher: FolderWatcher,
                 refresher: FeedRefresher, settings: Settings, session: SessionKeeper) {
        let opener = AddressOpener()
        let clipboard = ClipboardWriter(setting: settings.clipboard)
        var dirty = true
        var regions = DrawnRegions()
        loop: while !terminal.terminationRequested {
            var events = source.events()
            if let changes = watcher.takeChanges() { events.append(.filesChanged(changes)) }
            events += refresher.events()
            if dirty {
                terminal.draw(BrowserView.render(state, reusing: &regions))
                dirty = false
                state.readAhead()
            }
            // A first build that found nothing to show ends the browser (Browse.run says why).
            if source.firstUpdateFinished && state.corpus.articleCount == 0 && events.isEmpty { break }
            if events.isEmpty {
                let event = terminal.readEvent()
                // Idle: a good moment to save what changed.
                if case .tick = event, let problem = session.saveIfDue(state.sessionRecord()) {
                    events.append(.notice(problem, isError: true))
                }
                events.append(event)
            }
            for event in events {
                for effect in state.apply(event) {
                    switch effect {
                    case .repaint: dirty = true
                    case .repaintAll:
                        terminal.invalidate()
                        dirty = true
                    case .quit: break loop
                    case .reindex: source.update()
                    case .openAddress(let address):
                        let problem = opener.open(address, terminal: terminal)
                        // The terminal was the browser's: the size may have changed, every cell is redrawn.
                        let (width, height) = terminal.size
                        state.apply(.resize(width: width, height: height))
                        if let problem { state.apply(.notice("Could not open the page: \(problem)", isError: true)) }
                        dirty = true
                    case .copy(let text):
                        if let problem = clipboard.copy(text, terminal: terminal) {
                            state.apply(.notice(problem, isError: true))
                        } else {
                            state.apply(.notice("Copied \(text.count) characters", isError: false))
                        }
                        dirty = true
                    case .saveSession: session.changed()
                    case .refreshFeeds: refresher.start()
                    case .mouseCapture(let on): terminal.setMouseCapture(on)
                    case .writeFile(let path, let contents):
                        if let problem = ArticleOutput.write(contents, to: path) {
                            state.apply(.notice(problem, isError: true))
                        } else {
                            state.apply(.notice("Saved \(path)", isError: false))
                        }
                        dirty = true
                    case .pipe(let command, let input):
                        let problem = ArticleOutput.pipe(input, to: command, terminal: terminal)
                        let (width, height) = terminal.size
                        state.apply(.resize(width: width, height: height))
                        if let problem { state.apply(.notice(problem, isError: true)) }
                        dirty = true
                    case .suspend:
                        // Saved first: a stopped job may never be brought back.
                        session.changed()
                        if let problem = session.saveIfDue(state.sessionRecord(), force: true) { state.apply(.notice(problem, isError: true)) }
                        if let resumed = terminal.suspendJob() {
                            state.apply(resumed)
                        } else {
                            state.apply(.notice("No job control here (SIGTSTP is ignored): lede cannot be suspended", isError: true))
                        }
                        dirty = true
                    }
                }
            }
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

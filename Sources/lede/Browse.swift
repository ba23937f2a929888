// SPDX-License-Identifier: Apache-2.0
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
        try Self.checkTerminal()
        let trace = StartupTrace()
        let wiring = try BrowserWiring(options: corpusOptions, trace: trace)
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
        var state = wiring.initialState(settings: settings, terminal: terminal, accessible: accessible)
        let session = wiring.resumeSession(&state, settings: settings)
        terminal.draw(BrowserView.render(state))
        trace.mark("first frame")
        // Checking the files (and indexing what changed) starts once the first frame is up; so does watching them.
        wiring.source.start()
        let watcher = FolderWatcher(paths: wiring.paths)
        watcher.start()
        let refresher = FeedRefresher(subscriptions: settings.feeds, watchedPaths: wiring.paths)
        let hadArticles = runLoop(&state, terminal: terminal, source: wiring.source, watcher: watcher, refresher: refresher,
                                  settings: settings, session: session)
        refresher.stop()
        session.changed()
        if let problem = session.saveIfDue(state.sessionRecord(), force: true) { printError("lede: \(problem)") }
        watcher.stop()
        wiring.source.stopAndWait()
        terminal.stop()
        trace.report()
        try wiring.finish(state, settings: settings, terminal: terminal, hadArticles: hadArticles)
    }

    /// Before anything is read or drawn: a terminal on both ends, and a TERM curses can drive (our message, not curses's).
    static func checkTerminal() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("lede: the browser needs a terminal; for text output use lede parse, lede entities, lede timeline or lede search")
            throw ExitCode(2)
        }
        if let problem = Terminal.unusableTerminal(term: ProcessInfo.processInfo.environment["TERM"]) {
            printError("lede: \(problem)")
            throw ExitCode(2)
        }
    }

    /// Events in, effects out: what the corpus source and the folder watcher
    /// report and what the terminal reads become events for `update`; the
    /// loop performs the effects it returns (draw, quit, re-index). Until `q`
    /// or a termination signal. Returns whether any article was ever on screen.
    func runLoop(_ state: inout BrowserState, terminal: Terminal, source: any CorpusSource, watcher: FolderWatcher,
                 refresher: FeedRefresher, settings: Settings, session: SessionKeeper) -> Bool {
        var hadArticles = false, toldEmpty = false
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
            // A first build that found nothing to show ends the browser (Browse.run says why). Articles
            // that go later (a checkout, a folder renamed or regenerated) are waited for, with a notice.
            if state.corpus.articleCount > 0 {
                hadArticles = true
                toldEmpty = false
            } else if source.firstUpdateFinished && events.isEmpty {
                if !hadArticles { break }
                if !toldEmpty {
                    toldEmpty = true
                    events.append(.notice("No articles: the files are gone or moved; they show again when they are back", isError: true))
                }
            }
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
        return hadArticles
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

// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import LedeConfig
import LedeIndex
import LedeModel
import LedeTerminal
import LedeUI

/// What the browser runs on, made in `Browse.run`'s order: the corpus and
/// where its changes come from, the first state (settings, size, the last
/// session), and what is said once the terminal is restored.
struct BrowserWiring {
    let paths: [String]
    let corpus: any Corpus
    /// Where changes to the corpus come from: the index brought up to date in the background, or the files read again.
    let source: any CorpusSource
    let background: BackgroundIndexing?
    /// What opening the index had to say (the in-memory path prints it before the screen starts).
    let notices: [String]

    /// With an index, what it already holds is on screen at once; the folders
    /// are walked and the index brought up to date behind it. Without one,
    /// everything is read before the screen starts.
    init(options: CorpusOptions, trace: StartupTrace) throws {
        paths = options.resolvedPaths
        let loader = options.loader
        trace.mark("loader")
        var notices: [String] = []
        if let (indexer, indexed) = loader.openIndex(paths: paths, notices: &notices) {
            corpus = indexed
            let background = BackgroundIndexing(indexer: indexer, corpus: indexed, paths: paths)
            self.background = background
            source = background
        } else {
            // In memory everything is read before the screen starts: say so when that takes a while.
            for notice in notices { printError("lede: \(notice)") }
            printError("lede: reading the articles in memory…")
            corpus = loader.builder.buildInMemory(paths: paths)
            for notice in ContainerNotices.shared.take(under: paths) { printError("lede: \(notice)") }
            background = nil
            source = InMemorySource(builder: loader.builder, paths: paths)
        }
        self.notices = notices
        trace.mark("open")
        if background == nil && corpus.articleCount == 0 {
            for problem in corpus.errors.map(\.description) { printError("lede: \(problem)") }
            printError("lede: no articles to show")
            throw ExitCode(2)
        }
    }

    /// Problems found before the first frame: the index's notices and the settings'.
    func startupProblems(_ settings: Settings) -> [String] {
        (notices + settings.problems).map(ControlCharacters.visible)
    }

    /// The first state: the terminal's size, the settings, the first startup problem, the indexing status.
    func initialState(settings: Settings, terminal: Terminal, accessible: Bool) -> BrowserState {
        let (width, height) = terminal.size
        var state = BrowserState(corpus: corpus, keyMap: settings.keyMap, themes: settings.themes, width: width, height: height)
        state.themeIndex = settings.themeIndex
        state.accessible = accessible || settings.accessible
        if !settings.mouse {
            state.mouseCapture = false
            terminal.setMouseCapture(false)
        }
        let problems = startupProblems(settings)
        if let first = problems.first {
            state.message = StatusMessage(first + (problems.count > 1 ? " (+\(problems.count - 1) more, listed on exit)" : ""), isError: true)
        }
        if let background { state.indexing = IndexingStatus(background.statusText) }
        return state
    }

    /// Where the last session ended, unless the user asked lede to forget (remember = false).
    func resumeSession(_ state: inout BrowserState, settings: Settings) -> SessionKeeper {
        let sessionPath = settings.remember ? StateDirectory.path().map(SessionFile.path(in:)) : nil
        if let sessionPath {
            switch SessionFile.load(sessionPath) {
            case .record(let record): state.resume(record, restoringTheme: !settings.themeWasChosen)
            case .problem(let problem): state.message = StatusMessage(ControlCharacters.visible(problem), isError: true)
            case .absent: break
            }
        }
        return SessionKeeper(path: sessionPath)
    }

    /// With the terminal restored: every problem on stderr, then the exit (a signal's, 2 with nothing to show, 1 after unreadable files).
    /// `hadArticles`: some article was on screen (a folder emptied since is no failure of lede's).
    func finish(_ state: BrowserState, settings: Settings, terminal: Terminal, hadArticles: Bool) throws {
        let finalCorpus = state.corpus
        // Notices of the in-memory path were printed before the screen started.
        let problems = ((background == nil ? settings.problems : startupProblems(settings)) + (background?.notices ?? [])
            + finalCorpus.errors.map(\.description) + finalCorpus.catalogueProblems + finalCorpus.warnings).map(ControlCharacters.visible)
        // stderr may be gone with the terminal (SIGHUP): printError ignores failed writes.
        for problem in problems { printError("lede: \(problem)") }
        // Ended by a signal (kill -INT included; the Ctrl-C key is a plain quit):
        // die of it now that the terminal is restored, as a shell expects (128 + n).
        if let signal = terminal.terminationSignal { Terminal.exit(bySignal: signal) }
        if finalCorpus.articleCount == 0 && !hadArticles {
            printError("lede: no articles to show")
            throw ExitCode(2)
        }
        if !finalCorpus.errors.isEmpty { throw ExitCode(1) }
    }
}

import ArgumentParser
import Foundation
import LedeModel
import LedeTerminal
import LedeUI

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Browse articles in the terminal (the default).")

    @Option(help: "Theme name or path to a theme file.") var theme: String?
    @Flag(help: "Draw without colours (as NO_COLOR does).") var noColor = false
    @Argument(help: "Article files or folders (none: the bundled samples).") var paths: [String] = []

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("lede: the browser needs a terminal; for text output use lede parse, lede entities or lede timeline")
            throw ExitCode(1)
        }
        let corpus = Corpus.load(paths: paths.isEmpty ? BundledSamples.paths() : paths,
                                 linker: EntityLinker(catalogue: .withUserEntries(configDirectory: ConfigDirectory.path())))
        let environment = ProcessInfo.processInfo.environment
        let colorless = noColor || !(environment["NO_COLOR"] ?? "").isEmpty
        let settings = Settings.load(themeOption: theme, noColor: colorless)
        let problems = (corpus.errors.map(\.description) + corpus.catalogueProblems + settings.problems + corpus.warnings)
            .map(ControlCharacters.visible)
        guard !corpus.articles.isEmpty else {
            for problem in problems { printError("lede: \(problem)") }
            printError("lede: no articles to show")
            throw ExitCode(1)
        }

        let terminal = Terminal(noColor: colorless)
        terminal.start()
        let (width, height) = terminal.size
        var state = BrowserState(corpus: corpus, keyMap: settings.keyMap, themes: settings.themes, width: width, height: height)
        state.themeIndex = settings.themeIndex
        if !problems.isEmpty {
            let first = problems[0]
            let more = problems.count > 1 ? " (+\(problems.count - 1) more, listed on exit)" : ""
            state.message = StatusMessage(first + more, isError: true)
        }
        runLoop(&state, terminal: terminal)
        terminal.stop()
        for problem in problems { printError("lede: \(problem)") }
        // Killed by a signal: say so in the status, as a shell expects (128 + n).
        if let signal = terminal.terminationSignal, signal != SIGINT { throw ExitCode(128 + signal) }
        if !corpus.errors.isEmpty { throw ExitCode(1) }
    }

    /// Draw, wait for a key, update; until `q` or a termination signal.
    func runLoop(_ state: inout BrowserState, terminal: Terminal) {
        var dirty = true
        var themeIndex = state.themeIndex
        while !state.shouldQuit && !terminal.terminationRequested {
            if dirty {
                terminal.draw(BrowserView.render(state))
                dirty = false
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

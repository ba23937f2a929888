// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// `:` — the long tail of actions, typed (as in vim, less and newsboat):
/// `:article N`, `:theme NAME`, `:filter TEXT`, `:search TEXT`, `:find TEXT`,
/// `:set OPTION`, `:quit`. Tab completes command names, theme names and
/// options; a name may be shortened to any unambiguous prefix.
public struct CommandLineState: Hashable, Sendable {
    public var text = ""
    /// Tab pressed again cycles through the candidates of the last completion.
    var completions: [String] = []
    var completionIndex = 0
    var completedFrom: String?

    public init() {}
}

/// The commands, their arguments and their help: one table, shown in `?` and completed by Tab.
public enum LedeCommand: String, CaseIterable, Sendable {
    case article, theme, filter, search, find, save, pipe, set, help, quit

    var usage: String {
        switch self {
        case .article: "article N — open the Nth article (as the article list numbers them)"
        case .theme: "theme NAME — switch theme (Tab completes the names)"
        case .filter: "filter TEXT — filter the entity sidebar; no text clears it"
        case .search: "search TEXT — search this article; no text clears it"
        case .find: "find TEXT — search every article (as S)"
        case .save: "save FILE — write this article to a new file: Markdown for .md, else text (as s)"
        case .pipe: "pipe COMMAND — give this article's text to a shell command, shown until Enter (as |)"
        case .set: "set OPTION — accessible / noaccessible, mouse / nomouse"
        case .help: "help — the keys of the focused pane"
        case .quit: "quit — leave lede"
        }
    }

    /// `:set` options and what they switch.
    static let options = ["accessible", "noaccessible", "mouse", "nomouse"]

    /// The command a (possibly shortened) name means, or why none does.
    static func named(_ name: String) -> Result<LedeCommand, CommandProblem> {
        if let exact = LedeCommand(rawValue: name) { return .success(exact) }
        if name == "q" { return .success(.quit) }
        let matches = allCases.filter { $0.rawValue.hasPrefix(name) }
        switch matches.count {
        case 1: return .success(matches[0])
        case 0: return .failure(CommandProblem("No command '\(name)' — : then Tab lists them"))
        default: return .failure(CommandProblem("'\(name)' could be \(matches.map(\.rawValue).joined(separator: ", "))"))
        }
    }
}

struct CommandProblem: Error {
    var text: String
    init(_ text: String) { self.text = text }
}

extension BrowserState {
    /// A file name for `s`: the article's title, shortened to letters, digits and dashes.
    var suggestedFileName: String {
        let title = currentArticle?.title ?? "article"
        var slug = ""
        for character in title.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) { slug.append(character) }
            else if !slug.isEmpty && slug.last != "-" { slug.append("-") }
        }
        // At most 60 characters, cut between words.
        if slug.count > 60 {
            slug = String(slug.prefix(61))
            if let cut = slug.lastIndex(of: "-") { slug = String(slug[..<cut]) }
        }
        while slug.last == "-" { slug.removeLast() }
        return (slug.isEmpty ? "article" : slug) + ".md"
    }

    /// The command line's state while it is open.
    public var commandLine: CommandLineState? { if case .command(let line) = prompt { line } else { nil } }
}

/// The `:` prompt: editing, Tab completion, and running what was typed.
enum CommandLinePrompt {
    static func start(_ state: inout BrowserState, _ text: String = "") {
        var line = CommandLineState()
        line.text = text
        state.prompt = .command(line)
    }

    static func handle(_ key: Key, _ current: CommandLineState, _ state: inout BrowserState) -> [Effect] {
        var line = current
        if key == .tab {
            complete(&line, state)
            state.prompt = .command(line)
            return [.repaint]
        }
        var editor = LineEditor(line.text)
        switch editor.handle(key) {
        case .cancelled, .backspaceOnEmpty:
            state.prompt = nil
        case .submitted:
            state.prompt = nil
            return run(line.text, &state)
        case .edited:
            line.text = editor.text
            line.completions = []
            line.completedFrom = nil
            state.prompt = .command(line)
        case .moved, .ignored:
            break
        }
        return [.repaint]
    }

    /// Tab: completes the word under the cursor (the command, then its argument); again, the next candidate.
    static func completions(for text: String, _ state: BrowserState) -> (prefix: String, candidates: [String]) {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.count <= 1 {
            let typed = words.first ?? ""
            return ("", LedeCommand.allCases.map(\.rawValue).filter { $0.hasPrefix(typed) })
        }
        let head = words[0]
        let argument = words.dropFirst().joined(separator: " ")
        let values: [String]
        switch try? LedeCommand.named(head).get() {
        case .theme: values = state.themes.map(\.name)
        case .set: values = LedeCommand.options
        case .article: values = (1...max(1, min(state.corpus.articleCount, 9))).map(String.init)
        default: values = []
        }
        let lowered = argument.lowercased()
        return (head + " ", values.filter { $0.lowercased().hasPrefix(lowered) })
    }

    private static func complete(_ line: inout CommandLineState, _ state: BrowserState) {
        if let from = line.completedFrom, !line.completions.isEmpty {
            line.completionIndex = (line.completionIndex + 1) % line.completions.count
            line.text = completions(for: from, state).prefix + line.completions[line.completionIndex]
            return
        }
        let (prefix, candidates) = completions(for: line.text, state)
        guard !candidates.isEmpty else { return }
        if candidates.count == 1 {
            // Done: the next Tab completes the next word.
            line.text = prefix + candidates[0] + (prefix.isEmpty ? " " : "")
            line.completions = []
            line.completedFrom = nil
            return
        }
        line.completedFrom = line.text
        line.completions = candidates
        line.completionIndex = 0
        line.text = prefix + candidates[0]
    }

    /// Runs a command line; a problem goes to the status bar.
    static func run(_ text: String, _ state: inout BrowserState) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [.repaint] }
        let name = String(trimmed.prefix { $0 != " " })
        let argument = trimmed.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        switch LedeCommand.named(name) {
        case .failure(let problem):
            state.message = StatusMessage(problem.text, isError: true)
            return [.repaint]
        case .success(let command):
            return run(command, argument: argument, &state)
        }
    }

    private static func run(_ command: LedeCommand, argument: String, _ state: inout BrowserState) -> [Effect] {
        switch command {
        case .article: openArticle(argument, &state)
        case .theme: return setTheme(argument, &state)
        case .filter:
            state.sidebar.filter = argument
            SidebarPane.reselect(&state)
            state.message = StatusMessage(argument.isEmpty ? "Filter cleared" : "Filter: \(argument)")
        case .search:
            state.focus = .reader
            if argument.isEmpty {
                state.reader.search = nil
                state.message = StatusMessage("Search cleared")
            } else {
                ReaderSearch.run(argument, from: state.reader.scroll, &state)
            }
        case .find: CorpusSearchOverlay.open(&state, query: argument)
        case .set: return set(argument, &state)
        case .save:
            guard !argument.isEmpty, let current = state.currentArticle else {
                state.message = StatusMessage("save needs a file name", isError: true)
                return [.repaint]
            }
            return [.writeFile(path: argument, contents: ArticleText.forPath(argument, current)), .repaint]
        case .pipe:
            guard !argument.isEmpty, let current = state.currentArticle else {
                state.message = StatusMessage("pipe needs a command, like pipe wc -w", isError: true)
                return [.repaint]
            }
            return [.pipe(command: argument, input: ArticleText.plain(current)), .repaint]
        case .help: return state.perform(.help)
        case .quit: return [.quit]
        }
        return [.repaint]
    }

    private static func openArticle(_ argument: String, _ state: inout BrowserState) {
        guard let number = Int(argument), let id = state.corpus.articleID(at: number - 1) else {
            state.message = StatusMessage("article needs a number from 1 to \(state.corpus.articleCount)", isError: true)
            return
        }
        state.focus = .reader
        state.overlay = nil
        if id != state.article { state.open(id) }
    }

    private static func setTheme(_ argument: String, _ state: inout BrowserState) -> [Effect] {
        let wanted = argument.lowercased()
        let themes = state.themes
        guard let index = themes.firstIndex(where: { $0.name.lowercased() == wanted })
                ?? themes.indices.first(where: { themes[$0].name.lowercased().hasPrefix(wanted) && !wanted.isEmpty }) else {
            state.message = StatusMessage("No theme '\(argument)': \(themes.map(\.name).joined(separator: ", "))", isError: true)
            return [.repaint]
        }
        state.themeIndex = index
        state.message = StatusMessage("Theme: \(state.theme.name)")
        return [.repaintAll, .saveSession]
    }

    private static func set(_ option: String, _ state: inout BrowserState) -> [Effect] {
        switch option {
        case "accessible": state.accessible = true
        case "noaccessible": state.accessible = false
        case "mouse", "nomouse": return BrowserActions.setMouse(&state, option == "mouse")
        default:
            state.message = StatusMessage("set takes \(LedeCommand.options.joined(separator: ", "))", isError: true)
            return [.repaint]
        }
        state.message = StatusMessage("Set \(option)")
        return [.repaintAll]
    }
}

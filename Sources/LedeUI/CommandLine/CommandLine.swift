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
    mutating func startCommandLine(_ text: String = "") {
        commandLine = CommandLineState()
        commandLine?.text = text
    }

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

    mutating func handleCommandKey(_ key: Key) -> [Effect] {
        guard var line = commandLine else { return [.repaint] }
        if key == .tab {
            complete(&line)
            commandLine = line
            return [.repaint]
        }
        var editor = LineEditor(line.text)
        switch editor.handle(key) {
        case .cancelled, .backspaceOnEmpty:
            commandLine = nil
        case .submitted:
            commandLine = nil
            return run(line.text)
        case .edited:
            line.text = editor.text
            line.completions = []
            line.completedFrom = nil
            commandLine = line
        case .moved, .ignored:
            break
        }
        return [.repaint]
    }

    /// Tab: completes the word under the cursor (the command, then its argument); again, the next candidate.
    func completions(for text: String) -> (prefix: String, candidates: [String]) {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.count <= 1 {
            let typed = words.first ?? ""
            return ("", LedeCommand.allCases.map(\.rawValue).filter { $0.hasPrefix(typed) })
        }
        let head = words[0]
        let argument = words.dropFirst().joined(separator: " ")
        let values: [String]
        switch try? LedeCommand.named(head).get() {
        case .theme: values = themes.map(\.name)
        case .set: values = LedeCommand.options
        case .article: values = (1...max(1, min(corpus.articleCount, 9))).map(String.init)
        default: values = []
        }
        let lowered = argument.lowercased()
        return (head + " ", values.filter { $0.lowercased().hasPrefix(lowered) })
    }

    private func complete(_ line: inout CommandLineState) {
        if let from = line.completedFrom, !line.completions.isEmpty {
            line.completionIndex = (line.completionIndex + 1) % line.completions.count
            line.text = completions(for: from).prefix + line.completions[line.completionIndex]
            return
        }
        let (prefix, candidates) = completions(for: line.text)
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
    mutating func run(_ text: String) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [.repaint] }
        let name = String(trimmed.prefix { $0 != " " })
        let argument = trimmed.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        switch LedeCommand.named(name) {
        case .failure(let problem):
            message = StatusMessage(problem.text, isError: true)
            return [.repaint]
        case .success(let command):
            return run(command, argument: argument)
        }
    }

    private mutating func run(_ command: LedeCommand, argument: String) -> [Effect] {
        switch command {
        case .article:
            guard let number = Int(argument), let id = corpus.articleID(at: number - 1) else {
                message = StatusMessage("article needs a number from 1 to \(corpus.articleCount)", isError: true)
                return [.repaint]
            }
            focus = .reader
            overlay = nil
            if id != article { open(id) }
        case .theme:
            let wanted = argument.lowercased()
            guard let index = themes.firstIndex(where: { $0.name.lowercased() == wanted })
                    ?? themes.indices.first(where: { themes[$0].name.lowercased().hasPrefix(wanted) && !wanted.isEmpty }) else {
                message = StatusMessage("No theme '\(argument)': \(themes.map(\.name).joined(separator: ", "))", isError: true)
                return [.repaint]
            }
            themeIndex = index
            message = StatusMessage("Theme: \(theme.name)")
            return [.repaintAll, .saveSession]
        case .filter:
            sidebar.filter = argument
            sidebar.isEditingFilter = false
            SidebarPane.reselect(&self)
            message = StatusMessage(argument.isEmpty ? "Filter cleared" : "Filter: \(argument)")
        case .search:
            focus = .reader
            if argument.isEmpty {
                reader.search = nil
                message = StatusMessage("Search cleared")
            } else {
                reader.searchOrigin = reader.scroll
                runSearch(argument)
                reader.searchOrigin = nil
            }
        case .find:
            var search = CorpusSearchState()
            search.query = argument
            if !argument.isEmpty { runCorpusSearch(&search) }
            overlay = .corpusSearch(search)
        case .set:
            switch argument {
            case "accessible": accessible = true
            case "noaccessible": accessible = false
            case "mouse", "nomouse":
                mouseCapture = argument == "mouse"
                message = StatusMessage(mouseCapture ? "The mouse acts in lede" : "The mouse is the terminal's: select text as usual (M gives it back)")
                return [.mouseCapture(mouseCapture), .repaint]
            default:
                message = StatusMessage("set takes \(LedeCommand.options.joined(separator: ", "))", isError: true)
                return [.repaint]
            }
            message = StatusMessage("Set \(argument)")
            return [.repaintAll]
        case .save:
            guard !argument.isEmpty, let current = currentArticle else {
                message = StatusMessage("save needs a file name", isError: true)
                return [.repaint]
            }
            return [.writeFile(path: argument, contents: ArticleText.forPath(argument, current)), .repaint]
        case .pipe:
            guard !argument.isEmpty, let current = currentArticle else {
                message = StatusMessage("pipe needs a command, like pipe wc -w", isError: true)
                return [.repaint]
            }
            return [.pipe(command: argument, input: ArticleText.plain(current)), .repaint]
        case .help:
            return perform(.help)
        case .quit:
            return [.quit]
        }
        return [.repaint]
    }
}

// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// What takes the keys before the keymap does: at most one at a time, as
/// lazygit's contexts. `handle` routes a key by one switch on it. The text
/// a prompt edits lives where it takes effect (the sidebar's filter, the
/// reader's search) unless it means nothing outside the prompt (the command
/// line, typed hint labels). A prompt of an overlay closes with it; a prompt
/// of the main panes closes when an overlay opens (`fits`).
public enum Prompt: Hashable, Sendable {
    /// `:`: the command line, its text and its completions.
    case command(CommandLineState)
    /// `f`: the hint label typed so far.
    case hints(typed: String)
    /// `/` in the reader: the query is `reader.search`; Esc scrolls back to `origin`.
    case readerSearch(origin: Int)
    /// `S`: the corpus search overlay's query.
    case corpusSearch
    /// `/` in a list: the sidebar, the article list or the dossier.
    case filter(FilteredList)
    /// `m` or `'`: the letter of a mark.
    case markLetter(PendingKey)

    /// The badge the status bar shows while the prompt is open (nil: the pane's own).
    var badge: String? {
        switch self {
        case .command: "COMMAND"
        case .hints: "HINT"
        case .readerSearch: "SEARCH"
        case .filter(.sidebar): "FILTER"
        case .corpusSearch, .filter, .markLetter: nil
        }
    }

    /// Whether the prompt stays open with `overlay` on screen: an overlay's
    /// prompt only with that overlay, a main pane's only with none.
    func fits(_ overlay: Overlay?) -> Bool {
        switch self {
        case .corpusSearch: if case .corpusSearch = overlay { true } else { false }
        case .filter(.articles): if case .articles = overlay { true } else { false }
        case .filter(.dossier): if case .dossier = overlay { true } else { false }
        case .command, .hints, .readerSearch, .filter(.sidebar), .markLetter: overlay == nil
        }
    }

    /// A prompt of the reader, which closes when the reader starts over (another article, the corpus replaced).
    var isReaders: Bool {
        switch self {
        case .hints, .readerSearch: true
        default: false
        }
    }
}

/// The lists `/` filters as you type.
public enum FilteredList: Hashable, Sendable {
    case sidebar, articles, dossier

    var behaviour: any FilterableList.Type {
        switch self {
        case .sidebar: SidebarPane.self
        case .articles: ArticleListOverlay.self
        case .dossier: DossierOverlay.self
        }
    }
}

/// A list with a filter prompt: each key narrows or widens the list at once,
/// ↑ ↓ move in it, Enter keeps the filter, Esc clears it, ⌫ on an empty
/// filter closes the prompt.
protocol FilterableList: PaneBehaviour {
    /// The filter as it stands.
    static func filter(_ state: BrowserState) -> String
    /// Sets the filter and makes the rows again; what to say when nothing is left, else nil.
    static func applyFilter(_ text: String, _ state: inout BrowserState) -> String?
    /// Enter: the prompt has closed with the filter kept.
    static func submitFilter(_ state: inout BrowserState)
}

extension FilterableList {
    static func submitFilter(_ state: inout BrowserState) {}
}

/// The one filter prompt behind the sidebar's, the article list's and the dossier's `/`.
enum FilterPrompt {
    static func start(_ state: inout BrowserState, _ list: FilteredList) {
        state.prompt = .filter(list)
    }

    static func handle(_ key: Key, _ list: FilteredList, _ state: inout BrowserState) {
        let behaviour = list.behaviour
        var editor = LineEditor(behaviour.filter(state))
        switch editor.handle(key) {
        case .cancelled:
            state.prompt = nil
            apply("", behaviour, &state)
        case .submitted:
            state.prompt = nil
            behaviour.submitFilter(&state)
        case .backspaceOnEmpty:
            state.prompt = nil
        case .edited:
            apply(editor.text, behaviour, &state)
        case .moved(let delta):
            behaviour.move(&state, by: delta)
        case .ignored:
            break
        }
    }

    private static func apply(_ text: String, _ behaviour: any FilterableList.Type, _ state: inout BrowserState) {
        if let problem = behaviour.applyFilter(text, &state) { state.message = StatusMessage(problem, isError: true) }
    }
}

extension BrowserState {
    /// The hint label typed so far; nil when hint mode is off.
    public var typedHint: String? { if case .hints(let typed) = prompt { typed } else { nil } }

    /// Whether `/` is taking keys for this list.
    func isFiltering(_ list: FilteredList) -> Bool { prompt == .filter(list) }

    /// Routes a key to the open prompt: one case per prompt.
    mutating func handle(_ key: Key, in prompt: Prompt) -> [Effect] {
        switch prompt {
        case .command(let line): return CommandLinePrompt.handle(key, line, &self)
        case .hints(let typed): HintMode.handle(key, typed: typed, &self)
        case .readerSearch(let origin): ReaderSearch.handle(key, origin: origin, &self)
        case .corpusSearch: CorpusSearchOverlay.handlePromptKey(key, &self)
        case .filter(let list): FilterPrompt.handle(key, list, &self)
        case .markLetter(let pending):
            self.prompt = nil
            return Marks.handleLetter(key, pending, &self)
        }
        return [.repaint]
    }
}

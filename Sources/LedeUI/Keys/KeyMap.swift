// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One row of the keymap table: the single source for key handling, the
/// help overlay and the status-bar hints.
public struct KeyBinding: Sendable, Hashable {
    public var action: Action
    /// Short label for status-bar hints (`next mention`).
    public var label: String
    public var keys: [Key]
    /// One line for the help overlay.
    public var help: String
    public var panes: Set<Pane>
    /// Shown in the status bar when its pane is focused.
    public var isHint: Bool
}

/// The keymap: defaults (the keys the design brief promises are held by a test), then the
/// user's rebindings from `keys.toml` in the config directory.
public struct KeyMap: Sendable {
    public private(set) var bindings: [KeyBinding]
    private var lookup: [Pane: [Key: Action]]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        self.lookup = [:]
        rebuildLookup()
    }

    private mutating func rebuildLookup() {
        var table: [Pane: [Key: Action]] = [:]
        for binding in bindings {
            for pane in binding.panes {
                for key in binding.keys where table[pane]?[key] == nil { table[pane, default: [:]][key] = binding.action }
            }
        }
        lookup = table
    }

    /// The action `key` means in `pane`, if any.
    public func action(for key: Key, in pane: Pane) -> Action? { lookup[pane]?[key] }

    /// Bindings that work in `pane`, in table order, each with only the keys
    /// that really reach it there (an earlier row may take a key).
    public func bindings(in pane: Pane) -> [KeyBinding] {
        bindings.compactMap { binding in
            guard binding.panes.contains(pane) else { return nil }
            var copy = binding
            copy.keys = binding.keys.filter { lookup[pane]?[$0] == binding.action }
            return copy.keys.isEmpty ? nil : copy
        }
    }

    public func binding(for action: Action) -> KeyBinding? { bindings.first { $0.action == action } }

    static let main: Set<Pane> = [.reader, .sidebar, .timeline]
    /// Every pane and overlay: quitting, redrawing and the moves every list shares.
    static let everywhere = Set(Pane.allCases)

    static func keys(_ names: String...) -> [Key] { names.map { Key(name: $0)! } }

    public static let defaults = KeyMap(bindings: [
        KeyBinding(action: .quit, label: "quit", keys: keys("q", "C-c"), help: "quit (closes an overlay first)", panes: everywhere, isHint: false),
        KeyBinding(action: .help, label: "help", keys: keys("?", "F1"), help: "this help: every key of the focused pane", panes: [.reader, .sidebar, .timeline, .dossier, .articles, .search], isHint: true),
        KeyBinding(action: .closeOverlay, label: "close", keys: keys("Esc"), help: "close this overlay", panes: [.help, .dossier, .articles, .search], isHint: true),
        KeyBinding(action: .closeOverlay, label: "close", keys: keys("?", "F1"), help: "close the help", panes: [.help], isHint: false),
        KeyBinding(action: .closeOverlay, label: "back", keys: keys("Backspace"), help: "back to where this was opened", panes: [.dossier, .articles], isHint: false),
        KeyBinding(action: .cancel, label: "clear", keys: keys("Esc"), help: "clear the search, then the kept entity filter (reader); the filter (entities)", panes: [.reader, .sidebar], isHint: false),
        // In the timeline j and k change lanes (nextLane / previousLane), which is a row move in its list.
        KeyBinding(action: .moveDown, label: "down", keys: keys("j", "Down", "C-n"), help: "move down one line / row", panes: everywhere.subtracting([.timeline]), isHint: false),
        KeyBinding(action: .moveUp, label: "up", keys: keys("k", "Up", "C-p"), help: "move up one line / row", panes: everywhere.subtracting([.timeline]), isHint: false),
        KeyBinding(action: .pageDown, label: "page down", keys: keys("Space", "PgDn", "C-f"), help: "page down", panes: everywhere, isHint: false),
        KeyBinding(action: .pageUp, label: "page up", keys: keys("b", "PgUp", "C-b"), help: "page up", panes: everywhere, isHint: false),
        KeyBinding(action: .halfPageDown, label: "half page down", keys: keys("d", "C-d"), help: "half a page down", panes: [.reader, .help, .dossier], isHint: false),
        KeyBinding(action: .halfPageUp, label: "half page up", keys: keys("u", "C-u"), help: "half a page up", panes: [.reader, .help, .dossier], isHint: false),
        KeyBinding(action: .top, label: "top", keys: keys("g", "Home"), help: "go to the top", panes: everywhere, isHint: false),
        KeyBinding(action: .bottom, label: "bottom", keys: keys("G", "End"), help: "go to the bottom", panes: everywhere, isHint: false),
        KeyBinding(action: .moveLeft, label: "earlier", keys: keys("h", "Left"), help: "select the earlier release", panes: [.timeline], isHint: true),
        KeyBinding(action: .moveRight, label: "later", keys: keys("l", "Right"), help: "select the later release", panes: [.timeline], isHint: false),
        KeyBinding(action: .nextLane, label: "lane below", keys: keys("j", "Down", "C-n"), help: "the organisation lane below, on the release nearest in time (no lanes: the later release; list: the next row)", panes: [.timeline], isHint: false),
        KeyBinding(action: .previousLane, label: "lane above", keys: keys("k", "Up", "C-p"), help: "the organisation lane above, on the release nearest in time (no lanes: the earlier release; list: the previous row)", panes: [.timeline], isHint: false),
        KeyBinding(action: .nextMention, label: "next mention", keys: keys("Tab"), help: "focus the next mention in reading order", panes: [.reader], isHint: true),
        KeyBinding(action: .previousMention, label: "previous mention", keys: keys("S-Tab"), help: "focus the previous mention in reading order", panes: [.reader], isHint: false),
        KeyBinding(action: .nextSameEntity, label: "same entity", keys: keys("]"), help: "next mention of the same entity (on into the next article)", panes: [.reader, .sidebar], isHint: true),
        KeyBinding(action: .previousSameEntity, label: "previous of entity", keys: keys("["), help: "previous mention of the same entity", panes: [.reader, .sidebar], isHint: false),
        KeyBinding(action: .follow, label: "follow", keys: keys("Enter"), help: "follow: mention → dossier; entity → first mention; release → its sentence; list row → open it", panes: [.reader, .sidebar, .timeline, .dossier, .articles, .search], isHint: true),
        KeyBinding(action: .back, label: "back", keys: keys("Backspace", "H"), help: "back along the jump history", panes: [.reader, .timeline], isHint: true),
        KeyBinding(action: .back, label: "back", keys: keys("H"), help: "back along the jump history", panes: [.sidebar], isHint: false),
        KeyBinding(action: .forward, label: "forward", keys: keys("L"), help: "forward along the jump history", panes: main, isHint: false),
        KeyBinding(action: .focusSidebar, label: "entities", keys: keys("e"), help: "focus the entity sidebar", panes: [.reader, .timeline], isHint: false),
        KeyBinding(action: .focusTimeline, label: "timeline", keys: keys("t"), help: "focus the model-release timeline", panes: [.reader, .sidebar], isHint: false),
        KeyBinding(action: .focusReader, label: "reader", keys: keys("r"), help: "focus the reader", panes: [.sidebar, .timeline], isHint: false),
        KeyBinding(action: .cycleFocus, label: "next pane", keys: keys("w"), help: "focus the next pane", panes: main, isHint: false),
        KeyBinding(action: .search, label: "search", keys: keys("/"), help: "search the text as you type (Enter keeps, Esc clears)", panes: [.reader], isHint: true),
        KeyBinding(action: .searchCorpus, label: "search all", keys: keys("S"), help: "search every article: words, \"phrases\", prefix* (Enter lists the paragraphs)", panes: main, isHint: true),
        KeyBinding(action: .searchCorpus, label: "new search", keys: keys("S"), help: "type a new search", panes: [.search], isHint: true),
        KeyBinding(action: .editCorpusSearch, label: "edit", keys: keys("/"), help: "change this search", panes: [.search], isHint: false),
        KeyBinding(action: .searchNext, label: "next match", keys: keys("n"), help: "next search match (wraps; after S, on into the next article)", panes: [.reader], isHint: false),
        KeyBinding(action: .searchPrevious, label: "previous match", keys: keys("N"), help: "previous search match (wraps; after S, back into the previous article)", panes: [.reader], isHint: false),
        KeyBinding(action: .filterEntities, label: "filter", keys: keys("/"), help: "filter entities as you type (Esc clears)", panes: [.sidebar], isHint: true),
        KeyBinding(action: .widenFilter, label: "widen", keys: keys("Backspace"), help: "widen the filter (drop its last character)", panes: [.sidebar], isHint: false),
        KeyBinding(action: .nextArticle, label: "next article", keys: keys("}", ">"), help: "next article", panes: main, isHint: false),
        KeyBinding(action: .previousArticle, label: "previous article", keys: keys("{", "<"), help: "previous article", panes: main, isHint: false),
        KeyBinding(action: .toggleParagraphFilter, label: "only these", keys: keys("&"), help: "show only paragraphs that mention the selected entities", panes: [.reader, .sidebar], isHint: false),
        KeyBinding(action: .hintMode, label: "hints", keys: keys("f"), help: "label every mention on screen; type a label to jump there", panes: [.reader], isHint: false),
        KeyBinding(action: .toggleTimelineList, label: "list", keys: keys("v"), help: "switch between the time axis and a list", panes: [.timeline], isHint: true),
        KeyBinding(action: .zoomIn, label: "zoom in", keys: keys("+", "="), help: "zoom the time axis in around the selected release (half the days, down to about a month)", panes: [.timeline], isHint: true),
        KeyBinding(action: .zoomOut, label: "zoom out", keys: keys("-"), help: "zoom the time axis out (twice the days, up to every release)", panes: [.timeline], isHint: false),
        KeyBinding(action: .zoomToFit, label: "fit all", keys: keys("0"), help: "zoom the time axis to fit every release", panes: [.timeline], isHint: false),
        KeyBinding(action: .togglePeakMarkers, label: "busiest", keys: keys("p"), help: "mark when each organisation is most discussed (its busiest week or month of mentions) beside its releases", panes: [.timeline], isHint: false),
        KeyBinding(action: .toggleTimelineScope, label: "this article", keys: keys("a"), help: "show the releases of this article only / of all articles", panes: [.timeline], isHint: false),
        KeyBinding(action: .cycleOrganisationFilter, label: "organisation", keys: keys("c"), help: "show one organisation's releases at a time (the next one)", panes: [.timeline], isHint: false),
        KeyBinding(action: .cycleOrganisationFilterBack, label: "organisation back", keys: keys("C"), help: "show the previous organisation's releases", panes: [.timeline], isHint: false),
        KeyBinding(action: .toggleOrganisations, label: "organisations", keys: keys("1"), help: "show / hide organisations", panes: [.sidebar], isHint: false),
        KeyBinding(action: .togglePeople, label: "people", keys: keys("2"), help: "show / hide people", panes: [.sidebar], isHint: false),
        KeyBinding(action: .toggleLocations, label: "locations", keys: keys("3"), help: "show / hide locations", panes: [.sidebar], isHint: false),
        KeyBinding(action: .toggleTopics, label: "topics", keys: keys("4"), help: "show / hide topics", panes: [.sidebar], isHint: false),
        KeyBinding(action: .toggleModels, label: "models", keys: keys("5"), help: "show / hide AI models", panes: [.sidebar], isHint: false),
        KeyBinding(action: .toggleCooccurrence, label: "travels with", keys: keys("c"), help: "co-occurrence: the entities that share paragraphs with the selected one, by lift (Enter lists the shared paragraphs); again: this article's entities", panes: [.sidebar], isHint: true),
        KeyBinding(action: .cycleCooccurrenceUnit, label: "¶ / sentence", keys: keys("p"), help: "co-occurrence: count shared paragraphs or shared sentences", panes: [.sidebar], isHint: false),
        KeyBinding(action: .cycleCooccurrenceOrder, label: "rank", keys: keys("s"), help: "co-occurrence: rank by lift (how much more than chance) or by shared count", panes: [.sidebar], isHint: false),
        KeyBinding(action: .listArticles, label: "articles", keys: keys("A"), help: "list the loaded articles (Enter opens one)", panes: main, isHint: false),
        KeyBinding(action: .refreshFeeds, label: "refresh feeds", keys: keys("R"), help: "fetch the [feeds] of config.toml in the background (new articles appear as they are stored)", panes: main, isHint: false),
        KeyBinding(action: .cycleTheme, label: "theme", keys: keys("T"), help: "switch to the next theme", panes: main, isHint: false),
        KeyBinding(action: .openAddress, label: "open", keys: keys("o"), help: "open in the web browser ($BROWSER or xdg-open): the article's page; a release's source; an entity's page", panes: [.reader, .sidebar, .timeline, .dossier, .articles, .search], isHint: false),
        KeyBinding(action: .copy, label: "copy", keys: keys("y"), help: "copy: the focused mention's sentence, the entity's name, the release, the page address (needs [clipboard] in config.toml)", panes: [.reader, .sidebar, .timeline, .dossier, .articles, .search], isHint: false),
        KeyBinding(action: .redraw, label: "redraw", keys: keys("C-l"), help: "draw the whole screen again", panes: everywhere, isHint: false),
        KeyBinding(action: .commandLine, label: "command", keys: keys(":"), help: "command line: article N, theme NAME, filter TEXT, search TEXT, find TEXT, set OPTION, quit (Tab completes)", panes: main, isHint: false),
        KeyBinding(action: .saveArticle, label: "save", keys: keys("s"), help: "save this article to a new file (.md: Markdown, else text); :save FILE", panes: [.reader], isHint: false),
        KeyBinding(action: .pipeArticle, label: "pipe", keys: keys("|"), help: "pipe this article's text to a shell command (:pipe COMMAND)", panes: [.reader], isHint: false),
        KeyBinding(action: .cycleArticleOrder, label: "order", keys: keys("s"), help: "order: reading, newest first, title, author, most mentions", panes: [.articles], isHint: true),
        KeyBinding(action: .filterArticles, label: "filter", keys: keys("/"), help: "filter by title or author as you type (Enter keeps, Esc clears)", panes: [.articles], isHint: true),
        KeyBinding(action: .filterDossier, label: "filter", keys: keys("/"), help: "keep the articles whose title contains what you type (Esc shows all)", panes: [.dossier], isHint: true),
        KeyBinding(action: .setMark, label: "mark", keys: keys("m"), help: "m and a letter: mark this place (kept between sessions)", panes: main, isHint: false),
        KeyBinding(action: .jumpToMark, label: "go to mark", keys: keys("'"), help: "' and a letter: go back to that mark, in any article", panes: main, isHint: false),
        KeyBinding(action: .toggleMouse, label: "mouse", keys: keys("M"), help: "let the terminal have the mouse (to select text) / take it back", panes: main, isHint: false),
        KeyBinding(action: .suspend, label: "suspend", keys: keys("C-z"), help: "suspend lede to the shell (fg brings it back)", panes: everywhere, isHint: false),
    ])

    // MARK: - User rebinding

    /// Gives actions the keys the user chose (`config.toml`'s `[keys]`, read
    /// by LedeConfig): each replaces that action's keys. `place` (`file:line`)
    /// names where it was asked for; a key that another action already
    /// answers to in the same pane is reported there.
    public func rebinding(_ rebindings: [KeyRebinding]) -> (KeyMap, [String]) {
        var map = self
        var rebound: [Action: String] = [:]
        for rebinding in rebindings {
            guard let index = map.bindings.firstIndex(where: { $0.action == rebinding.action }), !rebinding.keys.isEmpty else { continue }
            map.bindings[index].keys = rebinding.keys
            rebound[rebinding.action] = rebinding.place
        }
        map.rebuildLookup()
        return (map, map.collisions(involving: rebound))
    }

    /// Keys that mean two actions in one pane, where the user bound one of
    /// them: the earlier row of the table wins, so the other never sees the key.
    func collisions(involving rebound: [Action: String]) -> [String] {
        var problems: [String] = []
        var reported: Set<String> = []
        for binding in bindings {
            for key in binding.keys {
                for pane in Pane.allCases where binding.panes.contains(pane) {
                    guard let winner = lookup[pane]?[key], winner != binding.action else { continue }
                    guard let place = rebound[binding.action] ?? rebound[winner] else { continue }
                    let id = "\(key.name) \(binding.action.rawValue) \(winner.rawValue)"
                    guard reported.insert(id).inserted else { continue }
                    let panes = Pane.allCases.filter { binding.panes.contains($0) && lookup[$0]?[key] == winner && winner != binding.action }
                    let where_ = panes.map { $0.title.lowercased() }.joined(separator: ", ")
                    problems.append("\(place): key '\(key.name)' is bound to both '\(winner.rawValue)' and '\(binding.action.rawValue)' (\(where_)); '\(winner.rawValue)' wins")
                }
            }
        }
        return problems
    }
}

/// One action given new keys by the user, and where (`file:line`).
public struct KeyRebinding: Hashable, Sendable {
    public var action: Action
    public var keys: [Key]
    public var place: String

    public init(action: Action, keys: [Key], place: String) {
        self.action = action
        self.keys = keys
        self.place = place
    }
}

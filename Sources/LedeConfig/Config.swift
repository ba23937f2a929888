// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeUI
import TOMLKit

/// `config.toml`, read once into types: the theme to start with and the
/// keys the user rebound, with every problem as `file:line: message`. What
/// could not be read keeps its default.
public struct Config: Sendable {
    /// `theme = "name"` (a name `lede themes` lists, or a path).
    public var theme: String?
    /// `[keys]`: `action = ["key", …]`, in the file's order.
    public var rebindings: [KeyRebinding] = []
    /// `[clipboard]`: how `y` may copy (nothing until the user says).
    public var clipboard = ClipboardSetting()
    /// `remember = false`: no read marks or places are kept between sessions.
    public var remember = true
    /// `accessible = true`: as `--accessible`.
    public var accessible = false
    /// `mouse = false`: the terminal keeps the mouse (its own selection), as `M` does.
    public var mouse = true
    /// `catalogue = false`: release dates from the articles alone, as `--no-catalogue`.
    public var catalogue = true
    /// `[ner]`: `command = "…"` (run with /bin/sh -c) and `timeout = 10` (seconds), an external entity tagger.
    public var ner: TaggerSettings?
    /// `[feeds]`: `urls = ["…", …]` that `lede fetch` (and the browser's refresh) fetch, and `folder = "…"` to store into.
    public var feeds = FeedSubscriptions()
    public var problems: [String] = []

    public init(theme: String? = nil, rebindings: [KeyRebinding] = [], problems: [String] = []) {
        self.theme = theme
        self.rebindings = rebindings
        self.problems = problems
    }

    /// Top-level true/false settings, and what holds when the value is not one.
    static var flags: [(name: String, field: WritableKeyPath<Config, Bool>, otherwise: String)] {
        [("remember", \.remember, "; read marks and places are remembered"), ("accessible", \.accessible, ""), ("mouse", \.mouse, ""),
         ("catalogue", \.catalogue, "; the catalogue of known releases is used")]
    }
    /// Every top-level name config.toml may use; the tables are the `[…]` sections.
    static let knownSettings = ["theme", "remember", "accessible", "mouse", "catalogue", "keys", "clipboard", "ner", "feeds"]
    static let tables: Set<String> = ["keys", "clipboard", "ner", "feeds"]
    static let knownSettingsText: String = {
        let names = knownSettings.map { tables.contains($0) ? "[\($0)]" : $0 }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }()

    public static func parse(_ text: String, path: String) -> Config {
        var config = Config()
        if let problem = TOMLPreflight.check(text) {
            config.problems.append("\(path):\(problem.line): TOML syntax error: \(problem.message)")
            return config
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            config.problems.append("\(path):\(error.source.begin.line): TOML syntax error: \(error.description)")
            return config
        } catch {
            config.problems.append("\(path): TOML syntax error")
            return config
        }
        // Lines found in one pass: looking each up again made a config with
        // thousands of unknown keys take minutes.
        let lines = TOMLKeyLines(text)
        func at(_ key: String) -> String { "\(path):\(lines.line(of: key) ?? 1)" }
        for key in root.keys.sorted(by: { (lines.line(of: $0) ?? 0) < (lines.line(of: $1) ?? 0) }) where !Self.knownSettings.contains(key) {
            config.problems.append("\(at(key)): unknown setting '\(key)' (expected \(Self.knownSettingsText))")
        }
        for flag in Self.flags {
            guard let value = root[flag.name] else { continue }
            if let on = value.bool {
                config[keyPath: flag.field] = on
            } else {
                config.problems.append("\(at(flag.name)): '\(flag.name)' must be true or false\(flag.otherwise)")
            }
        }
        if let value = root["clipboard"] {
            if let table = value.table {
                config.readClipboard(table, at: at)
            } else {
                config.problems.append("\(at("clipboard")): 'clipboard' must be a table: a [clipboard] section with osc52 = true or command = \"xclip -selection clipboard\"")
            }
        }
        if let value = root["theme"] {
            if let name = value.string {
                config.theme = name
            } else {
                config.problems.append("\(at("theme")): 'theme' must be a theme name in quotes, like theme = \"dark\"; using the default theme")
            }
        }
        if let value = root["keys"] {
            if let table = value.table {
                config.readKeys(table, at: at)
            } else {
                config.problems.append("\(at("keys")): 'keys' must be a table: a [keys] section with lines like moveDown = [\"j\", \"Down\"]")
            }
        }
        if let value = root["ner"] {
            if let table = value.table {
                config.readTagger(table, at: at)
            } else {
                config.problems.append("\(at("ner")): 'ner' must be a table: a [ner] section with command = \"…\"")
            }
        }
        if let value = root["feeds"] {
            if let table = value.table {
                config.readFeeds(table, at: at)
            } else {
                config.problems.append("\(at("feeds")): 'feeds' must be a table: a [feeds] section with urls = [\"https://…/feed.xml\"]")
            }
        }
        return config
    }

    /// `[feeds]`: `urls`, a list of http(s) addresses, and `folder`, a path (`~` is the home folder).
    private mutating func readFeeds(_ table: TOMLTable, at: (String) -> String) {
        for key in table.keys.sorted() where !["urls", "folder"].contains(key) {
            problems.append("\(at("feeds.\(key)")): unknown setting '\(key)' in [feeds] (expected urls or folder)")
        }
        if let value = table["urls"] {
            if let array = value.array {
                for element in array {
                    guard let address = element.string, let url = URL(string: address), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                          url.host?.isEmpty == false else {
                        problems.append("\(at("feeds.urls")): [feeds] urls: \(ControlCharacters.visible(String(String(describing: element).prefix(200)))) is not an http or https address in quotes; left out")
                        continue
                    }
                    if !feeds.urls.contains(address) { feeds.urls.append(address) }
                }
            } else {
                problems.append("\(at("feeds.urls")): 'urls' must be a list of addresses, like urls = [\"https://example.org/feed.xml\"]")
            }
        }
        if let value = table["folder"] {
            if let folder = value.string, !folder.trimmingCharacters(in: .whitespaces).isEmpty {
                feeds.folder = FeedSubscriptions.expandingHome(folder)
            } else {
                problems.append("\(at("feeds.folder")): 'folder' must be a path in quotes, like folder = \"~/news/feeds\"")
            }
        }
    }

    /// `[ner]`: a command (required, not empty) and a timeout in seconds (optional, above 0).
    private mutating func readTagger(_ table: TOMLTable, at: (String) -> String) {
        for key in table.keys.sorted() where !["command", "timeout"].contains(key) {
            problems.append("\(at("ner.\(key)")): unknown setting '\(key)' in [ner] (expected command or timeout)")
        }
        guard let command = table["command"]?.string, !command.trimmingCharacters(in: .whitespaces).isEmpty else {
            problems.append("\(at("ner")): [ner] needs command = \"…\", the tagger to run; no tagger is used")
            return
        }
        var settings = TaggerSettings(command: command)
        if let value = table["timeout"] {
            let seconds = value.double ?? value.int.map(Double.init)
            if let seconds, seconds > 0, seconds <= 86_400 {
                settings.timeout = seconds
            } else {
                problems.append("\(at("ner.timeout")): 'timeout' must be a number of seconds above 0; using \(Int(TaggerSettings.defaultTimeout))")
            }
        }
        ner = settings
    }

    private mutating func readKeys(_ table: TOMLTable, at: (String) -> String) {
        let known = Set(KeyMap.defaults.bindings.map(\.action))
        let names = table.keys.map { (name: $0, place: at("keys.\($0)")) }
        for (actionName, place) in names.sorted(by: { Self.lineOf($0.place) < Self.lineOf($1.place) }) {
            guard let action = Action(rawValue: actionName), known.contains(action) else {
                problems.append("\(place): unknown action '\(actionName)' (lede keys lists them)")
                continue
            }
            let values: [TOMLValueConvertible]
            if let single = table[actionName]?.string {
                values = [single]
            } else if let array = table[actionName]?.array {
                values = Array(array)
            } else {
                problems.append("\(place): '\(actionName)' needs a key name in quotes or a list of them, like [\"j\", \"Down\"]; the default stays")
                continue
            }
            var keys: [Key] = []
            var bad = false
            for value in values {
                guard let name = value.string else {
                    problems.append("\(place): '\(actionName)': \(value) is not a key name in quotes; the default stays")
                    bad = true
                    continue
                }
                guard let key = Key(name: name) else {
                    problems.append("\(place): unknown key name '\(name)' for '\(actionName)'; the default stays")
                    bad = true
                    continue
                }
                if !keys.contains(key) { keys.append(key) }
            }
            if !bad && keys.isEmpty {
                problems.append("\(place): an empty list would leave '\(actionName)' with no key; the default stays")
                bad = true
            }
            if !bad { rebindings.append(KeyRebinding(action: action, keys: keys, place: place)) }
        }
    }

    private mutating func readClipboard(_ table: TOMLTable, at: (String) -> String) {
        for key in table.keys.sorted() where !["osc52", "command"].contains(key) {
            problems.append("\(at("clipboard.\(key)")): unknown clipboard setting '\(key)' (expected osc52 or command)")
        }
        if let value = table["osc52"] {
            if let flag = value.bool { clipboard.osc52 = flag } else { problems.append("\(at("clipboard.osc52")): 'osc52' must be true or false") }
        }
        if let value = table["command"] {
            if let command = value.string, !command.trimmingCharacters(in: .whitespaces).isEmpty {
                clipboard.command = command
            } else {
                problems.append("\(at("clipboard.command")): 'command' must be a command in quotes that reads the text on its input, like \"wl-copy\"")
            }
        }
    }

    /// The line number at the end of `file:line`.
    private static func lineOf(_ place: String) -> Int { Int(place.split(separator: ":").last ?? "") ?? 0 }
}

/// `[feeds]` of config.toml: the subscriptions.
public struct FeedSubscriptions: Sendable, Hashable {
    /// Feed (or page) addresses, in the file's order, each once.
    public var urls: [String] = []
    /// Where fetched articles go (nil: `$XDG_DATA_HOME/lede/articles`).
    public var folder: String?

    public init(urls: [String] = [], folder: String? = nil) {
        self.urls = urls
        self.folder = folder
    }

    static func expandingHome(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}

extension KeyMap {
    /// Applies `[keys]` of a config.toml text; the problems, collisions included, as `file:line: message`.
    public func applying(configText text: String, path: String) -> (KeyMap, [String]) {
        let config = Config.parse(text, path: path)
        let (map, collisions) = rebinding(config.rebindings)
        return (map, config.problems + collisions)
    }
}

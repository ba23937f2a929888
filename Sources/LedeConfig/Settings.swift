// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeUI

/// What the user's config directory and the command line decide: the
/// keymap, the themes and which one is on, and any problems found on the way.
public struct Settings: Sendable {
    public var keyMap = KeyMap.defaults
    public var themes: [Theme] = []
    public var themeIndex = 0
    public var problems: [String] = []
    /// Problems found in config.toml itself (`lede keys` exits 1 for them).
    public var configProblemCount = 0
    /// A theme was asked for (`--theme`, `theme =`): it wins over the one the last session ended with.
    public var themeWasChosen = false
    public var clipboard = ClipboardSetting()
    /// Whether read marks and places are kept between sessions (`remember = false` turns it off).
    public var remember = true
    /// `accessible = true` in config.toml (the command line's `--accessible` also turns it on).
    public var accessible = false
    /// `mouse = false` in config.toml: lede leaves the mouse to the terminal.
    public var mouse = true
    /// `[feeds]`: what the browser's refresh key fetches, and where to.
    public var feeds = FeedSubscriptions()

    /// The shipped themes: `$LEDE_THEMES`, else the resource bundle beside
    /// the executable (a release binary copied with its bundles finds them).
    public static func shippedThemesFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let override = environment["LEDE_THEMES"], FileManager.default.fileExists(atPath: override) { return override }
        return Bundle.module.url(forResource: "Themes", withExtension: nil)?.path
    }

    public static func themeDirectory() -> ThemeDirectory {
        ThemeDirectory.standard(configDirectory: ConfigDirectory.path(), shippedFolder: shippedThemesFolder())
    }

    /// `config.toml` in the user's config directory, read once (nil when there is none or it cannot be read).
    public static func loadConfig(into settings: inout Settings) -> Config? {
        guard let folder = ConfigDirectory.path() else { return nil }
        let path = (folder as NSString).appendingPathComponent("config.toml")
        switch SettingsFile.read(path) {
        case .absent:
            return nil
        case .problem(let line, let message):
            settings.problems.append("\(path)\(line.map { ":\($0)" } ?? ""): \(message); using the default settings")
            settings.configProblemCount = 1
            return nil
        case .text(let text):
            let config = Config.parse(text, path: path)
            let (map, collisions) = settings.keyMap.rebinding(config.rebindings)
            settings.keyMap = map
            settings.problems += config.problems + collisions
            settings.configProblemCount = config.problems.count + collisions.count
            return config
        }
    }

    /// What config.toml says about reading articles: `[ner]`, when it names a tagger, and `catalogue`
    /// (problems in the file are told by the browser and `lede keys`).
    public static func readingSettings() -> (tagger: TaggerSettings?, catalogue: Bool) {
        guard let folder = ConfigDirectory.path() else { return (nil, true) }
        guard case .text(let text) = SettingsFile.read((folder as NSString).appendingPathComponent("config.toml")) else { return (nil, true) }
        let config = Config.parse(text, path: "config.toml")
        return (config.ner, config.catalogue)
    }

    /// `[feeds]` of config.toml, with the problems found in the file (for `lede fetch`).
    public static func feedSubscriptions() -> (FeedSubscriptions, [String]) {
        guard let folder = ConfigDirectory.path() else { return (FeedSubscriptions(), []) }
        let path = (folder as NSString).appendingPathComponent("config.toml")
        switch SettingsFile.read(path) {
        case .absent: return (FeedSubscriptions(), [])
        case .problem(let line, let message): return (FeedSubscriptions(), ["\(path)\(line.map { ":\($0)" } ?? ""): \(message)"])
        case .text(let text):
            let config = Config.parse(text, path: path)
            return (config.feeds, config.problems)
        }
    }

    /// Reads `config.toml` (theme, `[keys]`) and the themes.
    public static func load(themeOption: String?, noColor: Bool) -> Settings {
        var settings = Settings()
        let config = loadConfig(into: &settings)
        let configuredTheme = config?.theme
        if let config {
            settings.clipboard = config.clipboard
            settings.remember = config.remember
            settings.accessible = config.accessible
            settings.mouse = config.mouse
            settings.feeds = config.feeds
        }
        let directory = themeDirectory()
        let defaultTheme: Theme
        if let path = directory.resolve("default") {
            switch ThemeLoader.load(path: path) {
            case .success(let loaded): defaultTheme = loaded.theme
            case .failure(let problem):
                settings.problems.append(problem.description)
                defaultTheme = .fallback
            }
        } else {
            settings.problems.append("no themes folder found; drawing with attributes only")
            defaultTheme = .fallback
        }
        // Every theme that loads, for cycling; the chosen one is switched on.
        var themes: [Theme] = []
        for entry in directory.entries() {
            if entry.name == "default" { themes.append(defaultTheme); continue }
            if case .success(let loaded) = ThemeLoader.load(path: entry.path, base: defaultTheme) { themes.append(loaded.theme) }
        }
        if themes.isEmpty { themes = [defaultTheme] }
        let wanted = themeOption ?? configuredTheme
        settings.themeWasChosen = wanted != nil
        if let wanted {
            if let path = directory.resolve(wanted) {
                switch ThemeLoader.load(path: path, base: defaultTheme) {
                case .success(let loaded):
                    if let index = themes.firstIndex(where: { $0.origin == loaded.theme.origin }) {
                        settings.themeIndex = index
                    } else {
                        themes.append(loaded.theme)
                        settings.themeIndex = themes.count - 1
                    }
                case .failure(let problem):
                    settings.problems.append("\(problem.description) — using the default theme")
                }
            } else {
                settings.problems.append("no theme named '\(wanted)' (lede themes lists them) — using the default theme")
            }
        }
        if noColor {
            // Attributes only: the monochrome theme is made for that; other
            // themes lose their colours.
            if let mono = themes.firstIndex(where: { ($0.origin as NSString).lastPathComponent == "monochrome.toml" }) {
                settings.themeIndex = mono
            }
            themes = themes.map(\.withoutColors)
        }
        settings.themes = themes
        return settings
    }
}

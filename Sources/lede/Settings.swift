import Foundation
import LedeModel
import LedeUI
import TOMLKit

/// What the user's config directory and the command line decide: the
/// keymap, the themes and which one is on, and any problems found on the way.
struct Settings {
    var keyMap = KeyMap.defaults
    var themes: [Theme] = []
    var themeIndex = 0
    var problems: [String] = []
    /// Problems found in config.toml itself (`lede keys` exits 1 for them).
    var configProblemCount = 0

    /// The shipped `themes/` folder: `$LEDE_THEMES`, next to the
    /// executable's `share/lede/themes`, or the package's own folder.
    static func shippedThemesFolder() -> String? {
        let manager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["LEDE_THEMES"], manager.fileExists(atPath: override) { return override }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent().appendingPathComponent("../share/lede/themes").standardized.path
        if manager.fileExists(atPath: installed) { return installed }
        // Built from source: the package root is three folders above this file.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardized.path
        if manager.fileExists(atPath: source) { return source }
        return nil
    }

    static func themeDirectory() -> ThemeDirectory {
        ThemeDirectory.standard(configDirectory: ConfigDirectory.path(), shippedFolder: shippedThemesFolder())
    }

    /// Reads `config.toml` (theme default, `[keys]`) and the themes.
    static func load(themeOption: String?, noColor: Bool) -> Settings {
        var settings = Settings()
        var configuredTheme: String?
        if let folder = ConfigDirectory.path() {
            let path = (folder as NSString).appendingPathComponent("config.toml")
            let before = settings.problems.count
            defer { settings.configProblemCount = settings.problems.count - before }
            switch SettingsFile.read(path) {
            case .absent: break
            case .problem(let line, let message):
                settings.problems.append("\(path)\(line.map { ":\($0)" } ?? ""): \(message); using the default settings")
            case .text(let text):
                let (map, problems) = KeyMap.defaults.applying(configText: text, path: path)
                settings.keyMap = map
                settings.problems += problems
                if let value = TOMLPreflight.table(text)?["theme"] {
                    if let name = value.string {
                        configuredTheme = name
                    } else {
                        let line = TOMLKeyLines(text).line(of: "theme") ?? 1
                        settings.problems.append("\(path):\(line): 'theme' must be a theme name in quotes, like theme = \"dark\"; using the default theme")
                    }
                }
            }
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

// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeUI
import TOMLKit

/// A problem in a theme file, located for the user.
public struct ThemeProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var key: String?
    public var message: String

    public var description: String {
        var place = path
        if let line { place += ":\(line)" }
        if let key { place += ": \(key)" }
        return "\(place): \(message)"
    }
}

/// Reads theme TOML files (format in `themes/README.md`). Strict: an
/// unknown key, a bad colour or a syntax error is a problem, and the
/// caller falls back to the default theme.
public enum ThemeLoader {
    public struct Loaded: Sendable {
        public var theme: Theme
        /// Elements the file does not define (filled from `base`).
        public var missing: [ThemeElement]
    }

    public static func load(path: String, base: Theme = .fallback) -> Result<Loaded, ThemeProblem> {
        switch SettingsFile.read(path) {
        case .text(let text): return parse(text, path: path, base: base)
        case .absent: return .failure(ThemeProblem(path: path, message: "no such theme file"))
        case .problem(let line, let message): return .failure(ThemeProblem(path: path, line: line, message: message))
        }
    }

    public static func parse(_ text: String, path: String, base: Theme = .fallback) -> Result<Loaded, ThemeProblem> {
        if let problem = TOMLPreflight.check(text) {
            return .failure(ThemeProblem(path: path, line: problem.line, message: "TOML syntax error: \(problem.message)"))
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let description = error.description.replacingOccurrences(of: "\n", with: "\\n")
            return .failure(ThemeProblem(path: path, line: error.source.begin.line, message: "TOML syntax error: \(description)"))
        } catch {
            return .failure(ThemeProblem(path: path, message: "TOML syntax error"))
        }
        let lines = TOMLKeyLines(text)
        func problem(_ key: String, _ message: String) -> ThemeProblem {
            ThemeProblem(path: path, line: lines.line(of: key), key: key, message: message)
        }
        let sections = ["ui", "entities", "timeline"]
        for key in root.keys where !(["name", "description", "source"] + sections).contains(key) {
            return .failure(problem(key, "unknown key"))
        }
        var theme = base
        theme.origin = path
        theme.name = root["name"]?.string ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        theme.description = root["description"]?.string
        theme.source = root["source"]?.string
        var missing: [ThemeElement] = []
        for section in sections {
            let table = root[section]?.table
            let known = Set(ThemeElement.allCases.filter { $0.section == section }.map(\.key))
                .union(section == "timeline" ? ["palette", "organisations"] : [])
            for key in table?.keys ?? [] where !known.contains(key) {
                return .failure(problem("\(section).\(key)", "unknown key"))
            }
            for element in ThemeElement.allCases where element.section == section {
                guard let value = table?[element.key] else { missing.append(element); continue }
                guard let styleTable = value.table else {
                    return .failure(problem("\(section).\(element.key)", "expected a style table like { fg = \"#rrggbb\", attrs = [\"bold\"] }"))
                }
                switch style(from: styleTable) {
                case .success(let style): theme.styles[element] = style
                case .failure(let error): return .failure(problem("\(section).\(element.key)", error.message))
                }
            }
            if section == "timeline", let table {
                if let palette = table["palette"] {
                    guard let array = palette.array else { return .failure(problem("timeline.palette", "expected an array of colours")) }
                    var colors: [Color] = []
                    for item in array {
                        guard let color = color(from: item) else { return .failure(problem("timeline.palette", "bad colour \(item)")) }
                        colors.append(color)
                    }
                    theme.palette = colors
                }
                if let organisations = table["organisations"] {
                    guard let orgTable = organisations.table else { return .failure(problem("timeline.organisations", "expected a table")) }
                    var colors: [String: Color] = [:]
                    for key in orgTable.keys {
                        guard let value = orgTable[key], let color = color(from: value) else {
                            return .failure(problem("timeline.organisations.\(key)", "bad colour"))
                        }
                        colors[key] = color
                    }
                    theme.organisationColors = colors
                }
            }
        }
        return .success(Loaded(theme: theme, missing: missing))
    }

    static func style(from table: TOMLTable) -> Result<Style, StyleError> {
        var style = Style()
        for key in table.keys {
            guard let value = table[key] else { continue }
            switch key {
            case "fg", "bg":
                guard let color = color(from: value) else {
                    return .failure(StyleError(message: "bad colour for \(key): expected \"#rrggbb\", 0–255, a colour name or \"default\""))
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                guard let array = value.array else { return .failure(StyleError(message: "attrs must be an array of names")) }
                for item in array {
                    guard let name = item.string, let attribute = TextAttributes.byName.first(where: { $0.0 == name })?.1 else {
                        return .failure(StyleError(message: "unknown attribute \(item) (bold, dim, italic, underline, reverse)"))
                    }
                    style.attributes.insert(attribute)
                }
            default:
                return .failure(StyleError(message: "unknown key '\(key)' in style (fg, bg, attrs)"))
            }
        }
        return .success(style)
    }

    static func color(from value: TOMLValueConvertible) -> Color? {
        if let number = value.int { return (0...255).contains(number) ? .indexed(UInt8(number)) : nil }
        if let text = value.string { return Color(text: text) }
        return nil
    }
}

/// Where themes are found, and which one a name means.
public struct ThemeDirectory: Sendable {
    public enum Kind: String, Sendable { case user, shipped }

    public struct Entry: Sendable, Hashable {
        public var name: String
        public var path: String
        public var kind: Kind
    }

    /// Searched in order; a user theme shadows a shipped one of the same name.
    public var folders: [(path: String, kind: Kind)]

    public init(folders: [(path: String, kind: Kind)]) { self.folders = folders }

    /// The user's `themes/` in the config directory, then the shipped `themes/`.
    public static func standard(configDirectory: String?, shippedFolder: String?) -> ThemeDirectory {
        var folders: [(String, Kind)] = []
        if let configDirectory { folders.append(((configDirectory as NSString).appendingPathComponent("themes"), .user)) }
        if let shippedFolder { folders.append((shippedFolder, .shipped)) }
        return ThemeDirectory(folders: folders)
    }

    /// Every theme by name, user ones shadowing shipped ones, sorted with `default` first.
    public func entries() -> [Entry] {
        var seen: [String: Entry] = [:]
        for (folder, kind) in folders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in files where file.hasSuffix(".toml") {
                let name = String(file.dropLast(5))
                if seen[name] == nil { seen[name] = Entry(name: name, path: (folder as NSString).appendingPathComponent(file), kind: kind) }
            }
        }
        return seen.values.sorted { ($0.name == "default" ? "" : $0.name) < ($1.name == "default" ? "" : $1.name) }
    }

    /// A theme name, or a path to a `.toml` file.
    public func resolve(_ nameOrPath: String) -> String? {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return FileManager.default.fileExists(atPath: nameOrPath) ? nameOrPath : nil
        }
        return entries().first { $0.name == nameOrPath }?.path
    }
}

struct StyleError: Error {
    var message: String
}

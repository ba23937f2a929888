// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Known AI model releases, shipped as data (`Resources/releases.tsv`) and
/// extendable by the user (`$XDG_CONFIG_HOME/lede/releases.tsv`).
///
/// Columns: model, organisation, date (`YYYY[-MM[-DD]]`), |-separated aliases,
/// source URL. An alias written `~R1` is only trusted right after its
/// organisation's name (`DeepSeek’s R1`, `DeepSeek R1`).
public struct ReleaseCatalogue: Sendable {
    public struct Entry: Sendable, Hashable {
        public var model: String
        public var organisation: String
        public var date: CalendarDate
        /// Names safe to match anywhere (the model name first).
        public var names: [String]
        /// Names only trusted right after the organisation's name.
        public var contextualNames: [String]
        public var source: String
        /// `file:line` the entry came from.
        public var origin: String
    }

    public var entries: [Entry]
    /// Problems with lines that were skipped, as `file:line: message`.
    public var problems: [String]

    public init(entries: [Entry], problems: [String] = []) {
        self.entries = entries
        self.problems = problems
    }

    /// No known releases: every date comes from the articles (`--no-catalogue`).
    public static let empty = ReleaseCatalogue(tsv: "", file: "no catalogue")

    public static let bundled = ReleaseCatalogue(tsv: ModelResources.text("releases.tsv") ?? "", file: "releases.tsv (bundled)")

    /// The bundled catalogue plus the user's file, if there is one. User rows
    /// with the same model name replace bundled ones.
    public static func withUserEntries(configDirectory: String?) -> ReleaseCatalogue {
        var catalogue = bundled
        guard let configDirectory else { return catalogue }
        let path = (configDirectory as NSString).appendingPathComponent("releases.tsv")
        guard FileManager.default.fileExists(atPath: path) else { return catalogue }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            catalogue.problems.append("\(path): cannot read file")
            return catalogue
        }
        let user = ReleaseCatalogue(tsv: text, file: path)
        let replaced = Set(user.entries.map { $0.model.lowercased() })
        catalogue.entries.removeAll { replaced.contains($0.model.lowercased()) }
        catalogue.entries += user.entries
        catalogue.problems += user.problems
        return catalogue
    }

    public init(tsv: String, file: String) {
        var entries: [Entry] = []
        var problems: [String] = []
        for line in ModelResources.dataLines(tsv) {
            let columns = line.text.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let place = "\(file):\(line.number)"
            guard columns.count >= 3 else {
                problems.append("\(place): expected model, organisation, date, aliases, source separated by tabs; found \(columns.count) column(s)")
                continue
            }
            guard !columns[0].isEmpty, !columns[1].isEmpty else {
                problems.append("\(place): model and organisation must not be empty")
                continue
            }
            guard let date = CalendarDate(iso: columns[2]) else {
                problems.append("\(place): bad date '\(columns[2])' (expected YYYY, YYYY-MM or YYYY-MM-DD)")
                continue
            }
            var names = [columns[0]]
            var contextual: [String] = []
            if columns.count > 3 {
                for alias in columns[3].split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !alias.isEmpty {
                    if alias.hasPrefix("~") { contextual.append(String(alias.dropFirst())) } else if !names.contains(alias) { names.append(alias) }
                }
            }
            entries.append(Entry(model: columns[0], organisation: columns[1], date: date, names: names,
                                 contextualNames: contextual, source: columns.count > 4 ? columns[4] : "", origin: place))
        }
        self.entries = entries
        self.problems = problems
    }
}

/// Where lede keeps user files: `$XDG_CONFIG_HOME/lede` or `~/.config/lede`.
public enum ConfigDirectory {
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return (xdg as NSString).appendingPathComponent("lede") }
        if let home = environment["HOME"], !home.isEmpty { return (home as NSString).appendingPathComponent(".config/lede") }
        return nil
    }
}

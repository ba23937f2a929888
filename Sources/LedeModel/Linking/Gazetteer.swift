// SPDX-License-Identifier: Apache-2.0
/// Organisations in and around the AI industry, shipped as data
/// (`Resources/gazetteer.tsv`: name, |-separated aliases, kind). Finds the
/// organisations an article names but its annotations omit.
public struct Gazetteer: Sendable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var aliases: [String]
        public var kind: String
        public var allNames: [String] { [name] + aliases }
    }

    public let entries: [Entry]
    /// Lower-cased name or alias → entry index (the first entry that names it).
    private let entryOfName: [String: Int]

    public init(entries: [Entry]) {
        self.entries = entries
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() {
            for name in entry.allNames where index[name.lowercased()] == nil { index[name.lowercased()] = position }
        }
        entryOfName = index
    }

    public static let bundled = Gazetteer(tsv: ModelResources.text("gazetteer.tsv") ?? "")

    public init(tsv: String) {
        var entries: [Entry] = []
        for line in ModelResources.dataLines(tsv) {
            let columns = line.text.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let name = columns.first, !name.isEmpty else { continue }
            let aliases = columns.count > 1 ? columns[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            entries.append(Entry(name: name, aliases: aliases, kind: columns.count > 2 ? columns[2] : ""))
        }
        self.init(entries: entries)
    }

    /// The entry whose name or alias is `name`, ignoring case.
    public func entry(named name: String) -> Entry? {
        entryOfName[name.lowercased()].map { entries[$0] }
    }
}

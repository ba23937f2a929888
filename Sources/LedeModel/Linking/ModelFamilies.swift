// SPDX-License-Identifier: Apache-2.0
/// Names that look like models but are no release: families (`Llama`,
/// `Claude`, `Qwen`) and products built on models (`ChatGPT`, `Meta AI`).
/// Shipped as data (`Resources/model-families.tsv`: name, `family` or
/// `product`, organisation, |-separated aliases). They become entities of
/// their own type, matched in the model layer (so `Claude 3.7 Sonnet` is
/// still the model), and never a catalogue model's name: a bare `Llama` is
/// the family, not the first Llama.
public struct ModelFamilies: Sendable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var type: EntityType
        public var organisation: String
        public var aliases: [String]
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    public init(tsv: String) {
        var entries: [Entry] = []
        for line in ModelResources.dataLines(tsv) {
            let columns = line.text.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
            guard columns.count >= 2, !columns[0].isEmpty else { continue }
            let type: EntityType = columns[1] == "product" ? .product : .modelFamily
            let aliases = columns.count > 3 ? columns[3].split(separator: "|").map(String.init).filter { !$0.isEmpty } : []
            entries.append(Entry(name: columns[0], type: type, organisation: columns.count > 2 ? columns[2] : "", aliases: aliases))
        }
        self.entries = entries
    }

    public static let bundled = ModelFamilies(tsv: ModelResources.text("model-families.tsv") ?? "")

    /// Tier and variant words (`Resources/model-tiers.txt`).
    public static let bundledTiers = ModelResources.lines("model-tiers.txt")

    /// Every name, lower case.
    public var allNames: Set<String> { Set(entries.flatMap { [$0.name] + $0.aliases }.map { $0.lowercased() }) }
}

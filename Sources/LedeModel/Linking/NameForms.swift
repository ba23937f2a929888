// SPDX-License-Identifier: Apache-2.0
/// The names a reader would see for a concept, derived from its label:
/// legal forms dropped, government forms, demonyms, topic abbreviations.
/// All word lists are data files in `Resources/`.
public struct NameForms: Sendable {
    /// One name with the case rule it should be matched with.
    public struct Form: Sendable, Hashable {
        public var text: String
        public var caseRule: CaseRule
        /// Only counts once the person's full name has appeared in the article.
        public var needsPriorFullName: Bool
        /// A place name that is also an ordinary word or a person's name
        /// (`Jordan`, `Nice`): detected only with a place cue or when the
        /// article names the place unambiguously elsewhere.
        public var needsPlaceContext: Bool = false
    }

    public struct Place: Sendable {
        public var demonyms: [String]
        public var otherNames: [String]
        /// country, territory, region, body, state, province, city; `alias`
        /// rows only spell another row's place (`United States` for `US`).
        public var kind: String = ""
        /// Names (label, demonyms, other names) written `?Name` in the data.
        public var ambiguousNames: Set<String> = []

        /// A place of its own, detected without annotations (not an alias row).
        public var isDetected: Bool { kind != "alias" }
        /// Countries have governments that articles name (`Chinese government`).
        public var hasGovernment: Bool { kind == "country" }
    }

    public var legalForms: Set<String>
    public var places: [String: Place]
    public var topicAliases: [String: [String]]
    /// A two-word name written family name first (`Liang Wenfeng`): its
    /// surname is the first word. From the detection rules' Chinese family
    /// names and pinyin.
    public var isFamilyNameFirst: @Sendable (_ first: String, _ second: String) -> Bool

    public static let bundled = NameForms(
        legalForms: Set(ModelResources.lines("legal-forms.txt")),
        places: Self.parsePlaces(ModelResources.text("places.tsv") ?? ""),
        topicAliases: Self.parseTopicAliases(ModelResources.text("topic-aliases.tsv") ?? ""),
        isFamilyNameFirst: DetectionRules.bundled.isFamilyNameFirst)

    public init(legalForms: Set<String>, places: [String: Place], topicAliases: [String: [String]],
                isFamilyNameFirst: @escaping @Sendable (String, String) -> Bool = { _, _ in false }) {
        self.legalForms = legalForms
        self.places = places
        self.topicAliases = topicAliases
        self.isFamilyNameFirst = isFamilyNameFirst
    }

    /// `places.tsv`: label, demonyms, other names, kind; `?Name` marks a name that needs context.
    static func parsePlaces(_ tsv: String) -> [String: Place] {
        var result: [String: Place] = [:]
        for line in ModelResources.dataLines(tsv) {
            let columns = line.text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var ambiguous = Set<String>()
            func name(_ raw: Substring) -> String {
                guard raw.hasPrefix("?") else { return String(raw) }
                let name = String(raw.dropFirst())
                ambiguous.insert(name)
                return name
            }
            func list(_ index: Int) -> [String] {
                index < columns.count ? columns[index].split(separator: "|").map(name).filter { !$0.isEmpty } : []
            }
            let label = name(Substring(columns[0]))
            guard !label.isEmpty else { continue }
            let kind = columns.count > 3 ? columns[3].trimmingCharacters(in: .whitespaces) : ""
            result[label] = Place(demonyms: list(1), otherNames: list(2), kind: kind, ambiguousNames: ambiguous)
        }
        return result
    }

    /// The organisation a country's government is: named as the publisher
    /// names it (`US Government`, `Government of China`), so an annotated
    /// government and a detected one are one entity.
    public static func governmentLabel(of place: String) -> String {
        caseRule(for: place) == .exact ? "\(place) Government" : "Government of \(place)"
    }

    static func parseTopicAliases(_ tsv: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for line in ModelResources.dataLines(tsv) {
            let columns = line.text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            result[columns[0].lowercased()] = columns.count > 1 ? columns[1].split(separator: "|").map(String.init) : []
        }
        return result
    }

    /// Short all-capital names (`US`, `IBM`) match exactly; mixed-case names
    /// keep their first letter and fold the rest (`Deepmind` ↔ `DeepMind`).
    public static func caseRule(for name: String) -> CaseRule {
        let letters = name.filter(\.isLetter)
        if letters.count <= 5, !letters.isEmpty, letters.allSatisfy({ $0.isUppercase }) { return .exact }
        if name.count <= 3 { return .exact }
        return .firstLetterExact
    }

    /// `Tencent Holdings Ltd` → [`Tencent Holdings`, `Tencent`].
    public func withoutLegalForms(_ label: String) -> [String] {
        var words = label.split(separator: " ").map(String.init)
        var result: [String] = []
        while words.count > 1, let last = words.last, legalForms.contains(last) || legalForms.contains(last.trimmingCharacters(in: .punctuationCharacters)) {
            words.removeLast()
            if words.last?.hasSuffix(",") == true { words[words.count - 1].removeLast() }
            result.append(words.joined(separator: " "))
        }
        return result
    }

    /// Every form to look for, label first.
    public func forms(label: String, type: EntityType) -> [Form] {
        var forms: [Form] = []
        func add(_ text: String, _ rule: CaseRule? = nil, needsPriorFullName: Bool = false, needsPlaceContext: Bool = false) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.count >= 2, !forms.contains(where: { $0.text == trimmed }) else { return }
            forms.append(Form(text: trimmed, caseRule: rule ?? Self.caseRule(for: trimmed), needsPriorFullName: needsPriorFullName,
                              needsPlaceContext: needsPlaceContext))
        }
        switch type {
        case .organisation:
            add(label)
            for form in withoutLegalForms(label) { add(form) }
            if let country = governedPlace(label) {
                add("\(country) government")
                add("Government of \(country)")
                for demonym in places[country]?.demonyms ?? [] { add("\(demonym) government") }
                for other in places[country]?.otherNames ?? [] { add("\(other) government") }
            }
        case .person:
            add(label)
            let words = label.split(separator: " ").map(String.init)
            let surname = words.count == 2 && isFamilyNameFirst(words[0], words[1]) ? words.first : words.count >= 2 ? words.last : nil
            if let surname, surname.count >= 3 {
                add(surname, .exact, needsPriorFullName: true)
            }
        case .location:
            let ambiguous = places[label]?.ambiguousNames ?? []
            add(label, needsPlaceContext: ambiguous.contains(label))
            for name in places[label]?.otherNames ?? [] { add(name, needsPlaceContext: ambiguous.contains(name)) }
            for demonym in places[label]?.demonyms ?? [] { add(demonym, .exact, needsPlaceContext: ambiguous.contains(demonym)) }
        case .topic:
            add(label, .anyCase)
            for alias in topicAliases[label.lowercased()] ?? [] {
                add(alias, Self.caseRule(for: alias) == .exact ? .exact : .anyCase)
            }
        case .model, .modelFamily, .product:
            add(label)
        case .brand, .genre, .other:
            break
        }
        return forms
    }

    /// `Government of China` → `China`; `US Government` → `US`.
    func governedPlace(_ label: String) -> String? {
        let lower = label.lowercased()
        if lower.hasPrefix("government of ") {
            var place = String(label.dropFirst("government of ".count))
            if place.lowercased().hasPrefix("the ") { place = String(place.dropFirst(4)) }
            return place
        }
        if lower.hasSuffix(" government") { return String(label.dropLast(" government".count)) }
        return nil
    }
}

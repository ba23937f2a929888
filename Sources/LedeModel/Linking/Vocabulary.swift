// SPDX-License-Identifier: Apache-2.0
// ~450 lines, one file: the vocabulary is built once per corpus from its
// sources (annotations, gazetteer, places, people, detected names, catalogue) into one set of names and one
// automaton; the merge rules between the sources are the point of the file.

/// A concept one article's annotations list, keyed for the whole corpus.
public struct ConceptContribution: Sendable, Hashable {
    public var key: EntityKey
    public var type: EntityType
    /// The publisher's label, as written in this article.
    public var label: String
    /// Predicates in this article, first seen first.
    public var predicates: [String]
    public var publisherID: String
    public var url: String?
    /// Looked for in the text: not only metadata (brand, genre), authorship
    /// or an implicit topic.
    public var isLookedFor: Bool

    public init(key: EntityKey, type: EntityType, label: String, predicates: [String], publisherID: String,
                url: String?, isLookedFor: Bool) {
        self.key = key
        self.type = type
        self.label = label
        self.predicates = predicates
        self.publisherID = publisherID
        self.url = url
        self.isLookedFor = isLookedFor
    }
}

/// What the articles of a corpus add to the names lede looks for: every
/// annotated concept with all the labels it was given, and the model names
/// found from how the text introduces them. Order-free (sets and sorted
/// keys), so the vocabulary is the same whatever order files arrive in.
public struct VocabularyInput: Sendable, Equatable {
    public struct Concept: Sendable, Equatable {
        public var type: EntityType
        public var labels: Set<String>
        public var isLookedFor: Bool

        public init(type: EntityType, labels: Set<String>, isLookedFor: Bool) {
            self.type = type
            self.labels = labels
            self.isLookedFor = isLookedFor
        }
    }

    public var concepts: [EntityKey: Concept] = [:]
    public var discoveredModels: Set<String> = []
    /// People, organisations and places found in articles without annotations.
    public var detectedNames: Set<DetectedName> = []

    public init() {}

    /// An article's contribution as the index stores it: model names and detected names in one list (`DetectedName.storedForm`).
    public mutating func add(_ concepts: [ConceptContribution], stored discoveries: [String]) {
        let (models, detected) = DetectedName.split(stored: discoveries)
        add(concepts, discoveredModels: models, detectedNames: detected)
    }

    public mutating func add(_ concepts: [ConceptContribution], discoveredModels names: [String], detectedNames detected: [DetectedName] = []) {
        detectedNames.formUnion(detected)
        for concept in concepts {
            if var existing = self.concepts[concept.key] {
                existing.labels.insert(concept.label)
                existing.isLookedFor = existing.isLookedFor || concept.isLookedFor
                self.concepts[concept.key] = existing
            } else {
                self.concepts[concept.key] = Concept(type: concept.type, labels: [concept.label], isLookedFor: concept.isLookedFor)
            }
        }
        discoveredModels.formUnion(names)
    }
}

/// Every entity lede knows for a corpus and one automaton for all their
/// names: the gazetteer's organisations, the catalogue's models, the
/// annotated concepts and the discovered models.
///
/// Entities are numbered in key order; one automaton pattern stands for
/// each distinct (name, case rule) and lists the entities it may mean, so
/// a label repeated under a thousand ids costs one pattern. Built once per
/// corpus (or per index update); linking an article only reads it.
public final class Vocabulary: Sendable {
    /// One entity as the vocabulary knows it (labels shown are chosen later,
    /// from the first article that annotates it).
    public struct Definition: Sendable, Hashable {
        public var key: EntityKey
        public var type: EntityType
        /// Gazetteer name, catalogue model, discovered name, or the first label in sorted order.
        public var defaultLabel: String
        /// Names looked for, label forms first.
        public var names: [String]
        /// Some article annotates it.
        public var isAnnotated: Bool
        /// Catalogue row of a model.
        public var catalogueEntry: Int?
        /// A catalogue model's organisation, when the vocabulary knows it.
        public var organisation: Int?
        /// The catalogue's organisation name, when no entity stands for it.
        public var organisationName: String?
        public var isDiscoveredModel: Bool
        public var url: String?
    }

    /// What one automaton pattern may mean.
    struct Candidate: Sendable, Hashable {
        var entity: Int32
        var isModelLayer: Bool
        var needsPriorFullName: Bool
        /// UTF-8 bytes at the start of the pattern that are context, not the
        /// mention (`DeepSeek’s ` before `R1`).
        var contextBytes: Int32
        var fromAnnotation: Bool
        /// An ambiguous place name (`Jordan`): counts only with a place cue
        /// or when the article names the place unambiguously.
        var needsPlaceContext: Bool = false
        /// A short model alias (`R1`) counts only after this organisation
        /// has been named earlier in the same sentence.
        var requiresOrganisation: Int32?
    }

    public let definitions: [Definition]
    public let indexOfKey: [EntityKey: Int]
    let matcher: NameMatcher
    /// Per matcher pattern, the entities it may mean.
    let candidates: [[Candidate]]
    /// A summary of every pattern and what it means: equal fingerprints,
    /// equal linking results.
    public let patternKeys: Set<String>

    public var count: Int { definitions.count }

    public init(input: VocabularyInput, linker: EntityLinker) {
        var builder = VocabularyBuilder(linker: linker)
        builder.addGazetteer()
        builder.addPlaces()
        builder.addKnownPeople()
        builder.addConcepts(input.concepts)
        builder.addDetected(input.detectedNames)
        builder.addFamilies()
        builder.addCatalogue()
        builder.addDiscoveredModels(input.discoveredModels)
        let built = builder.finish()
        definitions = built.definitions
        indexOfKey = built.indexOfKey
        matcher = NameMatcher(patterns: built.patterns)
        candidates = built.candidates
        patternKeys = built.patternKeys
    }

    /// Names that distinguish two vocabularies: every pattern text one has and the
    /// other has not (or has with another meaning). An article whose text holds
    /// none of them links the same under both.
    public func changedNames(comparedWith other: Vocabulary?) -> [String] {
        guard let other else { return Array(Set(matcher.patterns.map(\.text))).sorted() }
        let changed = patternKeys.symmetricDifference(other.patternKeys)
        return Array(Set(changed.compactMap { $0.split(separator: "\u{1}", maxSplits: 1).first.map(String.init) })).sorted()
    }
}

/// Builds the entity table and the names to look for.
struct VocabularyBuilder {
    let linker: EntityLinker
    var definitions: [EntityKey: Vocabulary.Definition] = [:]
    /// Forms per entity key, with whether they came from a publisher's label.
    var forms: [EntityKey: [(form: NameForms.Form, fromAnnotation: Bool)]] = [:]

    init(linker: EntityLinker) { self.linker = linker }

    /// Short catalogue names (`R1`) that an article introduced as a model on its own: in this corpus they
    /// name the catalogue's model without its organisation beside them.
    var introducedContextualNames: Set<String> = []

    mutating func addForm(_ form: NameForms.Form, fromAnnotation: Bool, to key: EntityKey) {
        var list = forms[key, default: []]
        if let existing = list.firstIndex(where: { $0.form.text == form.text }) {
            if fromAnnotation && !list[existing].fromAnnotation { list[existing].fromAnnotation = true }
        } else {
            list.append((form, fromAnnotation))
        }
        forms[key] = list
    }

    /// Every gazetteer organisation, detected unless an annotation names it.
    mutating func addGazetteer() {
        for entry in linker.gazetteer.entries {
            let key = EntityKey(type: .organisation, name: entry.name)
            guard definitions[key] == nil else { continue }
            definitions[key] = .init(key: key, type: .organisation, defaultLabel: entry.name, names: [], isAnnotated: false,
                                     isDiscoveredModel: false)
            for name in entry.allNames {
                for form in linker.nameForms.forms(label: name, type: .organisation) { addForm(form, fromAnnotation: false, to: key) }
            }
        }
    }

    /// Every place of `places.tsv` and every country's government, detected
    /// unless an annotation names them (alias rows only spell an annotated label).
    mutating func addPlaces() {
        let places = linker.nameForms.places
        for label in places.keys.sorted() where places[label]!.isDetected {
            addDetectedEntity(EntityKey(type: .location, name: label), type: .location, label: label)
            if places[label]!.hasGovernment {
                let government = NameForms.governmentLabel(of: label)
                addDetectedEntity(EntityKey(type: .organisation, name: government), type: .organisation, label: government)
            }
        }
    }

    /// Well-known people (`people.tsv`), under their name and aliases.
    mutating func addKnownPeople() {
        for person in linker.detectionRules.people {
            let key = EntityKey(type: .person, name: person.name)
            addDetectedEntity(key, type: .person, label: person.name)
            for alias in person.aliases {
                for form in linker.nameForms.forms(label: alias, type: .person) { addForm(form, fromAnnotation: false, to: key) }
            }
        }
    }

    /// Names the detection rules or a tagger found in some article; an entity
    /// an annotation or the data already holds keeps its own names and label.
    mutating func addDetected(_ names: Set<DetectedName>) {
        for detected in names.sorted() {
            let key = detected.type == .organisation ? linker.key(label: detected.name, type: .organisation)
                : EntityKey(type: detected.type, name: detected.name)
            guard definitions[key] == nil else { continue }
            addDetectedEntity(key, type: detected.type, label: detected.name)
        }
    }

    mutating func addDetectedEntity(_ key: EntityKey, type: EntityType, label: String) {
        guard definitions[key] == nil else { return }
        definitions[key] = .init(key: key, type: type, defaultLabel: label, names: [], isAnnotated: false, isDiscoveredModel: false)
        for form in linker.nameForms.forms(label: label, type: type) { addForm(form, fromAnnotation: false, to: key) }
        if type == .organisation, let short = shortOrganisationName(label) { addForm(short, fromAnnotation: false, to: key) }
    }

    /// `Aurora` for `Aurora Labs`, `Tallow` for `Tallow AI`: a two-word organisation name ending in an industry
    /// word is called by its first word once the article has named it in full (as a surname is).
    func shortOrganisationName(_ label: String) -> NameForms.Form? {
        let words = label.split(separator: " ")
        guard words.count == 2, words[0].count >= 4, linker.organisationSuffixes.contains(String(words[1])),
              words[0].first?.isUppercase == true, words[0].allSatisfy({ $0.isLetter }) else { return nil }
        return NameForms.Form(text: String(words[0]), caseRule: .exact, needsPriorFullName: true)
    }

    /// Annotated concepts: every label's forms. An organisation the gazetteer
    /// knows was keyed by its gazetteer name, so it gains the gazetteer's aliases.
    mutating func addConcepts(_ concepts: [EntityKey: VocabularyInput.Concept]) {
        for key in concepts.keys.sorted() {
            let concept = concepts[key]!
            let labels = concept.labels.sorted()
            if var existing = definitions[key] {
                existing.isAnnotated = true
                definitions[key] = existing
            } else {
                definitions[key] = .init(key: key, type: concept.type, defaultLabel: labels.first ?? key.raw, names: [],
                                         isAnnotated: true, isDiscoveredModel: false)
            }
            guard concept.isLookedFor else { continue }
            // Label forms go before the gazetteer's aliases.
            let previous = forms[key] ?? []
            forms[key] = []
            for label in labels {
                for form in linker.nameForms.forms(label: label, type: concept.type) { addForm(form, fromAnnotation: true, to: key) }
                if concept.type == .organisation, let short = shortOrganisationName(label) { addForm(short, fromAnnotation: true, to: key) }
            }
            for (form, fromAnnotation) in previous { addForm(form, fromAnnotation: fromAnnotation, to: key) }
        }
    }

    /// Model families and products (`Resources/model-families.tsv`): entities
    /// of their own, and their names are never a catalogue model's.
    mutating func addFamilies() {
        for family in linker.families.entries {
            let key = EntityKey(type: family.type, name: family.name)
            guard definitions[key] == nil else { continue }
            definitions[key] = .init(key: key, type: family.type, defaultLabel: family.name, names: [], isAnnotated: false,
                                     isDiscoveredModel: false)
            for name in [family.name] + family.aliases {
                addForm(NameForms.Form(text: name, caseRule: name.count <= 3 ? .exact : .firstLetterExact, needsPriorFullName: false),
                        fromAnnotation: false, to: key)
            }
        }
    }

    mutating func addCatalogue() {
        let familyNames = linker.families.allNames
        for (entryIndex, entry) in linker.catalogue.entries.enumerated() {
            let key = EntityKey(type: .model, name: entry.model)
            if definitions[key]?.catalogueEntry != nil { continue }
            var definition = definitions[key] ?? .init(key: key, type: .model, defaultLabel: entry.model, names: [],
                                                       isAnnotated: false, isDiscoveredModel: false)
            definition.catalogueEntry = entryIndex
            definition.url = entry.source.isEmpty ? nil : entry.source
            definitions[key] = definition
            for name in entry.names where !familyNames.contains(name.lowercased()) {
                addForm(NameForms.Form(text: name, caseRule: name.count <= 3 ? .exact : .firstLetterExact, needsPriorFullName: false),
                        fromAnnotation: false, to: key)
            }
        }
        // Spacing and hyphen variants (`Qwen 2.5-Max` is `Qwen2.5-Max`), unless another row or a family has the name.
        let owners = Dictionary(linker.catalogue.entries.enumerated().flatMap { index, entry in entry.names.map { ($0.lowercased(), index) } },
                                uniquingKeysWith: { first, _ in first })
        for (entryIndex, entry) in linker.catalogue.entries.enumerated() {
            let key = EntityKey(type: .model, name: entry.model)
            guard definitions[key]?.catalogueEntry == entryIndex else { continue }
            for name in entry.names where !familyNames.contains(name.lowercased()) {
                for variant in Self.spellingVariants(of: name) where !familyNames.contains(variant.lowercased()) {
                    if let owner = owners[variant.lowercased()], owner != entryIndex { continue }
                    addForm(NameForms.Form(text: variant, caseRule: .firstLetterExact, needsPriorFullName: false), fromAnnotation: false, to: key)
                }
            }
        }
        // A version without its tier (`Claude 3.7`) is the one model of that
        // version, when the catalogue has exactly one and the name is free.
        let taken = Set(linker.catalogue.entries.flatMap(\.names).map { $0.lowercased() }).union(familyNames)
        var untiered: [String: [Int]] = [:]
        let tiers = Set(ModelFamilies.bundledTiers)
        for (entryIndex, entry) in linker.catalogue.entries.enumerated() {
            var words = entry.model.split(separator: " ")
            guard words.count >= 2, let last = words.last, tiers.contains(String(last)) else { continue }
            words.removeLast()
            guard words.last?.first?.isNumber == true else { continue }
            untiered[words.joined(separator: " "), default: []].append(entryIndex)
        }
        for name in untiered.keys.sorted() where untiered[name]!.count == 1 && !taken.contains(name.lowercased()) {
            let entry = linker.catalogue.entries[untiered[name]![0]]
            let key = EntityKey(type: .model, name: entry.model)
            guard definitions[key]?.catalogueEntry == untiered[name]![0] else { continue }
            addForm(NameForms.Form(text: name, caseRule: .firstLetterExact, needsPriorFullName: false), fromAnnotation: false, to: key)
        }
    }

    /// A model name as news text also spells it: a space or hyphen between
    /// its parts may be either (`Qwen 2.5-Max`, `Qwen 2.5 Max`), and a family
    /// word of three letters or more may stand apart from its version or not
    /// (`Qwen2.5`, `Qwen 2.5`, `Qwen-2.5`). At most four places vary.
    static func spellingVariants(of name: String) -> [String] {
        let characters = Array(name)
        guard characters.count > 3 else { return [] }
        // Each varying place: the range of characters it replaces, and the choices.
        var places: [(range: Range<Int>, choices: [String])] = []
        var letterRun = 0
        for index in characters.indices {
            let character = characters[index]
            if character == " " || character == "-" {
                if index > 0, index + 1 < characters.count, characters[index - 1].isLetter || characters[index - 1].isNumber,
                   characters[index + 1].isLetter || characters[index + 1].isNumber {
                    let nextIsDigit = characters[index + 1].isNumber
                    places.append((index..<(index + 1), letterRun >= 3 && nextIsDigit ? [" ", "-", ""] : [" ", "-"]))
                }
                letterRun = 0
            } else if character.isNumber, letterRun >= 3 {
                places.append((index..<index, ["", " ", "-"]))
                letterRun = 0
            } else {
                letterRun = character.isLetter ? letterRun + 1 : 0
            }
        }
        guard !places.isEmpty, places.count <= 4 else { return [] }
        var results: [String] = []
        var choice = [Int](repeating: 0, count: places.count)
        while true {
            var text = ""
            var cursor = 0
            for (placeIndex, place) in places.enumerated() {
                text += String(characters[cursor..<place.range.lowerBound]) + place.choices[choice[placeIndex]]
                cursor = place.range.upperBound
            }
            text += String(characters[cursor...])
            if text != name, !results.contains(text) { results.append(text) }
            var digit = 0
            while digit < places.count {
                choice[digit] += 1
                if choice[digit] < places[digit].choices.count { break }
                choice[digit] = 0
                digit += 1
            }
            if digit == places.count { break }
        }
        return results
    }

    /// Names the text introduced as models and nothing else knows.
    mutating func addDiscoveredModels(_ names: Set<String>) {
        var known = Set(forms.values.joined().map { $0.form.text.lowercased() })
        let contextual = Set(linker.catalogue.entries.flatMap(\.contextualNames).map { $0.lowercased() })
        for name in names.sorted() where !known.contains(name.lowercased()) {
            if contextual.contains(name.lowercased()) {
                introducedContextualNames.insert(name.lowercased())
                continue
            }
            let key = EntityKey(type: .model, name: name)
            guard definitions[key] == nil else { continue }
            known.insert(name.lowercased())
            definitions[key] = .init(key: key, type: .model, defaultLabel: name, names: [], isAnnotated: false, isDiscoveredModel: true)
            addForm(NameForms.Form(text: name, caseRule: .exact, needsPriorFullName: false), fromAnnotation: false, to: key)
        }
    }

    struct Built {
        var definitions: [Vocabulary.Definition]
        var indexOfKey: [EntityKey: Int]
        var patterns: [NamePattern]
        var candidates: [[Vocabulary.Candidate]]
        var patternKeys: Set<String>
    }

    func finish() -> Built {
        let keys = definitions.keys.sorted()
        var indexOfKey: [EntityKey: Int] = [:]
        for (index, key) in keys.enumerated() { indexOfKey[key] = index }
        var table = keys.map { definitions[$0]! }
        for index in table.indices { table[index].names = (forms[keys[index]] ?? []).map(\.form.text) }

        var patternIndex: [PatternSlot: Int] = [:]
        var patterns: [NamePattern] = []
        var candidates: [[Vocabulary.Candidate]] = []
        var patternKeys: Set<String> = []
        func add(_ text: String, _ rule: CaseRule, _ candidate: Vocabulary.Candidate) {
            guard !text.isEmpty else { return }
            let slot = PatternSlot(text: text, rule: rule)
            let index: Int
            if let existing = patternIndex[slot] { index = existing } else {
                index = patterns.count
                patternIndex[slot] = index
                patterns.append(NamePattern(text: text, caseRule: rule, payload: index))
                candidates.append([])
            }
            guard !candidates[index].contains(candidate) else { return }
            candidates[index].append(candidate)
            let organisation = candidate.requiresOrganisation.map { keys[Int($0)].raw } ?? ""
            patternKeys.insert([text, "\(rule)", keys[Int(candidate.entity)].raw, candidate.needsPriorFullName ? "p" : "",
                                "\(candidate.contextBytes)", candidate.fromAnnotation ? "a" : "", organisation,
                                candidate.needsPlaceContext ? "c" : ""]
                .joined(separator: "\u{1}"))
        }

        for (index, key) in keys.enumerated() {
            let isModel = table[index].type.isModelLayer
            for (form, fromAnnotation) in forms[key] ?? [] {
                add(form.text, form.caseRule, .init(entity: Int32(index), isModelLayer: isModel, needsPriorFullName: form.needsPriorFullName,
                                                    contextBytes: 0, fromAnnotation: fromAnnotation,
                                                    needsPlaceContext: form.needsPlaceContext, requiresOrganisation: nil))
            }
        }

        // Catalogue models: the organisation of each, and `~R1` aliases only
        // right after the organisation (`DeepSeek’s R1`, `DeepSeek R1`) or
        // later in a sentence that named it.
        for (entryIndex, entry) in linker.catalogue.entries.enumerated() {
            guard let modelIndex = indexOfKey[EntityKey(type: .model, name: entry.model)],
                  table[modelIndex].catalogueEntry == entryIndex else { continue }
            let gazetteerEntry = linker.gazetteer.entry(named: entry.organisation)
            let organisationKey = EntityKey(type: .organisation, name: gazetteerEntry?.name ?? entry.organisation)
            let organisation = indexOfKey[organisationKey]
            table[modelIndex].organisation = organisation
            table[modelIndex].organisationName = entry.organisation
            var organisationNames = gazetteerEntry?.allNames ?? [entry.organisation]
            if let organisation { organisationNames += table[organisation].names }
            for name in entry.contextualNames {
                if introducedContextualNames.contains(name.lowercased()) {
                    add(name, .exact, .init(entity: Int32(modelIndex), isModelLayer: true, needsPriorFullName: false, contextBytes: 0,
                                            fromAnnotation: false, requiresOrganisation: nil))
                } else if let organisation {
                    add(name, .exact, .init(entity: Int32(modelIndex), isModelLayer: true, needsPriorFullName: false, contextBytes: 0,
                                            fromAnnotation: false, requiresOrganisation: Int32(organisation)))
                }
                for organisationName in Set(organisationNames).sorted() {
                    for glue in ["’s ", "'s ", " "] {
                        let prefix = organisationName + glue
                        add(prefix + name, .firstLetterExact,
                            .init(entity: Int32(modelIndex), isModelLayer: true, needsPriorFullName: false,
                                  contextBytes: Int32(prefix.utf8.count), fromAnnotation: false, requiresOrganisation: nil))
                    }
                }
            }
            table[modelIndex].names += entry.contextualNames.filter { !table[modelIndex].names.contains($0) }
        }
        return Built(definitions: table, indexOfKey: indexOfKey, patterns: patterns, candidates: candidates, patternKeys: patternKeys)
    }

    struct PatternSlot: Hashable {
        var text: String
        var rule: CaseRule
    }
}

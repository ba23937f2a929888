/// Turns annotations, the gazetteer and the release catalogue into entities,
/// and finds their mentions in every paragraph.
///
/// Two layers are matched in one pass of one automaton: concepts
/// (organisations, people, places, topics) and AI models. Within a layer
/// the leftmost-longest name wins (`US government` is US Government, not
/// US); across layers mentions may overlap (`DeepSeek R1` is a model mention
/// that holds an organisation mention).
public struct EntityLinker: Sendable {
    public var gazetteer: Gazetteer
    public var catalogue: ReleaseCatalogue
    public var nameForms: NameForms

    public init(gazetteer: Gazetteer = .bundled, catalogue: ReleaseCatalogue = .bundled, nameForms: NameForms = .bundled) {
        self.gazetteer = gazetteer
        self.catalogue = catalogue
        self.nameForms = nameForms
    }

    public struct Result: Sendable {
        public var entities: [Entity]
        /// Every mention, in reading order.
        public var mentions: [Mention]
        /// For each article, the entity indices its annotations list.
        public var annotatedEntities: [Set<Int>]
        /// The catalogue entry of each model entity.
        public var catalogueEntryOfModel: [Int: Int]
    }

    enum Layer: Int { case concept = 0, model = 1 }

    /// What one automaton pattern stands for.
    struct PatternInfo {
        var entity: Int
        var layer: Layer
        var needsPriorFullName: Bool
        /// UTF-8 bytes at the start of the pattern that are context, not the
        /// mention (`DeepSeek’s ` before `R1`).
        var contextBytes: Int
        var fromAnnotation: Bool
        /// A short model alias (`R1`) counts only after this organisation
        /// has been named earlier in the same sentence.
        var requiresOrganisation: Int? = nil
    }

    public func link(_ articles: [Article]) -> Result {
        var builder = EntityTableBuilder(gazetteer: gazetteer, nameForms: nameForms)
        builder.addAnnotations(of: articles)
        builder.addGazetteer()
        let modelEntry = builder.addCatalogue(catalogue)
        let knownNames = Set(builder.entities.flatMap { $0.names })
        let discovered = ModelNameScanner().names(in: articles.flatMap(\.paragraphs), known: knownNames)
        let discoveredModels = discovered.map { name in
            builder.addEntity(Entity(id: "model:\(name)", label: name, type: .model, source: .detected, names: [name]),
                              forms: [NameForms.Form(text: name, caseRule: .exact, needsPriorFullName: false)])
        }
        let (patterns, infos) = builder.patterns()
        let matcher = NameMatcher(patterns: patterns)

        var mentions: [Mention] = []
        for (articleIndex, article) in articles.enumerated() {
            let annotatedHere = builder.annotatedEntities[articleIndex]
            var fullNameSeen: Set<Int> = []
            for (paragraphIndex, paragraph) in article.paragraphs.enumerated() {
                var text = paragraph
                text.withUTF8 { bytes in
                    let candidates = matcher.allMatches(in: bytes).filter { match in
                        let info = infos[match.pattern]
                        let entity = builder.entities[info.entity]
                        // Topics are generic words: only where the article is about them.
                        if entity.type == .topic { return annotatedHere.contains(info.entity) }
                        return true
                    }
                    func rank(_ match: NameMatch) -> Int {
                        let info = infos[match.pattern]
                        return (annotatedHere.contains(info.entity) ? 4 : 0) + (info.fromAnnotation ? 2 : 0) + (info.needsPriorFullName ? 0 : 1)
                    }
                    var chosen: [(NameMatch, PatternInfo)] = []
                    for layer in [Layer.concept, .model] {
                        let inLayer = candidates.filter { infos[$0.pattern].layer == layer }
                        let picked = matcher.leftmostLongest(inLayer, rank: rank) { match in
                            let info = infos[match.pattern]
                            if let organisation = info.requiresOrganisation {
                                return chosen.contains { concept, conceptInfo in
                                    conceptInfo.entity == organisation && concept.byteEnd <= match.byteStart
                                        && Self.sameSentence(bytes, from: concept.byteEnd, to: match.byteStart)
                                }
                            }
                            if info.needsPriorFullName { return fullNameSeen.contains(info.entity) }
                            if builder.entities[info.entity].type == .person { fullNameSeen.insert(info.entity) }
                            return true
                        }
                        chosen += picked.map { ($0, infos[$0.pattern]) }
                    }
                    let scalarOffset = ScalarOffsetCounter.scalarOffsets(
                        ofBytes: chosen.flatMap { [$0.0.byteStart + $0.1.contextBytes, $0.0.byteEnd] }, in: bytes)
                    for (match, info) in chosen {
                        let byteStart = match.byteStart + info.contextBytes
                        let start = scalarOffset[byteStart]!
                        let end = scalarOffset[match.byteEnd]!
                        let slice = String(decoding: UnsafeBufferPointer(rebasing: bytes[byteStart..<match.byteEnd]), as: UTF8.self)
                        mentions.append(Mention(entity: info.entity, article: articleIndex, paragraph: paragraphIndex,
                                                start: start, end: end, text: slice,
                                                isDetected: !annotatedHere.contains(info.entity)))
                    }
                }
            }
        }
        mentions.sort(by: Mention.readingOrder)
        var entities = builder.entities
        assignOrganisations(to: discoveredModels, entities: &entities, mentions: mentions, articles: articles)
        return Result(entities: entities, mentions: mentions, annotatedEntities: builder.annotatedEntities,
                      catalogueEntryOfModel: modelEntry)
    }
}

extension EntityLinker {
    /// No sentence end between two byte offsets, and not too far apart.
    static func sameSentence(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard end - start <= 300 else { return false }
        var index = start
        while index + 1 < end {
            if (bytes[index] == 0x2E || bytes[index] == 0x3F || bytes[index] == 0x21) && bytes[index + 1] == 0x20 { return false }
            index += 1
        }
        return true
    }

    /// A model found by pattern belongs to the organisation named nearest to
    /// its first mention in the same sentence.
    func assignOrganisations(to models: [Int], entities: inout [Entity], mentions: [Mention], articles: [Article]) {
        for model in models {
            guard let first = mentions.first(where: { $0.entity == model }) else { continue }
            let scalars = Array(articles[first.article].paragraphs[first.paragraph].unicodeScalars)
            guard let sentence = ReleaseExtractor.sentences(scalars).first(where: { $0.contains(first.start) }) else { continue }
            let organisations = mentions.filter {
                $0.article == first.article && $0.paragraph == first.paragraph && sentence.contains($0.start)
                    && entities[$0.entity].type == .organisation && !($0.start >= first.start && $0.end <= first.end)
            }
            let nearest = organisations.min { ReleaseExtractor.gap($0, first.start, first.end) < ReleaseExtractor.gap($1, first.start, first.end) }
            entities[model].organisation = nearest.map { entities[$0.entity].label }
        }
    }
}

/// Builds the entity table and the names to look for; kept apart from the
/// matching loop so that each step reads on its own.
struct EntityTableBuilder {
    let gazetteer: Gazetteer
    let nameForms: NameForms
    var entities: [Entity] = []
    var indexByID: [String: Int] = [:]
    var annotatedEntities: [Set<Int>] = []
    /// Names per entity, with their case rules.
    var forms: [[NameForms.Form]] = []
    /// Which forms came from the publisher's label (rank higher on ties).
    var annotatedFormCount: [Int] = []
    /// Contextual model patterns: (entity, context prefix, model name).
    var contextualModelNames: [(entity: Int, prefix: String, name: String)] = []
    /// Short model aliases trusted after their organisation in the same sentence.
    var sentenceModelNames: [(entity: Int, organisation: Int, name: String)] = []
    /// Gazetteer name (lower-cased) → entity.
    var entityOfOrganisationName: [String: Int] = [:]

    init(gazetteer: Gazetteer, nameForms: NameForms) {
        self.gazetteer = gazetteer
        self.nameForms = nameForms
    }

    mutating func addEntity(_ entity: Entity, forms entityForms: [NameForms.Form]) -> Int {
        let index = entities.count
        entities.append(entity)
        indexByID[entity.id] = index
        forms.append(entityForms)
        annotatedFormCount.append(entity.source == .annotation ? entityForms.count : 0)
        return index
    }

    mutating func addAnnotations(of articles: [Article]) {
        for article in articles {
            var here: Set<Int> = []
            for concept in article.concepts {
                if let index = indexByID[concept.id] {
                    for predicate in concept.predicates where !entities[index].predicates.contains(predicate) {
                        entities[index].predicates.append(predicate)
                    }
                    here.insert(index)
                    continue
                }
                // A concept listed only for classification or authorship is
                // metadata: it is an entity, but not looked for in the text.
                let lookedFor = !concept.type.isArticleMetadata
                    && !(concept.type == .topic && concept.isOnlyImplicit)
                    && !concept.predicates.allSatisfy { Annotation.authorPredicates.contains($0) }
                let conceptForms = lookedFor ? nameForms.forms(label: concept.label, type: concept.type) : []
                // Two publisher ids for one organisation (`Alibaba`, `Alibaba Group
                // Holding Ltd`) share a gazetteer row: keep one entity.
                if concept.type == .organisation, let existing = organisationEntity(matching: conceptForms) {
                    indexByID[concept.id] = existing
                    here.insert(existing)
                    continue
                }
                let index = addEntity(Entity(id: concept.id, label: concept.label, type: concept.type,
                                             predicates: concept.predicates, source: .annotation,
                                             names: conceptForms.map(\.text), url: concept.url), forms: conceptForms)
                if concept.type == .organisation { linkGazetteer(to: index) }
                here.insert(index)
            }
            annotatedEntities.append(here)
        }
    }

    func organisationEntity(matching conceptForms: [NameForms.Form]) -> Int? {
        for form in conceptForms {
            if let entry = gazetteer.entry(named: form.text), let index = entityOfOrganisationName[entry.name.lowercased()] {
                return index
            }
        }
        return nil
    }

    /// An annotated organisation takes over the gazetteer row that names it,
    /// with its aliases (`Deepmind Technologies Ltd` gains `Google DeepMind`).
    mutating func linkGazetteer(to index: Int) {
        for form in forms[index] {
            guard let entry = gazetteer.entry(named: form.text) else { continue }
            guard entityOfOrganisationName[entry.name.lowercased()] == nil else { continue }
            entityOfOrganisationName[entry.name.lowercased()] = index
            for name in entry.allNames where !forms[index].contains(where: { $0.text == name }) {
                forms[index].append(NameForms.Form(text: name, caseRule: NameForms.caseRule(for: name), needsPriorFullName: false))
                entities[index].names.append(name)
            }
            return
        }
    }

    /// Organisations no annotation named become detected entities.
    mutating func addGazetteer() {
        for entry in gazetteer.entries where entityOfOrganisationName[entry.name.lowercased()] == nil {
            var entryForms: [NameForms.Form] = []
            for name in entry.allNames {
                for form in nameForms.forms(label: name, type: .organisation) where !entryForms.contains(where: { $0.text == form.text }) {
                    entryForms.append(form)
                }
            }
            let index = addEntity(Entity(id: "detected:\(entry.name)", label: entry.name, type: .organisation,
                                         source: .detected, names: entryForms.map(\.text)), forms: entryForms)
            entityOfOrganisationName[entry.name.lowercased()] = index
        }
    }

    /// AI models from the catalogue; returns model entity → catalogue entry.
    mutating func addCatalogue(_ catalogue: ReleaseCatalogue) -> [Int: Int] {
        var entryOfModel: [Int: Int] = [:]
        for (entryIndex, entry) in catalogue.entries.enumerated() {
            let id = "model:\(entry.model)"
            if let existing = indexByID[id] {
                entryOfModel[existing] = entryIndex
                continue
            }
            let organisation = entityOfOrganisationName[entry.organisation.lowercased()]
            let organisationLabel = organisation.map { entities[$0].label } ?? entry.organisation
            let modelForms = entry.names.map { name in
                NameForms.Form(text: name, caseRule: name.count <= 3 ? .exact : .firstLetterExact, needsPriorFullName: false)
            }
            let index = addEntity(Entity(id: id, label: entry.model, type: .model, source: .detected,
                                         names: entry.names + entry.contextualNames, url: entry.source.isEmpty ? nil : entry.source,
                                         organisation: organisationLabel), forms: modelForms)
            entryOfModel[index] = entryIndex
            // `~R1` only right after the organisation: `DeepSeek’s R1`, `DeepSeek R1`.
            var organisationNames = gazetteer.entry(named: entry.organisation)?.allNames ?? [entry.organisation]
            if let organisation { organisationNames += forms[organisation].map(\.text) }
            for name in entry.contextualNames {
                if let organisation { sentenceModelNames.append((index, organisation, name)) }
                for organisationName in Set(organisationNames) {
                    for glue in ["’s ", "'s ", " "] {
                        contextualModelNames.append((index, organisationName + glue, name))
                    }
                }
            }
        }
        return entryOfModel
    }

    func patterns() -> ([NamePattern], [EntityLinker.PatternInfo]) {
        var patterns: [NamePattern] = []
        var infos: [EntityLinker.PatternInfo] = []
        for (index, entityForms) in forms.enumerated() {
            let layer: EntityLinker.Layer = entities[index].type == .model ? .model : .concept
            for (formIndex, form) in entityForms.enumerated() {
                patterns.append(NamePattern(text: form.text, caseRule: form.caseRule, payload: index))
                infos.append(.init(entity: index, layer: layer, needsPriorFullName: form.needsPriorFullName,
                                   contextBytes: 0, fromAnnotation: formIndex < annotatedFormCount[index]))
            }
        }
        for (entity, prefix, name) in contextualModelNames {
            patterns.append(NamePattern(text: prefix + name, caseRule: .firstLetterExact, payload: entity))
            infos.append(.init(entity: entity, layer: .model, needsPriorFullName: false,
                               contextBytes: prefix.utf8.count, fromAnnotation: false))
        }
        for (entity, organisation, name) in sentenceModelNames {
            patterns.append(NamePattern(text: name, caseRule: .exact, payload: entity))
            infos.append(.init(entity: entity, layer: .model, needsPriorFullName: false, contextBytes: 0,
                               fromAnnotation: false, requiresOrganisation: organisation))
        }
        return (patterns, infos)
    }
}

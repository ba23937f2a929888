// SPDX-License-Identifier: Apache-2.0
/// One article's part in what the corpus knows of one entity: how often it
/// names it, and the annotation that lists it there.
public struct EntityOccurrence: Sendable, Hashable {
    public var article: ArticleID
    public var published: CalendarDate?
    public var mentions: Int
    /// Ordinal of the first mention in the article (meaningless when `mentions` is 0).
    public var firstOrdinal: Int32
    /// The article's annotation of the entity, if it has one.
    public var concept: ConceptContribution?

    public init(article: ArticleID, published: CalendarDate?, mentions: Int, firstOrdinal: Int32, concept: ConceptContribution?) {
        self.article = article
        self.published = published
        self.mentions = mentions
        self.firstOrdinal = firstOrdinal
        self.concept = concept
    }
}

/// What the corpus knows of one entity, folded from its occurrences in
/// reading order: the label, url and publisher id of the first article that
/// annotates it, the predicates of all in first-seen order, the mention
/// count, the first mention and the earliest publication naming it.
///
/// Both stores fold the same way (the index one entity at a time from its
/// rows, the in-memory store article by article), so they agree.
public struct EntityAggregate: Sendable, Hashable {
    public var label: String?
    public var predicates: [String] = []
    public var url: String?
    public var publisherID: String?
    public var mentionCount = 0
    public var firstMention: MentionID?
    public var earliestPublished: CalendarDate?
    public var latestPublished: CalendarDate?
    public var isAnnotated = false

    public init() {}

    /// Adds the next occurrence in reading order.
    public mutating func add(_ occurrence: EntityOccurrence) {
        if let concept = occurrence.concept {
            if label == nil {
                label = concept.label
                url = concept.url
                publisherID = concept.publisherID
            }
            isAnnotated = true
            for predicate in concept.predicates where !predicates.contains(predicate) { predicates.append(predicate) }
        }
        guard occurrence.mentions > 0 else { return }
        mentionCount += occurrence.mentions
        if firstMention == nil { firstMention = MentionID(article: occurrence.article, ordinal: occurrence.firstOrdinal) }
        if let published = occurrence.published, earliestPublished.map({ published < $0 }) ?? true { earliestPublished = published }
        if let published = occurrence.published, latestPublished.map({ $0 < published }) ?? true { latestPublished = published }
    }
}

extension EntityAggregate {
    /// Folds an article's annotations, keyed by entity key, in reading order.
    public static func fold(_ concepts: [ConceptContribution], article: ArticleID, into aggregates: inout [EntityKey: EntityAggregate]) {
        for concept in concepts {
            aggregates[concept.key, default: EntityAggregate()].add(
                EntityOccurrence(article: article, published: nil, mentions: 0, firstOrdinal: 0, concept: concept))
        }
    }
}

extension LinkedArticle {
    /// Mention counts and first ordinals, by entity, in order of first mention.
    public var entityCounts: [(entity: Int32, mentions: Int, firstOrdinal: Int32)] {
        var result: [(entity: Int32, mentions: Int, firstOrdinal: Int32)] = []
        var slot: [Int32: Int] = [:]
        for (ordinal, mention) in mentions.enumerated() {
            if let index = slot[mention.entity] {
                result[index].mentions += 1
            } else {
                slot[mention.entity] = result.count
                result.append((mention.entity, 1, Int32(ordinal)))
            }
        }
        return result
    }
}

/// Turns a vocabulary and the aggregates of its entities into the
/// corpus-wide entities and releases.
public struct CorpusAssembler: Sendable {
    public let vocabulary: Vocabulary
    public let catalogue: ReleaseCatalogue
    public var aggregates: [EntityAggregate]
    /// Discovered models: the organisation named nearest their first mention (first article wins).
    public var discoveredOrganisation: [Int32: Int32?] = [:]
    /// Release statements per model, reading order.
    public var statements: [Int32: [ModelEvidence.Statement]] = [:]
    /// Who the statements say released each model: per organisation, the articles that name it and
    /// those that only imply it (`the company`), and the order it was first given in.
    public var statedOrganisations: [Int32: [Int32: OrganisationVotes]] = [:]
    private var voteOrder = 0

    public struct OrganisationVotes: Sendable {
        public var named: Set<ArticleID> = []
        public var implied: Set<ArticleID> = []
        public var first = 0
    }
    /// Paths of the articles, so that conflicts can name them (the index fills it before asking for releases).
    public var articlePaths: [ArticleID: String] = [:]

    public init(vocabulary: Vocabulary, catalogue: ReleaseCatalogue) {
        self.vocabulary = vocabulary
        self.catalogue = catalogue
        aggregates = Array(repeating: EntityAggregate(), count: vocabulary.count)
    }

    /// Starts from annotations already folded in reading order (before the
    /// vocabulary existed); mentions are then added with empty concept lists.
    public init(vocabulary: Vocabulary, catalogue: ReleaseCatalogue, annotations: [EntityKey: EntityAggregate]) {
        self.init(vocabulary: vocabulary, catalogue: catalogue)
        for (key, aggregate) in annotations {
            if let index = vocabulary.indexOfKey[key] { aggregates[index] = aggregate }
        }
    }

    /// Adds the next linked article in reading order.
    public mutating func add(article: ArticleID, published: CalendarDate?, concepts: [ConceptContribution], linked: LinkedArticle,
                             path: String? = nil) {
        if let path { articlePaths[article] = path }
        add(article: article, published: published, concepts: concepts, entityCounts: linked.entityCounts, statements: linked.statements,
            modelOrganisations: linked.modelOrganisations)
    }

    /// Adds the next article in reading order, from its parts.
    public mutating func add(article: ArticleID, published: CalendarDate?, concepts: [ConceptContribution],
                             entityCounts: [(entity: Int32, mentions: Int, firstOrdinal: Int32)], statements: [ReleaseStatement],
                             modelOrganisations: [ModelOrganisation]) {
        var conceptOf: [Int32: ConceptContribution] = [:]
        for concept in concepts {
            if let index = vocabulary.indexOfKey[concept.key] { conceptOf[Int32(index)] = concept }
        }
        for count in entityCounts {
            aggregates[Int(count.entity)].add(EntityOccurrence(article: article, published: published, mentions: count.mentions,
                                                                firstOrdinal: count.firstOrdinal, concept: conceptOf.removeValue(forKey: count.entity)))
        }
        for (entity, concept) in conceptOf.sorted(by: { $0.key < $1.key }) {
            aggregates[Int(entity)].add(EntityOccurrence(article: article, published: published, mentions: 0, firstOrdinal: 0, concept: concept))
        }
        addEvidence(article: article, published: published, statements: statements, modelOrganisations: modelOrganisations)
    }

    public mutating func addEvidence(article: ArticleID, published: CalendarDate?, statements: [ReleaseStatement],
                                     modelOrganisations: [ModelOrganisation]) {
        for evidence in modelOrganisations where discoveredOrganisation[evidence.model] == nil {
            discoveredOrganisation[evidence.model] = .some(evidence.organisation)
        }
        for statement in statements {
            self.statements[statement.model, default: []].append(
                ModelEvidence.Statement(date: statement.date, phrase: statement.phrase, status: statement.status,
                                        mention: MentionID(article: article, ordinal: statement.mention), isRelative: statement.isRelative,
                                        isUndated: statement.isUndated, published: published))
            guard let organisation = statement.organisation else { continue }
            var votes = statedOrganisations[statement.model, default: [:]][organisation] ?? OrganisationVotes(first: voteOrder)
            voteOrder += 1
            if statement.organisationIsNamed { votes.named.insert(article) } else { votes.implied.insert(article) }
            statedOrganisations[statement.model, default: [:]][organisation] = votes
        }
    }

    /// The label shown for a vocabulary entity.
    public func displayLabel(_ index: Int) -> String { aggregates[index].label ?? vocabulary.definitions[index].defaultLabel }

    /// A vocabulary entity as the corpus shows it.
    public func entity(at index: Int, id: EntityID) -> Entity {
        let definition = vocabulary.definitions[index]
        let aggregate = aggregates[index]
        var organisation: String?
        if definition.type == .model {
            if definition.catalogueEntry != nil {
                organisation = definition.organisation.map(displayLabel) ?? definition.organisationName
            } else if let stated = statedOrganisation(of: Int32(index)) {
                organisation = displayLabel(Int(stated))
            } else if let evidence = discoveredOrganisation[Int32(index)], let organisationIndex = evidence {
                organisation = displayLabel(Int(organisationIndex))
            }
        }
        return Entity(id: id, key: definition.key, label: displayLabel(index), type: definition.type, predicates: aggregate.predicates,
                      source: definition.isAnnotated ? .annotation : .detected, names: definition.names,
                      url: aggregate.url ?? definition.url, organisation: organisation, publisherID: aggregate.publisherID)
    }

    /// The organisation the release statements credit a model to: most articles naming it, then most
    /// implying it, then the first given.
    public func statedOrganisation(of model: Int32) -> Int32? {
        guard let votes = statedOrganisations[model] else { return nil }
        return votes.max { a, b in
            (a.value.named.count, a.value.implied.count, -a.value.first) < (b.value.named.count, b.value.implied.count, -b.value.first)
        }?.key
    }

    /// Whether an entity belongs in lists: annotated somewhere or named somewhere.
    public func isListed(_ index: Int) -> Bool { vocabulary.definitions[index].isAnnotated || aggregates[index].mentionCount > 0 }

    /// The release of a model entity named at least once.
    public func release(of index: Int, entity: Entity) -> Release? {
        let definition = vocabulary.definitions[index]
        let aggregate = aggregates[index]
        guard definition.type == .model, aggregate.mentionCount > 0 else { return nil }
        return ReleaseReconciler.release(from: ModelEvidence(
            model: entity.id, name: entity.label, organisation: entity.organisation,
            catalogueEntry: definition.catalogueEntry.map { catalogue.entries[$0] },
            statements: (statements[Int32(index)] ?? []).map { statement in
                var statement = statement
                statement.path = articlePaths[statement.mention.article] ?? ""
                return statement
            }, firstMention: aggregate.firstMention,
            mentionCount: aggregate.mentionCount, earliestPublished: aggregate.earliestPublished, latestPublished: aggregate.latestPublished))
    }
}

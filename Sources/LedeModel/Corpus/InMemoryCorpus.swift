// SPDX-License-Identifier: Apache-2.0
/// Every article, mention and entity in arrays: the store behind
/// `--no-index` and the tests. Identifiers are positions: article `n` is the
/// `n`-th in reading order, entity `n` the vocabulary's `n`-th.
public final class InMemoryCorpus: Corpus {
    public let articles: [Article]
    private let mentionsOfArticle: [[Mention]]
    private let annotated: [Set<EntityID>]
    public let entities: [Entity]
    private let postingsOfEntity: [[ArticleMentionCount]]
    private let mentionCountOfEntity: [Int]
    private let unitsOfArticle: [[EntityUnit]]
    private let unitCountsOfEntity: [UnitCounts]
    public let unitTotals: UnitCounts
    private let exportOrder: [EntityID]
    public let releases: [Release]
    public let errors: [LoadError]
    public let catalogueProblems: [String]
    public let articleIDs: [ArticleID]
    /// Each article's publication day, by position (ids are positions here).
    private let publicationDays: PublicationDays
    public var generation: Int { 0 }

    /// Loads files and folders (recursively, `.txt` files, sorted by path).
    public static func load(paths: [String], builder: CorpusBuilder = CorpusBuilder()) -> InMemoryCorpus {
        builder.buildInMemory(paths: paths)
    }

    /// Links articles already in memory (tests, other sources).
    public convenience init(articles: [Article], errors: [LoadError] = [], linker: EntityLinker = EntityLinker()) {
        let built = CorpusBuilder(linker: linker).buildInMemory(articles: articles, errors: errors)
        self.init(copying: built)
    }

    private init(copying other: InMemoryCorpus) {
        articles = other.articles
        mentionsOfArticle = other.mentionsOfArticle
        annotated = other.annotated
        entities = other.entities
        postingsOfEntity = other.postingsOfEntity
        mentionCountOfEntity = other.mentionCountOfEntity
        unitsOfArticle = other.unitsOfArticle
        unitCountsOfEntity = other.unitCountsOfEntity
        unitTotals = other.unitTotals
        exportOrder = other.exportOrder
        releases = other.releases
        errors = other.errors
        catalogueProblems = other.catalogueProblems
        articleIDs = other.articleIDs
        publicationDays = other.publicationDays
    }

    init(imported: [ImportedArticle], linked: [LinkedArticle], vocabulary: Vocabulary, linker: EntityLinker, errors: [LoadError]) {
        articles = imported.map(\.article)
        articleIDs = articles.indices.map { ArticleID(Int64($0)) }
        publicationDays = PublicationDays(articles.map(\.published))
        var assembler = CorpusAssembler(vocabulary: vocabulary, catalogue: linker.catalogue)
        var mentionsOfArticle: [[Mention]] = []
        var annotated: [Set<EntityID>] = []
        var postings = [[ArticleMentionCount]](repeating: [], count: vocabulary.count)
        var unitCounts = [UnitCounts](repeating: UnitCounts(), count: vocabulary.count)
        var unitTotals = UnitCounts()
        for (index, result) in linked.enumerated() {
            let article = ArticleID(Int64(index))
            mentionsOfArticle.append(result.mentions.enumerated().map { ordinal, mention in
                Mention(id: MentionID(article: article, ordinal: Int32(ordinal)), entity: EntityID(Int64(mention.entity)),
                        paragraph: Int(mention.paragraph), start: Int(mention.start), end: Int(mention.end), text: mention.text,
                        isDetected: mention.isDetected)
            })
            annotated.append(Set(result.annotated.map { EntityID(Int64($0)) }))
            for count in result.entityCounts {
                postings[Int(count.entity)].append(ArticleMentionCount(article: article, mentions: count.mentions))
            }
            for (entity, counts) in EntityUnits.countsByEntity(result.units) { unitCounts[Int(entity.raw)] = unitCounts[Int(entity.raw)] + counts }
            unitTotals = unitTotals + EntityUnits.totals(result.units)
            assembler.add(article: article, published: imported[index].article.published, concepts: imported[index].concepts,
                          linked: result, path: imported[index].article.path)
        }
        self.mentionsOfArticle = mentionsOfArticle
        self.annotated = annotated
        self.postingsOfEntity = postings
        unitsOfArticle = linked.map(\.units)
        unitCountsOfEntity = unitCounts
        self.unitTotals = unitTotals
        let entities = vocabulary.definitions.indices.map { assembler.entity(at: $0, id: EntityID(Int64($0))) }
        self.entities = entities
        mentionCountOfEntity = assembler.aggregates.map(\.mentionCount)
        exportOrder = InMemoryCorpus.exportOrder(entities.filter { assembler.isListed(Int($0.id.raw)) })
        releases = entities.indices.compactMap { assembler.release(of: $0, entity: entities[$0]) }.sorted(by: Release.timelineOrder)
        self.errors = errors
        catalogueProblems = linker.catalogue.problems
    }

    /// By type, then label (case-insensitive), then key: the same in every store.
    public static func exportOrder(_ entities: [Entity]) -> [EntityID] {
        entities.sorted { a, b in
            if a.type != b.type { return a.type < b.type }
            let la = a.label.lowercased(), lb = b.label.lowercased()
            if la != lb { return la < lb }
            return a.key < b.key
        }.map(\.id)
    }

    // MARK: - Corpus

    private func index(_ article: ArticleID) -> Int? {
        let index = Int(article.raw)
        return articles.indices.contains(index) ? index : nil
    }

    public func position(of article: ArticleID) -> Int? { index(article) }

    public func summary(of article: ArticleID) -> ArticleSummary? {
        guard let index = index(article) else { return nil }
        let value = articles[index]
        return ArticleSummary(id: article, path: value.path, title: value.title, authors: value.authors, published: value.published,
                              genre: value.genre, brand: value.brand, paragraphCount: value.paragraphs.count,
                              mentionCount: mentionsOfArticle[index].count)
    }

    public func article(_ article: ArticleID) -> Article? { index(article).map { articles[$0] } }

    public func mentions(in article: ArticleID) -> [Mention] { index(article).map { mentionsOfArticle[$0] } ?? [] }

    public func annotatedEntities(in article: ArticleID) -> Set<EntityID> { index(article).map { annotated[$0] } ?? [] }

    public func entity(_ id: EntityID) -> Entity? {
        let index = Int(id.raw)
        return entities.indices.contains(index) ? entities[index] : nil
    }

    public func allEntities() -> [Entity] { exportOrder.map { entities[Int($0.raw)] } }

    public func articles(mentioning entity: EntityID) -> [ArticleMentionCount] {
        let index = Int(entity.raw)
        return postingsOfEntity.indices.contains(index) ? postingsOfEntity[index] : []
    }

    public func mentionCount(of entity: EntityID) -> Int {
        let index = Int(entity.raw)
        return mentionCountOfEntity.indices.contains(index) ? mentionCountOfEntity[index] : 0
    }

    public func entityUnits(in article: ArticleID) -> [EntityUnit] { index(article).map { unitsOfArticle[$0] } ?? [] }

    public func unitCounts(of entity: EntityID) -> UnitCounts {
        let index = Int(entity.raw)
        return unitCountsOfEntity.indices.contains(index) ? unitCountsOfEntity[index] : UnitCounts()
    }

    public func mentionsOverTime(of entity: EntityID) -> DatedMentions {
        publicationDays.mentions(articles(mentioning: entity)) { self.index($0) }
    }

    public func search(_ query: SearchQuery, limit: Int?) -> [SearchHit] {
        var hits: [SearchHit] = []
        for (index, article) in articles.enumerated() {
            guard query.collectHits(in: article, id: ArticleID(Int64(index)), into: &hits, limit: limit) else { break }
        }
        return hits
    }

    public var warnings: [String] {
        articles.flatMap { article in article.warnings.map { "\(article.path): \($0)" } }
    }
}

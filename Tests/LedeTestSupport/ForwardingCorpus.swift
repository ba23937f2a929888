// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// A corpus that answers every query from `base` unless it says otherwise:
/// a test overrides what it is about (the releases, the generation) and
/// inherits the rest.
public protocol ForwardingCorpus: Corpus {
    var base: any Corpus { get }
}

extension ForwardingCorpus {
    public var generation: Int { base.generation }
    public var articleIDs: [ArticleID] { base.articleIDs }
    public func position(of article: ArticleID) -> Int? { base.position(of: article) }
    public func summary(of article: ArticleID) -> ArticleSummary? { base.summary(of: article) }
    public func articleID(path: String) -> ArticleID? { base.articleID(path: path) }
    public func article(_ article: ArticleID) -> Article? { base.article(article) }
    public func mentions(in article: ArticleID) -> [Mention] { base.mentions(in: article) }
    public func annotatedEntities(in article: ArticleID) -> Set<EntityID> { base.annotatedEntities(in: article) }
    public func entity(_ id: EntityID) -> Entity? { base.entity(id) }
    public func allEntities() -> [Entity] { base.allEntities() }
    public func articles(mentioning entity: EntityID) -> [ArticleMentionCount] { base.articles(mentioning: entity) }
    public func mentionCount(of entity: EntityID) -> Int { base.mentionCount(of: entity) }
    public func entityUnits(in article: ArticleID) -> [EntityUnit] { base.entityUnits(in: article) }
    public func unitCounts(of entity: EntityID) -> UnitCounts { base.unitCounts(of: entity) }
    public var unitTotals: UnitCounts { base.unitTotals }
    public var releases: [Release] { base.releases }
    public func search(_ query: SearchQuery, limit: Int?) -> [SearchHit] { base.search(query, limit: limit) }
    public var errors: [LoadError] { base.errors }
    public var warnings: [String] { base.warnings }
    public var catalogueProblems: [String] { base.catalogueProblems }
    public func takeReadFailures() -> [CorpusReadFailure] { base.takeReadFailures() }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import LedeModel

/// Co-occurrence from the index: each linked article's units (`article_units`)
/// and every entity's unit counts (`entity_units`), the latter read once per
/// generation into `unitCountRows`.
extension IndexedCorpus {
    func unitCountTable() -> (counts: [Int64: UnitCounts], totals: UnitCounts) {
        let generation = self.generation
        if let kept = withLock({ $0.unitCountRows }), kept.generation == generation { return (kept.counts, kept.totals) }
        let (counts, totals) = read("the entities' paragraph counts", else: ([:], UnitCounts())) { db -> ([Int64: UnitCounts], UnitCounts) in
            var counts: [Int64: UnitCounts] = [:]
            let units = try NamedRows(db, sql: "SELECT entity, paragraphs, sentences FROM entity_units")
            let (entityAt, paragraphsAt, sentencesAt) = try (units.column("entity"), units.column("paragraphs"), units.column("sentences"))
            while let row = try units.rows.next() { counts[row[entityAt]] = UnitCounts(paragraphs: row[paragraphsAt], sentences: row[sentencesAt]) }
            let sums = try Row.fetchOne(db, sql: """
                SELECT coalesce(sum(paragraphs), 0) AS paragraphs, coalesce(sum(sentences), 0) AS sentences FROM article_units
                """)
            return (counts, UnitCounts(paragraphs: sums?["paragraphs"] ?? 0, sentences: sums?["sentences"] ?? 0))
        }
        withLock { $0.unitCountRows = (generation, counts, totals) }
        return (counts, totals)
    }

    public func unitCounts(of entity: EntityID) -> UnitCounts { unitCountTable().counts[entity.raw] ?? UnitCounts() }
    public var unitTotals: UnitCounts { unitCountTable().totals }

    public func entityUnits(in article: ArticleID) -> [EntityUnit] { entityUnits(in: [article]).first ?? [] }

    /// Many articles' units in one read: co-occurrence asks for every article
    /// that mentions an entity. When they are a good part of the range of
    /// ids they span, one ordered scan of that range beats a look-up each.
    public func entityUnits(in articles: [ArticleID]) -> [[EntityUnit]] {
        guard let low = articles.min(), let high = articles.max() else { return [] }
        return read("the units of \(articles.count) articles", else: articles.map { _ in [] }) { db in
            if articles.count * 3 >= Int(high.raw - low.raw + 1) {
                var wanted: [Int64: Int] = [:]
                for (index, article) in articles.enumerated() { wanted[article.raw] = index }
                var result = [[EntityUnit]](repeating: [], count: articles.count)
                let units = try NamedRows(db, sql: "SELECT id, data FROM article_units WHERE id BETWEEN ? AND ?", arguments: [low.raw, high.raw])
                let (idAt, dataAt) = try (units.column("id"), units.column("data"))
                while let row = try units.rows.next() {
                    if let index = wanted[row[idAt]] { result[index] = try UnitBlob.decode(row[dataAt]) }
                }
                return result
            }
            let select = try db.cachedStatement(sql: "SELECT data FROM article_units WHERE id = ?")
            return try articles.map { try UnitBlob.decode(try Data.fetchOne(select, arguments: [$0.raw])) }
        }
    }
}

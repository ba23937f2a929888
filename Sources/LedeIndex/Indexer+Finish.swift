// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import LedeModel

/// Publishing an update: entity rows, postings, export order and releases,
/// from what this update folded or from every stored article.
extension Indexer {
    /// Entity rows and postings, their export order, and the releases.
    /// `folded` holds the corpus-wide answers when every article was linked
    /// in this update; otherwise they are folded from every article's stored rows.
    func finish(vocabulary: Vocabulary, entityIDs: [Int64], folded: CorpusAssembler?, postings: IndexWrites.PostingChanges,
                rebuildPostings: Bool, isFinal: Bool) throws {
        var indexOfID: [Int64: Int32] = [:]
        for (index, id) in entityIDs.enumerated() { indexOfID[id] = Int32(index) }
        let catalogue = builder.linker.catalogue
        try pool.write { db in
            if rebuildPostings {
                // An earlier update stopped half-way: its changes to the postings are lost.
                try IndexWrites.rebuildPostings(db)
            } else {
                if folded != nil { try db.execute(sql: "DELETE FROM postings; DELETE FROM entity_units") }
                try postings.write(db)
            }
            var assembler = try folded ?? Self.fold(vocabulary: vocabulary, catalogue: catalogue, indexOfID: indexOfID, db: db)
            // Conflicts name their articles: the paths of the articles with release statements, not of all of them.
            let stating = Set(assembler.statements.values.joined().map(\.mention.article))
            let paths = try NamedRows(db, sql: "SELECT id, path FROM articles")
            let (idAt, pathAt) = try (paths.column("id"), paths.column("path"))
            while let row = try paths.rows.next() {
                let id = ArticleID(row[idAt] as Int64)
                if stating.contains(id) { assembler.articlePaths[id] = row[pathAt] }
            }
            let entities = vocabulary.definitions.indices.map { assembler.entity(at: $0, id: EntityID(entityIDs[$0])) }
            let listed = entities.indices.filter(assembler.isListed)
            var rank: [Int64: Int] = [:]
            for (position, id) in InMemoryCorpus.exportOrder(listed.map { entities[$0] }).enumerated() { rank[id.raw] = position }
            try db.execute(sql: "UPDATE entities SET listed = 0, mention_count = 0")
            let update = try db.cachedStatement(sql: """
                UPDATE entities SET type = ?, label = ?, names = ?, url = ?, organisation = ?, publisher_id = ?, source = ?,
                    predicates = ?, mention_count = ?, listed = ?, export_rank = ? WHERE id = ?
                """)
            for index in listed {
                let entity = entities[index]
                try update.execute(arguments: [
                    entity.type.rawValue, entity.label, ArticleBlobs.encode(strings: entity.names), entity.url, entity.organisation,
                    entity.publisherID, entity.source.rawValue, ArticleBlobs.encode(strings: entity.predicates),
                    assembler.aggregates[index].mentionCount, 1, rank[entity.id.raw] ?? 0, entity.id.raw,
                ])
            }
            try db.execute(sql: "DELETE FROM releases")
            let releases = entities.indices.compactMap { assembler.release(of: $0, entity: entities[$0]) }.sorted(by: Release.timelineOrder)
            let insert = try db.cachedStatement(sql: "INSERT INTO releases (rank, model, data) VALUES (?, ?, ?)")
            for (position, release) in releases.enumerated() {
                try insert.execute(arguments: [position, release.model.raw, ReleaseBlob.encode(release)])
            }
            // Only the last one: a stop after a partial one leaves work for the next update.
            if isFinal { try Self.setMeta("needs_finish", "0", db) }
        }
    }

    /// Folds every stored article, in reading order, into the corpus-wide answers.
    static func fold(vocabulary: Vocabulary, catalogue: ReleaseCatalogue, indexOfID: [Int64: Int32], db: Database) throws -> CorpusAssembler {
        var assembler = CorpusAssembler(vocabulary: vocabulary, catalogue: catalogue)
        var counts: [Int64: [(entity: Int32, mentions: Int, firstOrdinal: Int32)]] = [:]
        let postings = try NamedRows(db, sql: "SELECT entity, data FROM postings")
        let (entityAt, dataAt) = try (postings.column("entity"), postings.column("data"))
        while let row = try postings.rows.next() {
            guard let index = indexOfID[row[entityAt]] else { continue }
            for posting in try PostingBlob.decode(row[dataAt]) { counts[posting.article, default: []].append((index, posting.mentions, posting.firstOrdinal)) }
        }
        let articles = try NamedRows(db, sql: """
            SELECT a.id, a.published, a.concepts, l.statements, l.model_organisations
            FROM articles a JOIN links l ON l.id = a.id ORDER BY a.position
            """)
        let (idAt, publishedAt, conceptsAt) = try (articles.column("id"), articles.column("published"), articles.column("concepts"))
        let (statementsAt, organisationsAt) = try (articles.column("statements"), articles.column("model_organisations"))
        while let row = try articles.rows.next() {
            let id: Int64 = row[idAt]
            let statements = try ArticleBlobs.decodeStatements(row[statementsAt]).compactMap { stored -> ReleaseStatement? in
                guard let model = indexOfID[stored.model] else { return nil }
                var statement = stored.statement
                statement.model = model
                statement.organisation = stored.organisation.flatMap { indexOfID[$0] }
                return statement
            }
            let pairs = try ArticleBlobs.decodeIDs(row[organisationsAt])
            var organisations: [ModelOrganisation] = []
            var index = 0
            while index + 1 < pairs.count {
                if let model = indexOfID[pairs[index]] {
                    organisations.append(ModelOrganisation(model: model, organisation: pairs[index + 1] < 0 ? nil : indexOfID[pairs[index + 1]]))
                }
                index += 2
            }
            assembler.add(article: ArticleID(id), published: (row[publishedAt] as String?).flatMap { CalendarDate(iso: $0) },
                          concepts: try ArticleBlobs.decodeConcepts(row[conceptsAt]), entityCounts: counts[id] ?? [],
                          statements: statements, modelOrganisations: organisations)
        }
        return assembler
    }
}

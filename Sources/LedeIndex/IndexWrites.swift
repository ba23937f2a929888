// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import LedeModel

/// The index's writes, each a few statements inside the caller's transaction.
enum IndexWrites {
    struct FileState: Sendable {
        var size: Int64
        var mtime: Int64
        var hash: Int64
    }

    /// Paragraphs as one text, joined by line breaks. A paragraph never holds
    /// one (importers split at line breaks); should one slip through, it is
    /// stored as a space, which keeps every scalar offset.
    static func body(of paragraphs: [String]) -> String {
        paragraphs.map { $0.containsByte(0x0A) ? $0.replacingOccurrences(of: "\n", with: " ") : $0 }.joined(separator: "\n")
    }

    static func paragraphs(ofBody body: String, count: Int) -> [String] {
        guard count > 0 else { return [] }
        return body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    // MARK: - Articles

    /// Inserts a parsed article (not yet linked); returns its id.
    static func insertArticle(_ imported: ImportedArticle, file: FileState, position: Int, indexText: Bool, db: Database) throws -> Int64 {
        let article = imported.article
        let statement = try db.cachedStatement(sql: """
            INSERT INTO articles (path, position, size, mtime, hash, title, authors, published, genre, brand, related, email, content_id,
                                  warnings, paragraph_count, concepts, discovered, markup)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            article.path, position, file.size, file.mtime, file.hash, article.title,
            ArticleBlobs.encode(strings: article.authors), article.published?.description, article.genre, article.brand,
            article.related.isEmpty ? nil : ArticleBlobs.encode(article.related), article.email, article.contentID,
            article.warnings.isEmpty ? nil : ArticleBlobs.encode(strings: article.warnings), article.paragraphs.count,
            ArticleBlobs.encode(imported.concepts),
            imported.storedDiscoveries.isEmpty ? nil : ArticleBlobs.encode(strings: imported.storedDiscoveries),
            MarkupBlob.encode(article),
        ])
        let id = db.lastInsertedRowID
        let text = try db.cachedStatement(sql: "INSERT INTO article_text (id, title, body) VALUES (?, ?, ?)")
        let body = body(of: article.paragraphs)
        try text.execute(arguments: [id, article.title, body])
        if indexText {
            let search = try db.cachedStatement(sql: "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)")
            try search.execute(arguments: [id, article.title, body])
        }
        return id
    }

    /// Removes an article and everything derived from it; returns its vocabulary contribution.
    static func deleteArticle(id: Int64, removeSearchText: Bool, postings: inout PostingChanges, db: Database) throws
        -> (concepts: [ConceptContribution], discovered: [String]) {
        let row = try Row.fetchOne(db, sql: "SELECT concepts, discovered FROM articles WHERE id = ?", arguments: [id])
        try unlink(id: id, postings: &postings, db: db)
        if removeSearchText {
            try db.execute(sql: """
                INSERT INTO article_search (article_search, rowid, title, body) SELECT 'delete', id, title, body FROM article_text WHERE id = ?
                """, arguments: [id])
        }
        try db.execute(sql: "DELETE FROM article_text WHERE id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM articles WHERE id = ?", arguments: [id])
        guard let row else { return ([], []) }
        return (try ArticleBlobs.decodeConcepts(row["concepts"]), try ArticleBlobs.decodeStrings(row["discovered"]))
    }

    // MARK: - Vocabulary input

    /// Changes to the reference-counted vocabulary input, gathered over an
    /// update and written once.
    struct VocabularyDelta {
        struct Slot: Hashable {
            var key: String
            var label: String
            var type: String
            var lookedFor: Bool
        }
        var concepts: [Slot: Int] = [:]
        var names: [String: Int] = [:]

        var isEmpty: Bool { concepts.values.allSatisfy { $0 == 0 } && names.values.allSatisfy { $0 == 0 } }

        mutating func add(concepts list: [ConceptContribution], discovered: [String], sign: Int) {
            for concept in list {
                concepts[Slot(key: concept.key.raw, label: concept.label, type: concept.type.rawValue, lookedFor: concept.isLookedFor),
                         default: 0] += sign
            }
            for name in Set(discovered) { names[name, default: 0] += sign }
        }

        func write(_ db: Database) throws {
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO concept_labels (key, label, type, looked_for, refs) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (key, label, looked_for) DO UPDATE SET refs = refs + excluded.refs
                """)
            for (slot, change) in concepts where change != 0 {
                try upsert.execute(arguments: [slot.key, slot.label, slot.type, slot.lookedFor ? 1 : 0, change])
            }
            let name = try db.cachedStatement(sql: """
                INSERT INTO discovered_names (name, refs) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET refs = refs + excluded.refs
                """)
            for (discovered, change) in names where change != 0 { try name.execute(arguments: [discovered, change]) }
            try db.execute(sql: "DELETE FROM concept_labels WHERE refs <= 0")
            try db.execute(sql: "DELETE FROM discovered_names WHERE refs <= 0")
        }
    }

    /// The vocabulary input as stored: every concept label and discovered name some article brings.
    static func vocabularyInput(_ db: Database) throws -> VocabularyInput {
        var input = VocabularyInput()
        let labels = try NamedRows(db, sql: "SELECT key, label, type, looked_for FROM concept_labels")
        let (keyAt, labelAt, typeAt, lookedForAt) = try (labels.column("key"), labels.column("label"), labels.column("type"),
                                                         labels.column("looked_for"))
        while let row = try labels.rows.next() {
            let key = EntityKey(raw: row[keyAt])
            let label: String = row[labelAt]
            let type = EntityType(rawValue: row[typeAt]) ?? .other
            let lookedFor: Bool = row[lookedForAt]
            if var concept = input.concepts[key] {
                concept.labels.insert(label)
                concept.isLookedFor = concept.isLookedFor || lookedFor
                input.concepts[key] = concept
            } else {
                input.concepts[key] = VocabularyInput.Concept(type: type, labels: [label], isLookedFor: lookedFor)
            }
        }
        // Model names and detected names share the table (`DetectedName.storedForm`).
        let (models, detected) = DetectedName.split(stored: try String.fetchAll(db, sql: "SELECT name FROM discovered_names"))
        input.discoveredModels = Set(models)
        input.detectedNames = Set(detected)
        return input
    }

    // MARK: - Links

    /// Stores what linking found in an article, replacing what an earlier link found.
    static func storeLinks(article id: Int64, linked: LinkedArticle, entityIDs: [Int64], replacing: Bool,
                           postings: inout PostingChanges, db: Database) throws {
        if replacing { try unlink(id: id, postings: &postings, db: db) }
        let entityID = { (index: Int32) in entityIDs[Int(index)] }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO links (id, mention_count, mentions, annotated, statements, model_organisations) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try insert.execute(arguments: [
            id, linked.mentions.count, ArticleBlobs.encode(linked.mentions, entityID: entityID),
            ArticleBlobs.encode(ids: linked.annotated.map(entityID)),
            linked.statements.isEmpty ? nil : ArticleBlobs.encode(linked.statements, entityID: entityID),
            linked.modelOrganisations.isEmpty ? nil : ArticleBlobs.encode(ids: linked.modelOrganisations.flatMap { evidence in
                [entityID(evidence.model), evidence.organisation.map(entityID) ?? -1]
            }),
        ])
        for count in linked.entityCounts {
            postings.add(entity: entityID(count.entity), Posting(article: id, mentions: count.mentions, firstOrdinal: count.firstOrdinal))
        }
        let units = linked.units.map { EntityUnit(entity: EntityID(entityID(Int32($0.entity.raw))), paragraph: $0.paragraph, sentence: $0.sentence) }
        let totals = EntityUnits.totals(units)
        let insertUnits = try db.cachedStatement(sql: "INSERT INTO article_units (id, paragraphs, sentences, data) VALUES (?, ?, ?, ?)")
        try insertUnits.execute(arguments: [id, totals.paragraphs, totals.sentences, UnitBlob.encode(units)])
        postings.addUnits(of: units, sign: 1)
    }

    /// Forgets what linking found in an article (it will be linked again, or it is going).
    static func unlink(id: Int64, postings: inout PostingChanges, db: Database) throws {
        let select = try db.cachedStatement(sql: "SELECT mentions FROM links WHERE id = ?")
        guard let blob = try Data.fetchOne(select, arguments: [id]) else { return }
        var seen: Set<EntityID> = []
        for mention in try ArticleBlobs.decodeMentions(blob, article: ArticleID(id)) where seen.insert(mention.entity).inserted {
            postings.remove(entity: mention.entity.raw, article: id)
        }
        let delete = try db.cachedStatement(sql: "DELETE FROM links WHERE id = ?")
        try delete.execute(arguments: [id])
        let selectUnits = try db.cachedStatement(sql: "SELECT data FROM article_units WHERE id = ?")
        if let units = try Data.fetchOne(selectUnits, arguments: [id]) {
            postings.addUnits(of: try UnitBlob.decode(units), sign: -1)
            let deleteUnits = try db.cachedStatement(sql: "DELETE FROM article_units WHERE id = ?")
            try deleteUnits.execute(arguments: [id])
        }
    }

    /// Changes to the entities' postings over an update, written at its end.
    struct PostingChanges {
        var removed: [Int64: Set<Int64>] = [:]
        var added: [Int64: [Posting]] = [:]
        /// What each entity's paragraph and sentence counts gained or lost.
        var unitChanges: [Int64: UnitCounts] = [:]

        mutating func addUnits(of units: [EntityUnit], sign: Int) {
            for (entity, counts) in EntityUnits.countsByEntity(units) {
                let change = unitChanges[entity.raw, default: UnitCounts()]
                unitChanges[entity.raw] = sign > 0 ? change + counts : change - counts
            }
        }

        mutating func remove(entity: Int64, article: Int64) {
            removed[entity, default: []].insert(article)
            added[entity]?.removeAll { $0.article == article }
        }

        mutating func add(entity: Int64, _ posting: Posting) { added[entity, default: []].append(posting) }

        var entities: Set<Int64> { Set(removed.keys).union(added.keys) }

        /// Applies the changes to the stored postings of the entities they touch.
        func write(_ db: Database) throws {
            let select = try db.cachedStatement(sql: "SELECT data FROM postings WHERE entity = ?")
            let upsert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO postings (entity, data) VALUES (?, ?)")
            let delete = try db.cachedStatement(sql: "DELETE FROM postings WHERE entity = ?")
            for entity in entities {
                var list = try PostingBlob.decode(try Data.fetchOne(select, arguments: [entity]))
                if let gone = removed[entity] { list.removeAll { gone.contains($0.article) } }
                if let new = added[entity] {
                    let replaced = Set(new.map(\.article))
                    list.removeAll { replaced.contains($0.article) }
                    list += new
                }
                if list.isEmpty { try delete.execute(arguments: [entity]) } else {
                    try upsert.execute(arguments: [entity, PostingBlob.encode(list)])
                }
            }
            let addUnits = try db.cachedStatement(sql: """
                INSERT INTO entity_units (entity, paragraphs, sentences) VALUES (?1, ?2, ?3)
                ON CONFLICT (entity) DO UPDATE SET paragraphs = paragraphs + ?2, sentences = sentences + ?3
                """)
            for (entity, change) in unitChanges where change != UnitCounts() {
                try addUnits.execute(arguments: [entity, change.paragraphs, change.sentences])
            }
            try db.execute(sql: "DELETE FROM entity_units WHERE paragraphs <= 0")
        }
    }

    /// Every entity's postings, rebuilt from every article's links.
    static func rebuildPostings(_ db: Database) throws {
        var all: [Int64: [Posting]] = [:]
        let links = try NamedRows(db, sql: "SELECT id, mentions FROM links")
        let (idAt, mentionsAt) = try (links.column("id"), links.column("mentions"))
        while let row = try links.rows.next() {
            let id: Int64 = row[idAt]
            var counts: [Int64: Posting] = [:]
            for (ordinal, mention) in try ArticleBlobs.decodeMentions(row[mentionsAt], article: ArticleID(id)).enumerated() {
                if counts[mention.entity.raw] == nil {
                    counts[mention.entity.raw] = Posting(article: id, mentions: 1, firstOrdinal: Int32(ordinal))
                } else {
                    counts[mention.entity.raw]!.mentions += 1
                }
            }
            for (entity, posting) in counts { all[entity, default: []].append(posting) }
        }
        try db.execute(sql: "DELETE FROM postings")
        let insert = try db.cachedStatement(sql: "INSERT INTO postings (entity, data) VALUES (?, ?)")
        for (entity, list) in all { try insert.execute(arguments: [entity, PostingBlob.encode(list)]) }
        try rebuildEntityUnits(db)
    }

    /// Every entity's paragraph and sentence counts, from every article's units.
    static func rebuildEntityUnits(_ db: Database) throws {
        var changes = PostingChanges()
        let rows = try Data.fetchCursor(db, sql: "SELECT data FROM article_units")
        while let data = try rows.next() { changes.addUnits(of: try UnitBlob.decode(data), sign: 1) }
        try db.execute(sql: "DELETE FROM entity_units")
        let insert = try db.cachedStatement(sql: "INSERT INTO entity_units (entity, paragraphs, sentences) VALUES (?, ?, ?)")
        for (entity, counts) in changes.unitChanges where counts.paragraphs > 0 {
            try insert.execute(arguments: [entity, counts.paragraphs, counts.sentences])
        }
    }

    /// Row ids for every vocabulary entity, creating rows for new keys.
    static func entityIDs(for vocabulary: Vocabulary, db: Database) throws -> [Int64] {
        var known: [String: Int64] = [:]
        let entities = try NamedRows(db, sql: "SELECT id, key FROM entities")
        let (idAt, keyAt) = try (entities.column("id"), entities.column("key"))
        while let row = try entities.rows.next() { known[row[keyAt]] = row[idAt] }
        let insert = try db.cachedStatement(sql: "INSERT INTO entities (key, type, label, source) VALUES (?, ?, ?, 'detected')")
        return try vocabulary.definitions.map { definition in
            if let id = known[definition.key.raw] { return id }
            try insert.execute(arguments: [definition.key.raw, definition.type.rawValue, definition.defaultLabel])
            return db.lastInsertedRowID
        }
    }
}

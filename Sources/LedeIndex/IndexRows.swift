// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import LedeModel

// Index rows decoded by column name: the records IndexedCorpus reads one or
// a few at a time, and `NamedRows` for reading whole tables, whose column
// names are looked up once per query.

/// An `entities` row: the entity and its mention count.
struct EntityRow: FetchableRecord {
    static let columns = "id, key, type, label, names, url, organisation, publisher_id, source, predicates, mention_count"

    let entity: Entity
    let mentions: Int

    init(row: Row) throws {
        entity = Entity(id: EntityID(row["id"] as Int64), key: EntityKey(raw: row["key"]), label: row["label"],
                        type: EntityType(rawValue: row["type"]) ?? .other, predicates: try ArticleBlobs.decodeStrings(row["predicates"]),
                        source: EntitySource(rawValue: row["source"]) ?? .detected, names: try ArticleBlobs.decodeStrings(row["names"]),
                        url: row["url"], organisation: row["organisation"], publisherID: row["publisher_id"])
        mentions = row["mention_count"]
    }
}

/// An article's summary: `articles` joined with its mention count.
struct SummaryRow: FetchableRecord {
    static let select = """
        SELECT a.id, a.path, a.title, a.authors, a.published, a.genre, a.brand, a.paragraph_count, coalesce(l.mention_count, 0) AS mention_count
        FROM articles a LEFT JOIN links l ON l.id = a.id
        """

    let summary: ArticleSummary

    init(row: Row) throws {
        summary = ArticleSummary(id: ArticleID(row["id"] as Int64), path: row["path"], title: row["title"],
                                 authors: try ArticleBlobs.decodeStrings(row["authors"]),
                                 published: (row["published"] as String?).flatMap { CalendarDate(iso: $0) }, genre: row["genre"],
                                 brand: row["brand"], paragraphCount: row["paragraph_count"], mentionCount: row["mention_count"])
    }
}

/// A whole article: `articles` joined with its text.
struct ArticleRow: FetchableRecord {
    static let select = """
        SELECT a.path, a.title, a.authors, a.published, a.genre, a.brand, a.related, a.email, a.content_id, a.warnings,
               t.body, a.paragraph_count, a.markup
        FROM articles a JOIN article_text t ON t.id = a.id
        """

    let article: Article

    init(row: Row) throws {
        let markup = try MarkupBlob.decode(row["markup"])
        article = Article(path: row["path"], title: row["title"], authors: try ArticleBlobs.decodeStrings(row["authors"]),
                          published: (row["published"] as String?).flatMap { CalendarDate(iso: $0) }, genre: row["genre"], brand: row["brand"],
                          paragraphs: IndexWrites.paragraphs(ofBody: row["body"], count: row["paragraph_count"]),
                          related: try ArticleBlobs.decodeRelated(row["related"]), email: row["email"], contentID: row["content_id"],
                          warnings: try ArticleBlobs.decodeStrings(row["warnings"]), format: markup.format, headings: markup.headings,
                          links: markup.links, givenMentions: markup.given, site: markup.site, language: markup.language)
    }
}

/// The rows of a query, its columns found by name once rather than on every
/// row: GRDB's `row["name"]` hashes the name each time, a millisecond per
/// 30,000 reads (three columns of 10,000 articles), which the whole-table
/// reads (an update's check, publication days, the article list) would pay.
struct NamedRows {
    let rows: RowCursor
    private let statement: Statement

    init(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws {
        statement = try db.makeStatement(sql: sql)
        rows = try Row.fetchCursor(statement, arguments: arguments)
    }

    /// Where a column is in each row, by its name.
    func column(_ name: String) throws -> Int {
        guard let index = statement.index(ofColumn: name) else { throw DatabaseError(message: "no column \(name) in \(statement.sql)") }
        return index
    }
}

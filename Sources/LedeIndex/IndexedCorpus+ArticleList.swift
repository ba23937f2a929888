import Foundation
import GRDB
import LedeModel

/// The article list and the publication days: each read with one query,
/// once per generation (or snapshot), and kept.
extension IndexedCorpus {
    /// One row of the article list: its summary and the lowercased UTF-8 the filter looks in.
    struct ListRow: Sendable {
        let position: Int
        let summary: ArticleSummary
        let searchable: [UInt8]
    }

    public func articleList(order: ArticleOrder, filter: String) -> [ArticleID] {
        if order == .reading && filter.isEmpty { return articleIDs }
        let (rows, ordered) = articleListRows(order: order)
        let needle = Array(filter.lowercased().utf8)
        guard !needle.isEmpty else { return ordered.map { rows[$0].summary.id } }
        return ordered.filter { ByteSearch.contains(rows[$0].searchable, needle) }.map { rows[$0].summary.id }
    }

    /// The article list's rows, read with one query once per generation, and
    /// each order once asked for: after that a filter keystroke is a byte scan
    /// of the kept order (reading the rows took half a second at 100,000
    /// articles, sorting them a tenth of one).
    private func articleListRows(order: ArticleOrder) -> (rows: [ListRow], order: [Int]) {
        let generation = self.generation
        var list = withLock { $0.listRows }
        if list?.generation != generation {
            var rows: [ListRow] = read("the article list", else: []) { db in
                var rows: [ListRow] = []
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT a.id, a.path, a.title, a.authors, a.published, a.paragraph_count, coalesce(l.mention_count, 0) AS mention_count
                    FROM articles a LEFT JOIN links l ON l.id = a.id
                    """)
                while let row = try cursor.next() {
                    let id = ArticleID(row["id"] as Int64)
                    guard let position = position(of: id) else { continue }
                    let title: String = row["title"]
                    let authors = try ArticleBlobs.decodeStrings(row["authors"])
                    let summary = ArticleSummary(id: id, path: row["path"], title: title, authors: authors,
                                                 published: (row["published"] as String?).flatMap { CalendarDate(iso: $0) }, genre: nil,
                                                 brand: nil, paragraphCount: row["paragraph_count"], mentionCount: row["mention_count"])
                    rows.append(ListRow(position: position, summary: summary,
                                        searchable: Array(([title] + authors).joined(separator: "\n").lowercased().utf8)))
                }
                return rows
            }
            rows.sort { $0.position < $1.position }
            list = (generation, rows, [:])
        }
        guard var list else { return ([], []) }
        if list.orders[order] == nil {
            let sorted = ArticleOrdering.sort(list.rows.map { ($0.position, $0.summary) }, by: order)
            // Rows are in reading order, so a row's index is its position among the listed articles.
            var index: [ArticleID: Int] = [:]
            for (offset, row) in list.rows.enumerated() { index[row.summary.id] = offset }
            list.orders[order] = sorted.compactMap { index[$0.summary.id] }
        }
        let kept = list
        withLock { $0.listRows = kept }
        return (list.rows, list.orders[order] ?? [])
    }

    /// Each article's publication day by reading-order position, read with one
    /// query once per snapshot: after that an entity's histogram is a walk of
    /// its postings (one blob), not a read per article.
    private func publicationDays() -> PublicationDays {
        let current = withLock { $0.snapshot }
        if let kept = current.publicationDays { return kept }
        var days = PublicationDays(undatedCount: current.articleIDs.count)
        days.days = read("the publication days", else: days.days) { db in
            var byPosition = days.days
            // SQLite turns `YYYY-MM-DD` into days since 1970 itself (no string per row); other forms are read here.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, CAST(julianday(published) - 2440587.5 AS INTEGER) AS day,
                       CASE WHEN length(published) = 10 THEN NULL ELSE published END AS short
                FROM articles WHERE published IS NOT NULL
                """)
            while let row = try rows.next() {
                // Articles the snapshot does not hold yet (committed since) wait for the next reload.
                guard let position = current.position(of: ArticleID(row["id"] as Int64)) else { continue }
                let short = row["short"] as String?
                guard let day = short.map(PublicationDays.dayNumber(iso:)) ?? (row["day"] as Int64?).map(Int.init) else { continue }
                byPosition[position] = Int32(clamping: day)
            }
            return byPosition
        }
        days.recomputeSpan()
        let computed = days
        withLock { kept in if kept.snapshot.reloads == current.reloads { kept.snapshot.publicationDays = computed } }
        return days
    }

    public func mentionsOverTime(of entity: EntityID) -> DatedMentions {
        publicationDays().mentions(articles(mentioning: entity)) { self.position(of: $0) }
    }
}

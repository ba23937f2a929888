// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import LedeModel

/// The article list and the publication days: each read with one query,
/// once per generation (or snapshot), and kept.
extension IndexedCorpus {
    /// The article list's rows in reading order: each article's summary, and
    /// the lowercased UTF-8 of its title and authors that the filter looks in,
    /// all in one buffer (`text[spans[row]]`): a keystroke's scan reads
    /// memory in order, not one small array per article.
    struct ListRows: Sendable {
        var summaries: [ArticleSummary] = []
        var text: [UInt8] = []
        var spans: [Range<Int>] = []
    }

    public func articleList(order: ArticleOrder, filter: String) -> [ArticleID] {
        if order == .reading && filter.isEmpty { return articleIDs }
        let (rows, ordered) = articleListRows(order: order)
        let needle = Array(filter.lowercased().utf8)
        guard !needle.isEmpty else { return ordered.map { rows.summaries[$0].id } }
        return rows.text.withUnsafeBufferPointer { text in
            ordered.filter { ByteSearch.contains(UnsafeBufferPointer(rebasing: text[rows.spans[$0]]), needle) }
        }.map { rows.summaries[$0].id }
    }

    /// The article list's rows, read with one query once per generation, and
    /// each order once asked for: after that a filter keystroke is a byte scan
    /// of the kept order (reading the rows took half a second at 100,000
    /// articles, sorting them a tenth of one).
    private func articleListRows(order: ArticleOrder) -> (rows: ListRows, order: [Int]) {
        let generation = self.generation
        var list = withLock { $0.listRows }
        if list?.generation != generation { list = (generation, readListRows(), [:]) }
        guard var list else { return (ListRows(), []) }
        if list.orders[order] == nil {
            let sorted = ArticleOrdering.sort(list.rows.summaries.enumerated().map { ($0.offset, $0.element) }, by: order)
            // Rows are in reading order, so a row's index is its position among the listed articles.
            var index: [ArticleID: Int] = [:]
            for (offset, summary) in list.rows.summaries.enumerated() { index[summary.id] = offset }
            list.orders[order] = sorted.compactMap { index[$0.summary.id] }
        }
        let kept = list
        withLock { $0.listRows = kept }
        return (list.rows, list.orders[order] ?? [])
    }

    /// Every article's summary and filter text, in reading order.
    private func readListRows() -> ListRows {
        let read: [(position: Int, summary: ArticleSummary, searchable: [UInt8])] = read("the article list", else: []) { db in
            var read: [(position: Int, summary: ArticleSummary, searchable: [UInt8])] = []
            let articles = try NamedRows(db, sql: """
                SELECT a.id, a.path, a.title, a.authors, a.published, a.paragraph_count, coalesce(l.mention_count, 0) AS mention_count
                FROM articles a LEFT JOIN links l ON l.id = a.id
                """)
            let (idAt, pathAt, titleAt, authorsAt) = try (articles.column("id"), articles.column("path"), articles.column("title"),
                                                          articles.column("authors"))
            let (publishedAt, paragraphsAt, mentionsAt) = try (articles.column("published"), articles.column("paragraph_count"),
                                                               articles.column("mention_count"))
            while let row = try articles.rows.next() {
                let id = ArticleID(row[idAt] as Int64)
                guard let position = position(of: id) else { continue }
                let title: String = row[titleAt]
                let authors = try ArticleBlobs.decodeStrings(row[authorsAt])
                let summary = ArticleSummary(id: id, path: row[pathAt], title: title, authors: authors,
                                             published: (row[publishedAt] as String?).flatMap { CalendarDate(iso: $0) }, genre: nil,
                                             brand: nil, paragraphCount: row[paragraphsAt], mentionCount: row[mentionsAt])
                read.append((position, summary, Array(([title] + authors).joined(separator: "\n").lowercased().utf8)))
            }
            return read
        }
        var rows = ListRows()
        rows.summaries.reserveCapacity(read.count)
        rows.spans.reserveCapacity(read.count)
        for row in read.sorted(by: { $0.position < $1.position }) {
            rows.summaries.append(row.summary)
            rows.spans.append(rows.text.count..<(rows.text.count + row.searchable.count))
            rows.text += row.searchable
        }
        return rows
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
            let dated = try NamedRows(db, sql: """
                SELECT id, CAST(julianday(published) - 2440587.5 AS INTEGER) AS day,
                       CASE WHEN length(published) = 10 THEN NULL ELSE published END AS short
                FROM articles WHERE published IS NOT NULL
                """)
            let (idAt, dayAt, shortAt) = try (dated.column("id"), dated.column("day"), dated.column("short"))
            while let row = try dated.rows.next() {
                // Articles the snapshot does not hold yet (committed since) wait for the next reload.
                guard let position = current.position(of: ArticleID(row[idAt] as Int64)) else { continue }
                let short = row[shortAt] as String?
                guard let day = short.map(PublicationDays.dayNumber(iso:)) ?? (row[dayAt] as Int64?).map(Int.init) else { continue }
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

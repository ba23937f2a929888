// SPDX-License-Identifier: Apache-2.0
/// How the article list is ordered: reading order (by path), newest first,
/// by title, by first author, or most mentions first. Ties keep reading order.
public enum ArticleOrder: String, CaseIterable, Sendable {
    case reading, date, title, author, mentions

    public var next: ArticleOrder { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }

    public var label: String {
        switch self {
        case .reading: "reading order"
        case .date: "newest first"
        case .title: "by title"
        case .author: "by author"
        case .mentions: "most mentions first"
        }
    }
}

extension Corpus {
    /// The articles in `order` whose title or authors contain `filter`
    /// (case-insensitive; empty: all). This asks for every summary; the
    /// index answers with one query instead.
    public func defaultArticleList(order: ArticleOrder, filter: String) -> [ArticleID] {
        let needle = filter.lowercased()
        var rows: [(position: Int, summary: ArticleSummary)] = []
        for (position, id) in articleIDs.enumerated() {
            guard let summary = summary(of: id) else { continue }
            if !needle.isEmpty, !summary.title.lowercased().contains(needle),
               !summary.authors.contains(where: { $0.lowercased().contains(needle) }) { continue }
            rows.append((position, summary))
        }
        return ArticleOrdering.sort(rows, by: order).map(\.summary.id)
    }
}

/// The comparisons behind every store's article list, so both stores order alike.
public enum ArticleOrdering {
    public static func sort(_ rows: [(position: Int, summary: ArticleSummary)], by order: ArticleOrder) -> [(position: Int, summary: ArticleSummary)] {
        // Keys made once per row, not once per comparison: 100,000 titles lowercased in every comparison took most of a second.
        switch order {
        case .reading:
            return rows.sorted { $0.position < $1.position }
        case .date:
            // Newest first; undated last.
            return rows.sorted { a, b in
                let da = a.summary.published, db = b.summary.published
                if da != db {
                    guard let da else { return false }
                    guard let db else { return true }
                    return da > db
                }
                return a.position < b.position
            }
        case .mentions:
            return rows.sorted { a, b in
                if a.summary.mentionCount != b.summary.mentionCount { return a.summary.mentionCount > b.summary.mentionCount }
                return a.position < b.position
            }
        case .title, .author:
            let keyed = rows.map { row -> (key: String, row: (position: Int, summary: ArticleSummary)) in
                let key = order == .title ? row.summary.title : (row.summary.authors.first ?? "\u{10FFFF}")
                return (key.lowercased(), row)
            }
            return keyed.sorted { a, b in
                if a.key != b.key { return a.key < b.key }
                return a.row.position < b.row.position
            }.map(\.row)
        }
    }
}

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
        func key(_ summary: ArticleSummary) -> String {
            switch order {
            case .title: summary.title.lowercased()
            case .author: (summary.authors.first ?? "\u{10FFFF}").lowercased()
            default: ""
            }
        }
        return rows.sorted { a, b in
            switch order {
            case .reading: break
            case .date:
                // Newest first; undated last.
                let da = a.summary.published, db = b.summary.published
                if da != db {
                    guard let da else { return false }
                    guard let db else { return true }
                    return da > db
                }
            case .title, .author:
                let ka = key(a.summary), kb = key(b.summary)
                if ka != kb { return ka < kb }
            case .mentions:
                if a.summary.mentionCount != b.summary.mentionCount { return a.summary.mentionCount > b.summary.mentionCount }
            }
            return a.position < b.position
        }
    }
}

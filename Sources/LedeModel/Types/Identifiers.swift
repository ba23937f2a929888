// SPDX-License-Identifier: Apache-2.0
/// Typed identifiers: an article, an entity and a mention are never confused
/// with each other or with a position in some list.
///
/// An identifier is stable for the life of a corpus. In the in-memory store
/// it is the article's (entity's) position; in the SQLite index it is the
/// row id, which survives re-indexing of other files. Reading order is not
/// identifier order: ask the corpus for `position(of:)`.
public struct ArticleID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let raw: Int64
    public init(_ raw: Int64) { self.raw = raw }
    public static func < (a: ArticleID, b: ArticleID) -> Bool { a.raw < b.raw }
    public var description: String { "article#\(raw)" }
}

public struct EntityID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let raw: Int64
    public init(_ raw: Int64) { self.raw = raw }
    public static func < (a: EntityID, b: EntityID) -> Bool { a.raw < b.raw }
    public var description: String { "entity#\(raw)" }
}

/// A mention is the `ordinal`-th mention of its article in reading order.
public struct MentionID: Hashable, Sendable, CustomStringConvertible {
    public let article: ArticleID
    public let ordinal: Int32
    public init(article: ArticleID, ordinal: Int32) {
        self.article = article
        self.ordinal = ordinal
    }
    public var description: String { "\(article).\(ordinal)" }
}

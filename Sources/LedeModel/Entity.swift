/// Where an entity comes from.
public enum EntitySource: String, Sendable, Codable {
    /// The publisher annotated the article with it.
    case annotation
    /// We found it in the text through the gazetteer or the release catalogue.
    case detected
}

/// A concept a reader can follow: an annotated concept, an organisation from
/// the gazetteer, or an AI model from the release catalogue.
public struct Entity: Sendable, Hashable, Identifiable {
    /// The publisher's concept id, or `detected:<name>` / `model:<name>`.
    public var id: String
    public var label: String
    public var type: EntityType
    /// Annotation predicates across all articles, first seen first.
    public var predicates: [String]
    public var source: EntitySource
    /// The names looked for in the text (label first).
    public var names: [String]
    public var url: String?
    /// For a model: its organisation's label.
    public var organisation: String?

    public init(id: String, label: String, type: EntityType, predicates: [String] = [], source: EntitySource,
                names: [String] = [], url: String? = nil, organisation: String? = nil) {
        self.id = id
        self.label = label
        self.type = type
        self.predicates = predicates
        self.source = source
        self.names = names
        self.url = url
        self.organisation = organisation
    }

    /// Annotated only through the concept hierarchy: listed, not expected in the text.
    public var isOnlyImplicit: Bool {
        !predicates.isEmpty && predicates.allSatisfy { Annotation.implicitPredicates.contains($0) }
    }
}

/// One place in the text where an entity is named.
///
/// Offsets are **contract**: 0-based, end-exclusive, in Unicode scalars of
/// the paragraph text; `text` is exactly that slice.
public struct Mention: Sendable, Hashable {
    public var entity: Int
    public var article: Int
    public var paragraph: Int
    public var start: Int
    public var end: Int
    public var text: String
    /// True when the article's annotations do not list the entity.
    public var isDetected: Bool

    public init(entity: Int, article: Int, paragraph: Int, start: Int, end: Int, text: String, isDetected: Bool) {
        self.entity = entity
        self.article = article
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = text
        self.isDetected = isDetected
    }

    /// Reading order: article, paragraph, offset.
    public static func readingOrder(_ a: Mention, _ b: Mention) -> Bool {
        (a.article, a.paragraph, a.start, -a.end) < (b.article, b.paragraph, b.start, -b.end)
    }
}

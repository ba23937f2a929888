// SPDX-License-Identifier: Apache-2.0
/// The source format an article was read from (`lede parse` reports it).
public enum ArticleFormat: String, Sendable, Codable, CaseIterable {
    case scraped
    case contentAPI = "content-api"
    case markdown
    case jsonLines = "jsonl"
    case brat
    case spacy
    case html
}

/// A link in an article's text: the scalars it covers in one paragraph, and where it points.
public struct ArticleLink: Hashable, Sendable, Codable {
    public var paragraph: Int
    /// Unicode-scalar offsets in the paragraph, end exclusive.
    public var start: Int
    public var end: Int
    public var address: String

    public init(paragraph: Int, start: Int, end: Int, address: String) {
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.address = address
    }
}

/// An entity span the source states (a JSON Lines `entities` item, a brat `T`
/// line, a spaCy `ents` item), already placed in one paragraph. The linker
/// turns these into mentions as they are, instead of searching the text.
public struct GivenMention: Hashable, Sendable, Codable {
    public var paragraph: Int
    /// Unicode-scalar offsets in the paragraph, end exclusive.
    public var start: Int
    public var end: Int
    /// The entity's name (the covered text when the source gives only a type).
    public var label: String
    public var type: EntityType

    public init(paragraph: Int, start: Int, end: Int, label: String, type: EntityType) {
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.label = label
        self.type = type
    }
}

extension EntityType {
    /// The closest type for an NER tag (spaCy, CoNLL, brat schemas): PERSON/PER →
    /// person, ORG → organisation, GPE/LOC/FAC → location, PRODUCT → product;
    /// our own type names are taken as they are; anything else is `other`.
    public init(nerTag: String) {
        let tag = nerTag.uppercased()
        switch tag {
        case "PERSON", "PER", "PEOPLE": self = .person
        case "ORG", "ORGANIZATION", "ORGANISATION", "COMPANY": self = .organisation
        case "GPE", "LOC", "LOCATION", "FAC", "PLACE", "COUNTRY", "CITY": self = .location
        case "PRODUCT": self = .product
        case "MODEL", "AI_MODEL": self = .model
        default:
            // BRAND and GENRE classify articles; a span tagged so is still text.
            let type = EntityType(rawValue: tag) ?? .other
            self = type.isArticleMetadata ? .other : type
        }
    }
}

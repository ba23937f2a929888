/// The publisher's annotation types, plus `model` for AI models we find.
public enum EntityType: String, Sendable, Codable, CaseIterable, Comparable {
    case organisation = "ORGANISATION"
    case person = "PERSON"
    case location = "LOCATION"
    case topic = "TOPIC"
    case model = "MODEL"
    case brand = "BRAND"
    case genre = "GENRE"
    case other = "OTHER"

    public init(annotationType: String) {
        self = EntityType(rawValue: annotationType.uppercased()) ?? .other
    }

    /// Order of the groups in lists: the kinds a reader follows first.
    public static func < (a: EntityType, b: EntityType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// BRAND and GENRE classify the article; they are never looked for in the text.
    public var isArticleMetadata: Bool { self == .brand || self == .genre }

    public var displayName: String { rawValue }
}

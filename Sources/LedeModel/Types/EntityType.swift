// SPDX-License-Identifier: Apache-2.0
/// The publisher's annotation types, plus `model` for AI models we find.
public enum EntityType: String, Sendable, Codable, CaseIterable, Comparable {
    case organisation = "ORGANISATION"
    case person = "PERSON"
    case location = "LOCATION"
    case topic = "TOPIC"
    case model = "MODEL"
    /// A family of models (`Llama`, `the Claude family`): no release of its own.
    case modelFamily = "MODEL_FAMILY"
    /// A product built on models (`ChatGPT`, `Meta AI`): not a model release.
    case product = "PRODUCT"
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

    /// A short tag for text where colour cannot say the type (accessible mode, screen readers).
    public var accessibleTag: String {
        switch self {
        case .organisation: "ORG"
        case .person: "PER"
        case .location: "LOC"
        case .topic: "TOPIC"
        case .model: "MODEL"
        case .modelFamily: "FAMILY"
        case .product: "PRODUCT"
        case .brand: "BRAND"
        case .genre: "GENRE"
        case .other: "OTHER"
        }
    }

    /// Models, families and products: matched in the model layer, so the
    /// longest name wins (`Claude 3.7 Sonnet` over `Claude`).
    public var isModelLayer: Bool { self == .model || self == .modelFamily || self == .product }
}

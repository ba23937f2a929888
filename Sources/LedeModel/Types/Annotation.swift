// SPDX-License-Identifier: Apache-2.0
/// One row of the publisher's annotations JSON.
public struct Annotation: Hashable, Sendable, Codable {
    public var type: EntityType
    /// The last path segment of the predicate URI: `about`, `mentions`, `hasAuthor`, …
    public var predicate: String
    public var label: String
    public var id: String
    public var url: String?

    public init(type: EntityType, predicate: String, label: String, id: String, url: String? = nil) {
        self.type = type
        self.predicate = predicate
        self.label = label
        self.id = id
        self.url = url
    }

    /// Predicates derived through the publisher's concept hierarchy: the concept
    /// is usually not in the text.
    public static let implicitPredicates: Set<String> = ["implicitlyAbout", "implicitlyClassifiedBy"]
    /// Predicates that say who wrote the piece.
    public static let authorPredicates: Set<String> = ["hasAuthor", "hasContributor"]
}

/// A concept the article is annotated with: annotations merged by `id`.
public struct AnnotatedConcept: Hashable, Sendable {
    public var id: String
    public var label: String
    public var type: EntityType
    public var url: String?
    /// Every predicate it appeared under, in first-seen order.
    public var predicates: [String]

    /// The label of the concept of `type` the article is primarily classified by, else of the first one
    /// (the genre and the brand come from the annotations, whatever the format that carried them).
    public static func classification(_ type: EntityType, in concepts: [AnnotatedConcept]) -> String? {
        let candidates = concepts.filter { $0.type == type }
        return (candidates.first { $0.predicates.contains("isPrimarilyClassifiedBy") } ?? candidates.first)?.label
    }

    /// Only derived predicates (implicitlyAbout …): listed, dimmed, not expected in the text.
    public var isOnlyImplicit: Bool { predicates.allSatisfy { Annotation.implicitPredicates.contains($0) } }

    /// Merges annotation rows by concept id, keeping the first row's label and type.
    public static func merge(_ annotations: [Annotation]) -> [AnnotatedConcept] {
        var order: [String] = []
        var byID: [String: AnnotatedConcept] = [:]
        for row in annotations {
            if var concept = byID[row.id] {
                if !concept.predicates.contains(row.predicate) { concept.predicates.append(row.predicate) }
                byID[row.id] = concept
            } else {
                order.append(row.id)
                byID[row.id] = AnnotatedConcept(id: row.id, label: row.label, type: row.type, url: row.url, predicates: [row.predicate])
            }
        }
        return order.map { byID[$0]! }
    }
}

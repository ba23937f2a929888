// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the test targets: locating the package and its fixtures.
import Foundation

public enum PackagePaths {
    /// The package root, found from this source file's location.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    public static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/LedeModelTests/Fixtures").appendingPathComponent(name).path
    }

    public static var samples: String { root.appendingPathComponent("Sources/lede/Samples").path }

    /// The reference article: the bundled sample `lede` opens first (one copy, read by the tests too).
    public static var reference: String { root.appendingPathComponent(referenceRelative).path }

    /// The reference article's path from the package root (the end-to-end tests run from there).
    public static let referenceRelative = "Sources/lede/Samples/000_china_open_models.txt"
}

import LedeModel

/// Test conveniences over the query API: whole-corpus walks that the
/// program itself never needs.
extension Corpus {
    /// Every mention of every article, reading order.
    public var allMentions: [Mention] { articleIDs.flatMap { mentions(in: $0) } }

    /// The listed entity with this label (the first in export order).
    public func entity(labelled label: String) -> Entity? { allEntities().first { $0.label == label } }

    /// Every mention of an entity, reading order.
    public func mentions(of entity: EntityID) -> [Mention] {
        articles(mentioning: entity).flatMap { posting in mentions(in: posting.article).filter { $0.entity == entity } }
    }

    /// Mentions of the entity with this label (-1 when there is none).
    public func mentionCount(labelled label: String) -> Int {
        guard let entity = entity(labelled: label) else { return -1 }
        return mentionCount(of: entity.id)
    }

    /// The article at a reading-order position.
    public func article(at position: Int) -> Article? { articleID(at: position).flatMap(article) }

    /// Paragraph text of a mention.
    public func paragraph(of mention: Mention) -> String? { article(mention.article)?.paragraphs[mention.paragraph] }
}

/// Builds a corpus in memory, as `--no-index` does.
public func loadInMemory(_ paths: [String]) -> InMemoryCorpus { InMemoryCorpus.load(paths: paths) }

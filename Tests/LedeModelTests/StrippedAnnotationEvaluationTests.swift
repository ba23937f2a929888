// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

/// Issue 16's measure: take every annotated article in the repository (the
/// fixtures, the evaluation set, the bundled samples), link it once with its annotations and once without, and ask
/// which annotated people, places and organisations the text alone still
/// finds. An annotated entity counts when it has a mention with its
/// annotations (so the text names it) and, without them, an entity of the
/// same type has a mention overlapping one of those. Authors and classification
/// concepts are metadata, not text, and are not counted.
///
/// `swift test --filter stripped` prints the table. The input is the
/// repository's alone, whatever the host holds; `LEDE_STRIPPED_EXTRA` (folders
/// separated by `:`) adds others to a run made by hand.
@Suite("Stripped-annotation evaluation")
struct StrippedAnnotationEvaluationTests {
    struct Tally {
        var found = 0
        var total = 0
        var misses: [String] = []
        var recall: Double { total == 0 ? 1 : Double(found) / Double(total) }
    }

    static func articleFiles() -> [String] {
        let root = PackagePaths.root
        var folders = ["Tests/LedeModelTests/Fixtures", "Tests/LedeModelTests/DevelopmentSet/articles", "Sources/lede/Samples"]
            .map { root.appendingPathComponent($0).path }
        // Asked for by name only, read only, never copied into the repository.
        if let extra = ProcessInfo.processInfo.environment["LEDE_STRIPPED_EXTRA"] {
            folders += extra.split(separator: ":").map(String.init)
        }
        return ArticleFiles.expand(folders).files
    }

    static func tallies() -> [EntityType: Tally] {
        var tallies: [EntityType: Tally] = [.person: Tally(), .location: Tally(), .organisation: Tally()]
        let builder = CorpusBuilder(threads: 1)
        for path in articleFiles() {
            guard case .success(let article) = builder.importer.importFile(at: path), !article.annotations.isEmpty else { continue }
            let annotated = builder.buildInMemory(articles: [article])
            var stripped = article
            stripped.annotations = []
            let plain = builder.buildInMemory(articles: [stripped])
            let name = (path as NSString).lastPathComponent
            guard let annotatedID = annotated.articleIDs.first, let plainID = plain.articleIDs.first else { continue }
            let annotatedMentions = annotated.mentions(in: annotatedID)
            let plainMentions = plain.mentions(in: plainID)
            for entity in annotated.allEntities() where entity.source == .annotation && tallies[entity.type] != nil {
                let spans = annotatedMentions.filter { $0.entity == entity.id && !$0.isDetected }
                guard !spans.isEmpty else { continue }
                let found = spans.contains { span in
                    plainMentions.contains { mention in
                        mention.paragraph == span.paragraph && mention.start < span.end && span.start < mention.end
                            && plain.entity(mention.entity)?.type == entity.type
                    }
                }
                tallies[entity.type]!.total += 1
                if found { tallies[entity.type]!.found += 1 } else { tallies[entity.type]!.misses.append("\(name): \(entity.label)") }
            }
        }
        return tallies
    }

    @Test("stripped-annotation evaluation: recall of people, places and organisations from the text alone")
    func strippedRecall() {
        let tallies = Self.tallies()
        let targets: [(EntityType, String, Double)] = [(.person, "people", 0.9), (.location, "locations", 0.95), (.organisation, "organisations", 0.95)]
        var table = "| type | found | recall | target |\n| --- | --- | --- | --- |\n"
        for (type, name, target) in targets {
            let tally = tallies[type]!
            table += "| \(name) | \(tally.found) / \(tally.total) | \(String(format: "%.3f", tally.recall)) | \(target) |\n"
        }
        for (type, name, _) in targets where !tallies[type]!.misses.isEmpty {
            table += "missed \(name): \(tallies[type]!.misses.joined(separator: "; "))\n"
        }
        print(table)
        for (type, name, target) in targets {
            #expect(tallies[type]!.total > 0, "no annotated \(name) to measure")
            #expect(tallies[type]!.recall >= target, "\(name) recall \(tallies[type]!.recall) below \(target)")
        }
    }
}

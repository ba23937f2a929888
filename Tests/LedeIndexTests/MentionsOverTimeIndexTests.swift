// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeIndex
import LedeModel
import LedeTestSupport
import Testing

@Suite("Mentions over time, indexed")
struct MentionsOverTimeIndexTests {
    @Test("the index and memory place every entity's mentions on the same days, undated ones apart")
    func bothStoresAgree() throws {
        let folder = try DatedMentionsFixture.write()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for paths in [[folder], [PackagePaths.samples]] {
            let memory = InMemoryCorpus.load(paths: paths)
            let (indexer, indexed, _) = try openIndex(paths)
            try update(indexer, indexed, paths: paths)
            let entities = memory.allEntities()
            #expect(entities.count > 2)
            for entity in entities {
                let other = try #require(indexed.entityID(type: entity.type, label: entity.label), "\(entity.label)")
                #expect(indexed.mentionsOverTime(of: other) == memory.mentionsOverTime(of: entity.id), "\(entity.label)")
            }
        }
        // The hand counts, from the index.
        let (indexer, indexed, _) = try openIndex([folder])
        try update(indexer, indexed, paths: [folder])
        let quill = try #require(indexed.entityID(type: .organisation, label: "Quillmark"))
        let histogram = indexed.mentionHistogram(of: quill)
        #expect(histogram.busiest.map(histogram.label(of:)) == "2025-W10" && histogram.busiest?.mentions == 3)
        #expect(histogram.undatedMentions == 2 && histogram.datedMentions == 7)
    }
}

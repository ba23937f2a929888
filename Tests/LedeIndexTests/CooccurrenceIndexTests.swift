// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeIndex
import LedeModel
import LedeTestSupport
import Testing

/// The keys whose tables differ, with the first few differences spelled out.
func differences(_ a: [String: [String]], _ b: [String: [String]]) -> [String] {
    Set(a.keys).union(b.keys).sorted().filter { a[$0] != b[$0] }.map { "\($0): \(a[$0]?.prefix(4) ?? []) ≠ \(b[$0]?.prefix(4) ?? [])" }
}

/// Every entity's co-occurrence table by entity key: what "the same answer" means across stores, whose ids differ.
func cooccurrenceByKey(_ corpus: any Corpus, unit: CooccurrenceUnit) -> [String: [String]] {
    var result: [String: [String]] = [:]
    for entity in corpus.allEntities() {
        let table = corpus.cooccurrences(of: entity.id, unit: unit)
        result[entity.key.raw] = ["units \(table.units) of \(table.total)"] + table.rows.map { row in
            "\(corpus.entity(row.entity)?.key.raw ?? "?") \(row.shared) \(row.units) \(String(format: "%.6f", row.lift))"
        }
    }
    return result
}

@Suite("Co-occurrence in the index")
struct CooccurrenceIndexTests {
    @Test("the index answers as the in-memory store, for every entity, after a first build and after files change")
    func sameAsMemory() throws {
        let folder = SyntheticCorpus.temporaryFolder("cooccurrence")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try SyntheticCorpus.write(count: 150, to: folder)
        let (indexer, indexed, _) = try openIndex([folder])
        try update(indexer, indexed, paths: [folder])
        for unit in CooccurrenceUnit.allCases {
            let memory = cooccurrenceByKey(CorpusBuilder().buildInMemory(paths: [folder]), unit: unit)
            #expect(memory.values.filter { $0.count > 1 }.count > 20, "the synthetic corpus has pairs")
            let different = differences(cooccurrenceByKey(indexed, unit: unit), memory)
            #expect(different.isEmpty, "\(different.count) differ: \(different.prefix(2))")
        }
        // Remove some files, rewrite others with new text: the index's counts move with them.
        for path in paths.prefix(20) { try FileManager.default.removeItem(atPath: path) }
        var generator = SyntheticCorpus.Generator(seed: 99)
        for (index, path) in paths[40..<60].enumerated() { try Data(generator.fileText(index: 5000 + index).utf8).write(to: URL(fileURLWithPath: path)) }
        let report = try update(indexer, indexed, paths: [folder])
        #expect(report.removed == 20)
        #expect(report.changed == 20)
        let memory = CorpusBuilder().buildInMemory(paths: [folder])
        #expect(indexed.unitTotals == memory.unitTotals)
        for unit in CooccurrenceUnit.allCases {
            let different = differences(cooccurrenceByKey(indexed, unit: unit), cooccurrenceByKey(memory, unit: unit))
            #expect(different.isEmpty, "after the change, \(different.count) differ: \(different.prefix(2))")
        }
        // And the graph export is byte for byte the same.
        var fromIndex = "", fromMemory = ""
        GraphExport.writeJSON(CooccurrenceGraph(corpus: indexed, unit: .paragraph), to: &fromIndex)
        GraphExport.writeJSON(CooccurrenceGraph(corpus: memory, unit: .paragraph), to: &fromMemory)
        #expect(fromIndex == fromMemory, "the graph JSON differs between the stores")
        #expect(fromIndex.count > 1000)
    }
}

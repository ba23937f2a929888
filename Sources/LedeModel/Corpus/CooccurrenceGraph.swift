// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Every co-occurring pair of the corpus: the entity network the graph
/// export writes. Built with one pass over every article's units.
public struct CooccurrenceGraph: Sendable {
    public struct Node: Sendable, Hashable {
        public var entity: Entity
        public var mentions: Int
        /// Paragraphs (or sentences) that name it.
        public var units: Int
    }

    public struct Edge: Sendable, Hashable {
        /// Indices into `nodes`; `source` comes first in export order.
        public var source: Int
        public var target: Int
        /// Units that name both: the edge's weight.
        public var shared: Int
        public var lift: Double
        public var pmi: Double { lift > 0 ? log2(lift) : 0 }
    }

    public var unit: CooccurrenceUnit
    /// Units in the corpus that name any entity.
    public var total: Int
    /// Export order (type, then label); only entities with an edge kept.
    public var nodes: [Node]
    /// By source, then target.
    public var edges: [Edge]

    /// Articles whose units are read in one go.
    static let batchSize = 512

    /// The pairs sharing at least `minimumWeight` units, between entities of
    /// `types` (all when nil).
    public init(corpus: any Corpus, unit: CooccurrenceUnit, types: Set<EntityType>? = nil, minimumWeight: Int = 1) {
        self.unit = unit
        total = corpus.unitTotals[unit]
        let listed = corpus.allEntities().filter { types?.contains($0.type) ?? true }
        var rank: [EntityID: Int] = [:]
        for (position, entity) in listed.enumerated() { rank[entity.id] = position }

        // Pairs by export rank: the smaller rank first.
        var shared: [PairKey: Int] = [:]
        let ids = corpus.articleIDs
        for start in stride(from: 0, to: ids.count, by: Self.batchSize) {
            for units in corpus.entityUnits(in: Array(ids[start..<min(ids.count, start + Self.batchSize)])) {
                UnitGroups.forEach(units, by: unit) { group in
                    let ranks = UnitGroups.entities(group).compactMap { rank[$0] }.sorted()
                    guard ranks.count > 1 else { return }
                    for (index, first) in ranks.enumerated() {
                        for second in ranks[(index + 1)...] { shared[PairKey(first, second), default: 0] += 1 }
                    }
                }
            }
        }
        let kept = shared.filter { $0.value >= max(1, minimumWeight) }
        let used = Set(kept.keys.flatMap { [$0.first, $0.second] }).sorted()
        var nodeIndex: [Int: Int] = [:]
        nodes = used.enumerated().map { index, rankOfEntity in
            nodeIndex[rankOfEntity] = index
            let entity = listed[rankOfEntity]
            return Node(entity: entity, mentions: corpus.mentionCount(of: entity.id), units: corpus.unitCounts(of: entity.id)[unit])
        }
        let total = self.total
        let nodes = self.nodes
        edges = kept.map { pair, count in
            let source = nodeIndex[pair.first]!, target = nodeIndex[pair.second]!
            return Edge(source: source, target: target, shared: count,
                        lift: CooccurrenceTable.lift(shared: count, units: nodes[source].units, partnerUnits: nodes[target].units, total: total))
        }.sorted { ($0.source, $0.target) < ($1.source, $1.target) }
    }

    struct PairKey: Hashable {
        var first: Int
        var second: Int
        init(_ first: Int, _ second: Int) { (self.first, self.second) = (first, second) }
    }
}

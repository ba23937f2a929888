// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One entity that travels with another: how many paragraphs (or sentences)
/// hold both, and how much more often than chance.
public struct CooccurrenceRow: Sendable, Hashable {
    public var entity: EntityID
    /// Units that mention both.
    public var shared: Int
    /// Units that mention this entity, corpus-wide.
    public var units: Int
    /// shared × N ÷ (units of the one × units of the other), N the corpus's
    /// units that mention anything: 1 is what chance gives, 10 ten times more.
    public var lift: Double

    public init(entity: EntityID, shared: Int, units: Int, lift: Double) {
        self.entity = entity
        self.shared = shared
        self.units = units
        self.lift = lift
    }

    /// Pointwise mutual information, in bits: log₂ of the lift.
    public var pmi: Double { log2(lift) }
}

/// How a co-occurrence list is ranked.
public enum CooccurrenceOrder: String, Sendable, CaseIterable, Hashable {
    /// Lift, with pairs that share a single unit after the rest: one shared
    /// sentence is chance, and a lift from it would put every rare name first.
    case lift
    /// Shared units: what a frequent entity (a country, a big company) tops.
    case count

    public var other: CooccurrenceOrder { self == .lift ? .count : .lift }
}

/// The entities that share paragraphs (or sentences) with one entity.
public struct CooccurrenceTable: Sendable, Hashable {
    public var entity: EntityID
    public var unit: CooccurrenceUnit
    public var order: CooccurrenceOrder
    /// Units that mention the entity.
    public var units: Int
    /// Units in the corpus that mention anything.
    public var total: Int
    public var rows: [CooccurrenceRow]

    /// Pairs sharing fewer units than this rank after the others by lift.
    public static let minimumSharedForLift = 2

    public init(entity: EntityID, unit: CooccurrenceUnit, order: CooccurrenceOrder, units: Int, total: Int, rows: [CooccurrenceRow]) {
        self.entity = entity
        self.unit = unit
        self.order = order
        self.units = units
        self.total = total
        self.rows = rows
    }

    /// Lift of a pair, or 0 when a count is missing.
    public static func lift(shared: Int, units: Int, partnerUnits: Int, total: Int) -> Double {
        guard shared > 0, units > 0, partnerUnits > 0, total > 0 else { return 0 }
        return Double(shared) * Double(total) / (Double(units) * Double(partnerUnits))
    }

    /// Sorts rows by `order`; ties by shared units, then by `tieBreak` (the
    /// entities' keys, so every store lists them alike).
    public static func ranked(_ rows: [CooccurrenceRow], by order: CooccurrenceOrder, tieBreak: (EntityID) -> String) -> [CooccurrenceRow] {
        let keyed = rows.map { (row: $0, key: tieBreak($0.entity)) }
        return keyed.sorted { a, b in
            switch order {
            case .lift:
                let strongA = a.row.shared >= minimumSharedForLift, strongB = b.row.shared >= minimumSharedForLift
                if strongA != strongB { return strongA }
                if a.row.lift != b.row.lift { return a.row.lift > b.row.lift }
                if a.row.shared != b.row.shared { return a.row.shared > b.row.shared }
            case .count:
                if a.row.shared != b.row.shared { return a.row.shared > b.row.shared }
                if a.row.lift != b.row.lift { return a.row.lift > b.row.lift }
            }
            return a.key < b.key
        }.map(\.row)
    }
}

/// Walks an article's units a paragraph (or sentence) at a time.
enum UnitGroups {
    /// Calls `body` with each group of units that share a paragraph (or a
    /// sentence); `units` must be sorted as `EntityUnit` sorts.
    static func forEach(_ units: [EntityUnit], by unit: CooccurrenceUnit, _ body: (ArraySlice<EntityUnit>) -> Void) {
        var start = 0
        while start < units.count {
            var end = start + 1
            while end < units.count, units[end].sharesUnit(with: units[start], unit) { end += 1 }
            body(units[start..<end])
            start = end
        }
    }

    /// The distinct entities of a group (a paragraph lists an entity once per sentence).
    static func entities(_ group: ArraySlice<EntityUnit>) -> [EntityID] {
        var seen: [EntityID] = []
        for unit in group where !seen.contains(unit.entity) { seen.append(unit.entity) }
        return seen
    }
}

extension Corpus {
    /// The entities that share paragraphs (or sentences) with `entity`, ranked.
    /// Reads only the articles that mention it.
    public func cooccurrences(of entity: EntityID, unit: CooccurrenceUnit, order: CooccurrenceOrder = .lift) -> CooccurrenceTable {
        var shared: [EntityID: Int] = [:]
        for units in entityUnits(in: articles(mentioning: entity).map(\.article)) {
            UnitGroups.forEach(units, by: unit) { group in
                guard group.contains(where: { $0.entity == entity }) else { return }
                for other in UnitGroups.entities(group) where other != entity { shared[other, default: 0] += 1 }
            }
        }
        let units = unitCounts(of: entity)[unit]
        let total = unitTotals[unit]
        let rows = shared.map { other, count in
            let partnerUnits = unitCounts(of: other)[unit]
            return CooccurrenceRow(entity: other, shared: count, units: partnerUnits,
                                   lift: CooccurrenceTable.lift(shared: count, units: units, partnerUnits: partnerUnits, total: total))
        }
        let ranked = CooccurrenceTable.ranked(rows, by: order) { self.entity($0)?.key.raw ?? "" }
        return CooccurrenceTable(entity: entity, unit: unit, order: order, units: units, total: total, rows: ranked)
    }

    /// The paragraphs (or sentences' paragraphs) that mention both entities,
    /// reading order, with both entities' mentions marked.
    public func sharedUnits(of entity: EntityID, and other: EntityID, unit: CooccurrenceUnit) -> [SearchHit] {
        let otherArticles = Set(articles(mentioning: other).map(\.article))
        var hits: [SearchHit] = []
        for posting in articles(mentioning: entity) where otherArticles.contains(posting.article) {
            var paragraphs: [Int] = []
            UnitGroups.forEach(entityUnits(in: posting.article), by: unit) { group in
                let here = Set(group.map(\.entity))
                guard here.contains(entity), here.contains(other), let paragraph = group.first?.paragraph else { return }
                if paragraphs.last != Int(paragraph) { paragraphs.append(Int(paragraph)) }
            }
            guard !paragraphs.isEmpty else { continue }
            let mentions = self.mentions(in: posting.article)
            for paragraph in paragraphs {
                let ranges = mentions.filter { $0.paragraph == paragraph && ($0.entity == entity || $0.entity == other) }.map { $0.start..<$0.end }
                hits.append(SearchHit(article: posting.article, paragraph: paragraph, matches: ranges))
            }
        }
        return hits
    }
}

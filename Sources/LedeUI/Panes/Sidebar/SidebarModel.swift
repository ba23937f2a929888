// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// The sidebar's groups: the publisher's types, then models, then what we detected.
public enum SidebarGroup: String, CaseIterable, Sendable, Hashable {
    case organisations = "ORGANISATION"
    case people = "PERSON"
    case locations = "LOCATION"
    case topics = "TOPIC"
    case models = "MODELS"
    case detected = "DETECTED"
}

/// The rows the sidebar shows for the current article, derived from state:
/// grouped, most-mentioned first, narrowed by the filter (substring or
/// in-order subsequence over labels and names, best matches first).
public struct SidebarModel: Sendable {
    /// What the rows are made from: equal inputs give equal rows.
    struct Inputs: Equatable, Sendable {
        var article: ArticleID?
        var generation: Int
        var filter: String
        var hiddenTypes: Set<SidebarGroup>
        var cooccurrence: CooccurrenceState?

        init(state: BrowserState) {
            // The co-occurrence view is corpus-wide: the next article does not make its rows again.
            article = state.sidebar.cooccurrence == nil ? state.article : nil
            generation = state.corpus.generation
            filter = state.sidebar.filter
            hiddenTypes = state.sidebar.hiddenTypes
            cooccurrence = state.sidebar.cooccurrence
        }
    }

    public enum Row: Hashable, Sendable {
        case header(SidebarGroup, count: Int)
        case entity(EntityID, mentions: Int, dimmed: Bool, detected: Bool)
    }

    public let rows: [Row]
    /// Label and type of each listed entity, so drawing does not ask the corpus again.
    public let entities: [EntityID: Entity]
    /// In the co-occurrence view: the table, and each listed partner's row of it.
    public private(set) var cooccurrence: CooccurrenceTable?
    public private(set) var partners: [EntityID: CooccurrenceRow] = [:]

    /// Partners listed at most: past the first few hundred by lift, a pair is noise.
    static let partnerLimit = 500

    public init(state: BrowserState) {
        if let view = state.sidebar.cooccurrence {
            self.init(cooccurrence: state.cooccurrenceTable(view), state: state)
        } else {
            self.init(entitiesOfArticleIn: state)
        }
    }

    /// The article's entities, grouped by type.
    init(entitiesOfArticleIn state: BrowserState) {
        let corpus = state.corpus
        guard let article = state.article else { rows = []; entities = [:]; visibleEntities = []; visibleEntitySet = []; return }
        let annotated = corpus.annotatedEntities(in: article)
        var counts: [EntityID: Int] = [:]
        for mention in corpus.mentions(in: article) { counts[mention.entity, default: 0] += 1 }
        let query = state.sidebar.filter
        var grouped: [SidebarGroup: [(entity: Entity, count: Int, score: Int)]] = [:]
        for entity in annotated.union(counts.keys) {
            guard let info = corpus.entity(entity) else { continue }
            guard let group = SidebarModel.group(of: info, annotated: annotated.contains(entity)) else { continue }
            // Type toggles hide detected entities of that type too.
            let typeGroup = SidebarModel.group(of: info, annotated: true) ?? group
            guard !state.sidebar.hiddenTypes.contains(group), !state.sidebar.hiddenTypes.contains(typeGroup) else { continue }
            let score = query.isEmpty ? 0 : FilterScore.score(query: query, names: [info.label] + info.names)
            guard let score else { continue }
            grouped[group, default: []].append((info, counts[entity] ?? 0, score))
        }
        // Substring matches, when there are any, hide the looser subsequence
        // ones: `ali` should leave Alibaba, not also artificiAL Intelligence.
        let floor = FilterScore.keptFloor(grouped.values.joined().map(\.score))
        if floor > 0 {
            for group in grouped.keys { grouped[group] = grouped[group]!.filter { $0.score >= floor } }
        }
        var rows: [Row] = []
        var entities: [EntityID: Entity] = [:]
        for group in SidebarGroup.allCases {
            guard let members = grouped[group], !members.isEmpty else { continue }
            let sorted = members.sorted { a, b in
                if a.score != b.score { return a.score > b.score }
                if a.count != b.count { return a.count > b.count }
                let la = a.entity.label.lowercased(), lb = b.entity.label.lowercased()
                if la != lb { return la < lb }
                return a.entity.key < b.entity.key
            }
            rows.append(.header(group, count: sorted.count))
            for member in sorted {
                entities[member.entity.id] = member.entity
                rows.append(.entity(member.entity.id, mentions: member.count, dimmed: member.count == 0, detected: group == .detected))
            }
        }
        self.rows = rows
        self.entities = entities
        visibleEntities = rows.compactMap { if case .entity(let entity, _, _, _) = $0 { return entity } else { return nil } }
        visibleEntitySet = Set(visibleEntities)
    }

    /// The co-occurrence view's rows: the table's order, narrowed by the
    /// filter (best matches first) and the type toggles, like the entity list.
    init(cooccurrence table: CooccurrenceTable, state: BrowserState) {
        let query = state.sidebar.filter
        var kept: [(row: CooccurrenceRow, entity: Entity, rank: Int, score: Int)] = []
        for (rank, row) in table.rows.prefix(Self.partnerLimit).enumerated() {
            guard let info = state.corpus.entity(row.entity) else { continue }
            let group = SidebarModel.group(of: info, annotated: true)
            if let group, state.sidebar.hiddenTypes.contains(group) { continue }
            if info.source == .detected, state.sidebar.hiddenTypes.contains(.detected), !info.type.isModelLayer { continue }
            let score = query.isEmpty ? 0 : FilterScore.score(query: query, names: [info.label] + info.names)
            guard let score else { continue }
            kept.append((row, info, rank, score))
        }
        let floor = FilterScore.keptFloor(kept.map(\.score))
        kept.removeAll { $0.score < floor }
        kept.sort { ($0.score, -$0.rank) > ($1.score, -$1.rank) }
        rows = kept.map { .entity($0.row.entity, mentions: $0.row.shared, dimmed: false, detected: $0.entity.source == .detected) }
        var entities: [EntityID: Entity] = [:]
        var partners: [EntityID: CooccurrenceRow] = [:]
        for item in kept {
            entities[item.row.entity] = item.entity
            partners[item.row.entity] = item.row
        }
        self.entities = entities
        self.partners = partners
        self.cooccurrence = table
        visibleEntities = kept.map(\.row.entity)
        visibleEntitySet = Set(visibleEntities)
    }

    /// Entities in display order.
    public let visibleEntities: [EntityID]
    public let visibleEntitySet: Set<EntityID>

    public func row(of entity: EntityID) -> Int? {
        rows.firstIndex { if case .entity(entity, _, _, _) = $0 { return true } else { return false } }
    }

    static func group(of entity: Entity, annotated: Bool) -> SidebarGroup? {
        if entity.type.isModelLayer { return .models }
        if !annotated { return .detected }
        switch entity.type {
        case .organisation: return .organisations
        case .person: return .people
        case .location: return .locations
        case .topic: return .topics
        case .model, .modelFamily, .product: return .models
        case .brand, .genre, .other: return nil
        }
    }
}

/// Scores a filter query against names: prefix beats word start beats
/// substring beats subsequence; nil when nothing matches.
public enum FilterScore {
    /// Scores at or above this came from a substring match.
    static let substringFloor = 150

    /// The lowest score a list keeps: substring matches, when there are any,
    /// hide the looser subsequence ones; else every match stays (0: the floor of none).
    static func keptFloor(_ scores: some Sequence<Int>) -> Int {
        (scores.max() ?? 0) >= substringFloor ? substringFloor : 0
    }
    public static func score(query: String, names: [String]) -> Int? {
        let needle = query.lowercased()
        var best: Int?
        for name in names {
            let haystack = name.lowercased()
            var score: Int?
            if haystack.hasPrefix(needle) { score = 450 - min(99, haystack.count) }
            else if haystack.contains(" " + needle) || haystack.contains("-" + needle) { score = 350 - min(99, haystack.count) }
            else if haystack.contains(needle) { score = 250 - min(99, haystack.count) }
            else if isSubsequence(needle, of: haystack) { score = 100 - min(99, haystack.count) }
            if let score, score > (best ?? Int.min) { best = score }
        }
        return best
    }

    static func isSubsequence(_ needle: String, of haystack: String) -> Bool {
        var iterator = haystack.makeIterator()
        for character in needle {
            var found = false
            while let next = iterator.next() { if next == character { found = true; break } }
            if !found { return false }
        }
        return true
    }
}

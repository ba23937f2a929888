// SPDX-License-Identifier: Apache-2.0
/// Everything the corpus knows about one model's release, gathered from
/// every article in reading order.
public struct ModelEvidence: Sendable {
    public struct Statement: Sendable, Hashable {
        public var date: CalendarDate
        public var phrase: String
        public var status: ReleaseStatus
        public var planned: Bool { status == .planned || status == .delayed }
        public var mention: MentionID
        /// Worked out from the publication date (`last week`, `on Monday`,
        /// `recently`): it bounds the date, it never overrides a stated one.
        public var isRelative: Bool
        /// The sentence gives no date: `date` is the publication.
        public var isUndated: Bool
        /// Of the article the statement comes from.
        public var published: CalendarDate?
        public var path: String

        public init(date: CalendarDate, phrase: String, status: ReleaseStatus, mention: MentionID, isRelative: Bool = false,
                    isUndated: Bool = false, published: CalendarDate? = nil, path: String = "") {
            self.date = date
            self.phrase = phrase
            self.status = status
            self.mention = mention
            self.isRelative = isRelative
            self.isUndated = isUndated
            self.published = published
            self.path = path
        }

        public init(date: CalendarDate, phrase: String, planned: Bool, mention: MentionID, isRelative: Bool = false,
                    isUndated: Bool = false, published: CalendarDate? = nil, path: String = "") {
            self.init(date: date, phrase: phrase, status: planned ? .planned : .released, mention: mention, isRelative: isRelative,
                      isUndated: isUndated, published: published, path: path)
        }

        /// States a date the text gives (neither relative nor missing).
        var isStated: Bool { !isRelative && !isUndated }
    }

    public var model: EntityID
    public var name: String
    public var organisation: String?
    public var catalogueEntry: ReleaseCatalogue.Entry?
    /// Reading order (path order).
    public var statements: [Statement]
    public var firstMention: MentionID?
    public var mentionCount: Int
    /// The earliest published date among the articles that name the model.
    public var earliestPublished: CalendarDate?
    /// The latest published date among the articles that name the model.
    public var latestPublished: CalendarDate?

    public init(model: EntityID, name: String, organisation: String?, catalogueEntry: ReleaseCatalogue.Entry?,
                statements: [Statement], firstMention: MentionID?, mentionCount: Int, earliestPublished: CalendarDate?,
                latestPublished: CalendarDate? = nil) {
        self.model = model
        self.name = name
        self.organisation = organisation
        self.catalogueEntry = catalogueEntry
        self.statements = statements
        self.firstMention = firstMention
        self.mentionCount = mentionCount
        self.earliestPublished = earliestPublished
        self.latestPublished = latestPublished ?? earliestPublished
    }
}

/// Decides one release per model from the evidence of every article.
///
/// The rules (DECISIONS.md, “Release dates across the corpus”):
///
/// 1. A model is on the timeline when some article reports its release
///    (released, planned, delayed or called off, dated or not), or when the
///    catalogue knows it.
/// 2. Where it stands: released as soon as any article says it came out (a
///    release is never undone); otherwise what the latest-published article
///    says (a plan, then `delayed to June`, then `scrapped`).
/// 3. When: the statements of that standing decide. Each distinct stated date
///    is a candidate, supported by every article whose statement agrees with
///    it (overlaps it); the most supported wins, then the most precise, then
///    the earliest-published article's, then the first in path order. A date
///    the text states beats the catalogue's when they disagree (the row says
///    so); one that agrees is made precise by whichever is finer.
/// 4. Relative phrases (`last week`, `on Monday`) only bound the date: they
///    count when nothing states one, and never make a conflict.
/// 5. Failing all that, the catalogue; then the earliest publication bounds it.
///
/// The statements arrive in reading order and every tie is broken by
/// values, never by hash order, so the answer is the same on every run.
public enum ReleaseReconciler {
    public static func release(from evidence: ModelEvidence) -> Release? {
        let entry = evidence.catalogueEntry
        guard entry != nil || !evidence.statements.isEmpty else { return nil }
        var release = Release(model: evidence.model, modelName: evidence.name, organisation: evidence.organisation, date: nil,
                              basis: .published, mentionCount: evidence.mentionCount, evidenceMention: evidence.firstMention,
                              source: entry?.source)
        let status = standing(of: evidence)
        release.status = status
        // The statements that speak for the standing: a release is dated by what says it came out.
        let relevant = statements(for: status, in: evidence.statements)
        let stated = relevant.filter(\.isStated)
        let relative = relevant.filter { $0.isRelative && !$0.isUndated }
        var chosen: ModelEvidence.Statement?
        var support: [ModelEvidence.Statement] = []
        if let best = winner(among: stated) {
            chosen = best
            release.date = best.date
            release.basis = .stated
            support = stated.filter { $0.date.overlaps(best.date) }
            if let entry {
                if entry.date.overlaps(best.date) {
                    // Agreeing: the finer of the two is shown.
                    if entry.date.precision >= best.date.precision {
                        release.date = entry.date
                        release.basis = .catalog
                        chosen = nil
                    }
                    support += relative.filter { $0.date.overlaps(entry.date) }
                } else {
                    release.catalogueDate = entry.date
                    release.conflicts.append("the catalogue says \(entry.date)")
                }
            }
        } else if let entry {
            release.date = entry.date
            release.basis = .catalog
            support = relative.filter { $0.date.overlaps(entry.date) }
        } else if let best = winner(among: relative) {
            chosen = best
            release.date = best.date
            release.basis = .stated
            support = relative.filter { $0.date.overlaps(best.date) }
        } else {
            let reporting = relevant.compactMap(\.published).min()
            release.date = reporting ?? evidence.earliestPublished
            release.basis = .published
        }
        if let chosen {
            release.statedPhrase = chosen.phrase
            release.evidenceMention = chosen.mention
        } else if let first = support.first ?? relevant.first {
            release.evidenceMention = first.mention
        }
        release.statedBy = Set(support.map(\.mention.article)).count
        release.evidence = roles(of: evidence.statements, date: release.date, chosen: chosen, basis: release.basis)
        release.conflicts += conflicts(among: relevant, date: release.date)
        release.planned = isPlanned(status: status, date: release.date, basis: release.basis, evidence: evidence)
        return release
    }

    /// The statements that date a standing: what says it came out; for a delay, the dated delays (the new
    /// window); for a plan, the dated plans of the latest article that gives one (plans change).
    static func statements(for status: ReleaseStatus, in statements: [ModelEvidence.Statement]) -> [ModelEvidence.Statement] {
        if status == .released { return statements.filter { $0.status == .released } }
        let unreleased = statements.filter { $0.status != .released }
        let delays = unreleased.filter { $0.status == .delayed && !$0.isUndated }
        if status == .delayed, !delays.isEmpty { return delays }
        let dated = unreleased.filter { !$0.isUndated }
        guard let latest = dated.max(by: { a, b in
            switch (a.published, b.published) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.path < b.path
            }
        }) else { return unreleased }
        return unreleased.filter { $0.mention.article == latest.mention.article || $0.isUndated }
    }

    /// Rule 2: released once anything says so; otherwise the latest article's word (called off, put off,
    /// planned, in that order within one article).
    static func standing(of evidence: ModelEvidence) -> ReleaseStatus {
        if evidence.statements.contains(where: { $0.status == .released }) { return .released }
        guard !evidence.statements.isEmpty else { return .released }
        // Within an article the strongest word (called off over put off over planned); across articles the
        // latest-published article's (undated articles count as the earliest; then path order).
        let rank: [ReleaseStatus: Int] = [.planned: 0, .delayed: 1, .cancelled: 2, .released: 3]
        var statusOf: [ArticleID: ReleaseStatus] = [:]
        var latest: ModelEvidence.Statement?
        for statement in evidence.statements {
            let article = statement.mention.article
            if let current = statusOf[article], rank[current]! >= rank[statement.status]! {} else { statusOf[article] = statement.status }
            guard let current = latest else { latest = statement; continue }
            let isLater: Bool
            switch (statement.published, current.published) {
            case let (a?, b?) where a != b: isLater = a > b
            case (_?, nil): isLater = true
            case (nil, _?): isLater = false
            default: isLater = statement.path >= current.path
            }
            if isLater { latest = statement }
        }
        return latest.flatMap { statusOf[$0.mention.article] } ?? .planned
    }

    /// What each statement did for the date shown.
    static func roles(of statements: [ModelEvidence.Statement], date: CalendarDate?, chosen: ModelEvidence.Statement?,
                      basis: ReleaseBasis) -> [ReleaseEvidence] {
        statements.map { statement in
            let role: ReleaseEvidence.Role
            if statement.isUndated {
                role = statement.planned ? .plan : .reports
            } else if statement.isRelative {
                let agrees = date.map(statement.date.overlaps) == true && (chosen?.isRelative == true || basis == .catalog || chosen != nil)
                role = agrees ? .agrees : .bound
            } else if let date, statement.date.overlaps(date) {
                role = .agrees
            } else {
                role = .conflicts
            }
            return ReleaseEvidence(mention: statement.mention, date: statement.isUndated ? nil : statement.date, phrase: statement.phrase,
                                   role: role, planned: statement.planned, isRelative: statement.isRelative, status: statement.status)
        }
    }

    /// Stated dates that disagree with the one shown, grouped by date, oldest first: “phrase” (date) in
    /// a.txt, b.txt (paths sorted, three at most).
    static func conflicts(among statements: [ModelEvidence.Statement], date: CalendarDate?) -> [String] {
        guard let date else { return [] }
        var groups: [CalendarDate: (phrase: String, phrasePath: String, paths: Set<String>)] = [:]
        for statement in statements where statement.isStated && !statement.date.overlaps(date) {
            let path = statement.path.isEmpty ? "an article" : statement.path
            var group = groups[statement.date] ?? (statement.phrase, path, [])
            // The phrase of the first article in path order, whatever order they came in.
            if (path, statement.phrase) < (group.phrasePath, group.phrase) { group.phrase = statement.phrase; group.phrasePath = path }
            group.paths.insert(path)
            groups[statement.date] = group
        }
        return groups.keys.sorted().map { conflict in
            let group = groups[conflict]!
            let paths = group.paths.sorted()
            let more = paths.count > 3 ? " and \(paths.count - 3) more" : ""
            return "“\(group.phrase)” (\(conflict)) in \(paths.prefix(3).joined(separator: ", "))\(more)"
        }
    }

    /// Rule 2: most supporting articles, then most precise, then earliest
    /// published, then first in path order.
    ///
    /// Calendar periods nest, so a date's supporters are the articles that
    /// state it, a period holding it, or a period inside it: counted from
    /// sets per year, month and day, not by comparing every pair.
    static func winner(among statements: [ModelEvidence.Statement]) -> ModelEvidence.Statement? {
        guard !statements.isEmpty else { return nil }
        struct Month: Hashable { var year: Int; var month: Int }
        var exact: [CalendarDate: Set<ArticleID>] = [:]
        var inYear: [Int: Set<ArticleID>] = [:]
        var inMonth: [Month: Set<ArticleID>] = [:]
        // The statement that represents each distinct date: earliest published, then first in path order.
        var representative: [CalendarDate: (statement: ModelEvidence.Statement, order: Int)] = [:]
        var dates: [CalendarDate] = []
        for (order, statement) in statements.enumerated() {
            let date = statement.date, article = statement.mention.article
            exact[date, default: []].insert(article)
            inYear[date.year, default: []].insert(article)
            if let month = date.month { inMonth[Month(year: date.year, month: month), default: []].insert(article) }
            if let current = representative[date] {
                if earlier(statement, order, than: current.statement, current.order) { representative[date] = (statement, order) }
            } else {
                representative[date] = (statement, order)
                dates.append(date)
            }
        }
        func support(_ date: CalendarDate) -> Int {
            let yearOnly = exact[CalendarDate(year: date.year)] ?? []
            guard let month = date.month else { return inYear[date.year]?.count ?? 0 }
            let monthKey = Month(year: date.year, month: month)
            guard date.day != nil else { return (inMonth[monthKey] ?? []).union(yearOnly).count }
            return (exact[date] ?? []).union(exact[CalendarDate(year: date.year, month: month)] ?? []).union(yearOnly).count
        }
        var best: (statement: ModelEvidence.Statement, support: Int, order: Int)?
        for date in dates {
            let candidate = representative[date]!
            let count = support(date)
            if let current = best, !better(candidate.statement, count, candidate.order, than: current.statement, current.support, current.order) {
                continue
            }
            best = (candidate.statement, count, candidate.order)
        }
        return best?.statement
    }

    static func earlier(_ a: ModelEvidence.Statement, _ orderA: Int, than b: ModelEvidence.Statement, _ orderB: Int) -> Bool {
        switch (a.published, b.published) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.path != b.path ? a.path < b.path : orderA < orderB
        }
    }

    static func better(_ a: ModelEvidence.Statement, _ supportA: Int, _ orderA: Int,
                       than b: ModelEvidence.Statement, _ supportB: Int, _ orderB: Int) -> Bool {
        if supportA != supportB { return supportA > supportB }
        if a.date.precision != b.date.precision { return a.date.precision > b.date.precision }
        return earlier(a, orderA, than: b, orderB)
    }

    /// Planned or put off, as the articles say; for a date the catalogue alone gives, when no article was
    /// published after it.
    static func isPlanned(status: ReleaseStatus, date: CalendarDate?, basis: ReleaseBasis, evidence: ModelEvidence) -> Bool {
        switch status {
        case .planned, .delayed: return true
        case .cancelled: return false
        case .released:
            guard basis == .catalog, let date, !evidence.statements.contains(where: { $0.status == .released }) else { return false }
            return evidence.latestPublished.map { $0 < date.firstDay } ?? false
        }
    }
}

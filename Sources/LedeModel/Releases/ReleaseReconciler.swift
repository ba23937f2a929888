/// Everything the corpus knows about one model's release, gathered from
/// every article in reading order.
public struct ModelEvidence: Sendable {
    public struct Statement: Sendable, Hashable {
        public var date: CalendarDate
        public var phrase: String
        public var planned: Bool
        public var mention: MentionID
        /// Worked out from the publication date (`last week`, `on Monday`,
        /// `recently`): it bounds the date, it never overrides a stated one.
        public var isRelative: Bool
        /// A plan with no date (`plans to release`): `date` is the publication.
        public var isUndated: Bool
        /// Of the article the statement comes from.
        public var published: CalendarDate?
        public var path: String

        public init(date: CalendarDate, phrase: String, planned: Bool, mention: MentionID, isRelative: Bool = false,
                    isUndated: Bool = false, published: CalendarDate? = nil, path: String = "") {
            self.date = date
            self.phrase = phrase
            self.planned = planned
            self.mention = mention
            self.isRelative = isRelative
            self.isUndated = isUndated
            self.published = published
            self.path = path
        }
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

/// Decides one release date per model from the evidence of every article.
///
/// The rules (DECISIONS.md, “Release dates across the corpus”):
///
/// 1. A catalogue row wins. A stated date that agrees with it at the
///    statement's own precision (`in January` for 2025-01-20) confirms it,
///    and the catalogue's date is shown; a stated date that disagrees is a
///    conflict naming its article. When the catalogue knows only the month
///    or year, agreeing statements may make it more precise (rule 2 among them).
/// 2. Without a catalogue row, each distinct stated date is a candidate,
///    supported by every article whose statement agrees with it (overlaps it).
///    The candidate with the most supporting articles wins; then the most
///    precise; then the one stated by the earliest-published article; then
///    the one stated first in path order. Disagreeing statements are conflicts.
/// 3. Relative phrases (`last week`, `on Monday`, `recently`) only bound the
///    date: they count only when nothing else dates the model, and never
///    make a conflict.
/// 4. Failing all that, the earliest publication bounds the date.
/// 5. The release is planned when its date starts after every article naming
///    it was published, or when the statements that give it speak of a plan
///    and no article was published after it; a plan with no date keeps the
///    publication bound and is planned.
///
/// The statements arrive in reading order and every tie is broken by
/// values, never by hash order, so the answer is the same on every run.
public enum ReleaseReconciler {
    public static func release(from evidence: ModelEvidence) -> Release {
        let entry = evidence.catalogueEntry
        var release = Release(model: evidence.model, modelName: evidence.name, organisation: evidence.organisation, date: nil,
                              basis: .published, mentionCount: evidence.mentionCount, evidenceMention: evidence.firstMention,
                              source: entry?.source)
        let stated = evidence.statements.filter { !$0.isRelative }
        let relative = evidence.statements.filter { $0.isRelative && !$0.isUndated }
        var chosen: ModelEvidence.Statement?
        var support: [ModelEvidence.Statement] = []

        if let entry {
            release.date = entry.date
            release.basis = .catalog
            let agreeing = stated.filter { $0.date.overlaps(entry.date) }
            // A relative phrase that agrees confirms the catalogue too (it never overrides it).
            support = agreeing + relative.filter { $0.date.overlaps(entry.date) }
            // A catalogue row short of the day is made precise by agreeing statements.
            let finer = agreeing.filter { $0.date.precision > entry.date.precision }
            if let best = winner(among: finer) {
                chosen = best
                release.date = best.date
                release.basis = .stated
                support = (agreeing + relative).filter { $0.date.overlaps(best.date) }
            }
        } else if let best = winner(among: stated) ?? winner(among: relative) {
            chosen = best
            release.date = best.date
            release.basis = .stated
            support = (best.isRelative ? relative : stated).filter { $0.date.overlaps(best.date) }
        } else {
            release.date = evidence.earliestPublished
            release.basis = .published
        }

        if let chosen {
            release.statedPhrase = chosen.phrase
            release.evidenceMention = chosen.mention
        } else if release.basis == .catalog, let first = support.first {
            release.evidenceMention = first.mention
        }
        release.statedBy = Set(support.map(\.mention.article)).count
        let date = release.date
        var roles: [ReleaseEvidence] = []
        // Conflicts grouped by date, oldest first: “phrase” (date) in a.txt, b.txt (paths sorted, three at most).
        var conflictGroups: [CalendarDate: (phrase: String, phrasePath: String, paths: Set<String>)] = [:]
        let chosenRelative = chosen?.isRelative == true
        for statement in evidence.statements {
            let role: ReleaseEvidence.Role
            if statement.isUndated {
                role = .plan
            } else if statement.isRelative {
                let agrees = date.map(statement.date.overlaps) == true && (chosenRelative || release.basis == .catalog || chosen != nil)
                role = agrees ? .agrees : .bound
            } else if let date, statement.date.overlaps(date) {
                role = .agrees
            } else {
                role = .conflicts
                let path = statement.path.isEmpty ? "an article" : statement.path
                var group = conflictGroups[statement.date] ?? (statement.phrase, path, [])
                // The phrase of the first article in path order, whatever order they came in.
                if (path, statement.phrase) < (group.phrasePath, group.phrase) { group.phrase = statement.phrase; group.phrasePath = path }
                group.paths.insert(path)
                conflictGroups[statement.date] = group
            }
            roles.append(ReleaseEvidence(mention: statement.mention, date: statement.isUndated ? nil : statement.date,
                                         phrase: statement.phrase, role: role, planned: statement.planned,
                                         isRelative: statement.isRelative))
        }
        for conflict in conflictGroups.keys.sorted() {
            let group = conflictGroups[conflict]!
            let paths = group.paths.sorted()
            let more = paths.count > 3 ? " and \(paths.count - 3) more" : ""
            release.conflicts.append("“\(group.phrase)” (\(conflict)) in \(paths.prefix(3).joined(separator: ", "))\(more)")
        }
        release.evidence = roles
        release.planned = isPlanned(date: release.date, support: support, evidence: evidence, basis: release.basis)
        return release
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

    /// Rule 5.
    static func isPlanned(date: CalendarDate?, support: [ModelEvidence.Statement], evidence: ModelEvidence, basis: ReleaseBasis) -> Bool {
        let plans = evidence.statements.filter(\.isUndated)
        guard let date else { return !plans.isEmpty }
        guard let latest = evidence.latestPublished else {
            return !support.isEmpty && support.allSatisfy(\.planned) || (basis == .published && !plans.isEmpty)
        }
        if latest < date.firstDay { return true }
        if basis == .published { return !plans.isEmpty && !evidence.statements.contains { !$0.isUndated && !$0.planned } }
        if date.lastDay < latest { return false }
        return !support.isEmpty && support.allSatisfy(\.planned)
    }
}

/// Everything the corpus knows about one model's release, gathered from
/// every article in reading order.
public struct ModelEvidence: Sendable {
    public struct Statement: Sendable, Hashable {
        public var date: CalendarDate
        public var phrase: String
        public var planned: Bool
        public var mention: MentionID
        public init(date: CalendarDate, phrase: String, planned: Bool, mention: MentionID) {
            self.date = date
            self.phrase = phrase
            self.planned = planned
            self.mention = mention
        }
    }

    public var model: EntityID
    public var name: String
    public var organisation: String?
    public var catalogueEntry: ReleaseCatalogue.Entry?
    /// Reading order.
    public var statements: [Statement]
    public var firstMention: MentionID?
    public var mentionCount: Int
    /// The earliest published date among the articles that name the model.
    public var earliestPublished: CalendarDate?

    public init(model: EntityID, name: String, organisation: String?, catalogueEntry: ReleaseCatalogue.Entry?,
                statements: [Statement], firstMention: MentionID?, mentionCount: Int, earliestPublished: CalendarDate?) {
        self.model = model
        self.name = name
        self.organisation = organisation
        self.catalogueEntry = catalogueEntry
        self.statements = statements
        self.firstMention = firstMention
        self.mentionCount = mentionCount
        self.earliestPublished = earliestPublished
    }
}

/// Decides one release date per model from the evidence of every article.
///
/// Priority: a stated date (the most precise; among equals the first in
/// reading order) > the catalogue > bounded by the earliest publication.
/// Stated dates that disagree are kept as conflicts, in reading order. The
/// input is in reading order, so the answer never depends on which file
/// was indexed first.
public enum ReleaseReconciler {
    public static func release(from evidence: ModelEvidence) -> Release {
        let entry = evidence.catalogueEntry
        var release = Release(model: evidence.model, modelName: evidence.name, organisation: evidence.organisation, date: nil,
                              basis: .published, mentionCount: evidence.mentionCount, evidenceMention: evidence.firstMention,
                              source: entry?.source)
        if let best = evidence.statements.max(by: { $0.date.precision < $1.date.precision }) {
            release.date = best.date
            release.basis = .stated
            release.statedPhrase = best.phrase
            release.evidenceMention = best.mention
            release.planned = best.planned
            for other in evidence.statements where !other.date.overlaps(best.date) {
                release.conflicts.append("also stated \(other.date) (“\(other.phrase)”)")
            }
            if let entry, !entry.date.overlaps(best.date) {
                release.conflicts.append("catalogue says \(entry.date)")
            }
        } else if let entry {
            release.date = entry.date
            release.basis = .catalog
        } else {
            release.date = evidence.earliestPublished
            release.basis = .published
        }
        return release
    }
}

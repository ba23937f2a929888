/// How a release date is known.
public enum ReleaseBasis: String, Sendable, Codable {
    /// Said in the sentence that reports it (`in January`).
    case stated
    /// From the shipped catalogue of known releases.
    case catalog
    /// Only bounded: on or before the article's published date.
    case published
}

/// An AI model the articles talk about, placed in time.
public struct Release: Sendable, Hashable {
    /// The model entity.
    public var model: EntityID
    public var modelName: String
    public var organisation: String?
    /// Nil only when nothing bounds it (no published date, no catalogue row).
    public var date: CalendarDate?
    public var basis: ReleaseBasis
    /// The date is after publication: announced, not yet released.
    public var planned: Bool
    /// Dates that disagree with `date`, described for the reader.
    public var conflicts: [String]
    /// How many times the model is named (its entity's mentions).
    public var mentionCount: Int
    /// The mention whose sentence gives the date (or the first mention).
    public var evidenceMention: MentionID?
    /// The words that gave a stated date (`in January`).
    public var statedPhrase: String?
    /// The catalogue's source link.
    public var source: String?

    public init(model: EntityID, modelName: String, organisation: String?, date: CalendarDate?, basis: ReleaseBasis,
                planned: Bool = false, conflicts: [String] = [], mentionCount: Int = 0, evidenceMention: MentionID? = nil,
                statedPhrase: String? = nil, source: String? = nil) {
        self.model = model
        self.modelName = modelName
        self.organisation = organisation
        self.date = date
        self.basis = basis
        self.planned = planned
        self.conflicts = conflicts
        self.mentionCount = mentionCount
        self.evidenceMention = evidenceMention
        self.statedPhrase = statedPhrase
        self.source = source
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or empty.
    public var dateText: String { date?.description ?? "" }

    /// Short human wording of how the date is known.
    public var basisDescription: String {
        switch basis {
        case .stated: return "stated" + (statedPhrase.map { " “\($0)”" } ?? "")
        case .catalog: return "catalogue"
        case .published: return "on or before " + (date?.description ?? "publication")
        }
    }

    /// Timeline order: dated releases oldest first, then undated; ties by name.
    public static func timelineOrder(_ a: Release, _ b: Release) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return (a.modelName, a.organisation ?? "") < (b.modelName, b.organisation ?? "")
        }
    }
}

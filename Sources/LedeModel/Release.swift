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
    /// The model's entity index.
    public var model: Int
    public var modelName: String
    public var organisation: String?
    /// Nil only when nothing bounds it (no published date, no catalogue row).
    public var date: CalendarDate?
    public var basis: ReleaseBasis
    /// The date is after publication: announced, not yet released.
    public var planned: Bool
    /// Dates that disagree with `date`, described for the reader.
    public var conflicts: [String]
    /// Indices into the corpus mentions, reading order.
    public var mentions: [Int]
    /// The mention whose sentence gives the date (or the first mention).
    public var evidenceMention: Int?
    /// The words that gave a stated date (`in January`).
    public var statedPhrase: String?
    /// The catalogue's source link.
    public var source: String?

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
}

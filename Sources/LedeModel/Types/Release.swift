// SPDX-License-Identifier: Apache-2.0
/// Where a release stands, as the articles tell it.
public enum ReleaseStatus: String, Sendable, Codable, CaseIterable {
    /// Out: the text says it was released (or gives no sign it was not).
    case released
    /// Announced or expected, not out yet.
    case planned
    /// Planned, then put off (`delayed to June`).
    case delayed
    /// Planned, then called off (`scrapped`, `shelved`).
    case cancelled
}

/// How a release date is known.
public enum ReleaseBasis: String, Sendable, Codable {
    /// Said in the sentence that reports it (`in January`).
    case stated
    /// From the shipped catalogue of known releases.
    case catalog
    /// Only bounded: on or before the article's published date.
    case published
}

/// One statement that took part in placing a release, and what it did.
public struct ReleaseEvidence: Sendable, Hashable {
    public enum Role: String, Sendable, Codable {
        /// Agrees with the date shown (it gave it, or confirms it).
        case agrees
        /// States another date.
        case conflicts
        /// A relative phrase (`last week`) that only bounds the date.
        case bound
        /// Speaks of a plan without a date.
        case plan
        /// Says it came out, without a date: the publication bounds it.
        case reports
    }

    /// The model mention in the sentence that says it.
    public var mention: MentionID
    /// Nil for a plan without a date.
    public var date: CalendarDate?
    public var phrase: String
    public var role: Role
    public var planned: Bool
    /// Worked out from the publication date (`last week`).
    public var isRelative: Bool
    /// Where the statement says the release stands.
    public var status: ReleaseStatus

    public init(mention: MentionID, date: CalendarDate?, phrase: String, role: Role, planned: Bool, isRelative: Bool = false,
                status: ReleaseStatus? = nil) {
        self.mention = mention
        self.date = date
        self.phrase = phrase
        self.role = role
        self.planned = planned
        self.isRelative = isRelative
        self.status = status ?? (planned ? .planned : .released)
    }
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
    /// Where the release stands: out, planned, put off or called off.
    public var status: ReleaseStatus = .released
    /// The catalogue's date, when the articles state another that beats it.
    public var catalogueDate: CalendarDate?
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
    /// Articles whose statements agree with the date (for the catalogue: confirm it).
    public var statedBy: Int
    /// Every statement about the model's date, reading order, with its role.
    public var evidence: [ReleaseEvidence]

    public init(model: EntityID, modelName: String, organisation: String?, date: CalendarDate?, basis: ReleaseBasis,
                planned: Bool = false, conflicts: [String] = [], mentionCount: Int = 0, evidenceMention: MentionID? = nil,
                statedPhrase: String? = nil, source: String? = nil, statedBy: Int = 0, evidence: [ReleaseEvidence] = []) {
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
        self.statedBy = statedBy
        self.evidence = evidence
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or empty.
    public var dateText: String { date?.description ?? "" }

    /// Short human wording of how the date is known.
    public var basisDescription: String {
        switch basis {
        case .stated:
            let relative = !evidence.isEmpty && !evidence.contains { $0.role == .agrees && !$0.isRelative }
            return (relative ? "bounded" : "stated") + (statedPhrase.map { " “\($0)”" } ?? "") + (statedBy > 1 ? " by \(statedBy) articles" : "")
        case .catalog: return "catalogue" + (statedBy > 0 ? ", confirmed by \(statedBy == 1 ? "1 article" : "\(statedBy) articles")" : "")
        case .published: return "on or before " + (date?.description ?? "publication")
        }
    }

    /// How the date is known, in a few words: `catalogue, confirmed by 2
    /// articles`, `stated by 3 articles`, `bounded by publication`.
    public var explanation: String {
        func articles(_ count: Int) -> String { count == 1 ? "1 article" : "\(count) articles" }
        var text: String
        switch basis {
        case .catalog:
            text = statedBy > 0 ? "catalogue, confirmed by \(articles(statedBy))" : "catalogue"
        case .stated:
            let relative = !evidence.contains { $0.role == .agrees && !$0.isRelative }
            text = (relative ? "bounded by a relative phrase in " : "stated by ") + articles(max(statedBy, 1))
            if let catalogueDate { text += ", against the catalogue's \(catalogueDate)" } else if source != nil { text += ", within the catalogue's date" }
        case .published:
            text = "bounded by publication"
        }
        if !conflicts.isEmpty { text += "; \(conflicts.count == 1 ? "1 conflict" : "\(conflicts.count) conflicts")" }
        return text
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

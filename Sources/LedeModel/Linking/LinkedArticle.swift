// SPDX-License-Identifier: Apache-2.0
// What linking reads of an article and what it gives back, per article, in
// the vocabulary's entity numbers (the stores turn them into ids).

/// What linking needs of an article: its paragraphs, its publication date,
/// and the concepts its annotations list.
public struct LinkInput: Sendable {
    public var paragraphs: [String]
    public var published: CalendarDate?
    public var annotatedKeys: [EntityKey]
    /// Spans the source gives: when there are any, they are the mentions and the text is not searched.
    public var given: [GivenMention]

    public init(paragraphs: [String], published: CalendarDate?, annotatedKeys: [EntityKey], given: [GivenMention] = []) {
        self.paragraphs = paragraphs
        self.published = published
        self.annotatedKeys = annotatedKeys
        self.given = given
    }

    public init(_ imported: ImportedArticle) {
        self.init(paragraphs: imported.article.paragraphs, published: imported.article.published, annotatedKeys: imported.concepts.map(\.key),
                  given: imported.article.givenMentions)
    }
}

/// What linking one article found, in the vocabulary's entity numbers.
public struct LinkedArticle: Sendable, Hashable {
    /// Reading order; a mention's ordinal is its index here.
    public var mentions: [LinkedMention]
    /// Entities the article's annotations list (sorted).
    public var annotated: [Int32]
    public var statements: [ReleaseStatement]
    public var modelOrganisations: [ModelOrganisation]
    /// The entities of each paragraph and sentence (entity ids are the vocabulary's numbers).
    public var units: [EntityUnit]

    public init(mentions: [LinkedMention], annotated: [Int32], statements: [ReleaseStatement], modelOrganisations: [ModelOrganisation],
                units: [EntityUnit] = []) {
        self.mentions = mentions
        self.annotated = annotated
        self.statements = statements
        self.modelOrganisations = modelOrganisations
        self.units = units
    }
}

public struct LinkedMention: Sendable, Hashable {
    public var entity: Int32
    public var paragraph: Int32
    public var start: Int32
    public var end: Int32
    public var text: String
    public var isDetected: Bool
    public var isModel: Bool

    public init(entity: Int32, paragraph: Int32, start: Int32, end: Int32, text: String, isDetected: Bool, isModel: Bool) {
        self.entity = entity
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = text
        self.isDetected = isDetected
        self.isModel = isModel
    }

    /// Paragraph, start, longer first, concepts before models, then entity number.
    public static func readingOrder(_ a: LinkedMention, _ b: LinkedMention) -> Bool {
        (a.paragraph, a.start, -a.end, a.isModel ? 1 : 0, a.entity) < (b.paragraph, b.start, -b.end, b.isModel ? 1 : 0, b.entity)
    }
}

/// What one sentence says about a model's release: that it came out, is
/// planned, was put off or called off; when, if the sentence says; and who
/// released it, if the sentence says.
public struct ReleaseStatement: Sendable, Hashable {
    public var model: Int32
    /// Ordinal of the model mention in the article.
    public var mention: Int32
    /// The date the sentence gives; the publication (or nothing) when `isUndated`.
    public var date: CalendarDate
    /// The words that gave the date, or the release word when there is no date.
    public var phrase: String
    public var status: ReleaseStatus
    /// Planned or delayed: not out when the article was written.
    public var planned: Bool { status == .planned || status == .delayed }
    /// Worked out from the publication date: it only bounds the release.
    public var isRelative: Bool
    /// The sentence gives no date; `date` is the publication.
    public var isUndated: Bool
    /// The organisation that released it (entity number), as far as the sentence tells.
    public var organisation: Int32?
    /// The sentence names `organisation` (as the subject, a possessive, an agent); otherwise it is the
    /// organisation the article is about, standing for `the company` or for nothing said.
    public var organisationIsNamed: Bool
    /// From a correction notice: it replaces what the article said before.
    public var isCorrection: Bool

    public init(model: Int32, mention: Int32, date: CalendarDate, phrase: String, status: ReleaseStatus, isRelative: Bool = false,
                isUndated: Bool = false, organisation: Int32? = nil, organisationIsNamed: Bool = false, isCorrection: Bool = false) {
        self.model = model
        self.mention = mention
        self.date = date
        self.phrase = phrase
        self.status = status
        self.isRelative = isRelative
        self.isUndated = isUndated
        self.organisation = organisation
        self.organisationIsNamed = organisationIsNamed
        self.isCorrection = isCorrection
    }

    /// A statement of the older kind: released, or planned.
    public init(model: Int32, mention: Int32, date: CalendarDate, phrase: String, planned: Bool, isRelative: Bool = false,
                isUndated: Bool = false) {
        self.init(model: model, mention: mention, date: date, phrase: phrase, status: planned ? .planned : .released,
                  isRelative: isRelative, isUndated: isUndated)
    }
}

/// The organisation named nearest a discovered model's first mention in an article.
public struct ModelOrganisation: Sendable, Hashable {
    public var model: Int32
    public var organisation: Int32?

    public init(model: Int32, organisation: Int32?) {
        self.model = model
        self.organisation = organisation
    }
}

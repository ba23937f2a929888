// SPDX-License-Identifier: Apache-2.0
// LedeIndex keeps the corpus in SQLite (through GRDB) and answers the
// `Corpus` queries from it: articles and paragraphs by id, mentions per
// article, entities with their aggregates, releases, and FTS5 search. It
// imports LedeModel and GRDB, and knows nothing of screens.
//
// Every blob format of the index (postings, mention rows, paragraphs) with
// its reader and writer side by side, so a format change is made in one
// place and both directions stay in step. The bytes are read and written by
// BlobReader and BlobWriter (BlobReaderWriter.swift).
import Foundation
import LedeModel

// MARK: - The article's blobs

enum ArticleBlobs {
    /// Concepts: key, type, label, predicates, publisher id, url, looked-for.
    static func encode(_ concepts: [ConceptContribution]) -> Data {
        var writer = BlobWriter(capacity: concepts.count * 96)
        writer.int(concepts.count)
        for concept in concepts {
            writer.string(concept.key.raw)
            writer.string(concept.type.rawValue)
            writer.string(concept.label)
            writer.strings(concept.predicates)
            writer.string(concept.publisherID)
            writer.optionalString(concept.url)
            writer.bool(concept.isLookedFor)
        }
        return writer.data
    }

    static func decodeConcepts(_ data: Data?) throws(DamagedBlob) -> [ConceptContribution] {
        var reader = BlobReader(data)
        let count = reader.count()
        var result: [ConceptContribution] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let key = EntityKey(raw: reader.string())
            let type = EntityType(rawValue: reader.string()) ?? .other
            result.append(ConceptContribution(key: key, type: type, label: reader.string(), predicates: reader.strings(),
                                              publisherID: reader.string(), url: reader.optionalString(), isLookedFor: reader.bool()))
        }
        return try reader.finish(result, "concepts")
    }

    /// Only the keys of encoded concepts (what linking needs).
    static func decodeConceptKeys(_ data: Data?) throws(DamagedBlob) -> [EntityKey] {
        var reader = BlobReader(data)
        let count = reader.count()
        var result: [EntityKey] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(EntityKey(raw: reader.string()))
            reader.skipString()
            reader.skipString()
            for _ in 0..<reader.count() { reader.skipString() }
            reader.skipString()
            if reader.bool() { reader.skipString() }
            _ = reader.bool()
        }
        return try reader.finish(result, "concepts")
    }

    /// Mentions: entity row id, paragraph, start, length, detected, text.
    static func encode(_ mentions: [LinkedMention], entityID: (Int32) -> Int64) -> Data {
        var writer = BlobWriter(capacity: mentions.count * 24)
        writer.int(mentions.count)
        for mention in mentions {
            writer.int(Int(entityID(mention.entity)))
            writer.int(Int(mention.paragraph))
            writer.int(Int(mention.start))
            writer.int(Int(mention.end - mention.start))
            writer.bool(mention.isDetected)
            writer.string(mention.text)
        }
        return writer.data
    }

    static func decodeMentions(_ data: Data?, article: ArticleID) throws(DamagedBlob) -> [Mention] {
        var reader = BlobReader(data)
        let count = reader.count()
        var result: [Mention] = []
        result.reserveCapacity(count)
        for ordinal in 0..<count {
            let entity = EntityID(Int64(reader.int()))
            let paragraph = reader.int()
            let start = reader.int()
            let length = reader.int()
            let detected = reader.bool()
            let text = reader.string()
            result.append(Mention(id: MentionID(article: article, ordinal: Int32(ordinal)), entity: entity, paragraph: paragraph,
                                  start: start, end: start + length, text: text, isDetected: detected))
        }
        return try reader.finish(result, "mentions")
    }

    static func encode(ids: [Int64]) -> Data {
        var writer = BlobWriter(capacity: ids.count * 3)
        writer.int(ids.count)
        for id in ids { writer.int(Int(id)) }
        return writer.data
    }

    static func decodeIDs(_ data: Data?) throws(DamagedBlob) -> [Int64] {
        var reader = BlobReader(data)
        let count = reader.count()
        let result = (0..<count).map { _ in Int64(reader.int()) }
        return try reader.finish(result, "id list")
    }

    /// Release statements with entity row ids (the model's, and the releasing organisation's or -1).
    static func encode(_ statements: [ReleaseStatement], entityID: (Int32) -> Int64) -> Data {
        var writer = BlobWriter()
        writer.int(statements.count)
        for statement in statements {
            writer.int(Int(entityID(statement.model)))
            writer.int(Int(statement.mention))
            writer.string(statement.date.description)
            writer.string(statement.phrase)
            writer.string(statement.status.rawValue)
            writer.int((statement.isRelative ? 2 : 0) | (statement.isUndated ? 4 : 0) | (statement.organisationIsNamed ? 8 : 0)
                       | (statement.isCorrection ? 16 : 0))
            writer.int(statement.organisation.map { Int(entityID($0)) } ?? -1)
        }
        return writer.data
    }

    /// A stored statement: `model` and `organisation` hold entity row ids.
    struct StoredStatement {
        var model: Int64
        var organisation: Int64?
        var statement: ReleaseStatement
    }

    /// Statements with their entity row ids; the statement's own numbers are to be filled in by the reader.
    static func decodeStatements(_ data: Data?) throws(DamagedBlob) -> [StoredStatement] {
        var reader = BlobReader(data)
        let count = reader.count()
        var result: [StoredStatement] = []
        for _ in 0..<count {
            let model = Int64(reader.int())
            let mention = Int32(truncatingIfNeeded: reader.int())
            let dateText = reader.string()
            let phrase = reader.string()
            let status = ReleaseStatus(rawValue: reader.string()) ?? .released
            let flags = reader.int()
            let organisation = Int64(reader.int())
            guard let date = CalendarDate(iso: dateText) else { continue }
            let statement = ReleaseStatement(model: 0, mention: mention, date: date, phrase: phrase, status: status,
                                             isRelative: flags & 2 != 0, isUndated: flags & 4 != 0, organisation: nil,
                                             organisationIsNamed: flags & 8 != 0, isCorrection: flags & 16 != 0)
            result.append(StoredStatement(model: model, organisation: organisation < 0 ? nil : organisation, statement: statement))
        }
        return try reader.finish(result, "release statements")
    }

    /// Related-article teasers.
    static func encode(_ related: [RelatedArticle]) -> Data {
        var writer = BlobWriter()
        writer.int(related.count)
        for item in related {
            writer.optionalString(item.brand)
            writer.strings(item.authors)
            writer.string(item.headline)
        }
        return writer.data
    }

    static func decodeRelated(_ data: Data?) throws(DamagedBlob) -> [RelatedArticle] {
        var reader = BlobReader(data)
        let count = reader.count()
        let result = (0..<count).map { _ in RelatedArticle(brand: reader.optionalString(), authors: reader.strings(), headline: reader.string()) }
        return try reader.finish(result, "related articles")
    }

    static func encode(strings: [String]) -> Data {
        var writer = BlobWriter()
        writer.strings(strings)
        return writer.data
    }

    static func decodeStrings(_ data: Data?) throws(DamagedBlob) -> [String] {
        var reader = BlobReader(data)
        let result = reader.strings()
        return try reader.finish(result, "string list")
    }
}

// MARK: - Releases and entities

enum ReleaseBlob {
    static func encode(_ release: Release) -> Data {
        var writer = BlobWriter()
        writer.int(Int(release.model.raw))
        writer.string(release.modelName)
        writer.optionalString(release.organisation)
        writer.optionalString(release.date?.description)
        writer.string(release.basis.rawValue)
        writer.bool(release.planned)
        writer.string(release.status.rawValue)
        writer.optionalString(release.catalogueDate?.description)
        writer.strings(release.conflicts)
        writer.int(release.mentionCount)
        writer.bool(release.evidenceMention != nil)
        if let evidence = release.evidenceMention {
            writer.int(Int(evidence.article.raw))
            writer.int(Int(evidence.ordinal))
        }
        writer.optionalString(release.statedPhrase)
        writer.optionalString(release.source)
        writer.int(release.statedBy)
        writer.int(release.evidence.count)
        for item in release.evidence {
            writer.int(Int(item.mention.article.raw))
            writer.int(Int(item.mention.ordinal))
            writer.optionalString(item.date?.description)
            writer.string(item.phrase)
            writer.string(item.role.rawValue)
            writer.int((item.planned ? 1 : 0) | (item.isRelative ? 2 : 0))
            writer.string(item.status.rawValue)
        }
        return writer.data
    }

    static func decode(_ data: Data?) throws(DamagedBlob) -> Release {
        var reader = BlobReader(data)
        let model = EntityID(Int64(reader.int()))
        let name = reader.string()
        let organisation = reader.optionalString()
        let date = reader.optionalString().flatMap { CalendarDate(iso: $0) }
        let basis = ReleaseBasis(rawValue: reader.string()) ?? .published
        let planned = reader.bool()
        let status = ReleaseStatus(rawValue: reader.string()) ?? .released
        let catalogueDate = reader.optionalString().flatMap { CalendarDate(iso: $0) }
        let conflicts = reader.strings()
        let mentionCount = reader.int()
        var evidence: MentionID?
        if reader.bool() {
            let article = ArticleID(Int64(reader.int()))
            evidence = MentionID(article: article, ordinal: Int32(truncatingIfNeeded: reader.int()))
        }
        let phrase = reader.optionalString()
        let source = reader.optionalString()
        let statedBy = reader.int()
        let evidenceCount = reader.count()
        var items: [ReleaseEvidence] = []
        for _ in 0..<evidenceCount {
            let article = ArticleID(Int64(reader.int()))
            let ordinal = Int32(truncatingIfNeeded: reader.int())
            let itemDate = reader.optionalString().flatMap { CalendarDate(iso: $0) }
            let itemPhrase = reader.string()
            let role = ReleaseEvidence.Role(rawValue: reader.string()) ?? .bound
            let flags = reader.int()
            let itemStatus = ReleaseStatus(rawValue: reader.string())
            items.append(ReleaseEvidence(mention: MentionID(article: article, ordinal: ordinal), date: itemDate, phrase: itemPhrase,
                                         role: role, planned: flags & 1 != 0, isRelative: flags & 2 != 0, status: itemStatus))
        }
        try reader.finish((), "release")
        var release = Release(model: model, modelName: name, organisation: organisation, date: date, basis: basis, planned: planned,
                              conflicts: conflicts, mentionCount: mentionCount, evidenceMention: evidence, statedPhrase: phrase, source: source,
                              statedBy: statedBy, evidence: items)
        release.status = status
        release.catalogueDate = catalogueDate
        return release
    }
}

/// One article's part in an entity's postings.
struct Posting: Sendable, Hashable {
    var article: Int64
    var mentions: Int
    var firstOrdinal: Int32
}

enum PostingBlob {
    /// Sorted by article id, ids as deltas.
    static func encode(_ postings: [Posting]) -> Data {
        var writer = BlobWriter(capacity: postings.count * 4)
        writer.int(postings.count)
        var previous: Int64 = 0
        for posting in postings.sorted(by: { $0.article < $1.article }) {
            writer.int(Int(posting.article - previous))
            writer.int(posting.mentions)
            writer.int(Int(posting.firstOrdinal))
            previous = posting.article
        }
        return writer.data
    }

    static func decode(_ data: Data?) throws(DamagedBlob) -> [Posting] {
        var reader = BlobReader(data)
        let count = reader.count()
        var result: [Posting] = []
        result.reserveCapacity(count)
        var article: Int64 = 0
        for _ in 0..<count {
            article += Int64(reader.int())
            result.append(Posting(article: article, mentions: reader.int(), firstOrdinal: Int32(truncatingIfNeeded: reader.int())))
        }
        return try reader.finish(result, "postings")
    }
}

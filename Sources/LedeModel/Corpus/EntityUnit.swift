// SPDX-License-Identifier: Apache-2.0
/// What co-occurrence counts in: two entities co-occur when both are
/// mentioned in the same paragraph (or the same sentence).
import LedeText

public enum CooccurrenceUnit: String, Sendable, CaseIterable, Hashable {
    case paragraph
    case sentence

    public var plural: String { self == .paragraph ? "paragraphs" : "sentences" }
    public var other: CooccurrenceUnit { self == .paragraph ? .sentence : .paragraph }
}

/// One entity's presence in one sentence of an article. An article's units
/// are sorted by (paragraph, sentence, entity) with no repeats: however often
/// a sentence names an entity, it counts once.
public struct EntityUnit: Sendable, Hashable, Comparable {
    public var entity: EntityID
    public var paragraph: Int32
    /// The sentence's ordinal in its paragraph.
    public var sentence: Int32

    public init(entity: EntityID, paragraph: Int32, sentence: Int32) {
        self.entity = entity
        self.paragraph = paragraph
        self.sentence = sentence
    }

    public static func < (a: EntityUnit, b: EntityUnit) -> Bool {
        (a.paragraph, a.sentence, a.entity.raw) < (b.paragraph, b.sentence, b.entity.raw)
    }

    /// Same paragraph, or same sentence.
    public func sharesUnit(with other: EntityUnit, _ unit: CooccurrenceUnit) -> Bool {
        paragraph == other.paragraph && (unit == .paragraph || sentence == other.sentence)
    }
}

/// How many paragraphs and sentences hold something: one entity's, one
/// article's or the corpus's (only paragraphs and sentences that mention an
/// entity count, so a long article of prose does not dilute every lift).
public struct UnitCounts: Sendable, Hashable {
    public var paragraphs: Int
    public var sentences: Int

    public init(paragraphs: Int = 0, sentences: Int = 0) {
        self.paragraphs = paragraphs
        self.sentences = sentences
    }

    public subscript(unit: CooccurrenceUnit) -> Int { unit == .paragraph ? paragraphs : sentences }

    public static func + (a: UnitCounts, b: UnitCounts) -> UnitCounts {
        UnitCounts(paragraphs: a.paragraphs + b.paragraphs, sentences: a.sentences + b.sentences)
    }

    public static func - (a: UnitCounts, b: UnitCounts) -> UnitCounts {
        UnitCounts(paragraphs: a.paragraphs - b.paragraphs, sentences: a.sentences - b.sentences)
    }
}

/// Making units from linked mentions.
public enum EntityUnits {
    /// The units of an article's mentions (entity numbers as linking gave
    /// them). Sentences are split only in paragraphs with two or more
    /// mentions: a lone mention is in one sentence whichever it is.
    public static func make(_ mentions: [LinkedMention], paragraphs: [String]) -> [EntityUnit] {
        var byParagraph: [Int32: [LinkedMention]] = [:]
        for mention in mentions { byParagraph[mention.paragraph, default: []].append(mention) }
        var units: Set<EntityUnit> = []
        for (paragraph, here) in byParagraph {
            guard here.count > 1, paragraphs.indices.contains(Int(paragraph)) else {
                for mention in here { units.insert(EntityUnit(entity: EntityID(Int64(mention.entity)), paragraph: paragraph, sentence: 0)) }
                continue
            }
            let sentences = Sentences.ranges(in: paragraphs[Int(paragraph)])
            for mention in here {
                units.insert(EntityUnit(entity: EntityID(Int64(mention.entity)), paragraph: paragraph,
                                        sentence: Int32(Sentences.index(of: Int(mention.start), in: sentences))))
            }
        }
        return units.sorted()
    }

    /// Paragraphs and sentences per entity in one article's units.
    public static func countsByEntity(_ units: [EntityUnit]) -> [EntityID: UnitCounts] {
        var counts: [EntityID: UnitCounts] = [:]
        var paragraphsSeen: Set<PairKey> = []
        for unit in units {
            counts[unit.entity, default: UnitCounts()].sentences += 1
            if paragraphsSeen.insert(PairKey(unit.entity.raw, Int64(unit.paragraph))).inserted {
                counts[unit.entity, default: UnitCounts()].paragraphs += 1
            }
        }
        return counts
    }

    /// Paragraphs and sentences that mention anything, in one article's units.
    public static func totals(_ units: [EntityUnit]) -> UnitCounts {
        var paragraphs: Set<Int32> = []
        var sentences: Set<PairKey> = []
        for unit in units {
            paragraphs.insert(unit.paragraph)
            sentences.insert(PairKey(Int64(unit.paragraph), Int64(unit.sentence)))
        }
        return UnitCounts(paragraphs: paragraphs.count, sentences: sentences.count)
    }

    struct PairKey: Hashable {
        var a: Int64
        var b: Int64
        init(_ a: Int64, _ b: Int64) { (self.a, self.b) = (a, b) }
    }
}

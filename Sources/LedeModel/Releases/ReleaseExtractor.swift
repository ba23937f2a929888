// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeText

/// Reads what an article's sentences say about model releases.
///
/// A sentence reports a release when a release word (`released`, `came
/// out`, `the launch of`, `is due`, `delayed`, `scrapped`: the roles in
/// `Resources/release-words.tsv`) stands in the same clause as a model
/// mention. The clause says where the release stands (out, planned, put
/// off, called off), which of its date phrases is the release's (not a
/// founding, a funding round, the day something was said or a dateline),
/// which way a date without a year points (back for what happened, forward
/// for plans, else the nearer), and who released it (the subject of the
/// release verb, the agent of a passive, a possessive, `the company`
/// carried from earlier sentences; never an investor, partner or rival
/// after a preposition). A correction notice replaces what the article said
/// about the models it names. `SentenceReading` holds the per-sentence rules.
public struct ReleaseExtractor: Sendable {
    public var words: ReleaseWords
    var dateFinder = DatePhraseFinder()

    public init(words: ReleaseWords = .bundled) {
        self.words = words
    }

    static let appositionWords = WordSet(SentenceReading.appositionNouns)

    /// Longer sentences are read in pieces of this many scalars (no news sentence comes near it).
    static let longestSentence = 1_500

    /// Changes with the release vocabulary and whenever these rules read the same text differently.
    public var fingerprint: String { "release-reading-2\n" + words.fingerprint }

    /// Every release statement of an article, in reading order.
    public func statements(paragraphs: [String], published: CalendarDate?, mentions: [LinkedMention], vocabulary: Vocabulary) -> [ReleaseStatement] {
        var modelsByParagraph: [Int32: [Int]] = [:]
        var organisationsByParagraph: [Int32: [Int]] = [:]
        var organisationCounts: [Int32: (count: Int, first: Int)] = [:]
        for (ordinal, mention) in mentions.enumerated() {
            switch vocabulary.definitions[Int(mention.entity)].type {
            case .model:
                modelsByParagraph[mention.paragraph, default: []].append(ordinal)
            case .organisation:
                organisationsByParagraph[mention.paragraph, default: []].append(ordinal)
                let current = organisationCounts[mention.entity] ?? (0, ordinal)
                organisationCounts[mention.entity] = (current.count + 1, current.first)
            default:
                break
            }
        }
        guard !modelsByParagraph.isEmpty else { return [] }
        // The organisation the article is most about: named most, then first.
        let main = organisationCounts.max { a, b in (a.value.count, -a.value.first) < (b.value.count, -b.value.first) }?.key
        var discourse = Discourse(main: main)
        var result: [ReleaseStatement] = []
        let paragraphNumbers = Set(modelsByParagraph.keys).union(organisationsByParagraph.keys).sorted()
        for number in paragraphNumbers {
            let organisations = organisationsByParagraph[number] ?? []
            guard let models = modelsByParagraph[number] else {
                discourse.noteParagraph(organisations: organisations, mentions: mentions)
                continue
            }
            discourse.noteParagraph(organisations: organisations, mentions: mentions)
            result += statements(paragraph: paragraphs[Int(number)], models: models, organisations: organisations, mentions: mentions,
                                 published: published, discourse: &discourse)
        }
        return Corrections.apply(result)
    }

    /// One paragraph's statements, sentence by sentence.
    func statements(paragraph text: String, models: [Int], organisations: [Int], mentions: [LinkedMention], published: CalendarDate?,
                    discourse: inout Discourse) -> [ReleaseStatement] {
        let scalars = Array(text.unicodeScalars)
        let context = ParagraphContext(scalars: scalars, isCorrection: Corrections.isNotice(text), datelineEnd: Datelines.end(in: scalars))
        var result: [ReleaseStatement] = []
        var modelCursor = 0, organisationCursor = 0
        // Work per sentence is bounded by the piece size: a machine-made list of thousands of names is read in pieces.
        for sentence in Sentences.ranges(in: text).flatMap({ Sentences.windows(of: $0, in: scalars, maximum: Self.longestSentence) }) {
            func take(_ ordinals: [Int], from cursor: inout Int) -> [Int] {
                while cursor < ordinals.count, Int(mentions[ordinals[cursor]].start) < sentence.lowerBound { cursor += 1 }
                var last = cursor
                while last < ordinals.count, Int(mentions[ordinals[last]].start) < sentence.upperBound { last += 1 }
                defer { cursor = last }
                return Array(ordinals[cursor..<last])
            }
            let modelsHere = take(models, from: &modelCursor)
            let organisationsHere = take(organisations, from: &organisationCursor)
            // A sentence with no release word and no noun that introduces a dated model reports nothing.
            guard !modelsHere.isEmpty, words.cueWords.intersects(scalars[sentence]) || Self.appositionWords.intersects(scalars[sentence]) else {
                discourse.noteSentence(organisations: organisationsHere, mentions: mentions)
                continue
            }
            var reading = SentenceReading(context: context, range: sentence, models: modelsHere, organisations: organisationsHere,
                                          mentions: mentions, published: published, words: words, dateFinder: dateFinder)
            result += reading.statements(discourse: &discourse)
        }
        return result
    }
}

/// What a paragraph tells every sentence in it.
struct ParagraphContext {
    var scalars: [Unicode.Scalar]
    /// A correction notice (`Correction: an earlier version of this article said…`).
    var isCorrection: Bool
    /// Where a dateline (`SAN FRANCISCO, March 10 —`) ends, or 0: its date dates the story, not a release.
    var datelineEnd: Int
}

/// The organisation `the company` and `it` stand for: the subject of the
/// last release in the paragraph, else the one the article names most.
struct Discourse {
    var main: Int32?
    var current: Int32?

    var organisation: Int32? { current ?? main }

    /// A sentence without a model names no releaser.
    mutating func noteSentence(organisations: [Int], mentions: [LinkedMention]) {}

    /// A new paragraph starts from the article's organisation.
    mutating func noteParagraph(organisations: [Int], mentions: [LinkedMention]) {
        current = nil
    }
}

/// Correction notices, and what they replace.
enum Corrections {
    static let openings = ["correction:", "corrections:", "clarification:", "an earlier version of this", "a previous version of this",
                           "this article has been corrected", "this story has been corrected", "this article was corrected",
                           "this story has been updated to correct", "this article has been updated to correct", "editor's note:",
                           "editor’s note:"]

    /// Whether the paragraph is a correction notice (it starts like one, in its first 200 characters).
    static func isNotice(_ text: String) -> Bool {
        let head = String(text.prefix(200)).lowercased()
        return openings.contains { head.hasPrefix($0) || head.containsUTF8(" " + $0) && head.hasPrefix("(") || head.hasPrefix("*" + $0) }
            || head.hasPrefix("correction ")
    }

    /// A model a correction dates keeps only the correction's date from this article: its other statements
    /// still say where it stands and who made it, but no longer when.
    static func apply(_ statements: [ReleaseStatement]) -> [ReleaseStatement] {
        let corrected = Set(statements.filter { $0.isCorrection && !$0.isUndated }.map(\.model))
        guard !corrected.isEmpty else { return statements }
        return statements.map { statement in
            guard !statement.isCorrection, corrected.contains(statement.model) else { return statement }
            var superseded = statement
            superseded.isUndated = true
            superseded.isRelative = true
            return superseded
        }
    }
}

/// Datelines: `SAN FRANCISCO, March 10 —`, `BERLIN (Wire) –`, `Paris, 4 May 2027 --` at the start of a paragraph.
enum Datelines {
    /// Where the dateline ends (the dash), or 0 when the paragraph has none: capitalised words, commas,
    /// digits, a date and a parenthesised source before a dash within the first 80 characters.
    static func end(in scalars: [Unicode.Scalar]) -> Int {
        let limit = min(scalars.count, 80)
        var index = 0
        var sawCapital = false
        while index < limit {
            let scalar = scalars[index]
            if scalar == "—" || scalar == "–" || (scalar == "-" && index > 0 && scalars[index - 1] == " "
                                                    && index + 1 < scalars.count && (scalars[index + 1] == " " || scalars[index + 1] == "-")) {
                return sawCapital && index >= 3 ? index + 1 : 0
            }
            if scalar.properties.isUppercase { sawCapital = true }
            // A lower-case word other than a month's tail or the words a source uses ends the look: it is prose.
            if scalar.properties.isLowercase, index > 0, scalars[index - 1] == " " || scalars[index - 1] == "(" {
                var end = index
                while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
                let word = String(String.UnicodeScalarView(scalars[index..<end]))
                guard ["de", "am", "of", "and", "upon", "el", "la"].contains(word) else { return 0 }
            }
            if scalar == "." || scalar == "!" || scalar == "?" { return 0 }
            index += 1
        }
        return 0
    }
}

// ~380 lines, one file: which date in a sentence belongs to which model is
// one chain of rules (sentence ends, release cues, clause attachment,
// planned cues) whose order matters; DECISIONS.md describes it.

import Foundation
import LedeText

/// Places the AI models named in the articles on a time line.
///
/// A date counts as a model's release date only when it stands in the same
/// sentence as the model, the sentence reports a release (`debut`,
/// `launched`, `will open-source` … kept as data), and no other model in
/// the sentence is nearer to it. Otherwise the catalogue gives the date, or
/// failing that the article's published date bounds it.
public struct ReleaseExtractor: Sendable {
    public var releaseCues: [String]
    /// Words that speak of a release still to come (`plans to release`, `still in training`).
    public var plannedCues: [String]
    var dateFinder = DatePhraseFinder()

    public init(releaseCues: [String] = ReleaseExtractor.bundledCues, plannedCues: [String] = ReleaseExtractor.bundledPlannedCues) {
        self.releaseCues = releaseCues.map { $0.lowercased() }
        self.plannedCues = plannedCues.map { $0.lowercased() }
    }

    /// Words that mark a sentence as reporting a release (`Resources/release-cues.txt`).
    public static let bundledCues = ModelResources.lines("release-cues.txt")
    /// Words that mark a release as planned (`Resources/planned-cues.txt`).
    public static let bundledPlannedCues = ModelResources.lines("planned-cues.txt")

    /// Dates the article's sentences give for the models they name.
    ///
    /// Sentence by sentence: a date phrase belongs to the nearest model
    /// mention in the sentence, when the sentence reports a release.
    public func statements(paragraphs: [String], published: CalendarDate?, mentions: [LinkedMention], vocabulary: Vocabulary) -> [ReleaseStatement] {
        var modelMentionsByParagraph: [Int32: [Int]] = [:]
        for (ordinal, mention) in mentions.enumerated() where vocabulary.definitions[Int(mention.entity)].type == .model {
            modelMentionsByParagraph[mention.paragraph, default: []].append(ordinal)
        }
        var result: [ReleaseStatement] = []
        for paragraphIndex in modelMentionsByParagraph.keys.sorted() {
            // Model mentions of one layer do not overlap: in reading order their starts and ends both increase.
            let ordinals = modelMentionsByParagraph[paragraphIndex]!
            let paragraph = Array(paragraphs[Int(paragraphIndex)].unicodeScalars)
            var cursor = 0
            for sentence in Sentences.ranges(in: paragraph) {
                while cursor < ordinals.count, Int(mentions[ordinals[cursor]].start) < sentence.lowerBound { cursor += 1 }
                var last = cursor
                while last < ordinals.count, Int(mentions[ordinals[last]].start) < sentence.upperBound { last += 1 }
                let inSentence = Array(ordinals[cursor..<last])
                cursor = last
                guard !inSentence.isEmpty else { continue }
                let text = String(String.UnicodeScalarView(paragraph[sentence]))
                result += statements(sentence: text, offset: sentence.lowerBound, scalars: paragraph, models: inSentence,
                                     mentions: mentions, published: published)
            }
        }
        return result
    }

    /// One sentence's statements. Each date phrase goes to a model: the one it
    /// stands in apposition to (`called o1, in September 2024`), else the
    /// nearest; models coordinated with it (`X and Y last Friday`) get it too.
    /// A phrase that dates a document (`an article published this week`) dates
    /// no model. When a model gets several phrases, those governed by a
    /// release word (`R1's launch in January`) win over the others (`said on
    /// Monday`). A sentence that speaks of a plan with no date (`plans to
    /// release`, `still in training`) gives its nearest model an undated plan.
    func statements(sentence text: String, offset: Int, scalars paragraph: [Unicode.Scalar], models inSentence: [Int],
                    mentions: [LinkedMention], published: CalendarDate?) -> [ReleaseStatement] {
        var result: [ReleaseStatement] = []
        var governedByRelease: [Bool] = []
        let lower = text.lowercased()
        let future = dateFinder.speaksOfFuture(text)
        if Self.mayHoldDate(text), releaseCues.contains(where: { lower.containsUTF8($0) }) {
            let sentenceScalars = Array(text.unicodeScalars)
            // In a sentence that speaks of the future somewhere, a phrase governed by a past-tense release verb
            // (`When Acme released Zed-9 in December, rivals would…`) is resolved as the past.
            var pastPhrases: [DatePhrase]?
            for found in dateFinder.phrases(in: text, published: published, future: future) {
                var phrase = found
                let windowStart = max(0, phrase.start - 60)
                let before = String(String.UnicodeScalarView(sentenceScalars[windowStart..<phrase.start])).lowercased()
                if Self.datesADocument(before) { continue }
                let (governing, isPast) = governor(before)
                // A date governed by another event (`the company he co-founded in 2015`) dates no model.
                if governing == .event { continue }
                var speaksOfFuture = future
                if future, governing == .release, isPast {
                    if pastPhrases == nil { pastPhrases = dateFinder.phrases(in: text, published: published, future: false) }
                    if let past = pastPhrases?.first(where: { $0.start == phrase.start && $0.end == phrase.end }) { phrase = past }
                    speaksOfFuture = false
                }
                let start = offset + phrase.start, end = offset + phrase.end
                let nearest = Self.nearest(inSentence, mentions: mentions, start: start, end: end)
                let target = Self.apposition(inSentence, mentions: mentions, scalars: paragraph, phraseStart: start)
                    ?? Self.appositiveOwner(of: nearest, in: inSentence, mentions: mentions, scalars: paragraph, phraseStart: start)
                    ?? Self.clauseSubject(of: nearest, in: inSentence, mentions: mentions, scalars: paragraph, phraseStart: start)
                    ?? nearest
                let planned = published.map { phrase.date.firstDay > $0 || (speaksOfFuture && !(phrase.date.lastDay < $0)) } ?? speaksOfFuture
                let governed = governing == .release
                for ordinal in Self.coordinated(target, in: inSentence, mentions: mentions, scalars: paragraph) {
                    result.append(ReleaseStatement(model: mentions[ordinal].entity, mention: Int32(ordinal), date: phrase.date,
                                                   phrase: phrase.text, planned: planned, isRelative: phrase.isRelative))
                    governedByRelease.append(governed)
                }
            }
        }
        // Several phrases for one model: the release-governed ones, if any.
        var hasGoverned: Set<Int32> = []
        var count: [Int32: Int] = [:]
        for (index, statement) in result.enumerated() {
            count[statement.model, default: 0] += 1
            if governedByRelease[index] { hasGoverned.insert(statement.model) }
        }
        result = result.indices.filter { index in
            let model = result[index].model
            return count[model]! < 2 || !hasGoverned.contains(model) || governedByRelease[index]
        }.map { result[$0] }
        // A plan without a date (a few stems first: most sentences hold none).
        if let published, Self.plannedStems.contains(where: { lower.containsUTF8($0) }),
           let cue = plannedCues.first(where: { lower.containsUTF8($0) }) {
            let dated = Set(result.map(\.model))
            let cueAt = lower.utf8.count > 0 ? Self.scalarOffset(of: cue, in: text) : 0
            let nearest = Self.nearest(inSentence, mentions: mentions, start: offset + cueAt, end: offset + cueAt + cue.unicodeScalars.count)
            if !dated.contains(mentions[nearest].entity) {
                result.append(ReleaseStatement(model: mentions[nearest].entity, mention: Int32(nearest), date: published, phrase: cue,
                                               planned: true, isRelative: true, isUndated: true))
            }
        }
        return result
    }

    /// Every planned cue holds one of these (checked by a test).
    static let plannedStems = ["will", "plan", "train", "yet", "expect", "set to", "prepar", "coming", "works", "not been"]

    enum Governor { case release, reporting, event, none }

    /// Other events a date can belong to: a founding, a listing.
    static let eventWords = [" founded", " co-founded", " established", " incorporated", " went public", " listed", " set up", " born",
                             " acquired", " raised", " invested", " previewed", " teased", " demoed", " showcased", " trademarked"]

    /// Words that report rather than release: a date right after them is
    /// when something was said.
    static let reportingWords = [" said", " says", " told", " reported", " wrote", " added", " noted", " according to", " disclosed",
                                 " confirmed", " revealed"]

    /// The nearest of the last release cue, reporting word and event word
    /// before a phrase; for a release cue, whether its verb is in the past
    /// (`released`, `came out`).
    func governor(_ before: String) -> (Governor, isPast: Bool) {
        var releaseAt = -1, releaseCue = ""
        for cue in releaseCues {
            let at = before.lastUTF8Offset(of: cue)
            if at > releaseAt { releaseAt = at; releaseCue = cue }
        }
        let reportingAt = Self.reportingWords.map { before.lastUTF8Offset(of: $0) }.max() ?? -1
        let eventAt = Self.eventWords.map { before.lastUTF8Offset(of: $0) }.max() ?? -1
        let nearest = max(releaseAt, reportingAt, eventAt)
        if nearest < 0 { return (.none, false) }
        if nearest == eventAt { return (.event, false) }
        if nearest == reportingAt { return (.reporting, false) }
        // The word holding the cue: `released`, `launched`; or a past phrase of its own.
        let bytes = Array(before.utf8)
        var end = releaseAt + releaseCue.utf8.count
        while end < bytes.count, bytes[end] >= 0x61 && bytes[end] <= 0x7A { end += 1 }
        let word = String(decoding: bytes[releaseAt..<end], as: UTF8.self)
        return (.release, word.hasSuffix("ed") || ["came out", "went live", "made available", "made public"].contains(releaseCue))
    }

    /// Documents whose own date is no release: `an article published this week`.
    static let documentNouns = ["article", "report", "paper", "study", "post", "interview", "survey", "filing", "letter", "memo",
                                "statement", "analysis", "essay", "column", "newsletter", "podcast", "video", "op-ed", "story"]
    static let documentVerbs = ["published", "released", "posted", "issued", "dated", "written", "aired"]

    static func datesADocument(_ before: String) -> Bool {
        var trimmed = Substring(before)
        while let last = trimmed.last, last == " " || last == "," { trimmed = trimmed.dropLast() }
        for verb in documentVerbs where trimmed.hasSuffix(verb) {
            var head = trimmed.dropLast(verb.count)
            while let last = head.last, last == " " { head = head.dropLast() }
            for filler in [" was", " is", " that was", " first"] where head.hasSuffix(filler) { head = head.dropLast(filler.count) }
            if documentNouns.contains(where: { head.hasSuffix($0) || head.hasSuffix($0 + "s") }) { return true }
        }
        return false
    }

    /// A model right before the phrase, set off by a comma (`called o1, in September 2024`).
    static func apposition(_ candidates: [Int], mentions: [LinkedMention], scalars: [Unicode.Scalar], phraseStart: Int) -> Int? {
        // The last mention that ends at or before the phrase.
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if Int(mentions[candidates[middle]].end) <= phraseStart { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let candidate = candidates[low - 1]
        let between = String(String.UnicodeScalarView(scalars[Int(mentions[candidate].end)..<phraseStart]))
        return ["," , ", ", ", in ", ", on ", ", from ", ", back in "].contains(between) ? candidate : nil
    }

    /// The model whose appositive clause holds the phrase, when the nearest
    /// model comes after it: in `Unlike Zed-9, a model Acme launched on May 2,
    /// Qux-3 thinks first`, May 2 is Zed-9's.
    static func appositiveOwner(of nearest: Int, in candidates: [Int], mentions: [LinkedMention], scalars: [Unicode.Scalar],
                                phraseStart: Int) -> Int? {
        guard Int(mentions[nearest].start) >= phraseStart else { return nil }
        var comma = phraseStart - 1
        while comma >= 0, phraseStart - comma <= 80, scalars[comma] != "," { comma -= 1 }
        guard comma >= 0, scalars[comma] == "," else { return nil }
        let clause = String(String.UnicodeScalarView(scalars[(comma + 1)..<phraseStart])).lowercased()
        for opener in [" and ", " but ", " while ", " whereas ", " before ", " after ", " as ", " when ", " then "] where clause.hasPrefix(opener) {
            return nil
        }
        // The model that ends right at the comma, and no model inside the clause.
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if Int(mentions[candidates[middle]].end) <= comma { low = middle + 1 } else { high = middle }
        }
        guard low > 0, Int(mentions[candidates[low - 1]].end) == comma else { return nil }
        if low < candidates.count, Int(mentions[candidates[low]].start) < phraseStart { return nil }
        return candidates[low - 1]
    }

    /// The subject of a sentence whose nearest model sits in a clause set off
    /// by commas: in `Zed-9, the model on which Qux-3 was built, came out on
    /// May 2`, the date is Zed-9's, not Qux-3's.
    static func clauseSubject(of nearest: Int, in candidates: [Int], mentions: [LinkedMention], scalars: [Unicode.Scalar],
                              phraseStart: Int) -> Int? {
        let nearestMention = mentions[nearest]
        guard Int(nearestMention.end) <= phraseStart, phraseStart - Int(nearestMention.end) <= 80 else { return nil }
        // After the nearest model: one comma, closing the clause, before the phrase.
        let after = scalars[Int(nearestMention.end)..<phraseStart]
        guard after.filter({ $0 == "," }).count == 1, after.first != "," else { return nil }
        // Before it: a model followed by the comma that opens the clause, and no other comma between.
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[candidates[middle]].start < nearestMention.start { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let subject = candidates[low - 1]
        let subjectEnd = Int(mentions[subject].end)
        guard subjectEnd < Int(nearestMention.start), scalars[subjectEnd] == ",",
              Int(nearestMention.start) - subjectEnd <= 80,
              !scalars[(subjectEnd + 1)..<Int(nearestMention.start)].contains(",") else { return nil }
        return subject
    }

    /// What joins coordinated model names.
    static let coordinators: Set<String> = [" and ", ", ", ", and ", " & ", " as well as ", " and its ", " alongside ", " plus ", " or "]

    /// The model and those coordinated with it, in text order (eight each side at most).
    static func coordinated(_ ordinal: Int, in candidates: [Int], mentions: [LinkedMention], scalars: [Unicode.Scalar]) -> [Int] {
        // Candidates are in text order and do not overlap: find the ordinal by its start.
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[candidates[middle]].start < mentions[ordinal].start { low = middle + 1 } else { high = middle }
        }
        guard low < candidates.count, candidates[low] == ordinal else { return [ordinal] }
        let position = low
        func joined(_ left: Int, _ right: Int) -> Bool {
            let from = Int(mentions[left].end), to = Int(mentions[right].start)
            guard from <= to, to - from <= 12 else { return false }
            return coordinators.contains(String(String.UnicodeScalarView(scalars[from..<to])))
        }
        var first = position, last = position
        while first > 0, position - first < 8, joined(candidates[first - 1], candidates[first]) { first -= 1 }
        while last + 1 < candidates.count, last - position < 8, joined(candidates[last], candidates[last + 1]) { last += 1 }
        return Array(candidates[first...last])
    }

    static func scalarOffset(of needle: String, in text: String) -> Int {
        let lower = text.lowercased()
        guard lower.unicodeScalars.count == text.unicodeScalars.count, let range = lower.range(of: needle) else { return 0 }
        return lower.unicodeScalars.distance(from: lower.unicodeScalars.startIndex, to: range.lowerBound)
    }

    /// The model mention nearest a phrase (touching or overlapping it first; between equals, the earlier):
    /// a binary search, since the mentions are in order and do not overlap.
    static func nearest(_ candidates: [Int], mentions: [LinkedMention], start: Int, end: Int) -> Int {
        // The first mention that ends after the phrase starts.
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if Int(mentions[candidates[middle]].end) <= start { low = middle + 1 } else { high = middle }
        }
        let before = low > 0 ? candidates[low - 1] : nil
        if low < candidates.count, Int(mentions[candidates[low]].start) < end {
            // Overlapping is a gap of 0, and so is touching: the earlier wins.
            if let before, Int(mentions[before].end) == start { return before }
            return candidates[low]
        }
        let after = low < candidates.count ? candidates[low] : nil
        switch (before, after) {
        case let (before?, after?):
            let gapBefore = gap(Int(mentions[before].start), Int(mentions[before].end), start, end)
            let gapAfter = gap(Int(mentions[after].start), Int(mentions[after].end), start, end)
            return gapAfter < gapBefore ? after : before
        case let (before?, nil): return before
        case let (nil, after?): return after
        default: return candidates[0]
        }
    }

    func reportsRelease(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        return releaseCues.contains { lower.containsUTF8($0) }
    }

    /// Cheap test before the regular expressions: a date phrase needs a
    /// digit or one of these words.
    static let dateWords = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                            "day", "week", "month", "year", "today", "tomorrow"]

    static func mayHoldDate(_ sentence: String) -> Bool {
        if sentence.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return true }
        let lower = sentence.lowercased()
        return dateWords.contains { lower.containsUTF8($0) }
    }

    /// Characters between a mention and a phrase (0 when they touch).
    static func gap(_ mentionStart: Int, _ mentionEnd: Int, _ start: Int, _ end: Int) -> Int {
        if mentionEnd <= start { return start - mentionEnd }
        if end <= mentionStart { return mentionStart - end }
        return 0
    }
}

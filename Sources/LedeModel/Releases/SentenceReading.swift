// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeText

/// One sentence read for release statements: its tokens, the release
/// vocabulary found in them, its clauses, and its date phrases.
///
/// A clause ends at `;` or a dash, before `but`, `while`, `after`,
/// `before`, `when`, `since`, `because`, `following`, `, as`, `, saying` and
/// `, and` followed by a lower-case word (never inside a date phrase: `before the
/// end of the year` is a date), and between two release verbs (`released X
/// and launched Y`). Each clause with a release word and a model mention
/// gives one statement per model it reports.
struct SentenceReading {
    let context: ParagraphContext
    let range: Range<Int>
    let models: [Int]
    let organisations: [Int]
    let mentions: [LinkedMention]
    let published: CalendarDate?
    let words: ReleaseWords
    let dateFinder: DatePhraseFinder
    let tokens: [ClauseToken]
    let matches: [ReleaseWords.Match]

    init(context: ParagraphContext, range: Range<Int>, models: [Int], organisations: [Int], mentions: [LinkedMention],
         published: CalendarDate?, words: ReleaseWords, dateFinder: DatePhraseFinder) {
        self.context = context
        self.range = range
        self.models = models
        self.organisations = organisations
        self.mentions = mentions
        self.published = published
        self.words = words
        self.dateFinder = dateFinder
        tokens = ClauseToken.tokens(of: context.scalars, in: range)
        matches = words.matches(in: tokens)
    }

    static let cueRoles: Set<ReleaseWords.Role> = [.release, .arrival, .noun, .due, .delayed, .cancelled]
    static let verbRoles: Set<ReleaseWords.Role> = [.release, .arrival, .delayed, .cancelled]

    /// A date phrase of the sentence, resolved three ways (paragraph offsets).
    struct Phrase {
        var start: Int
        var end: Int
        var text: String
        var past: CalendarDate
        var future: CalendarDate
        var nearest: CalendarDate
        var isRelative: Bool

        func date(for status: ReleaseStatus) -> CalendarDate {
            switch status {
            case .released: past
            case .planned, .delayed: future
            case .cancelled: nearest
            }
        }
    }

    /// The statements of the sentence; `discourse` learns its subject.
    mutating func statements(discourse: inout Discourse) -> [ReleaseStatement] {
        let hasCue = matches.contains { Self.cueRoles.contains($0.role) }
        guard hasCue || hasAppositiveDate() else {
            noteSubject(discourse: &discourse)
            return []
        }
        let phrases = datePhrases()
        guard hasCue else {
            noteSubject(discourse: &discourse)
            return appositiveDates(phrases: phrases, discourse: discourse)
        }
        var result: [ReleaseStatement] = []
        var inherited: Int32?
        var previousModels: [Int] = []
        var fronted: [Phrase] = []
        for (number, clause) in clauses(phrases: phrases).enumerated() {
            let clauseStart = tokens[clause.lowerBound].start, clauseEnd = tokens[clause.upperBound - 1].end
            let own = phrases.filter { $0.start >= clauseStart && $0.start < clauseEnd }
            // `At a livestream on Monday, a day before…, OpenAI released GPT-4o`: a sentence's opening date,
            // in a piece with no release word and no model, dates the next piece when that has none.
            let hasCueHere = matches.contains { clause.contains($0.tokens.lowerBound) && Self.cueRoles.contains($0.role) }
            let hasModelHere = models.contains { clause.contains(tokenIndex(at: Int(mentions[$0].start))) }
            if number == 0, !hasCueHere, !hasModelHere { fronted = own }
            var usable: [Phrase] = []
            if own.isEmpty, number > 0 {
                usable = fronted.map { phrase in
                    var moved = phrase
                    moved.start = clauseStart
                    moved.end = clauseStart + 1
                    return moved
                }
            }
            let (statements, subject) = read(clause: clause, phrases: phrases + usable, inherited: inherited, previousModels: previousModels,
                                             discourse: discourse)
            if hasCueHere { fronted = [] }
            result += statements
            if let subject {
                inherited = subject
                if hasCueHere { discourse.current = subject }
            }
            let here = models.filter { clause.contains(tokenIndex(at: Int(mentions[$0].start))) }
            if !here.isEmpty { previousModels = here }
        }
        return result
    }

    /// Nouns that introduce a model whose date follows it in apposition.
    static let appositionNouns: Set<String> = ["model", "predecessor", "successor", "flagship", "version", "release", "launch"]

    /// A model set off by commas with a date phrase's first word after it (`…, Grok 2, in August`), in a
    /// sentence with a noun that introduces it: worth looking for dates in.
    func hasAppositiveDate() -> Bool {
        guard tokens.contains(where: { Self.appositionNouns.contains($0.lower) }) else { return false }
        return models.contains { ordinal in
            let last = tokenIndex(at: Int(mentions[ordinal].end) - 1)
            return last + 2 < tokens.count && tokens[last + 1].lower == "," && ["in", "on", "last", "back"].contains(tokens[last + 2].lower)
        }
    }

    /// `its predecessor, Grok 2, in August last year`, `Veridian’s first model, Helix-1, in June 2024,`: a
    /// model set off by commas after a noun that introduces it, then a date set off the same way, dates it
    /// though no release word does.
    func appositiveDates(phrases: [Phrase], discourse: Discourse) -> [ReleaseStatement] {
        var result: [ReleaseStatement] = []
        for ordinal in models {
            let first = tokenIndex(at: Int(mentions[ordinal].start)), last = tokenIndex(at: Int(mentions[ordinal].end) - 1)
            guard first >= 2, tokens[first - 1].lower == ",", last + 2 < tokens.count, tokens[last + 1].lower == ",",
                  ["in", "on", "last", "back"].contains(tokens[last + 2].lower),
                  let phrase = phrases.first(where: { $0.start == tokens[last + 2].start || (last + 3 < tokens.count && $0.start == tokens[last + 3].start) }),
                  (max(0, first - 5)..<(first - 1)).contains(where: { Self.appositionNouns.contains(tokens[$0].lower) }) else { continue }
            let date = phrase.past
            let organisation = possessiveOrganisation(before: Int(mentions[ordinal].start))
            result.append(ReleaseStatement(model: mentions[ordinal].entity, mention: Int32(ordinal), date: date, phrase: phrase.text,
                                           status: published.map { $0.lastDay < date.firstDay } == true ? .planned : .released,
                                           isRelative: phrase.isRelative, organisation: organisation ?? discourse.organisation,
                                           organisationIsNamed: organisation != nil, isCorrection: context.isCorrection))
        }
        return result
    }

    /// A sentence without a release word names no releaser.
    func noteSubject(discourse: inout Discourse) {}

    // MARK: - Date phrases

    func datePhrases() -> [Phrase] {
        let text = String(String.UnicodeScalarView(context.scalars[range]))
        guard ReleaseExtractor.mayHoldDate(text) else { return [] }
        return dateFinder.phrasesEveryWay(in: text, published: published).compactMap { resolved in
            let phrase = resolved.phrase
            let start = range.lowerBound + phrase.start, end = range.lowerBound + phrase.end
            // A dateline dates the story.
            if end <= context.datelineEnd { return nil }
            return Phrase(start: start, end: end, text: phrase.text, past: resolved.past, future: resolved.future,
                          nearest: resolved.nearest, isRelative: phrase.isRelative)
        }
    }

    // MARK: - Clauses

    /// Token ranges of the clauses.
    func clauses(phrases: [Phrase]) -> [Range<Int>] {
        guard !context.isCorrection else { return [0..<tokens.count] }
        // Tokens inside a date phrase, marked in one sweep (phrases are in order).
        var inPhrase = [Bool](repeating: false, count: tokens.count)
        var phraseIndex = 0
        for index in tokens.indices {
            let offset = tokens[index].start
            while phraseIndex < phrases.count, phrases[phraseIndex].end <= offset { phraseIndex += 1 }
            inPhrase[index] = phraseIndex < phrases.count && phrases[phraseIndex].start <= offset
        }
        func insidePhrase(_ index: Int) -> Bool { inPhrase[index] }
        var cuts: [Int] = []
        for index in tokens.indices where index > 0 && !insidePhrase(index) {
            let token = tokens[index]
            if !token.isWord {
                if token.lower == ";" || token.lower == "—" || token.lower == "–" { cuts.append(index + 1) }
                continue
            }
            let previous = tokens[index - 1]
            switch token.lower {
            case "but", "while", "whereas", "although", "though", "after", "before", "when", "since", "because":
                cuts.append(index)
            case "following" where previous.lower != "the":
                cuts.append(index)
            case "as" where previous.lower == ",":
                cuts.append(index)
            case _ where previous.lower == "," && Self.reportingOpeners.contains(token.lower):
                cuts.append(index)
            case "and" where previous.lower == ",":
                // `, and the company will…`, `, and Acme will ship…`: a clause of its own when a verb follows.
                if index + 1 < tokens.count, tokens[index + 1].isWord, !tokens[index + 1].isCapitalised || hasVerb(after: index) { cuts.append(index) }
            default:
                break
            }
        }
        var pieces: [Range<Int>] = []
        var start = 0
        for cut in cuts + [tokens.count] where cut > start {
            // `introduced GPT-4o, in May, and a smaller GPT-4o mini, in July`: a piece after `, and` without a
            // verb of its own shares the verb before it.
            let hasCue = matches.contains { (start..<cut).contains($0.tokens.lowerBound) && Self.cueRoles.contains($0.role) }
                || tokens[start..<cut].contains { Self.finiteVerbs.contains($0.lower) }
            if tokens[start].lower == "and", !hasCue, let last = pieces.popLast() {
                pieces.append(last.lowerBound..<cut)
            } else {
                pieces.append(start..<cut)
            }
            start = cut
        }
        return pieces.flatMap(splitAtSecondVerb)
    }

    /// Words after a comma that open a clause of reporting (`, saying X1 matched R1`).
    static let reportingOpeners: Set<String> = ["saying", "adding", "claiming", "noting", "arguing", "according"]

    /// Verbs that give a piece of a sentence a predicate of its own (`…, and it cut prices`).
    static let finiteVerbs: Set<String> = ["is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "did", "does",
                                           "said", "says", "cut", "cuts", "costs", "cost", "rose", "fell", "made", "makes", "took", "takes"]

    /// Whether a verb of its own follows a token before the next comma (a plan word, a release verb, `is`…).
    func hasVerb(after index: Int) -> Bool {
        var cursor = index + 1
        while cursor < tokens.count, tokens[cursor].lower != ",", cursor - index <= 8 {
            if Self.finiteVerbs.contains(tokens[cursor].lower) { return true }
            if matches.contains(where: { $0.tokens.lowerBound == cursor && ($0.role == .planned || Self.verbRoles.contains($0.role)) }) { return true }
            cursor += 1
        }
        return false
    }

    /// `Acme released X and launched Y`, `X, released in July, and Acme's Y, released in May`: two
    /// release verbs in one clause are two clauses, cut at the last `and`, `,` or `then` between them that
    /// leaves the second verb the name before it (`Acme's Y`).
    func splitAtSecondVerb(_ clause: Range<Int>) -> [Range<Int>] {
        let verbs = matches.filter { clause.contains($0.tokens.lowerBound) && ($0.role == .release || $0.role == .arrival) }
        guard verbs.count >= 2 else { return [clause] }
        let named = Set((models + organisations).map { tokenIndex(at: Int(mentions[$0].start)) })
        var result: [Range<Int>] = []
        var start = clause.lowerBound
        for (first, second) in zip(verbs, verbs.dropFirst()) {
            let between = first.tokens.upperBound..<second.tokens.lowerBound
            let separators = between.filter { ["and", ",", "then", "while"].contains(tokens[$0].lower) && $0 > start }
            // The second verb's subject: a name after the separator with no comma between it and the verb.
            let beforeName = separators.last { separator in
                named.contains { name in
                    name > separator && name < second.tokens.lowerBound && !tokens[name..<second.tokens.lowerBound].contains { $0.lower == "," }
                }
            }
            guard let cut = beforeName ?? separators.last(where: { tokens[$0].lower != "," }) ?? separators.last else { continue }
            result.append(start..<cut)
            start = cut
        }
        result.append(start..<clause.upperBound)
        return result
    }

    // MARK: - One clause

    /// The statements of one clause, and the organisation it makes its subject.
    func read(clause: Range<Int>, phrases: [Phrase], inherited: Int32?, previousModels: [Int],
              discourse: Discourse) -> ([ReleaseStatement], Int32?) {
        let clauseMatches = matches.filter { clause.contains($0.tokens.lowerBound) }
        let clauseStart = tokens[clause.lowerBound].start, clauseEnd = tokens[clause.upperBound - 1].end
        let releaser = subject(in: clause, matches: clauseMatches, inherited: inherited, discourse: discourse)
        guard let cue = mainCue(clauseMatches), let status = self.status(of: cue, in: clause, matches: clauseMatches) else {
            return ([], releaser.fromMention)
        }
        var clauseModels = reportedModels(in: clause, matches: clauseMatches, cue: cue)
        // `…, when it was published in November`, `after its release in March`: the model of the clause before.
        if clauseModels.isEmpty, refersToPreviousModel(cue: cue, clause: clause) {
            clauseModels = previousModels.prefix(1).map { $0 }
        }
        guard !clauseModels.isEmpty else { return ([], releaser.fromMention) }
        let clausePhrases = releasePhrases(phrases.filter { $0.start >= clauseStart && $0.start < clauseEnd }, matches: clauseMatches)
        var result: [ReleaseStatement] = []
        let cueText = tokens[cue.tokens].map(\.lower).joined(separator: " ")
        for (ordinal, phrase) in pair(models: clauseModels, phrases: clausePhrases, cue: cue) {
            let (organisation, isNamed) = releasingOrganisation(of: ordinal, cue: cue, releaser: releaser, discourse: discourse)
            var statementStatus = status
            let date = phrase.map { $0.date(for: status) }
            // A release dated after publication is a plan, whatever the tense (`launches on Friday`).
            if statementStatus == .released, let date, let published, published.lastDay < date.firstDay { statementStatus = .planned }
            result.append(ReleaseStatement(model: mentions[ordinal].entity, mention: Int32(ordinal),
                                           date: date ?? published ?? CalendarDate(year: 0), phrase: phrase?.text ?? cueText,
                                           status: statementStatus, isRelative: phrase?.isRelative ?? true, isUndated: phrase == nil,
                                           organisation: organisation, organisationIsNamed: isNamed, isCorrection: context.isCorrection))
        }
        return (result, releaser.fromMention)
    }

    /// `it was published`, `it came out`, `its release`: the release word's model is `it`, not named here.
    func refersToPreviousModel(cue: ReleaseWords.Match, clause: Range<Int>) -> Bool {
        let start = cue.tokens.lowerBound
        if cue.role == .noun { return start >= 1 && tokens[start - 1].lower == "its" }
        var subject = start - 1
        if subject >= clause.lowerBound, matches.contains(where: { $0.role == .passive && $0.tokens.upperBound == subject + 1 }) {
            subject -= 1
        } else if cue.role != .arrival {
            return false
        }
        return subject >= clause.lowerBound && tokens[subject].lower == "it"
    }

    /// The release word a clause turns on: its first verb, else its first noun or plan word.
    func mainCue(_ matches: [ReleaseWords.Match]) -> ReleaseWords.Match? {
        // `is expected to be better`: a plan word before `to` is no release of its own; `an article
        // published`: a document's release is no model's.
        let cues = matches.filter { match in
            if match.role == .due, match.tokens.upperBound < tokens.count, tokens[match.tokens.upperBound].lower == "to" { return false }
            if match.role == .release, match.tokens.lowerBound >= 1,
               ReleaseAttachment.documentNouns.contains(where: { tokens[match.tokens.lowerBound - 1].lower.hasPrefix($0) }) { return false }
            return true
        }
        return cues.first { Self.verbRoles.contains($0.role) } ?? cues.first { Self.cueRoles.contains($0.role) }
    }
}

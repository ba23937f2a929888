// SPDX-License-Identifier: Apache-2.0
import LedeText

/// Who, what and when in one clause.
extension SentenceReading {
    /// Where the release stands: called off, put off, planned (a plan word shortly before the release word,
    /// `to` before its base form, a negation, or a word that is a plan on its own), else out. Nil when the
    /// word is no release here (`follow` without a plan word).
    func status(of cue: ReleaseWords.Match, in clause: Range<Int>, matches: [ReleaseWords.Match]) -> ReleaseStatus? {
        if matches.contains(where: { $0.role == .cancelled }) { return .cancelled }
        if matches.contains(where: { $0.role == .delayed }) { return .delayed }
        if cue.role == .due { return .planned }
        let cueStart = cue.tokens.lowerBound
        let hasPlanWord = matches.contains { match in
            guard match.role == .planned, match.tokens.upperBound <= cueStart, cueStart - match.tokens.upperBound <= 6 else { return false }
            return !tokens[match.tokens.upperBound..<cueStart].contains { $0.lower == "," }
        }
        let afterTo = cue.entry.form == .base && cueStart > 0 && tokens[cueStart - 1].lower == "to"
        let negated = matches.contains { $0.role == .negation && $0.tokens.upperBound <= cueStart && cueStart - $0.tokens.upperBound <= 3 }
        if hasPlanWord || afterTo || negated { return .planned }
        if cue.role == .arrival, cue.entry.form == .base { return nil }
        return .released
    }

    /// The clause's model mentions that the release word reports: not one compared with (`rivals
    /// Zed-8`, `than Zed-8`, `a version of Zed-9, Zed-9 Mini`) unless its own clause reports it (`unlike
    /// Zed-8, which Acme shipped in May`), nor one coordinated with such a model; not one after the
    /// release word, past a comma, with a verb of its own (`…, Zed-9 does not`).
    func reportedModels(in clause: Range<Int>, matches: [ReleaseWords.Match], cue: ReleaseWords.Match) -> [Int] {
        var result: [Int] = []
        var previousExcluded: Int?
        for ordinal in models {
            let first = tokenIndex(at: Int(mentions[ordinal].start))
            let last = tokenIndex(at: Int(mentions[ordinal].end) - 1)
            guard clause.contains(first) else { continue }
            var excluded = matches.contains { match in
                guard match.role == .comparison, match.tokens.upperBound <= first, first - match.tokens.upperBound <= 3 else { return false }
                if match.entry.words.last == "of", !(last + 1 < tokens.count && tokens[last + 1].lower == ","
                                                    && models.contains { tokenIndex(at: Int(mentions[$0].start)) == last + 2 }) {
                    return false
                }
                return !matches.contains { Self.cueRoles.contains($0.role) && $0.tokens.lowerBound >= match.tokens.upperBound
                    && $0.tokens.upperBound <= first }
            }
            if excluded, isReportedByOwnClause(last: last, cue: cue) { excluded = false }
            if !excluded, hasOwnVerb(first: first, last: last, cue: cue) { excluded = true }
            if !excluded, cue.role == .noun, !isAttachedToNoun(cue, first: first, last: last) { excluded = true }
            if !excluded, let previous = previousExcluded,
               ReleaseAttachment.coordinated(previous, in: models, mentions: mentions, scalars: context.scalars).contains(ordinal) {
                excluded = true
            }
            if excluded { previousExcluded = ordinal } else { result.append(ordinal) }
        }
        return result
    }

    /// A noun cue speaks of this model: `the launch of (its new) Zed-9`, `the Zed-9 launch`, `Zed-9's debut`.
    /// (`switched from Zed-8 within hours of the launch` is another model's launch.)
    func isAttachedToNoun(_ cue: ReleaseWords.Match, first: Int, last: Int) -> Bool {
        let noun = cue.tokens.lowerBound
        if first > noun {
            guard first - noun <= 5, noun + 1 < tokens.count, tokens[noun + 1].lower == "of" else { return false }
            return !tokens[(noun + 1)..<first].contains { $0.lower == "," }
        }
        return noun - last <= 2 && !tokens[(last + 1)..<noun].contains { $0.lower == "," || $0.lower == "of" }
    }

    /// `Zed-8, which Acme shipped in May` / `Zed-8, a model Acme launched on May 2`: the release word
    /// comes shortly after the model and a comma, with no other model between.
    func isReportedByOwnClause(last: Int, cue: ReleaseWords.Match) -> Bool {
        let cueStart = cue.tokens.lowerBound
        guard last + 1 < tokens.count, tokens[last + 1].lower == ",", cueStart > last + 1, cueStart - last <= 10 else { return false }
        return !models.contains { let index = tokenIndex(at: Int(mentions[$0].start)); return index > last && index < cueStart }
    }

    static let ownVerbs: Set<String> = ["does", "did", "is", "was", "are", "were", "has", "had", "have", "can", "could", "will", "would",
                                        "remains", "remained", "works", "runs", "costs", "uses", "offers", "scores", "scored", "beats",
                                        "outperforms", "lags", "trails", "leads", "tops", "topped", "n't"]

    /// A model after the release word and a comma, followed by a verb of its own: the subject of another clause.
    func hasOwnVerb(first: Int, last: Int, cue: ReleaseWords.Match) -> Bool {
        guard first > cue.tokens.upperBound, tokens[cue.tokens.upperBound..<first].contains(where: { $0.lower == "," }) else { return false }
        var next = last + 1
        if next < tokens.count, ["also", "still", "now", "not"].contains(tokens[next].lower) { next += 1 }
        return next < tokens.count && Self.ownVerbs.contains(tokens[next].lower)
    }

    /// How a phrase is tied to the release word: governed by it, by nothing, or by a reporting word.
    enum PhraseTie: Int, Comparable {
        case reporting = 0, free = 1, release = 2
        static func < (a: PhraseTie, b: PhraseTie) -> Bool { a.rawValue < b.rawValue }
    }

    /// The clause's phrases that may date the release, with their ties: not a document's date (`an
    /// article published this week`), not another event's (`founded in 2015`, `raised … in October`);
    /// in a correction, not the date it corrects (`not May 4`).
    func releasePhrases(_ phrases: [Phrase], matches: [ReleaseWords.Match]) -> [(phrase: Phrase, tie: PhraseTie)] {
        var result: [(Phrase, PhraseTie)] = []
        for phrase in phrases {
            let windowStart = max(range.lowerBound, phrase.start - 60)
            let before = String(String.UnicodeScalarView(context.scalars[windowStart..<phrase.start])).lowercased()
            if ReleaseAttachment.datesADocument(before) { continue }
            let first = tokenIndex(at: phrase.start)
            if context.isCorrection, first >= 1,
               ["not", "than", "of"].contains(tokens[first - 1].lower) || (first >= 2 && tokens[first - 2].lower == "not") {
                continue
            }
            let governor = matches.last { $0.tokens.upperBound <= first
                && (Self.cueRoles.contains($0.role) || $0.role == .event || $0.role == .reporting) }
            // `…, on Thursday released GPT-4.5`, `On Monday Acme released`: a phrase right before a release
            // verb (its subject or an adverb may come between) is that verb's.
            let phraseEnd = tokenIndex(at: phrase.end - 1)
            if matches.contains(where: { match in
                guard match.role == .release || match.role == .arrival, match.tokens.lowerBound > phraseEnd,
                      match.tokens.lowerBound - phraseEnd <= 4 else { return false }
                return tokens[(phraseEnd + 1)..<match.tokens.lowerBound].allSatisfy { $0.isCapitalised || $0.lower.hasSuffix("ly") }
            }) {
                result.append((phrase, .release))
                continue
            }
            switch governor?.role {
            case .event?: continue
            case .reporting?: result.append((phrase, .reporting))
            case nil: result.append((phrase, .free))
            default: result.append((phrase, .release))
            }
        }
        return result
    }

    /// Each reported model with its date phrase (nil: the clause gives none). One model takes the phrase
    /// tied closest to the release word (in a correction, the last); several share a single phrase, or
    /// each takes the phrase attached to it (`ReleaseAttachment`).
    func pair(models clauseModels: [Int], phrases: [(phrase: Phrase, tie: PhraseTie)], cue: ReleaseWords.Match) -> [(Int, Phrase?)] {
        guard let bestTie = phrases.map(\.tie).max() else { return clauseModels.map { ($0, nil) } }
        let best = phrases.filter { $0.tie == bestTie }.map(\.phrase)
        if context.isCorrection || clauseModels.count == 1 && best.count == 1 {
            let chosen = context.isCorrection ? best.last! : best[0]
            return clauseModels.map { ($0, chosen) }
        }
        if clauseModels.count == 1 {
            let cueOffset = tokens[cue.tokens.lowerBound].start
            let chosen = best.min { abs($0.start - cueOffset) < abs($1.start - cueOffset) }!
            return [(clauseModels[0], chosen)]
        }
        var assigned: [Int: Phrase] = [:]
        for phrase in best {
            let nearest = ReleaseAttachment.nearest(clauseModels, mentions: mentions, start: phrase.start, end: phrase.end)
            let target = ReleaseAttachment.apposition(clauseModels, mentions: mentions, scalars: context.scalars, phraseStart: phrase.start)
                ?? ReleaseAttachment.appositiveOwner(of: nearest, in: clauseModels, mentions: mentions, scalars: context.scalars,
                                                     phraseStart: phrase.start)
                ?? ReleaseAttachment.clauseSubject(of: nearest, in: clauseModels, mentions: mentions, scalars: context.scalars,
                                                   phraseStart: phrase.start)
                ?? nearest
            for ordinal in ReleaseAttachment.coordinated(target, in: clauseModels, mentions: mentions, scalars: context.scalars)
            where assigned[ordinal] == nil {
                assigned[ordinal] = phrase
            }
        }
        // With one date, a model it is not attached to is not reported (`Zed-9, the model on which Zed-10
        // was built, came out in May`: Zed-10's date is not May).
        if best.count == 1 { return clauseModels.compactMap { ordinal in assigned[ordinal].map { (ordinal, $0) } } }
        return clauseModels.map { ordinal in
            if let phrase = assigned[ordinal] { return (ordinal, phrase) }
            let mention = mentions[ordinal]
            let closest = best.min { a, b in
                ReleaseAttachment.gap(Int(mention.start), Int(mention.end), a.start, a.end)
                    < ReleaseAttachment.gap(Int(mention.start), Int(mention.end), b.start, b.end)
            }
            return (ordinal, closest)
        }
    }

    // MARK: - Who

    /// The clause's subject, as far as releases go.
    struct Releaser {
        /// Who released what the release word's object names (subject, `it`, or the subject of the verb before).
        var organisation: Int32?
        /// Whether `organisation` is named in the clause (not `it`, not carried over).
        var isNamed = false
        /// An organisation mention in subject position: `the company` from here on.
        var fromMention: Int32?
        /// `was released by Acme`: the release word is passive; `agent` is after `by`.
        var isPassive = false
        var agent: Int32?
    }

    /// The subject of the clause's release word: the first organisation before it that no preposition or
    /// role word governs (`backed by`, `with`, `of`, `rivals`), or `it` / `the company`, or the
    /// subject of the clause before (`released X and launched Y`); for a passive, the agent after `by`.
    func subject(in clause: Range<Int>, matches: [ReleaseWords.Match], inherited: Int32?, discourse: Discourse) -> Releaser {
        var releaser = Releaser()
        let cue = mainCue(matches)
        let cueStart = cue.map(\.tokens.lowerBound) ?? clause.upperBound
        let cueOffset = tokens[min(cueStart, tokens.count - 1)].start
        let clauseStart = tokens[clause.lowerBound].start
        for ordinal in organisations {
            let start = Int(mentions[ordinal].start)
            guard start >= clauseStart, start < cueOffset || cue == nil, start < tokens[clause.upperBound - 1].end else { continue }
            if isGoverned(tokenIndex(at: start)) || isAttributive(ordinal) { continue }
            releaser.fromMention = mentions[ordinal].entity
            break
        }
        if let cue, cue.role == .release {
            var before = cueStart - 1
            if before >= clause.lowerBound, tokens[before].lower.hasSuffix("ly") { before -= 1 }
            if before >= clause.lowerBound, matches.contains(where: { $0.role == .passive && $0.tokens.upperBound == before + 1 }) {
                releaser.isPassive = true
                releaser.agent = organisations.first { ordinal in
                    let index = tokenIndex(at: Int(mentions[ordinal].start))
                    return index > cueStart && index < clause.upperBound && index >= 1 && tokens[index - 1].lower == "by"
                }.map { mentions[$0].entity }
            }
        }
        if let named = releaser.fromMention {
            releaser.organisation = named
            releaser.isNamed = true
        } else if matches.contains(where: { $0.role == .pronoun && $0.tokens.upperBound <= cueStart }) {
            releaser.organisation = discourse.organisation
        } else if let inherited, clause.lowerBound > 0 {
            releaser.organisation = inherited
        }
        return releaser
    }

    /// Who released one model: an organisation inside its name (`DeepSeek R1`), a possessive before it
    /// (`Aurora's previous flagship, Zed-8`), one in brackets after it (`Zed-9 (Aurora)`), the agent of a
    /// passive, the subject of the release word when the model is its object; else, for a model that
    /// is itself the subject (`Zed-8 came out in May`), the organisation the article is about.
    /// The second value says whether the sentence names it (not carried from elsewhere).
    func releasingOrganisation(of ordinal: Int, cue: ReleaseWords.Match, releaser: Releaser,
                               discourse: Discourse) -> (Int32?, Bool) {
        let model = mentions[ordinal]
        let modelStart = Int(model.start), modelEnd = Int(model.end)
        if let inside = organisations.first(where: { Int(mentions[$0].start) >= modelStart && Int(mentions[$0].end) <= modelEnd }) {
            return (mentions[inside].entity, true)
        }
        if let possessive = possessiveOrganisation(before: modelStart) { return (possessive, true) }
        if let owner = organisationBeforeWhose(modelStart: modelStart) { return (owner, true) }
        let after = tokenIndex(at: modelEnd)
        if after + 2 < tokens.count, tokens[after].lower == "(", let inside = organisations.first(where: {
            tokenIndex(at: Int(mentions[$0].start)) == after + 1 }) {
            return (mentions[inside].entity, true)
        }
        if releaser.isPassive { return (releaser.agent ?? discourse.organisation, releaser.agent != nil) }
        let cueOffset = tokens[cue.tokens.lowerBound].start
        let isObject = modelStart > cueOffset && cue.role != .arrival && cue.role != .due
        if isObject, cue.role != .noun, let organisation = releaser.organisation { return (organisation, releaser.isNamed) }
        if modelStart < cueOffset, let named = subjectAround(modelStart: modelStart, modelEnd: modelEnd, cueOffset: cueOffset) {
            return (named, true)
        }
        return (discourse.organisation, false)
    }

    /// For a model before its release word: the subject of a relative clause between them (`Zed-8, which
    /// Acme released in May`), or the main subject when that clause's subject is `it` (`Acme is preparing
    /// Zed-9, which it expects to release…`), or an organisation that speaks of it (`Acme said Zed-9 is due`).
    func subjectAround(modelStart: Int, modelEnd: Int, cueOffset: Int) -> Int32? {
        let governed = { (ordinal: Int) in self.isGoverned(self.tokenIndex(at: Int(self.mentions[ordinal].start))) || self.isAttributive(ordinal) }
        if let between = organisations.first(where: { Int(mentions[$0].start) >= modelEnd && Int(mentions[$0].end) <= cueOffset && !governed($0) }) {
            return mentions[between].entity
        }
        let modelToken = tokenIndex(at: modelStart), cueToken = tokenIndex(at: cueOffset)
        let relativeWithPronoun = modelToken + 1 < cueToken
            && tokens[(modelToken + 1)..<cueToken].contains { ["which", "that"].contains($0.lower) }
            && tokens[(modelToken + 1)..<cueToken].contains { ["it", "they"].contains($0.lower) }
        for ordinal in organisations.reversed() where Int(mentions[ordinal].end) <= modelStart && !governed(ordinal) {
            let orgToken = tokenIndex(at: Int(mentions[ordinal].end) - 1)
            let speaks = orgToken + 1 < tokens.count && ["said", "says", "announced", "confirmed", "expects", "plans"].contains(tokens[orgToken + 1].lower)
            if relativeWithPronoun || speaks { return mentions[ordinal].entity }
        }
        return nil
    }

    /// `Alibaba Group Holding Ltd. (9988.HK), whose Qwen2.5 family…`: the organisation before `whose`.
    func organisationBeforeWhose(modelStart: Int) -> Int32? {
        let modelToken = tokenIndex(at: modelStart)
        guard modelToken >= 1, tokens[modelToken - 1].lower == "whose" else { return nil }
        let whoseOffset = tokens[modelToken - 1].start
        // The last organisation before `whose`, with at most a bracket or a comma between.
        guard let ordinal = organisations.last(where: { Int(mentions[$0].end) <= whoseOffset }) else { return nil }
        let between = tokens[(tokenIndex(at: Int(mentions[ordinal].end) - 1) + 1)..<(modelToken - 1)]
        return between.count <= 10 ? mentions[ordinal].entity : nil
    }

    /// An organisation marked possessive within five tokens before a model, with only
    /// describing words between (`Aurora's previous flagship, Zed-8`, `Acme’s new Zed-9`).
    func possessiveOrganisation(before modelStart: Int) -> Int32? {
        let modelToken = tokenIndex(at: modelStart)
        for ordinal in organisations.reversed() {
            let end = Int(mentions[ordinal].end)
            guard end <= modelStart else { continue }
            let last = tokenIndex(at: end - 1)
            guard last < tokens.count, tokens[last].isPossessive, modelToken - last <= 6 else { return nil }
            let between = (last + 1)..<modelToken
            let interrupted = matches.contains { ($0.role == .release || $0.role == .arrival) && between.contains($0.tokens.lowerBound) }
                || models.contains { between.contains(tokenIndex(at: Int(mentions[$0].start))) }
            return interrupted ? nil : mentions[ordinal].entity
        }
        return nil
    }

    /// Words before an organisation that make it another party than the subject (lower case).
    static let otherPartyWords: Set<String> = [
        "by", "with", "from", "for", "to", "of", "at", "on", "in", "into", "via", "through", "using", "backed", "funded", "led", "owned",
        "including", "than", "like", "unlike", "rival", "rivals", "partner", "partners", "investor", "investors", "customer", "customers",
        "against", "versus", "vs", "alongside", "over", "among", "behind", "besides", "between", "as", "about", "toward", "towards",
    ]

    /// Whether the token at `index` is governed by a preposition or role word (one determiner may come between).
    func isGoverned(_ index: Int) -> Bool {
        guard index >= 1 else { return false }
        var previous = index - 1
        if ["the", "its", "a", "an", "their", "rival", "fellow"].contains(tokens[previous].lower), previous >= 1,
           Self.otherPartyWords.contains(tokens[previous - 1].lower) {
            previous -= 1
        }
        return Self.otherPartyWords.contains(tokens[previous].lower)
    }

    /// `Lumen Ventures-backed Aurora`: an organisation written as an adjective of the next name.
    func isAttributive(_ ordinal: Int) -> Bool {
        let end = Int(mentions[ordinal].end)
        guard end + 1 < context.scalars.count, context.scalars[end] == "-" else { return false }
        var cursor = end + 1
        var word = ""
        while cursor < context.scalars.count, context.scalars[cursor].properties.isAlphabetic {
            word.unicodeScalars.append(context.scalars[cursor])
            cursor += 1
        }
        return ["backed", "funded", "led", "owned", "based", "founded", "run", "controlled", "linked"].contains(word.lowercased())
    }

    /// The token that holds (or first follows) a paragraph offset: a binary search.
    func tokenIndex(at offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension ReleaseExtractor {
    /// Cheap test before the date rules: a date phrase needs a digit or one of these words.
    static let dateWords = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "day", "week", "month",
                            "year", "today", "tomorrow", "quarter", "half", "spring", "summer", "autumn", "fall", "winter", "ago", "end",
                            "q1", "q2", "q3", "q4", "h1", "h2"]

    static func mayHoldDate(_ sentence: String) -> Bool {
        if sentence.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return true }
        let lower = sentence.lowercased()
        return dateWords.contains { lower.containsUTF8($0) }
    }
}

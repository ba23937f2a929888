// SPDX-License-Identifier: Apache-2.0
// ~290 lines, one file: the rules that find people and organisations in an
// article without annotations share one set of checks (is this word a name
// word, a known place, a common word here); split, each rule would have to
// repeat them. The tokenizer is in DetectorWords.swift.

/// Finds the people and organisations an article names, from its text
/// alone, before the vocabulary is built (`CorpusBuilder.prepare`).
///
/// The rules are about the shape of the text, not lists of every name:
/// - people: a given name from the list followed by one or two capitalised
///   words (`Maya Okonkwo`); a Chinese family name followed by pinyin
///   (`Liang Wenfeng`); two capitalised words after a role or honorific
///   (`chief executive Koray Kavukcuoglu`, `Dr Ana Ruiz`), before or after a
///   speech verb (`said Ana Ruiz`, `Ana Ruiz said`), or before a comma and a
///   role (`Ana Ruiz, the founder of …`);
/// - organisations: capitalised words followed by a legal form or an industry
///   word (`Acme Labs`, `Acme Technology`), `Department of Commerce`,
///   and a capitalised name in an organisation's context (`start-up Acme`,
///   `Acme’s shares`, `investors in Acme`).
/// Checks common to all: a word the article also writes in lower case is a
/// common word when it starts a sentence (`Will`, `Generative`); words that
/// are places, known organisations or in the `not-name` list never make a
/// name; a name that is a known place or organisation is not a new one.
/// Places, the gazetteer and well-known people are found by the automaton,
/// not here. One pass over each paragraph's words: linear in the text.
public struct EntityDetector: Sendable {
    let rules: DetectionRules
    /// Lower-cased names of places (with demonyms), gazetteer organisations and known people.
    let knownNames: Set<String>
    /// Lower-cased single words that are places, demonyms or known organisations.
    let knownWords: Set<String>
    /// Lower-cased names of gazetteer organisations (with their legal forms dropped).
    let knownOrganisations: Set<String>
    /// Lower-cased place names without demonyms: `Palo Alto Networks` is a company, `Chinese AI` is not.
    let placeNames: Set<String>
    /// Surnames of well-known people, lower case: `Altman’s board` is no company.
    let knownSurnames: Set<String>
    /// Industry words that are also generic (`AI`, `Tech`): the word before them must not be a common word in the article.
    let weakSuffixes: Set<String>
    let notNames: Set<String>
    let orgSuffixes: Set<String>
    let orgOf: Set<String>
    let speechVerbs: Set<String>
    /// First words of model and product names as written (`Claude`, `Gemini`): `Claude Code` is no person, `Sam Altman` is (`SAM 2`).
    let productWords: Set<String>
    /// Words after a name that make it a product's (`Grace Blackwell chip`).
    let productCues: Set<String>

    public init(rules: DetectionRules, nameForms: NameForms, gazetteer: Gazetteer, productWords: Set<String> = []) {
        self.productWords = productWords
        self.rules = rules
        var names = Set<String>()
        var places = Set<String>()
        for (label, place) in nameForms.places {
            names.insert(label.lowercased())
            places.insert(label.lowercased())
            for name in place.demonyms + place.otherNames { names.insert(name.lowercased()) }
            for name in place.otherNames { places.insert(name.lowercased()) }
        }
        placeNames = places
        var organisations = Set<String>()
        for entry in gazetteer.entries {
            for name in entry.allNames {
                organisations.insert(name.lowercased())
                for form in nameForms.withoutLegalForms(name) { organisations.insert(form.lowercased()) }
            }
        }
        knownOrganisations = organisations
        names.formUnion(organisations)
        var surnames = Set<String>()
        for person in rules.people {
            for name in [person.name] + person.aliases { names.insert(name.lowercased()) }
            if let last = person.name.split(separator: " ").last { surnames.insert(last.lowercased()) }
        }
        knownSurnames = surnames
        weakSuffixes = rules.words("org-weak-suffix")
        knownNames = names
        knownWords = Set(names.filter { !$0.contains(" ") })
        notNames = rules.words("not-name")
        orgSuffixes = rules.words("org-suffix")
        orgOf = rules.words("org-of")
        speechVerbs = rules.words("person-verb")
        productCues = rules.words("product-after")
    }

    /// Detected names, sorted, each once; an organisation rule beats a person rule for the same name.
    public func names(in paragraphs: [String]) -> [DetectedName] {
        var lowerWords = WordHashes()
        var paragraphWords: [[Word]] = []
        for paragraph in paragraphs {
            let words = Self.words(of: paragraph)
            for word in words where !word.isCapitalised { lowerWords.insert(word.lowerHash) }
            paragraphWords.append(words)
        }
        var people = Set<String>(), organisations = Set<String>(), contextOrganisations = Set<String>()
        for words in paragraphWords {
            detect(words, lowerWords: lowerWords, people: &people, organisations: &organisations, contextOrganisations: &contextOrganisations)
        }
        // `Okonkwo’s board`: a surname of someone the article names is no company.
        let surnames = knownSurnames.union(people.compactMap { $0.split(separator: " ").last.map { $0.lowercased() } })
        organisations.formUnion(contextOrganisations.filter { !surnames.contains($0.lowercased()) })
        var result = organisations.map { DetectedName(type: .organisation, name: $0) }
        result += people.subtracting(organisations).map { DetectedName(type: .person, name: $0) }
        return result.sorted()
    }

    // MARK: - Rules

    func detect(_ words: [Word], lowerWords: WordHashes, people: inout Set<String>, organisations: inout Set<String>,
                contextOrganisations: inout Set<String>) {
        var index = 0
        while index < words.count {
            defer { index += 1 }
            guard words[index].isCapitalised else { continue }
            let hasNext = index + 1 < words.count && words[index + 1].joinedToPrevious && !words[index].isPossessive
            findOrganisations(at: index, hasNext: hasNext, words, lowerWords: lowerWords, organisations: &organisations,
                              contextOrganisations: &contextOrganisations)
            if hasNext, let last = findPerson(at: index, words, lowerWords: lowerWords, people: &people) { index = last }
        }
    }

    /// A word that may be part of a person's name here.
    func isPersonWord(_ words: [Word], _ index: Int, lowerWords: WordHashes) -> Bool {
        let word = words[index]
        guard word.isNameWord, !notNames.contains(word.text), !knownWords.contains(word.lower) else { return false }
        return !(word.startsSentence && lowerWords.contains(word.lowerHash))
    }

    func joined(_ words: [Word], _ range: ClosedRange<Int>) -> String { range.map { words[$0].text }.joined(separator: " ") }

    /// Lower-case words before `index` (at most `count`), nearest last, stopping at a sentence start.
    func wordsBefore(_ words: [Word], _ index: Int, _ count: Int) -> [String] {
        var result: [String] = []
        var position = index
        while result.count < count, position > 0, words[position].joinedToPrevious {
            position -= 1
            result.insert(words[position].lower, at: 0)
        }
        return result
    }

    func follows(_ words: [Word], _ index: Int, cue kind: String) -> Bool {
        let before = wordsBefore(words, index, 3)
        return (rules.cues[kind] ?? []).contains { cue in cue.count <= before.count && Array(before.suffix(cue.count)) == cue }
    }

    /// Organisations at a capitalised word: a name before a legal form or industry word, `X of Y`,
    /// and a name in an organisation's context (`start-up X`, `investors in X`, `X’s shares`).
    func findOrganisations(at index: Int, hasNext: Bool, _ words: [Word], lowerWords: WordHashes, organisations: inout Set<String>,
                           contextOrganisations: inout Set<String>) {
        let word = words[index]
        // Organisations: capitalised words, then a legal form or industry word.
        if hasNext, orgSuffixes.contains(words[index + 1].text),
           let first = organisationStart(words, endingAt: index, lowerWords: lowerWords, suffix: words[index + 1].text),
           !continuesName(words, at: first) {
            let name = joined(words, first...(index + 1))
            if !knownNames.contains(name.lowercased()) && !knownOrganisations.contains(joined(words, first...index).lowercased()) {
                // `Sovereign AI, a phrase …`: before a generic word, a name counts where it does not start a
                // sentence (the automaton then finds it at sentence starts too).
                if !(words[first].startsSentence && weakSuffixes.contains(words[index + 1].text)) { organisations.insert(name) }
            }
        }
        // `Department of Commerce`, `University of Tokyo`.
        if orgOf.contains(word.text), index + 2 < words.count, words[index + 1].text == "of", words[index + 1].joinedToPrevious,
           words[index + 2].joinedToPrevious, words[index + 2].isCapitalised, !notNames.contains(words[index + 2].text) {
            organisations.insert(joined(words, index...(index + 2)))
        }
        // Organisation contexts: `start-up X`, `investors in X`, `X’s shares`.
        if isOrganisationWord(words, index, lowerWords: lowerWords), !(hasNext && words[index + 1].isCapitalised) {
            let before = index > 0 && word.joinedToPrevious && follows(words, index, cue: "org-before")
            var after = false
            if word.isPossessive, index + 1 < words.count {
                let next = words[index + 1].lower
                let nextTwo = index + 2 < words.count ? next + " " + words[index + 2].lower : next
                after = (rules.cues["org-possessive"] ?? []).contains { cue in
                    let phrase = cue.joined(separator: " ")
                    return phrase == next || phrase == nextTwo
                }
            }
            if before || after { contextOrganisations.insert(word.text) }
        }
    }

    /// A person's name starting at `index` (the next word is joined to it): a given name, a family
    /// name first, or two capitalised words in a person's context. The last word taken, or nil.
    func findPerson(at index: Int, _ words: [Word], lowerWords: WordHashes, people: inout Set<String>) -> Int? {
        let word = words[index]
        let next = index + 1
        guard isPersonWord(words, next, lowerWords: lowerWords) || (rules.chineseSurnames.contains(word.text) && words[next].isNameWord) else {
            return nil
        }
        // A given name: `Maya Okonkwo`, `Mary Ann Smith` (the middle word a given name too).
        if rules.givenNames.contains(word.text), isPersonWord(words, next, lowerWords: lowerWords), isGivenNameHere(words, index, lowerWords: lowerWords) {
            var last = next
            if rules.givenNames.contains(words[next].text), next + 1 < words.count, words[next + 1].joinedToPrevious,
               !words[next].isPossessive, isPersonWord(words, next + 1, lowerWords: lowerWords), !rules.givenNames.contains(words[next + 1].text) {
                last = next + 1
            }
            addPerson(words, index...last, people: &people)
            return last
        }
        // Family name first: `Liang Wenfeng`, `Yang Zhilin`.
        if rules.chineseSurnames.contains(word.text), !(word.startsSentence && lowerWords.contains(word.lowerHash)),
           words[next].isNameWord, !knownWords.contains(words[next].lower),
           words[next].lower.split(separator: "-").allSatisfy({ rules.isPinyin(String($0)) }) {
            addPerson(words, index...next, people: &people)
            return next
        }
        // Two capitalised words in a person's context.
        guard isPersonWord(words, index, lowerWords: lowerWords) || (word.isNameWord && !notNames.contains(word.text) && !knownWords.contains(word.lower)
                                                                   && follows(words, index, cue: "person-before")) else { return nil }
        guard hasPersonRole(around: index, words) else { return nil }
        addPerson(words, index...next, people: &people)
        return next
    }

    /// A role word before two capitalised words (`chief executive`, `said`) or after them (`says`, `, the founder of`).
    func hasPersonRole(around index: Int, _ words: [Word]) -> Bool {
        let next = index + 1
        if words[index].joinedToPrevious && (follows(words, index, cue: "person-before") || follows(words, index, cue: "person-verb")) { return true }
        var roleAfter = false
        if next + 1 < words.count, !words[next].isPossessive {
            let after = words[next + 1]
            if after.joinedToPrevious && speechVerbs.contains(after.text) { roleAfter = true }
            if after.commaBefore {
                var position = next + 1
                if ["the", "a", "an", "its", "their"].contains(words[position].text), position + 1 < words.count { position += 1 }
                let phrase = ([words[position].text] + (position + 1 < words.count ? [words[position + 1].text] : [])).map { $0.lowercased() }
                roleAfter = (rules.cues["person-after"] ?? []).contains { cue in Array(phrase.prefix(cue.count)) == cue }
            }
        }
        return roleAfter
    }

    func addPerson(_ words: [Word], _ range: ClosedRange<Int>, people: inout Set<String>) {
        let name = joined(words, range)
        guard !knownNames.contains(name.lowercased()), !range.contains(where: { orgSuffixes.contains(words[$0].text) }),
              !productWords.contains(words[range.lowerBound].text) else { return }
        // The tail of an institution's name: `Centre for Strategic Studies`, `Bank of Sam Altman`.
        if range.lowerBound > 1, words[range.lowerBound].joinedToPrevious, words[range.lowerBound - 1].joinedToPrevious,
           ["of", "for", "&"].contains(words[range.lowerBound - 1].text), words[range.lowerBound - 2].isCapitalised { return }
        // A product's name: after a product code (`GB10 Grace Blackwell`) or before a product word (`… chip`).
        if range.lowerBound > 0, words[range.lowerBound].joinedToPrevious,
           words[range.lowerBound - 1].text.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return }
        if range.upperBound + 1 < words.count, words[range.upperBound + 1].joinedToPrevious,
           productCues.contains(words[range.upperBound + 1].lower) { return }
        // The word after is an industry word: the name is an organisation's (`Morgan Stanley Capital`).
        if range.upperBound + 1 < words.count, words[range.upperBound + 1].joinedToPrevious,
           orgSuffixes.contains(words[range.upperBound + 1].text) { return }
        people.insert(name)
    }

    /// A given name counts unless it is a common word here (sentence-initial
    /// and written in lower case elsewhere: `Will`, `Grant`) or a month after
    /// a preposition (`in June Nvidia …`).
    func isGivenNameHere(_ words: [Word], _ index: Int, lowerWords: WordHashes) -> Bool {
        let word = words[index]
        if word.startsSentence && lowerWords.contains(word.lowerHash) { return false }
        if notNames.contains(word.text) && index > 0 && word.joinedToPrevious
            && ["in", "by", "since", "until", "from", "before", "after", "of", "last", "next", "this", "early", "late", "mid", "on"]
                .contains(words[index - 1].lower) { return false }
        return true
    }

    /// A capitalised word that may name an organisation: not a known place
    /// or organisation, not a not-name word, not a common word starting a sentence.
    func isOrganisationWord(_ words: [Word], _ index: Int, lowerWords: WordHashes) -> Bool {
        let word = words[index]
        guard word.isCapitalised, word.text.unicodeScalars.count >= 2, !notNames.contains(word.text),
              !knownWords.contains(word.lower), !orgSuffixes.contains(word.text) else { return false }
        if rules.givenNames.contains(word.text) { return false }
        return !(word.startsSentence && lowerWords.contains(word.lowerHash))
    }

    /// The capitalised word before `index` could not start a name (a known
    /// organisation, a legal form, `AI`): the words from `index` are the tail
    /// of a longer name (`Alibaba Group Holding Ltd`, `AI Safety Institute`), not one of their own.
    func continuesName(_ words: [Word], at index: Int) -> Bool {
        index > 0 && words[index].joinedToPrevious && words[index - 1].isCapitalised && !words[index - 1].isPossessive
            && !notNames.contains(words[index - 1].text)
    }

    /// The first of up to three capitalised words ending at `end` that make
    /// an organisation's name before a legal form or industry word.
    func organisationStart(_ words: [Word], endingAt end: Int, lowerWords: WordHashes, suffix: String) -> Int? {
        let isWeak = weakSuffixes.contains(suffix)
        /// A word of the name; a place name may start one before a specific industry word (`Palo Alto Networks`), not before a generic one.
        func isNamePart(_ index: Int) -> Bool {
            let word = words[index]
            let lower = word.lower
            if isWeak && (lowerWords.contains(words[index].lowerHash) || Self.looksLikeAdjective(lower)) { return false }
            if isOrganisationWord(words, index, lowerWords: lowerWords) { return true }
            return !isWeak && word.isCapitalised && placeNames.contains(lower) && !notNames.contains(word.text)
                && !(word.startsSentence && lowerWords.contains(words[index].lowerHash))
        }
        guard isNamePart(end) || (!isWeak && words[end].isCapitalised && !notNames.contains(words[end].text)
                                  && !knownWords.contains(words[end].lower)
                                  && !(words[end].startsSentence && lowerWords.contains(words[end].lowerHash)))
        else { return nil }
        var first = end
        while first > end - 2, first > 0, words[first].joinedToPrevious, !words[first - 1].isPossessive, isNamePart(first - 1) {
            first -= 1
        }
        // `Google Cloud’s Vertex AI`: a generic industry word after a company's possessive names its product.
        if isWeak, first > 0, words[first].joinedToPrevious, words[first - 1].isPossessive, words[first - 1].isCapitalised { return nil }
        // `Palo Alto` alone before `Networks` is fine; a place alone before a weak word was refused above.
        return first
    }

    /// English adjective endings (`Generative`, `Physical`, `Sovereign`… not all): before `AI` they describe, not name.
    static func looksLikeAdjective(_ word: String) -> Bool {
        ["al", "ive", "ic", "ous", "ble", "ed", "ing", "ent", "ful", "less", "ical"].contains { word.count > $0.count + 2 && word.hasSuffix($0) }
    }
}

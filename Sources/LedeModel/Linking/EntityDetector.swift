// ~330 lines, one file: the rules that find people and organisations in an
// article without annotations share one tokenizer and one set of checks
// (is this word a name word, a known place, a common word here); split, each
// rule would have to repeat them.

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
///   word (`Corvid Labs`, `Lanting Technology`), `Department of Commerce`,
///   and a capitalised name in an organisation's context (`start-up Corvid`,
///   `Corvid’s shares`, `investors in Corvid`).
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
    /// First words of model and product names, lower case (`claude`, `gemini`): `Claude Code` is no person.
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

    /// One word of a paragraph, as UTF-8 offsets.
    struct Word {
        var start: Int
        var end: Int
        /// As written for capitalised words; lower case for the others.
        var text: String
        /// Lower case.
        var lower: String
        /// FNV-1a of the lower-case UTF-8 bytes: the article's set of common words holds these, not strings.
        var lowerHash: UInt64
        /// Starts with a capital and has a lower-case letter after it, camel
        /// case only after a name prefix (`LeCun`, `McCarthy`): a word a name is made of.
        var isNameWord: Bool
        /// Starts with a capital letter (names of organisations may be camel case or capitals: `DeepSeek`, `SAP`).
        var isCapitalised: Bool
        /// First word of the paragraph or after `.`, `!`, `?`, `:` or an opening quote.
        var startsSentence: Bool
        /// Only a space between the previous word and this one (and that word no adjective such as `Georgia-based`).
        var joinedToPrevious: Bool
        /// A comma (and a space) between the previous word and this one.
        var commaBefore: Bool
        /// Followed by `’s` or `'s`.
        var isPossessive: Bool
        /// Was `Georgia-based`, `Zuckerberg-led`: an adjective, not part of the name after it.
        var isAttributive = false
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

    /// Splits a paragraph into words: letters and digits, joined by an
    /// inner hyphen or apostrophe (`Al-Dahle`, `O'Brien`); a trailing `’s` is a possessive.
    static func words(of paragraph: String) -> [Word] {
        var paragraph = paragraph
        return paragraph.withUTF8 { words(ofUTF8: $0) }
    }

    /// The tokenizer on UTF-8 bytes: ASCII decides by byte, and only the
    /// bytes of other scalars are decoded (a Unicode property lookup per
    /// letter made this pass as slow as all of linking). Offsets are bytes.
    static func words(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
        let count = bytes.count
        /// The scalar at `index` (a lead byte) and its length in bytes.
        func scalar(at index: Int) -> (Unicode.Scalar, Int) {
            let lead = bytes[index]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            guard index + length <= count else { return ("\u{FFFD}", 1) }
            var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            for offset in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }
        /// A letter or digit at `index`: its length in bytes, or 0.
        func letterLength(at index: Int) -> Int {
            let byte = bytes[index]
            if byte < 0x80 { return (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) ? 1 : 0 }
            if byte < 0xC0 { return 0 }
            let (value, length) = scalar(at: index)
            return value.properties.isAlphabetic ? length : 0
        }
        /// `’` (E2 80 99) at `index`.
        func isRightQuote(_ index: Int) -> Bool {
            index + 2 < count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
        }
        var words: [Word] = []
        var index = 0
        var gapStart = 0
        while index < count {
            let first = letterLength(at: index)
            guard first > 0 else { index += 1; continue }
            let start = index
            index += first
            var possessive = false
            while index < count {
                let length = letterLength(at: index)
                if length > 0 { index += length; continue }
                let joiner = bytes[index] == 0x2D || bytes[index] == 0x27 ? 1 : isRightQuote(index) ? 3 : 0
                guard joiner > 0, index + joiner < count, letterLength(at: index + joiner) > 0 else { break }
                if bytes[index] != 0x2D, bytes[index + joiner] == 0x73,
                   index + joiner + 1 == count || letterLength(at: index + joiner + 1) == 0 {
                    possessive = true
                    break
                }
                index += joiner
            }
            var end = index
            if possessive { index += bytes[index] == 0x27 ? 2 : 4 }
            // `Zuckerberg-led`, `Beijing-based`: the name ends at the hyphen.
            var isAttributive = false
            if let hyphen = bytes[start..<end].lastIndex(of: 0x2D), hyphen > start,
               Self.attributiveEndings.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[(hyphen + 1)..<end]), as: UTF8.self).lowercased()) {
                end = hyphen
                isAttributive = true
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            var startsSentence = words.isEmpty
            var position = gapStart
            while !startsSentence && position < start {
                let byte = bytes[position]
                // . ! ? : ; " ( and “ (E2 80 9C) or — (E2 80 94).
                if byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3A || byte == 0x3B || byte == 0x22 || byte == 0x28 {
                    startsSentence = true
                } else if byte == 0xE2, position + 2 < start, bytes[position + 1] == 0x80, bytes[position + 2] == 0x9C || bytes[position + 2] == 0x94 {
                    startsSentence = true
                }
                position += 1
            }
            let lead = bytes[start]
            let isCapitalised = lead < 0x80 ? (lead >= 0x41 && lead <= 0x5A) : scalar(at: start).0.properties.isUppercase
            let gap = start - gapStart
            // Most words are lower case already: no lowercasing (an allocation) for them.
            let lower = bytes[start..<end].contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }) ? text.lowercased() : text
            var lowerHash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in lower.utf8 { lowerHash = (lowerHash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            words.append(Word(start: start, end: end, text: isCapitalised ? text : lower, lower: lower, lowerHash: lowerHash,
                              isNameWord: isCapitalised && Self.isNameShape(text.unicodeScalars),
                              isCapitalised: isCapitalised, startsSentence: startsSentence,
                              joinedToPrevious: !words.isEmpty && !words[words.count - 1].isAttributive && gap == 1 && bytes[gapStart] == 0x20,
                              commaBefore: gap == 2 && bytes[gapStart] == 0x2C && bytes[gapStart + 1] == 0x20,
                              isPossessive: possessive, isAttributive: isAttributive))
            gapStart = index
        }
        return words
    }

    /// Words after a hyphen that make a name an adjective (`Zuckerberg-led`, `Hangzhou-based`).
    static let attributiveEndings: Set<String> = ["led", "backed", "owned", "based", "era", "style", "like", "funded", "founded", "made",
                                                  "run", "linked", "controlled", "focused", "native", "sized", "born", "listed", "headquartered"]

    /// Capital, then a lower-case letter; later capitals only after a hyphen
    /// or apostrophe or a name prefix (`Mc`, `Mac`, `Le`, `De`, `Di`, `La`, `O'`).
    static func isNameShape(_ scalars: String.UnicodeScalarView) -> Bool {
        let letters = Array(scalars)
        guard letters.count >= 2 else { return false }
        guard letters[1].properties.isLowercase else { return false }
        for offset in 2..<letters.count where letters[offset].properties.isUppercase {
            let previous = letters[offset - 1]
            if previous == "-" || previous == "'" || previous == "\u{2019}" { continue }
            let prefix = String(String.UnicodeScalarView(letters[0..<offset]))
            if ["Mc", "Mac", "Le", "De", "Di", "La", "Du"].contains(prefix) { continue }
            return false
        }
        return true
    }

    // MARK: - Rules

    func detect(_ words: [Word], lowerWords: WordHashes, people: inout Set<String>, organisations: inout Set<String>,
                contextOrganisations: inout Set<String>) {
        /// A word that may be part of a person's name here.
        func isPersonWord(_ index: Int) -> Bool {
            let word = words[index]
            guard word.isNameWord, !notNames.contains(word.text), !knownWords.contains(word.lower) else { return false }
            return !(word.startsSentence && lowerWords.contains(word.lowerHash))
        }
        func joined(_ range: ClosedRange<Int>) -> String { range.map { words[$0].text }.joined(separator: " ") }
        /// Lower-case words before `index` (at most `count`), nearest last, stopping at a sentence start.
        func wordsBefore(_ index: Int, _ count: Int) -> [String] {
            var result: [String] = []
            var position = index
            while result.count < count, position > 0, words[position].joinedToPrevious {
                position -= 1
                result.insert(words[position].lower, at: 0)
            }
            return result
        }
        func follows(_ index: Int, cue kind: String) -> Bool {
            let before = wordsBefore(index, 3)
            return (rules.cues[kind] ?? []).contains { cue in cue.count <= before.count && Array(before.suffix(cue.count)) == cue }
        }
        func addPerson(_ range: ClosedRange<Int>) {
            let name = joined(range)
            guard !knownNames.contains(name.lowercased()), !range.contains(where: { orgSuffixes.contains(words[$0].text) }),
                  !productWords.contains(words[range.lowerBound].lower) else { return }
            // The tail of an institution's name: `Centre for Strategic Studies`, `Bank of Sam Altman`.
            if range.lowerBound > 1, words[range.lowerBound].joinedToPrevious, words[range.lowerBound - 1].joinedToPrevious,
               ["of", "for", "and", "&"].contains(words[range.lowerBound - 1].text), words[range.lowerBound - 2].isCapitalised { return }
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

        var index = 0
        while index < words.count {
            defer { index += 1 }
            let word = words[index]
            guard word.isCapitalised else { continue }
            let hasNext = index + 1 < words.count && words[index + 1].joinedToPrevious && !word.isPossessive
            // Organisations: capitalised words, then a legal form or industry word.
            if hasNext, orgSuffixes.contains(words[index + 1].text),
               let first = organisationStart(words, endingAt: index, lowerWords: lowerWords, suffix: words[index + 1].text),
               !continuesName(words, at: first) {
                let name = joined(first...(index + 1))
                if !knownNames.contains(name.lowercased()) && !knownOrganisations.contains(joined(first...index).lowercased()) {
                    // `Sovereign AI, a phrase …`: before a generic word, a name counts where it does not start a
                    // sentence (the automaton then finds it at sentence starts too).
                    if !(words[first].startsSentence && weakSuffixes.contains(words[index + 1].text)) { organisations.insert(name) }
                }
            }
            // `Department of Commerce`, `University of Tokyo`.
            if orgOf.contains(word.text), index + 2 < words.count, words[index + 1].text == "of", words[index + 1].joinedToPrevious,
               words[index + 2].joinedToPrevious, words[index + 2].isCapitalised, !notNames.contains(words[index + 2].text) {
                organisations.insert(joined(index...(index + 2)))
            }
            // Organisation contexts: `start-up X`, `investors in X`, `X’s shares`.
            if isOrganisationWord(words, index, lowerWords: lowerWords), !(hasNext && words[index + 1].isCapitalised) {
                let before = index > 0 && word.joinedToPrevious && follows(index, cue: "org-before")
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
            guard hasNext, isPersonWord(index + 1) || (rules.chineseSurnames.contains(word.text) && words[index + 1].isNameWord) else { continue }
            let next = index + 1
            // A given name: `Maya Okonkwo`, `Mary Ann Smith` (the middle word a given name too).
            if rules.givenNames.contains(word.text), isPersonWord(next), isGivenNameHere(words, index, lowerWords: lowerWords) {
                var last = next
                if rules.givenNames.contains(words[next].text), next + 1 < words.count, words[next + 1].joinedToPrevious,
                   !words[next].isPossessive, isPersonWord(next + 1), !rules.givenNames.contains(words[next + 1].text) {
                    last = next + 1
                }
                addPerson(index...last)
                index = last
                continue
            }
            // Family name first: `Liang Wenfeng`, `Yang Zhilin`.
            if rules.chineseSurnames.contains(word.text), !(word.startsSentence && lowerWords.contains(word.lowerHash)),
               words[next].isNameWord, !knownWords.contains(words[next].lower),
               words[next].lower.split(separator: "-").allSatisfy({ rules.isPinyin(String($0)) }) {
                addPerson(index...next)
                index = next
                continue
            }
            // Two capitalised words in a person's context.
            guard isPersonWord(index) || (word.isNameWord && !notNames.contains(word.text) && !knownWords.contains(word.lower)
                                          && follows(index, cue: "person-before")) else { continue }
            let roleBefore = word.joinedToPrevious && (follows(index, cue: "person-before") || follows(index, cue: "person-verb"))
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
            if roleBefore || roleAfter {
                addPerson(index...next)
                index = next
            }
        }
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

/// A set of word hashes with open addressing: inserting every word of an
/// article into a `Set<String>` was a third of the detector's time.
struct WordHashes {
    private var slots = [UInt64](repeating: 0, count: 1024)
    private var count = 0

    mutating func insert(_ hash: UInt64) {
        let value = hash == 0 ? 1 : hash
        if (count + 1) * 2 > slots.count { grow() }
        var index = Int(truncatingIfNeeded: value) & (slots.count - 1)
        while slots[index] != 0 {
            if slots[index] == value { return }
            index = (index + 1) & (slots.count - 1)
        }
        slots[index] = value
        count += 1
    }

    func contains(_ hash: UInt64) -> Bool {
        let value = hash == 0 ? 1 : hash
        var index = Int(truncatingIfNeeded: value) & (slots.count - 1)
        while slots[index] != 0 {
            if slots[index] == value { return true }
            index = (index + 1) & (slots.count - 1)
        }
        return false
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        count = 0
        for value in old where value != 0 { insert(value) }
    }
}

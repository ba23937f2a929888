// SPDX-License-Identifier: Apache-2.0
import LedeText

/// Finds the AI models an article names that nothing knows yet, from how
/// news text introduces them, and the organisations it says released them.
///
/// A name is a run of words that start with a capital or hold a digit (`Zed-9
/// Mini`, `Orbit 2`, `o3-mini`), with tier words after a version (`Pro`,
/// `mini`). It is taken as a model when
/// - it holds a version (a digit) and its sentence speaks of releases or
///   models (`released Zed-9`, `the Zed-9 model`, `Zed-9 came out`), or it
///   belongs to a family the article already introduced (`Zed-8` after `Zed-9`);
/// - it holds no digit but is introduced as a model: `a model called Zed`,
///   `Zed, a reasoning model`, `the Zed model`, `its new model Zed`, or listed
///   after `models:`.
/// It is not a model when a noun after it makes it something else (`the T-9
/// chip`, `the ABC-2 benchmark`), when a title comes before it (`Dr. Sora`),
/// when a speech verb follows a name without digits (`Sora said`), or when it
/// is a known organisation, family or product, a date or a quarter.
///
/// Organisations: the capitalised name right before a release verb (`Vantor
/// on Tuesday released…`) and the possessive before a found model (`Vantor's
/// Zed-9`) are organisations, unless they are people, places or models.
public struct ModelNameFinder: Sendable {
    public struct Words: Sendable {
        var modelNouns: Set<String>
        var otherHeads: Set<String>
        var introductions: [[String]]
        /// Capitalised words that never start a model's name (`Unlike`, `Rivals`), as written.
        var notStarts: Set<String>
        /// Model nouns and introductions: a sentence with none of them (and no release word) only names family members.
        let speaking: WordSet

        init(modelNouns: Set<String>, otherHeads: Set<String>, introductions: [[String]], notStarts: Set<String>) {
            self.modelNouns = modelNouns
            self.otherHeads = otherHeads
            self.introductions = introductions
            self.notStarts = notStarts
            speaking = WordSet(modelNouns.union(introductions.map { $0[0] }))
        }

        public static let bundled: Words = {
            var nouns = Set<String>(), heads = Set<String>(), intros: [[String]] = [], notStarts = Set<String>()
            for line in ModelResources.lines("model-words.tsv") {
                let columns = line.split(separator: "\t").map(String.init)
                guard columns.count == 2 else { continue }
                switch columns[0] {
                case "model-noun": nouns.insert(columns[1])
                case "other-head": heads.insert(columns[1])
                case "intro": intros.append(columns[1].split(separator: " ").map(String.init))
                case "not-start": notStarts.insert(columns[1])
                default: break
                }
            }
            return Words(modelNouns: nouns, otherHeads: heads, introductions: intros, notStarts: notStarts)
        }()

        var fingerprint: String {
            (modelNouns.sorted() + ["|"] + otherHeads.sorted() + ["|"] + introductions.map { $0.joined(separator: " ") } + ["|"] + notStarts.sorted())
                .joined(separator: ",")
        }
    }

    let words: Words
    let releaseWords: ReleaseWords
    /// Tier words, as written (`Pro`, `mini`).
    let tiers: Set<String>
    /// Capitalised words that never start a name (`The`, `Monday`), as written.
    let notNames: Set<String>
    /// Words before a person's name (`dr`, `chief executive`), lower case, single words only.
    let titles: Set<String>
    let personVerbs: Set<String>
    let givenNames: Set<String>
    /// Lower-case names that are no model: known organisations, places, families and products.
    let notModels: Set<String>
    /// Lower-case names the catalogue knows: found by the linker already.
    let known: Set<String>
    /// Lower-case words of the names the catalogue knows (`gpt-4o`, `r1`): a sentence whose versions are all
    /// among them names no new model.
    let knownWords: Set<String>
    /// Lower-case names of known organisations: before a family word they are the maker (`Meta Llama 5`).
    let organisationNames: Set<String>
    /// Lower-case first words of known model families (`nova`, `claude`): a family word and a capitalised
    /// word make a model's name without a version (`Nova Micro`, `Claude Opus`).
    let familyWords: Set<String>

    public init(words: Words = .bundled, releaseWords: ReleaseWords = .bundled, tiers: [String], rules: DetectionRules,
                notModels: Set<String>, known: Set<String>, organisationNames: Set<String> = [], familyWords: Set<String> = []) {
        self.words = words
        self.releaseWords = releaseWords
        self.tiers = Set(tiers)
        notNames = Set((rules.cues["not-name"] ?? []).map { $0.joined(separator: " ") }).union(words.notStarts)
        titles = Set((rules.cues["person-before"] ?? []).filter { $0.count == 1 }.map { $0[0] })
        personVerbs = Set((rules.cues["person-verb"] ?? []).map { $0.joined(separator: " ") })
        givenNames = rules.givenNames
        self.notModels = notModels
        self.known = known
        knownWords = Set(known.flatMap { $0.split(separator: " ").map(String.init) })
        self.organisationNames = organisationNames
        self.familyWords = familyWords
    }

    public var fingerprint: String { "model-names-1\n" + words.fingerprint }

    /// What an article introduces: model names, and organisations that released something.
    public struct Found: Sendable, Equatable {
        public var models: [String] = []
        public var organisations: [String] = []
    }

    /// The models and releasing organisations of an article's paragraphs; `organisations` are names the
    /// article is already known to call organisations (they are never models, and may start a model's name).
    public func find(in paragraphs: [String], organisations: Set<String>) -> Found {
        var state = FindState(organisationKeys: Set(organisations.map { $0.lowercased() }))
        // Sentences with a version but no word about models or releases: read only for family members.
        var quiet: [(scalars: [Unicode.Scalar], range: Range<Int>)] = []
        for paragraph in paragraphs where Self.mayNameModel(utf8: paragraph) {
            var text = paragraph
            // Sentences are tested on their bytes; only those that may name a new model become scalars.
            let pieces: [(sentence: String, speaks: Bool)] = text.withUTF8 { bytes in
                Sentences.byteRanges(in: bytes).flatMap { range -> [(String, Bool)] in
                    let sentence = UnsafeBufferPointer(rebasing: bytes[range])
                    guard Self.mayNameModel(bytes: sentence) else { return [] }
                    // Read closely: a sentence that introduces models by name, or has a new version and a release
                    // word. A new version alone may be a family member (kept for later); anything else names none.
                    let introduces = words.speaking.intersects(sentence)
                    guard introduces || hasNewVersion(bytes: sentence) else { return [] }
                    let speaks = introduces || releaseWords.cueWords.intersects(sentence)
                    return [(String(decoding: sentence, as: UTF8.self), speaks)]
                }
            }
            for (sentence, speaks) in pieces {
                let scalars = Array(sentence.unicodeScalars)
                for window in Sentences.windows(of: 0..<scalars.count, in: scalars, maximum: ReleaseExtractor.longestSentence) {
                    if speaks {
                        read(SentenceNames(finder: self, scalars: scalars, range: window, organisations: state.organisationKeys), into: &state)
                    } else {
                        quiet.append((scalars, window))
                    }
                }
            }
        }
        // Members of a family the article introduced, wherever they stand (`Zed-8` after `Zed-9`).
        if !state.families.isEmpty {
            let familyWords = WordSet(state.families)
            for sentence in quiet where familyWords.intersects(sentence.scalars[sentence.range]) {
                let reading = SentenceNames(finder: self, scalars: sentence.scalars, range: sentence.range, organisations: state.organisationKeys)
                for name in reading.models() where name.hasVersion && !name.isRejected { state.later.append((name.text, name.family)) }
            }
        }
        var found = state.found
        for candidate in state.later where state.families.contains(candidate.family) {
            let key = Normalisation.nameKey(candidate.text)
            guard !state.rejected.contains(key), state.seen.insert(key).inserted, !known.contains(candidate.text.lowercased()) else { continue }
            found.models.append(candidate.text)
        }
        found.organisations.removeAll { state.seen.contains(Normalisation.nameKey($0)) || state.organisationKeys.contains($0.lowercased()) }
        return found
    }

    /// What the finder has learnt of an article so far.
    struct FindState {
        var organisationKeys: Set<String>
        var found = Found()
        var seen = Set<String>(), seenOrganisations = Set<String>(), rejected = Set<String>(), families = Set<String>()
        var later: [(text: String, family: String)] = []
    }

    /// One sentence that speaks of models or releases: its names and the makers it names.
    func read(_ reading: SentenceNames, into state: inout FindState) {
        for name in reading.models() {
            let key = Normalisation.nameKey(name.text)
            guard !state.rejected.contains(key) else { continue }
            if name.isRejected { state.rejected.insert(key); continue }
            if name.isModel {
                // A name the catalogue knows introduces no family of its own: the catalogue knows its members.
                let isKnown = known.contains(name.text.lowercased())
                if state.seen.insert(key).inserted, !isKnown { state.found.models.append(name.text) }
                if name.hasVersion, !isKnown { state.families.insert(name.family) }
            } else if name.hasVersion {
                state.later.append((name.text, name.family))
            }
        }
        for organisation in reading.releasers(models: state.seen) where state.seenOrganisations.insert(organisation.lowercased()).inserted {
            state.found.organisations.append(organisation)
        }
    }
}

extension ModelNameFinder {
    /// Whether a sentence holds a version nothing knows (see `hasNewVersion(_:)`), on its UTF-8 bytes.
    func hasNewVersion(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        hasNewVersion(bytes.lazy.map { Unicode.Scalar($0 < 0x80 ? $0 : 0x5F) })
    }

    /// Whether a sentence holds a version nothing knows: a word with a digit that is no year, number or
    /// amount and not a word of a known model's name (`GPT-4o`), or a number after a capitalised word that
    /// is no month (`Orbit 2`). A sentence without one, and without a word that introduces a model,
    /// names no new model.
    func hasNewVersion<S: Sequence>(_ scalars: S) -> Bool where S.Element == Unicode.Scalar {
        var word: [UInt8] = []
        var hasDigit = false, startsWithDigit = false
        var previousWord: [UInt8] = []
        func ends() -> Bool {
            defer { previousWord = word; word.removeAll(keepingCapacity: true); hasDigit = false; startsWithDigit = false }
            guard hasDigit else { return false }
            if startsWithDigit {
                // A number is a version after a capitalised word that is no month (`Orbit 2`, not `March 2`).
                guard let first = previousWord.first, first >= 0x41 && first <= 0x5A else { return false }
                return !Self.monthWords.contains(String(decoding: previousWord, as: UTF8.self))
            }
            return !knownWords.contains(String(decoding: word, as: UTF8.self).lowercased())
        }
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80, (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A || (value >= 0x30 && value <= 0x39)
                || (!word.isEmpty && (value == 0x2D || value == 0x2E)) {
                if word.isEmpty { startsWithDigit = value >= 0x30 && value <= 0x39 }
                if value >= 0x30 && value <= 0x39 { hasDigit = true }
                word.append(UInt8(value))
            } else if value >= 0x80 {
                word.append(0x5F)
            } else if !word.isEmpty {
                while let last = word.last, last == 0x2E || last == 0x2D { word.removeLast() }
                if ends() { return true }
            }
        }
        while let last = word.last, last == 0x2E || last == 0x2D { word.removeLast() }
        return ends()
    }

    static let monthWords: Set<String> = Set(CalendarDate.monthNames + CalendarDate.monthNames.map { String($0.prefix(3)) } + ["Sept"])

    /// Cheap test before a sentence is read: a model's name needs a digit inside or after a word
    /// (`Zed-9`, `Orbit 2`), or an introduction (`model`, `LLM`, `chatbot`, `called`, `named`, `dubbed`).
    static func mayNameModel(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var previous: Unicode.Scalar = " "
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                let isLetter = previous.value < 0x80 ? (previous.value | 0x20) >= 0x61 && (previous.value | 0x20) <= 0x7A
                    : previous.properties.isAlphabetic
                if isLetter || previous == "-" || previous == " " { return true }
            } else if scalar == "m" || scalar == "M" || scalar == "L" || scalar == "c" || scalar == "n" || scalar == "d" {
                for word in introductionWords where Self.startsWith(word, scalars, at: index) { return true }
            }
            previous = scalar
            index += 1
        }
        return false
    }

    /// The same test on a sentence's bytes.
    static func mayNameModel(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0x20
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39, (previous | 0x20) >= 0x61 && (previous | 0x20) <= 0x7A || previous == 0x2D || previous == 0x20 {
                return true
            }
            previous = byte
        }
        return introductionBytes.contains { word in
            guard word.count <= bytes.count else { return false }
            return String.firstOffset(of: word, in: bytes, from: 0, to: bytes.count) != nil
        }
    }

    static let introductionBytes = introductionStrings.map { Array($0.utf8) }

    /// The same test on a whole paragraph's bytes, before it is split into scalars.
    static func mayNameModel(utf8 text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39, (previous | 0x20) >= 0x61 && (previous | 0x20) <= 0x7A || previous == 0x2D || previous == 0x20 {
                return true
            }
            previous = byte
        }
        return introductionStrings.contains { text.containsUTF8($0) }
    }

    static let introductionStrings = ["model", "Model", "LLM", "chatbot", "called", "named", "dubbed"]

    static let introductionWords: [[Unicode.Scalar]] = ["model", "Model", "LLM", "chatbot", "called", "named", "dubbed"].map { Array($0.unicodeScalars) }

    static func startsWith(_ word: [Unicode.Scalar], _ scalars: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        guard index + word.count <= scalars.endIndex else { return false }
        for offset in 0..<word.count where scalars[index + offset] != word[offset] { return false }
        return true
    }
}

/// One name run of a sentence and what the finder made of it.
struct NameCandidate {
    var text: String
    /// The leading letters of its first word (`Zed` of `Zed-9 Mini`), lower case.
    var family: String
    var hasVersion: Bool
    var isModel: Bool
    /// Something else for sure (a chip, a person): never a model anywhere in the article.
    var isRejected: Bool
}

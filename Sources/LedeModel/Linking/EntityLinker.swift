// SPDX-License-Identifier: Apache-2.0
// ~440 lines, one file: linking one article is one pass over the automaton's
// matches with the rules that accept or reject them (case, possessives,
// surnames, model names, families); split, the pass would be hard to follow.

import Foundation
import LedeText

/// Turns annotations, the gazetteer and the release catalogue into entities,
/// and finds their mentions in an article's paragraphs.
///
/// Linking runs per article, against a `Vocabulary` built once for the
/// corpus, so articles link in parallel and an unchanged article never
/// links again. Two layers are matched in one pass of one automaton:
/// concepts (organisations, people, places, topics) and AI models. Within a
/// layer the leftmost-longest name wins (`US government` is US Government,
/// not US); across layers mentions may overlap (`DeepSeek R1` is a model
/// mention that holds an organisation mention).
public struct EntityLinker: Sendable {
    public let gazetteer: Gazetteer
    public let catalogue: ReleaseCatalogue
    public let nameForms: NameForms
    public let families: ModelFamilies
    /// Tier words (`Turbo`, `mini`), as UTF-8.
    let tierWords: [[UInt8]]
    let tiers: [String]
    public var releaseExtractor: ReleaseExtractor
    /// Finds the models (and their makers) an article introduces that nothing knows.
    let nameFinder: ModelNameFinder
    /// Given names, cue words and well-known people for finding entities without annotations.
    public let detectionRules: DetectionRules
    let detector: EntityDetector
    /// Words before an ambiguous place name that make it a place (`in Jordan`), lower case.
    let placeCues: [[UInt8]]
    /// Words that end an organisation's name (`Labs`, `AI`, `Systems`), as written.
    let organisationSuffixes: Set<String>
    /// Organisation keys already worked out (the gazetteer lookup runs the name rules).
    private let organisationKeys = KeyCache()

    public init(gazetteer: Gazetteer = .bundled, catalogue: ReleaseCatalogue = .bundled, nameForms: NameForms = .bundled,
                releaseWords: ReleaseWords = .bundled, families: ModelFamilies = .bundled,
                detectionRules: DetectionRules = .bundled) {
        self.gazetteer = gazetteer
        self.detectionRules = detectionRules
        placeCues = (detectionRules.cues["place-before"] ?? []).map { Array($0.joined(separator: " ").utf8) }
        organisationSuffixes = Set((detectionRules.cues["org-suffix"] ?? []).filter { $0.count == 1 }.map { $0[0] })
        self.catalogue = catalogue
        self.nameForms = nameForms
        self.families = families
        tiers = ModelFamilies.bundledTiers
        tierWords = tiers.map { Array($0.utf8) }
        // As written: `Claude` is a product's first word, `Sam` is not `SAM 2`'s.
        var productWords = Set<String>()
        for name in catalogue.entries.flatMap({ $0.names + $0.contextualNames }) + families.entries.flatMap({ [$0.name] + $0.aliases }) {
            productWords.insert(String(name.prefix { $0.isLetter }))
        }
        detector = EntityDetector(rules: detectionRules, nameForms: nameForms, gazetteer: gazetteer, productWords: productWords)
        self.releaseExtractor = ReleaseExtractor(words: releaseWords)
        // Names that are never a new model: organisations, families and products, places, people.
        var notModels = Set<String>()
        for entry in gazetteer.entries { for name in [entry.name] + entry.aliases { notModels.insert(name.lowercased()) } }
        for entry in families.entries { for name in [entry.name] + entry.aliases { notModels.insert(name.lowercased()) } }
        for (key, place) in nameForms.places { notModels.insert(key.lowercased()); for name in place.otherNames { notModels.insert(name.lowercased()) } }
        for person in detectionRules.people { for name in [person.name] + person.aliases { notModels.insert(name.lowercased()) } }
        // Short names the catalogue trusts only after their organisation (`R1`) may still be introduced as models.
        let known = Set(catalogue.entries.flatMap { $0.names + [$0.model] }.map { $0.lowercased() })
        let organisationNames = Set(gazetteer.entries.flatMap { [$0.name] + $0.aliases }.map { $0.lowercased() })
        let familyWords = Set(families.entries.filter { $0.type == .modelFamily }.flatMap { [$0.name] + $0.aliases }
            .compactMap { $0.split(separator: " ").last { $0.allSatisfy(\.isLetter) }.map { $0.lowercased() } })
        nameFinder = ModelNameFinder(releaseWords: releaseWords, tiers: tiers, rules: detectionRules, notModels: notModels, known: known,
                                     organisationNames: organisationNames, familyWords: familyWords)
    }

    /// Changes whenever linking the same article could give another result: the
    /// data (gazetteer, catalogue, name rules, cue words) or the rules' version.
    public var fingerprint: String {
        var parts = ["linker-2"]
        parts += gazetteer.entries.map { ([$0.name] + $0.aliases + [$0.kind]).joined(separator: "|") }
        parts += catalogue.entries.map { entry in
            ([entry.model, entry.organisation, entry.date.description, entry.source] + entry.names + ["~"] + entry.contextualNames)
                .joined(separator: "|")
        }
        parts += nameForms.legalForms.sorted()
        parts += nameForms.places.keys.sorted().map { key in
            let place = nameForms.places[key]!
            return ([key, place.kind] + place.demonyms + ["/"] + place.otherNames + ["?"] + place.ambiguousNames.sorted()).joined(separator: "|")
        }
        parts += nameForms.topicAliases.keys.sorted().map { ([$0] + nameForms.topicAliases[$0]!).joined(separator: "|") }
        parts += ["releases:", releaseExtractor.fingerprint, nameFinder.fingerprint]
        parts += ["tiers:"] + tiers
        parts += ["detection:"] + detectionRules.fingerprint
        parts += ["families:"] + families.entries.map { ([$0.name, $0.type.rawValue, $0.organisation] + $0.aliases).joined(separator: "|") }
        return parts.joined(separator: "\n")
    }

    // MARK: - Per article, before the vocabulary

    /// The article's annotations, merged by id and keyed for the corpus.
    public func contributions(of article: Article) -> [ConceptContribution] {
        var result: [ConceptContribution] = []
        var indexOfKey: [EntityKey: Int] = [:]
        for concept in article.concepts {
            // A concept listed only for classification or authorship is
            // metadata: it is an entity, but not looked for in the text.
            let lookedFor = !concept.type.isArticleMetadata
                && !(concept.type == .topic && concept.isOnlyImplicit)
                && !concept.predicates.allSatisfy { Annotation.authorPredicates.contains($0) }
            let key = self.key(label: concept.label, type: concept.type)
            if let existing = indexOfKey[key] {
                // The same concept under two ids in one article: one entity.
                for predicate in concept.predicates where !result[existing].predicates.contains(predicate) {
                    result[existing].predicates.append(predicate)
                }
                result[existing].isLookedFor = result[existing].isLookedFor || lookedFor
                continue
            }
            indexOfKey[key] = result.count
            result.append(ConceptContribution(key: key, type: concept.type, label: concept.label, predicates: concept.predicates,
                                              publisherID: concept.id, url: concept.url, isLookedFor: lookedFor))
        }
        // Spans the source gives are entities like annotated concepts, but
        // not names to look for elsewhere: NER output is this text's reading.
        for given in article.givenMentions {
            let key = self.key(label: given.label, type: given.type)
            if let existing = indexOfKey[key] {
                if !result[existing].predicates.contains(Self.givenPredicate) { result[existing].predicates.append(Self.givenPredicate) }
                continue
            }
            indexOfKey[key] = result.count
            result.append(ConceptContribution(key: key, type: given.type, label: given.label, predicates: [Self.givenPredicate],
                                              publisherID: "", url: nil, isLookedFor: false))
        }
        return result
    }

    /// The predicate of a concept that comes from a given span (brat, spaCy, JSON Lines `entities`).
    public static let givenPredicate = "givenSpan"

    /// An organisation the gazetteer knows (under its label or the label
    /// without its legal form) is keyed by the gazetteer's name.
    public func key(label: String, type: EntityType) -> EntityKey {
        guard type == .organisation else { return EntityKey(type: type, name: label) }
        if let known = organisationKeys[label] { return known }
        var key = EntityKey(type: type, name: label)
        for form in nameForms.forms(label: label, type: .organisation) {
            if let entry = gazetteer.entry(named: form.text) { key = EntityKey(type: .organisation, name: entry.name); break }
        }
        organisationKeys[label] = key
        return key
    }

    /// What the article's text introduces: models nothing knows (`ModelNameFinder`), and people and
    /// organisations (`EntityDetector`, and the makers the text says released a model).
    public func discoveries(in article: Article) -> (models: [String], detected: [DetectedName]) {
        // Given spans replace the text's own reading.
        guard article.givenMentions.isEmpty else { return ([], []) }
        var detected = detector.names(in: article.paragraphs)
        let organisations = Set(detected.filter { $0.type == .organisation }.map(\.name))
        let found = nameFinder.find(in: article.paragraphs, organisations: organisations)
        let named = Set(detected.map { $0.name.lowercased() })
        for organisation in found.organisations where !named.contains(organisation.lowercased()) {
            detected.append(DetectedName(type: .organisation, name: organisation))
        }
        return (found.models, detected.sorted())
    }

    /// Model names the article introduces (`its new model Zed-9`).
    public func discoveredModelNames(in article: Article) -> [String] { discoveries(in: article).models }

    /// People and organisations the article's text names.
    public func detectedNames(in article: Article) -> [DetectedName] { discoveries(in: article).detected }

    // MARK: - Per article, against the vocabulary

    public func link(_ article: Article, contributions: [ConceptContribution], vocabulary: Vocabulary) -> LinkedArticle {
        link(LinkInput(paragraphs: article.paragraphs, published: article.published, annotatedKeys: contributions.map(\.key),
                       given: article.givenMentions),
             vocabulary: vocabulary)
    }

    public func link(_ input: LinkInput, vocabulary: Vocabulary) -> LinkedArticle {
        let annotatedHere = Set(input.annotatedKeys.compactMap { vocabulary.indexOfKey[$0].map(Int32.init) })
        var mentions: [LinkedMention] = []
        var fullNameSeen: Set<Int32> = []
        var places = PlaceEvidence()
        if !input.given.isEmpty {
            mentions = givenMentions(input, vocabulary: vocabulary)
        }
        for (paragraphIndex, paragraph) in input.paragraphs.enumerated() where input.given.isEmpty {
            var text = paragraph
            text.withUTF8 { bytes in
                mentions += linkParagraph(bytes, paragraph: paragraphIndex, vocabulary: vocabulary,
                                          annotatedHere: annotatedHere, fullNameSeen: &fullNameSeen, places: &places)
            }
        }
        // An ambiguous place name without a cue counts when the article names the place some other way.
        if !places.unconfirmed.isEmpty {
            mentions.removeAll { places.unconfirmed.contains(PlaceEvidence.Spot($0)) && !places.confirmed.contains($0.entity) }
        }
        let statements = releaseExtractor.statements(paragraphs: input.paragraphs, published: input.published, mentions: mentions,
                                                     vocabulary: vocabulary)
        let organisations = modelOrganisations(paragraphs: input.paragraphs, mentions: mentions, vocabulary: vocabulary)
        return LinkedArticle(mentions: mentions, annotated: annotatedHere.sorted(), statements: statements,
                             modelOrganisations: organisations, units: EntityUnits.make(mentions, paragraphs: input.paragraphs))
    }

    /// The source's spans as mentions, exactly where it puts them.
    func givenMentions(_ input: LinkInput, vocabulary: Vocabulary) -> [LinkedMention] {
        var scalarsOf: [Int: [Unicode.Scalar]] = [:]
        var result: [LinkedMention] = []
        for given in input.given where input.paragraphs.indices.contains(given.paragraph) {
            guard let entity = vocabulary.indexOfKey[key(label: given.label, type: given.type)] else { continue }
            let scalars = scalarsOf[given.paragraph] ?? Array(input.paragraphs[given.paragraph].unicodeScalars)
            scalarsOf[given.paragraph] = scalars
            guard given.start >= 0, given.start < given.end, given.end <= scalars.count else { continue }
            let text = String(String.UnicodeScalarView(scalars[given.start..<given.end]))
            result.append(LinkedMention(entity: Int32(entity), paragraph: Int32(given.paragraph), start: Int32(given.start),
                                        end: Int32(given.end), text: text, isDetected: false, isModel: given.type.isModelLayer))
        }
        return result.sorted(by: LinkedMention.readingOrder)
    }

    /// A candidate mention: a match with one of the entities its pattern may mean.
    struct Candidate {
        var byteStart: Int
        var byteEnd: Int
        var meaning: Vocabulary.Candidate
    }

    /// Ambiguous place names seen in an article: places named unambiguously
    /// (or after a cue), and mentions that wait for that.
    struct PlaceEvidence {
        struct Spot: Hashable {
            var paragraph: Int32
            var start: Int32
            var entity: Int32
            init(_ mention: LinkedMention) { (paragraph, start, entity) = (mention.paragraph, mention.start, mention.entity) }
        }
        var confirmed: Set<Int32> = []
        var unconfirmed: Set<Spot> = []
    }

    func linkParagraph(_ bytes: UnsafeBufferPointer<UInt8>, paragraph: Int, vocabulary: Vocabulary, annotatedHere: Set<Int32>,
                       fullNameSeen: inout Set<Int32>, places: inout PlaceEvidence) -> [LinkedMention] {
        let definitions = vocabulary.definitions
        var candidates: [Candidate] = []
        for match in vocabulary.matcher.allMatches(in: bytes) {
            for meaning in vocabulary.candidates[match.pattern] {
                // Topics are generic words: only where the article is about them.
                if definitions[Int(meaning.entity)].type == .topic && !annotatedHere.contains(meaning.entity) { continue }
                candidates.append(Candidate(byteStart: match.byteStart, byteEnd: match.byteEnd, meaning: meaning))
            }
        }
        guard !candidates.isEmpty else { return [] }
        func rank(_ candidate: Candidate) -> Int {
            let meaning = candidate.meaning
            // An ambiguous place name yields to anything else of the same span (`Jordan` after `Michael Jordan`).
            let ambiguity = meaning.needsPlaceContext && !annotatedHere.contains(meaning.entity) ? -8 : 0
            return (annotatedHere.contains(meaning.entity) ? 4 : 0) + (meaning.fromAnnotation ? 2 : 0) + (meaning.needsPriorFullName ? 0 : 1)
                + ambiguity
        }
        /// Byte starts of ambiguous place mentions chosen without a cue.
        var waiting: Set<Int> = []
        var chosen: [Candidate] = []
        // Where each organisation was chosen (concept layer, in text order), for short model aliases.
        var organisationEnds: [Int32: [Int]] = [:]
        for isModelLayer in [false, true] {
            if isModelLayer {
                for concept in chosen { organisationEnds[concept.meaning.entity, default: []].append(concept.byteEnd) }
            }
            let ordered = candidates.filter { $0.meaning.isModelLayer == isModelLayer }.sorted { a, b in
                if a.byteStart != b.byteStart { return a.byteStart < b.byteStart }
                if a.byteEnd != b.byteEnd { return a.byteEnd > b.byteEnd }
                let ra = rank(a), rb = rank(b)
                if ra != rb { return ra > rb }
                return a.meaning.entity < b.meaning.entity
            }
            var coveredUntil = 0
            for candidate in ordered where candidate.byteStart >= coveredUntil {
                let meaning = candidate.meaning
                if isModelLayer, !Self.isWholeModelName(bytes, start: candidate.byteStart, end: candidate.byteEnd,
                                                        isModel: definitions[Int(meaning.entity)].type == .model, tiers: tierWords) {
                    continue
                }
                if let organisation = meaning.requiresOrganisation {
                    // The organisation's last mention before the alias, in the same sentence.
                    guard let ends = organisationEnds[organisation], let end = Self.lastValue(in: ends, atMost: candidate.byteStart),
                          Self.sameSentence(bytes, from: end, to: candidate.byteStart) else { continue }
                } else if meaning.needsPriorFullName {
                    if !fullNameSeen.contains(meaning.entity) { continue }
                } else if definitions[Int(meaning.entity)].type == .person || definitions[Int(meaning.entity)].type == .organisation {
                    fullNameSeen.insert(meaning.entity)
                }
                if definitions[Int(meaning.entity)].type == .location && !isModelLayer {
                    // `Atlanta, Georgia`: right after another place and a comma.
                    let afterPlace = candidate.byteStart >= 2 && bytes[candidate.byteStart - 2] == 0x2C
                        && chosen.last.map { definitions[Int($0.meaning.entity)].type == .location && $0.byteEnd == candidate.byteStart - 2 } == true
                    if !meaning.needsPlaceContext || annotatedHere.contains(meaning.entity) || afterPlace
                        || Self.followsPlaceCue(bytes, at: candidate.byteStart, cues: placeCues) {
                        places.confirmed.insert(meaning.entity)
                    } else {
                        waiting.insert(candidate.byteStart)
                    }
                }
                chosen.append(candidate)
                coveredUntil = candidate.byteEnd
            }
        }
        let scalarOffset = ScalarOffsetCounter.scalarOffsets(
            ofBytes: chosen.flatMap { [$0.byteStart + Int($0.meaning.contextBytes), $0.byteEnd] }, in: bytes)
        var result: [LinkedMention] = chosen.map { candidate in
            let byteStart = candidate.byteStart + Int(candidate.meaning.contextBytes)
            let slice = String(decoding: UnsafeBufferPointer(rebasing: bytes[byteStart..<candidate.byteEnd]), as: UTF8.self)
            return LinkedMention(entity: candidate.meaning.entity, paragraph: Int32(paragraph),
                                 start: Int32(scalarOffset[byteStart]!), end: Int32(scalarOffset[candidate.byteEnd]!),
                                 text: slice, isDetected: !annotatedHere.contains(candidate.meaning.entity),
                                 isModel: candidate.meaning.isModelLayer)
        }
        for (position, candidate) in chosen.enumerated() where waiting.contains(candidate.byteStart) && !candidate.meaning.isModelLayer {
            places.unconfirmed.insert(PlaceEvidence.Spot(result[position]))
        }
        result.sort(by: LinkedMention.readingOrder)
        return result
    }

    /// The words before `start` are a place cue (`in`, `from`, `based in`).
    static func followsPlaceCue(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, cues: [[UInt8]]) -> Bool {
        guard start >= 2, bytes[start - 1] == 0x20 else { return false }
        for cue in cues where cue.count + 1 <= start {
            let cueStart = start - 1 - cue.count
            if cueStart > 0 {
                let before = bytes[cueStart - 1]
                if (before | 0x20) >= 0x61 && (before | 0x20) <= 0x7A { continue }
            }
            var equal = true
            for offset in 0..<cue.count where bytes[cueStart + offset] | 0x20 != cue[offset] { equal = false; break }
            if equal { return true }
        }
        return false
    }

    /// A model name must not stop inside a longer one: not before `.5` or `-2`
    /// (`Claude 3` in `Claude 3.7`, `Meta Llama 3` in `Meta Llama 3.1`), not
    /// a word before ` 3` (`Claude` in `Claude 3.5 Opus`), and a model not
    /// before a tier word (`Ernie 4.5` in `Ernie 4.5 Turbo`): the tiered name
    /// is its own model.
    static func isWholeModelName(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, isModel: Bool, tiers: [[UInt8]]) -> Bool {
        guard end < bytes.count else { return true }
        func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        let next = bytes[end]
        if (next == UInt8(ascii: ".") || next == UInt8(ascii: "-")) && isDigit(end + 1) { return false }
        guard next == UInt8(ascii: " ") else { return true }
        let last = bytes[end - 1]
        let endsInLetter = (last | 0x20) >= 0x61 && (last | 0x20) <= 0x7A
        if endsInLetter && isDigit(end + 1) { return false }
        guard isModel else { return true }
        for tier in tiers where end + 1 + tier.count <= bytes.count {
            var equal = true
            for offset in 0..<tier.count where bytes[end + 1 + offset] != tier[offset] { equal = false; break }
            guard equal else { continue }
            let after = end + 1 + tier.count
            if after == bytes.count { return false }
            let byte = bytes[after]
            let isWord = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte >= 0x80
            if !isWord { return false }
        }
        return true
    }

    /// The largest value ≤ `limit` in an ascending array.
    static func lastValue(in values: [Int], atMost limit: Int) -> Int? {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? values[low - 1] : nil
    }

    /// No sentence end between two byte offsets, and not too far apart.
    static func sameSentence(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        end - start <= 300 && !Sentences.endsBetween(bytes, from: start, to: end)
    }

    /// A model found by pattern belongs to the organisation named nearest to
    /// its first mention in the same sentence; the article's evidence for it.
    func modelOrganisations(paragraphs: [String], mentions: [LinkedMention], vocabulary: Vocabulary) -> [ModelOrganisation] {
        var result: [ModelOrganisation] = []
        var seen: Set<Int32> = []
        // Sentences and organisation mentions per paragraph, worked out once (an article may name thousands of models).
        var sentencesOf: [Int32: [Range<Int>]] = [:]
        var organisationsOf: [Int32: [LinkedMention]] = [:]
        for mention in mentions where vocabulary.definitions[Int(mention.entity)].type == .organisation {
            organisationsOf[mention.paragraph, default: []].append(mention)
        }
        for mention in mentions where vocabulary.definitions[Int(mention.entity)].isDiscoveredModel && seen.insert(mention.entity).inserted {
            let start = Int(mention.start), end = Int(mention.end)
            if sentencesOf[mention.paragraph] == nil {
                sentencesOf[mention.paragraph] = Sentences.ranges(in: paragraphs[Int(mention.paragraph)])
            }
            let sentences = sentencesOf[mention.paragraph]!
            guard let sentence = Self.range(containing: start, in: sentences) else {
                result.append(ModelOrganisation(model: mention.entity, organisation: nil))
                continue
            }
            // Organisations of the paragraph are in text order: only those inside the sentence are looked at.
            let organisations = organisationsOf[mention.paragraph] ?? []
            var low = 0, high = organisations.count
            while low < high {
                let middle = (low + high) / 2
                if Int(organisations[middle].start) < sentence.lowerBound { low = middle + 1 } else { high = middle }
            }
            var nearest: LinkedMention?
            var nearestGap = Int.max
            var index = low
            while index < organisations.count, Int(organisations[index].start) < sentence.upperBound {
                let candidate = organisations[index]
                index += 1
                if candidate.start >= mention.start && candidate.end <= mention.end { continue }
                let gap = ReleaseAttachment.gap(Int(candidate.start), Int(candidate.end), start, end)
                if gap < nearestGap { nearest = candidate; nearestGap = gap }
            }
            result.append(ModelOrganisation(model: mention.entity, organisation: nearest?.entity))
        }
        return result
    }

    /// The range that holds `offset`, in ascending non-overlapping ranges.
    static func range(containing offset: Int, in ranges: [Range<Int>]) -> Range<Int>? {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(offset) ? ranges[low] : nil
    }
}

/// A map shared by the threads that link in parallel.
final class KeyCache: @unchecked Sendable {
    private var keys: [String: EntityKey] = [:]
    private let lock = NSLock()

    subscript(label: String) -> EntityKey? {
        get { lock.lock(); defer { lock.unlock() }; return keys[label] }
        set {
            lock.lock()
            if keys.count > 100_000 { keys.removeAll() }
            keys[label] = newValue
            lock.unlock()
        }
    }
}

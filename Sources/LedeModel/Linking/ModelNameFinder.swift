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
        var found = Found()
        var seen = Set<String>(), seenOrganisations = Set<String>()
        var rejected = Set<String>()
        var families = Set<String>()
        var later: [(text: String, family: String)] = []
        let organisationKeys = Set(organisations.map { $0.lowercased() })
        for paragraph in paragraphs {
            let scalars = Array(paragraph.unicodeScalars)
            for sentence in Sentences.ranges(in: scalars).flatMap({ Sentences.windows(of: $0, in: scalars, maximum: ReleaseExtractor.longestSentence) }) {
                let reading = SentenceNames(finder: self, scalars: scalars, range: sentence, organisations: organisationKeys)
                for name in reading.models() {
                    let key = Normalisation.nameKey(name.text)
                    guard !rejected.contains(key) else { continue }
                    if name.isRejected { rejected.insert(key); continue }
                    if name.isModel {
                        if seen.insert(key).inserted, !known.contains(name.text.lowercased()) { found.models.append(name.text) }
                        if name.hasVersion { families.insert(name.family) }
                    } else if name.hasVersion {
                        later.append((name.text, name.family))
                    }
                }
                for organisation in reading.releasers(models: seen) where seenOrganisations.insert(organisation.lowercased()).inserted {
                    found.organisations.append(organisation)
                }
            }
        }
        // Members of a family the article introduced, wherever they stand (`Zed-8` after `Zed-9`).
        for candidate in later where families.contains(candidate.family) {
            let key = Normalisation.nameKey(candidate.text)
            guard !rejected.contains(key), seen.insert(key).inserted, !known.contains(candidate.text.lowercased()) else { continue }
            found.models.append(candidate.text)
        }
        found.organisations.removeAll { seen.contains(Normalisation.nameKey($0)) || organisationKeys.contains($0.lowercased()) }
        return found
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

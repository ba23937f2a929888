// SPDX-License-Identifier: Apache-2.0
/// A name found in an article's text without annotations: by the rules of
/// `EntityDetector` or by an external tagger. It joins the corpus vocabulary
/// as a detected entity, so the one automaton finds every mention of it.
public struct DetectedName: Sendable, Hashable, Comparable {
    public var type: EntityType
    public var name: String

    public init(type: EntityType, name: String) {
        self.type = type
        self.name = name
    }

    public static func < (a: DetectedName, b: DetectedName) -> Bool { (a.type.rawValue, a.name) < (b.type.rawValue, b.name) }

    /// How the index keeps a detected name among an article's discovered
    /// model names (one list of strings per article): a control character no
    /// model name holds, the type, another, the name.
    public var storedForm: String { "\u{1}" + type.rawValue + "\u{1}" + name }

    /// Splits stored strings back into model names and detected names.
    public static func split(stored: [String]) -> (models: [String], detected: [DetectedName]) {
        var models: [String] = []
        var detected: [DetectedName] = []
        for string in stored {
            guard string.hasPrefix("\u{1}") else { models.append(string); continue }
            let parts = string.dropFirst().split(separator: "\u{1}", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, let type = EntityType(rawValue: String(parts[0])) {
                detected.append(DetectedName(type: type, name: String(parts[1])))
            }
        }
        return (models, detected)
    }
}

/// The word lists the detection rules read (`Resources/`): given names,
/// Chinese family names and pinyin syllables, well-known people, and the cue
/// words around names (`detection-cues.tsv`). Data, so the rules grow
/// without code changes.
public struct DetectionRules: Sendable {
    public var givenNames: Set<String>
    public var chineseSurnames: Set<String>
    public var pinyinSyllables: Set<String>
    /// Well-known people: name and aliases.
    public var people: [(name: String, aliases: [String])]
    /// Cue phrases by kind, each a list of lower-case words (org-suffix,
    /// org-of and not-name keep their case).
    public var cues: [String: [[String]]]

    public static let bundled = DetectionRules(
        givenNames: Set(ModelResources.lines("given-names.txt").flatMap { $0.split(separator: " ").map(String.init) }),
        chineseSurnames: Set(ModelResources.lines("chinese-surnames.txt").flatMap { $0.split(separator: " ").map(String.init) }),
        pinyinSyllables: Set(ModelResources.lines("pinyin-syllables.txt").flatMap { $0.split(separator: " ").map(String.init) }),
        people: ModelResources.lines("people.tsv").map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let aliases = columns.count > 1 ? columns[1].split(separator: "|").map(String.init).filter { !$0.isEmpty } : []
            return (columns[0], aliases)
        },
        cues: parseCues(ModelResources.text("detection-cues.tsv") ?? ""))

    public init(givenNames: Set<String>, chineseSurnames: Set<String>, pinyinSyllables: Set<String>,
                people: [(name: String, aliases: [String])], cues: [String: [[String]]]) {
        self.givenNames = givenNames
        self.chineseSurnames = chineseSurnames
        self.pinyinSyllables = pinyinSyllables
        self.people = people
        self.cues = cues
    }

    static func parseCues(_ tsv: String) -> [String: [[String]]] {
        var result: [String: [[String]]] = [:]
        for line in ModelResources.dataLines(tsv) {
            let columns = line.text.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count == 2, !columns[1].isEmpty else { continue }
            result[columns[0], default: []].append(columns[1].split(separator: " ").map(String.init))
        }
        return result
    }

    /// Single-word cues of a kind, as a set.
    func words(_ kind: String) -> Set<String> {
        Set((cues[kind] ?? []).filter { $0.count == 1 }.map { $0[0] })
    }

    /// Everything that decides what the rules find, for fingerprints.
    var fingerprint: [String] {
        ["detection-1"] + givenNames.sorted() + ["/"] + chineseSurnames.sorted() + ["/"] + pinyinSyllables.sorted()
            + people.map { ([$0.name] + $0.aliases).joined(separator: "|") }
            + cues.keys.sorted().flatMap { kind in cues[kind]!.map { kind + ":" + $0.joined(separator: " ") } }
    }

    /// `Liang Wenfeng`: a Chinese family name (not also a given name on the
    /// list, as `Lin` is) followed by pinyin.
    public func isFamilyNameFirst(_ first: String, _ second: String) -> Bool {
        chineseSurnames.contains(first) && !givenNames.contains(first)
            && second.lowercased().split(separator: "-").allSatisfy { isPinyin(String($0)) }
    }

    /// Whether a lower-case word splits into at most `limit` pinyin syllables
    /// (`wenfeng` = wen + feng). Linear in the word: syllables are at most six letters.
    func isPinyin(_ word: String, limit: Int = 3) -> Bool {
        let letters = Array(word.utf8)
        guard !letters.isEmpty, letters.count <= 18, letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        // fewest[i]: fewest syllables that spell letters[..<i].
        var fewest = [Int](repeating: Int.max, count: letters.count + 1)
        fewest[0] = 0
        for end in 1...letters.count {
            for length in 1...min(6, end) where fewest[end - length] != Int.max {
                let syllable = String(decoding: letters[(end - length)..<end], as: UTF8.self)
                if pinyinSyllables.contains(syllable) { fewest[end] = min(fewest[end], fewest[end - length] + 1) }
            }
        }
        return fewest[letters.count] <= limit
    }
}

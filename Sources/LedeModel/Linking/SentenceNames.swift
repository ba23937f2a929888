// SPDX-License-Identifier: Apache-2.0
import LedeText

/// The name runs of one sentence, read by `ModelNameFinder`'s rules.
struct SentenceNames {
    let finder: ModelNameFinder
    let scalars: [Unicode.Scalar]
    let organisations: Set<String>
    let tokens: [ClauseToken]
    let matches: [ReleaseWords.Match]
    /// A release word or a model noun in the sentence.
    let speaksOfModels: Bool
    /// The name runs, worked out once.
    private(set) var nameRuns: [Range<Int>] = []

    init(finder: ModelNameFinder, scalars: [Unicode.Scalar], range: Range<Int>, organisations: Set<String>) {
        self.finder = finder
        self.scalars = scalars
        self.organisations = organisations
        tokens = ClauseToken.tokens(of: scalars, in: range)
        matches = finder.releaseWords.matches(in: tokens)
        let roles: Set<ReleaseWords.Role> = [.release, .arrival, .noun, .due, .delayed, .cancelled, .planned]
        speaksOfModels = matches.contains { roles.contains($0.role) } || tokens.contains { finder.words.modelNouns.contains($0.lower) }
        nameRuns = findRuns()
    }

    /// The text of a token as written.
    func written(_ index: Int) -> String { String(String.UnicodeScalarView(scalars[tokens[index].start..<tokens[index].end])) }

    func hasDigit(_ index: Int) -> Bool { tokens[index].lower.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

    /// `o3`, `k1.5`: one or two lower-case letters, then a digit.
    func isLowerVersion(_ index: Int) -> Bool {
        let bytes = Array(tokens[index].lower.utf8)
        guard let digit = bytes.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }), (1...2).contains(digit) else { return false }
        return bytes[..<digit].allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// Whether two tokens stand next to each other with one space between.
    func adjacent(_ left: Int, _ right: Int) -> Bool {
        tokens[left].end + 1 == tokens[right].start && scalars[tokens[left].end] == " "
    }

    /// Token ranges of the name runs: capitalised words and words with digits, a tier after a version;
    /// a possessive ends its run.
    func runs() -> [Range<Int>] { nameRuns }

    private func findRuns() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].isWord, tokens[index].isCapitalised || hasDigit(index) && isLowerVersion(index) || startsWithLetterAndDigit(index)
            else { index += 1; continue }
            let start = index
            var sawDigit = hasDigit(index)
            while !tokens[index].isPossessive, index + 1 < tokens.count, tokens[index + 1].isWord, adjacent(index, index + 1) {
                let next = index + 1
                let fits = tokens[next].isCapitalised || hasDigit(next) || (sawDigit && finder.tiers.contains(written(next)))
                guard fits else { break }
                sawDigit = sawDigit || hasDigit(next)
                index = next
            }
            result.append(start..<(index + 1))
            index += 1
        }
        return result
    }

    /// A word that starts with a letter and holds a digit (`Zed-9`, `GPT-4o`).
    func startsWithLetterAndDigit(_ index: Int) -> Bool {
        guard let first = tokens[index].lower.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return hasDigit(index)
    }

    /// Every candidate model name of the sentence.
    func models() -> [NameCandidate] {
        var result: [NameCandidate] = []
        let listed = listedAfterColon()
        let allRuns = runs()
        let names = allRuns.map(trimmed)
        // Names in a list share its introduction: `Nova Micro, Nova Lite and Nova Pro, a set of models`.
        var introducedRuns = Set<Int>()
        for (position, run) in allRuns.enumerated().reversed() {
            guard let name = names[position] else { continue }
            if isIntroduced(name) || (position + 1 < allRuns.count && introducedRuns.contains(position + 1) && isListed(run, before: allRuns[position + 1])) {
                introducedRuns.insert(position)
            }
        }
        for (position, run) in allRuns.enumerated() {
            guard let name = names[position] else { continue }
            let text = String(String.UnicodeScalarView(scalars[tokens[name.lowerBound].start..<tokens[name.upperBound - 1].end]))
            // A known family's word and a capitalised word name a model as a version would (`Nova Micro`).
            let isFamilyMember = name.count >= 2 && finder.familyWords.contains(tokens[name.lowerBound].lower)
                && name.dropFirst().allSatisfy { tokens[$0].isCapitalised }
            let hasVersion = name.contains { hasDigit($0) } || isFamilyMember
            let lower = text.lowercased()
            let family = String(lower.unicodeScalars.prefix { $0.properties.isAlphabetic }.map(Character.init))
            if isRejected(run: run, name: name, hasVersion: hasVersion) {
                result.append(NameCandidate(text: text, family: family, hasVersion: hasVersion, isModel: false, isRejected: true))
                continue
            }
            let isOther = finder.notModels.contains(lower) || organisations.contains(lower)
                || (!hasVersion && (finder.givenNames.contains(written(name.lowerBound)) || name.allSatisfy { finder.notNames.contains(written($0)) }))
            let introduced = listed.contains(run.lowerBound) || introducedRuns.contains(position)
            let isModel = !isOther && (hasVersion ? (speaksOfModels || introduced) : introduced)
            result.append(NameCandidate(text: text, family: family, hasVersion: hasVersion, isModel: isModel, isRejected: false))
        }
        return result
    }

    /// The run without what cannot be part of a model's name: leading common words, titles, months and
    /// adjectives (`Paris-based`), a leading organisation before a family word (`Aurora Zed-9`), words
    /// after the last version that are no tiers. Nil when nothing name-like is left.
    func trimmed(_ run: Range<Int>) -> Range<Int>? {
        var start = ((run.lowerBound..<run.upperBound).last(where: isAttributive).map { $0 + 1 }) ?? run.lowerBound
        while start < run.upperBound, tokens[start].isCapitalised && finder.notNames.contains(written(start))
                || finder.titles.contains(tokens[start].lower) || isAttributive(start) {
            start += 1
        }
        // A known organisation before a family word is the maker, not the name.
        for length in (1...3).reversed() where start + length < run.upperBound {
            let words = (start..<(start + length)).map(written).joined(separator: " ").lowercased()
            let next = tokens[start + length].lower
            if organisations.contains(words) || finder.organisationNames.contains(words), next.unicodeScalars.count >= 3,
               next.unicodeScalars.first?.properties.isAlphabetic == true {
                start += length
                break
            }
        }
        guard start < run.upperBound else { return nil }
        var end = run.upperBound
        if let lastDigit = (start..<run.upperBound).last(where: hasDigit) {
            end = lastDigit + 1
            while end < run.upperBound, finder.tiers.contains(written(end)) { end += 1 }
        }
        let name = start..<end
        // A name starts with a letter; a year, a quarter or a bare number is none.
        guard let first = tokens[start].lower.unicodeScalars.first, first.properties.isAlphabetic else { return nil }
        if name.count == 1, isDateLike(tokens[start].lower) { return nil }
        if name.contains(where: { hasDigit($0) && Self.isMoney(tokens[$0].lower) }) { return nil }
        if name.count > 6 { return nil }
        let versions = name.filter(hasDigit)
        if !versions.isEmpty, versions.allSatisfy({ isYear(tokens[$0].lower) }) { return nil }
        return name
    }

    func isYear(_ word: String) -> Bool { word.count == 4 && Int(word).map { (1900...2100).contains($0) } == true }

    /// `q3`, `h2`, `fy2027`, `covid-19`, `g7`, `rmb380bn`, `us$2bn`: shapes that look like versions and are not.
    func isDateLike(_ word: String) -> Bool {
        if Self.isMoney(word) { return true }
        let bytes = Array(word.utf8)
        if bytes.count == 2, bytes[0] == 0x71 || bytes[0] == 0x68, bytes[1] >= 0x31 && bytes[1] <= 0x34 { return true }
        return word.hasPrefix("fy") || word.hasPrefix("covid") || word == "g7" || word == "g20" || word == "5g" || word == "4g" || word == "3d"
    }

    /// An amount of money: a currency's letters, digits, then an optional `bn`, `m`, `tn`, `k`.
    static func isMoney(_ word: String) -> Bool {
        var rest = Substring(word)
        guard let prefix = ["rmb", "usd", "us", "hk", "rs", "eur", "gbp", "cny", "jpy", "inr", "krw", "sek", "chf", "yen", "a", "c", "s"]
            .first(where: { rest.hasPrefix($0) && rest.dropFirst($0.count).first.map { $0.isNumber || $0 == "$" } == true }) else { return false }
        rest = rest.dropFirst(prefix.count).drop { $0 == "$" }
        for suffix in ["bn", "tn", "mn", "m", "k", "b"] where rest.hasSuffix(suffix) { rest = rest.dropLast(suffix.count); break }
        return !rest.isEmpty && rest.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
    }

    /// `Paris-based`, `Lumen-backed`: an adjective made of a name.
    func isAttributive(_ index: Int) -> Bool {
        guard let dash = tokens[index].lower.lastIndex(of: "-") else { return false }
        let ending = tokens[index].lower[tokens[index].lower.index(after: dash)...]
        return ["based", "backed", "funded", "led", "owned", "founded", "made", "built", "born", "listed"].contains(String(ending))
    }

    /// A noun after the name that makes it something else, a title before it, or a speech verb after a name
    /// without digits.
    func isRejected(run: Range<Int>, name: Range<Int>, hasVersion: Bool) -> Bool {
        var next = name.upperBound
        if next < tokens.count, ["ai", "reasoning", "language", "video", "image", "coding", "open-source", "open-weight", "new"]
            .contains(tokens[next].lower) { next += 1 }
        if next < tokens.count, tokens[next].isWord {
            if finder.words.otherHeads.contains(tokens[next].lower) { return true }
            if next + 1 < tokens.count, finder.words.otherHeads.contains(tokens[next].lower + " " + tokens[next + 1].lower) { return true }
        }
        let before = name.lowerBound - 1
        if before >= 0, finder.titles.contains(tokens[before].lower) || (before >= 1 && tokens[before].lower == "."
                                                                         && finder.titles.contains(tokens[before - 1].lower)) {
            return true
        }
        if !hasVersion, name.upperBound < tokens.count, finder.personVerbs.contains(tokens[name.upperBound].lower) { return true }
        // `Series B`, and a benchmark's score: `scored 71% on ABC-2`.
        if before >= 0, tokens[before].lower == "series" { return true }
        return false
    }

    /// Whether one run stands in a list right before another (`A, B` / `A and B` / `A, and B`).
    func isListed(_ run: Range<Int>, before next: Range<Int>) -> Bool {
        let between = tokens[run.upperBound..<next.lowerBound].map(\.lower)
        return between == [","] || between == ["and"] || between == [",", "and"] || between == ["or"]
    }

    static let determiners: Set<String> = ["a", "an", "the", "its", "their", "his", "her", "our", "new", "latest"]
    static let modelHeads: Set<String> = ["model", "models", "llm", "llms", "chatbot", "chatbots"]

    /// Introduced as a model: after `model called` (or `named`, `dubbed`), right after `its new model`,
    /// between `the` and `model`, or followed by `, a … model`.
    func isIntroduced(_ name: Range<Int>) -> Bool {
        let start = name.lowerBound, end = name.upperBound
        for intro in finder.words.introductions {
            let introStart = start - intro.count
            guard introStart >= 1, (0..<intro.count).allSatisfy({ tokens[introStart + $0].lower == intro[$0] }) else { continue }
            if (max(0, introStart - 3)..<introStart).contains(where: { finder.words.modelNouns.contains(tokens[$0].lower) }) { return true }
        }
        // `a reasoning model, Helix-R,`: a model noun, a comma, the name.
        if start >= 3, tokens[start - 1].lower == ",", Self.modelHeads.contains(tokens[start - 2].lower),
           (max(0, start - 5)..<(start - 2)).contains(where: { Self.determiners.contains(tokens[$0].lower) }) {
            return true
        }
        if start >= 2, Self.modelHeads.contains(tokens[start - 1].lower), Self.determiners.contains(tokens[start - 2].lower) {
            // `a model Acme released`: a name followed by a verb is the subject of a clause.
            let followedByVerb = matches.contains { $0.tokens.lowerBound == end } || (end < tokens.count && ["has", "is", "said", "says"].contains(tokens[end].lower))
            if !followedByVerb { return true }
        }
        if start >= 1, Self.determiners.contains(tokens[start - 1].lower) {
            var next = end
            if next < tokens.count, ["ai", "reasoning", "language", "video", "image", "coding", "open-source", "open-weight", "multimodal"]
                .contains(tokens[next].lower) { next += 1 }
            if next < tokens.count, Self.modelHeads.contains(tokens[next].lower) { return true }
        }
        if end + 2 < tokens.count, tokens[end].lower == ",", ["a", "an", "its", "the", "their"].contains(tokens[end + 1].lower) {
            for index in (end + 2)..<min(tokens.count, end + 8) {
                if tokens[index].lower == "," || !tokens[index].isWord { break }
                if Self.modelHeads.contains(tokens[index].lower) { return true }
            }
        }
        return false
    }

    /// Starts of the runs listed after `models:` (`three models: Alpha, Beta and Gamma`).
    func listedAfterColon() -> Set<Int> {
        guard let colon = tokens.indices.first(where: { index in
            index >= 1 && tokens[index].lower == ":" && (max(0, index - 4)..<index).contains { finder.words.modelNouns.contains(tokens[$0].lower) }
        })
        else { return [] }
        var starts = Set<Int>()
        var expectName = true
        for index in (colon + 1)..<tokens.count {
            let token = tokens[index]
            if token.lower == "," || token.lower == "and" { expectName = true; continue }
            if expectName, token.isWord, token.isCapitalised || hasDigit(index) { starts.insert(index); expectName = false; continue }
            if !token.isWord, token.lower != "-" { break }
        }
        return starts
    }

    /// Organisations the sentence says released something: the capitalised name right before an active
    /// release verb (past adverbs, `on Tuesday` and `has` may come between), and the possessive before a model.
    func releasers(models: Set<String>) -> [String] {
        var result: [String] = []
        for match in matches where match.role == .release && match.entry.form != .base {
            var end = match.tokens.lowerBound
            while end > 0 {
                let lower = tokens[end - 1].lower
                if end >= 2, lower == ",", DatePhraseFinder.weekdays.contains(tokens[end - 2].lower) {
                    end -= 1
                } else if lower.hasSuffix("ly") || ["has", "have", "had", "also", "just", "now", "then", "today", "yesterday", "finally"].contains(lower) {
                    end -= 1
                } else if end >= 2, tokens[end - 2].lower == "on" || tokens[end - 2].lower == "last",
                          DatePhraseFinder.weekdays.contains(lower) {
                    end -= 2
                } else {
                    break
                }
            }
            if end >= 1, matches.contains(where: { $0.role == .passive && $0.tokens.upperBound == end }) { continue }
            // `Dunmore AI, the AI unit of Corlan Group, on Tuesday released…`: past an appositive to the subject.
            if end >= 2, tokens[end - 1].lower == ",", let opening = (0..<(end - 1)).last(where: { tokens[$0].lower == "," }),
               opening + 1 < end - 1, ["the", "a", "an", "its"].contains(tokens[opening + 1].lower),
               !(0..<opening).contains(where: { tokens[$0].lower == "," }) {
                end = opening
            }
            if let name = organisationName(endingAt: end, models: models) { result.append(name) }
        }
        // `Fennel 2 (Oakhurst) shipped…`: the maker in brackets right after a model.
        for run in runs() where run.lowerBound >= 2 && tokens[run.lowerBound - 1].lower == "(" && run.upperBound < tokens.count
            && tokens[run.upperBound].lower == ")" {
            guard let model = runs().first(where: { $0.upperBound == run.lowerBound - 1 }),
                  models.contains(Normalisation.nameKey(written(model.lowerBound) == "" ? "" : String(String.UnicodeScalarView(
                      scalars[tokens[model.lowerBound].start..<tokens[model.upperBound - 1].end])))) else { continue }
            if let name = organisationName(endingAt: run.upperBound, models: models) { result.append(name) }
        }
        for run in runs() where tokens[run.upperBound - 1].isPossessive {
            let next = run.upperBound
            guard next < tokens.count, runs().contains(where: { $0.lowerBound == next }) else { continue }
            let nextName = written(next)
            guard models.contains(Normalisation.nameKey(nextName)) || hasDigit(next) else { continue }
            if let name = organisationName(endingAt: run.upperBound, models: models) { result.append(name) }
        }
        return result
    }

    /// The capitalised run that ends at token `end` as an organisation's name, if it can be one.
    func organisationName(endingAt end: Int, models: Set<String>) -> String? {
        guard end >= 1, let run = runs().first(where: { $0.upperBound == end }) else { return nil }
        // `Lumen Capital-backed Aurora Labs`: the name starts after the last adjective made of a name.
        var start = ((run.lowerBound..<end).last(where: isAttributive).map { $0 + 1 }) ?? run.lowerBound
        while start < end, finder.notNames.contains(written(start)) || isAttributive(start) || finder.titles.contains(tokens[start].lower) {
            start += 1
        }
        guard start < end, end - start <= 4, !(start..<end).contains(where: hasDigit) else { return nil }
        if finder.givenNames.contains(written(start)) { return nil }
        let text = String(String.UnicodeScalarView(scalars[tokens[start].start..<tokens[end - 1].end]))
        let lower = text.lowercased()
        if finder.notModels.contains(lower) || models.contains(Normalisation.nameKey(text)) { return nil }
        return text
    }
}

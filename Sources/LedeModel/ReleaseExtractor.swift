import Foundation

/// Places the AI models named in the articles on a time line.
///
/// A date counts as a model's release date only when it stands in the same
/// sentence as the model, the sentence reports a release (`debut`,
/// `launched`, `will open-source` … kept as data), and no other model in
/// the sentence is nearer to it. Otherwise the catalogue gives the date, or
/// failing that the article's published date bounds it.
public struct ReleaseExtractor: Sendable {
    public var catalogue: ReleaseCatalogue
    public var releaseCues: [String]
    var dateFinder = DatePhraseFinder()

    public init(catalogue: ReleaseCatalogue = .bundled, releaseCues: [String] = ReleaseExtractor.bundledCues) {
        self.catalogue = catalogue
        self.releaseCues = releaseCues.map { $0.lowercased() }
    }

    /// Words that mark a sentence as reporting a release (`Resources/release-cues.txt`).
    public static let bundledCues = ModelResources.lines("release-cues.txt")

    struct StatedDate {
        var date: CalendarDate
        var phrase: String
        var mention: Int
        var planned: Bool
    }

    public func releases(articles: [Article], entities: [Entity], mentions: [Mention],
                         catalogueEntryOfModel: [Int: Int]) -> [Release] {
        var mentionsOfModel: [Int: [Int]] = [:]
        for (index, mention) in mentions.enumerated() where entities[mention.entity].type == .model {
            mentionsOfModel[mention.entity, default: []].append(index)
        }
        var stated: [Int: [StatedDate]] = [:]
        // Sentence by sentence: which dates belong to which model.
        var byParagraph: [[Int]: [Int]] = [:]
        for indices in mentionsOfModel.values {
            for index in indices { byParagraph[[mentions[index].article, mentions[index].paragraph], default: []].append(index) }
        }
        for (key, modelMentionIndices) in byParagraph {
            let article = articles[key[0]]
            let paragraph = Array(article.paragraphs[key[1]].unicodeScalars)
            for sentence in Self.sentences(paragraph) {
                let inSentence = modelMentionIndices.filter { sentence.contains(mentions[$0].start) }
                guard !inSentence.isEmpty else { continue }
                let text = String(String.UnicodeScalarView(paragraph[sentence]))
                guard Self.mayHoldDate(text), reportsRelease(text) else { continue }
                let future = dateFinder.speaksOfFuture(text)
                for phrase in dateFinder.phrases(in: text, published: article.published, future: future) {
                    let phraseStart = sentence.lowerBound + phrase.start
                    let phraseEnd = sentence.lowerBound + phrase.end
                    // Nearest model mention; the phrase must not sit inside a name.
                    let nearest = inSentence.min { a, b in
                        Self.gap(mentions[a], phraseStart, phraseEnd) < Self.gap(mentions[b], phraseStart, phraseEnd)
                    }!
                    let planned = article.published.map { phrase.date.firstDay > $0 || (future && !(phrase.date.lastDay < $0)) } ?? future
                    stated[mentions[nearest].entity, default: []].append(
                        StatedDate(date: phrase.date, phrase: phrase.text, mention: nearest, planned: planned))
                }
            }
        }

        var releases: [Release] = []
        for (model, indices) in mentionsOfModel {
            let entity = entities[model]
            let entry = catalogueEntryOfModel[model].map { catalogue.entries[$0] }
            var release = Release(model: model, modelName: entity.label, organisation: entity.organisation, date: nil,
                                  basis: .published, planned: false, conflicts: [], mentions: indices.sorted(),
                                  evidenceMention: indices.min(), statedPhrase: nil, source: entry?.source)
            if let dates = stated[model], let best = dates.max(by: { $0.date.precision < $1.date.precision }) {
                release.date = best.date
                release.basis = .stated
                release.statedPhrase = best.phrase
                release.evidenceMention = best.mention
                release.planned = best.planned
                for other in dates where !other.date.overlaps(best.date) {
                    release.conflicts.append("also stated \(other.date) (“\(other.phrase)”)")
                }
                if let entry, !entry.date.overlaps(best.date) {
                    release.conflicts.append("catalogue says \(entry.date)")
                }
            } else if let entry {
                release.date = entry.date
                release.basis = .catalog
            } else {
                release.date = indices.compactMap { articles[mentions[$0].article].published }.min()
                release.basis = .published
            }
            releases.append(release)
        }
        return releases.sorted { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.modelName < b.modelName
            }
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
    static func gap(_ mention: Mention, _ start: Int, _ end: Int) -> Int {
        if mention.end <= start { return start - mention.end }
        if end <= mention.start { return mention.start - end }
        return 0
    }

    /// Sentence ranges: a full stop, question or exclamation mark followed by
    /// a space (CJK full stops on their own), in scalar offsets.
    public static func sentences(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let atEnd = index + 1 == scalars.count
            if "。！？".unicodeScalars.contains(scalar) || (".?!".unicodeScalars.contains(scalar) && !atEnd && scalars[index + 1] == " "
                && index + 2 < scalars.count && (CharacterSet.uppercaseLetters.contains(scalars[index + 2]) || "“\"‘".unicodeScalars.contains(scalars[index + 2]))) {
                result.append(start..<(index + 1))
                start = index + 1
                while start < scalars.count, scalars[start] == " " { start += 1 }
                index = start - 1
            }
            index += 1
        }
        if start < scalars.count { result.append(start..<scalars.count) }
        return result
    }
}

import Foundation

/// Places the AI models named in the articles on a time line.
///
/// A date counts as a model's release date only when it stands in the same
/// sentence as the model, the sentence reports a release (`debut`,
/// `launched`, `will open-source` … kept as data), and no other model in
/// the sentence is nearer to it. Otherwise the catalogue gives the date, or
/// failing that the article's published date bounds it.
public struct ReleaseExtractor: Sendable {
    public var releaseCues: [String]
    var dateFinder = DatePhraseFinder()

    public init(releaseCues: [String] = ReleaseExtractor.bundledCues) {
        self.releaseCues = releaseCues.map { $0.lowercased() }
    }

    /// Words that mark a sentence as reporting a release (`Resources/release-cues.txt`).
    public static let bundledCues = ModelResources.lines("release-cues.txt")

    /// Dates the article's sentences give for the models they name.
    ///
    /// Sentence by sentence: a date phrase belongs to the nearest model
    /// mention in the sentence, when the sentence reports a release.
    public func statements(paragraphs: [String], published: CalendarDate?, mentions: [LinkedMention], vocabulary: Vocabulary) -> [ReleaseStatement] {
        var modelMentionsByParagraph: [Int32: [Int]] = [:]
        for (ordinal, mention) in mentions.enumerated() where vocabulary.definitions[Int(mention.entity)].type == .model {
            modelMentionsByParagraph[mention.paragraph, default: []].append(ordinal)
        }
        var result: [ReleaseStatement] = []
        for paragraphIndex in modelMentionsByParagraph.keys.sorted() {
            // Model mentions of one layer do not overlap: in reading order their starts and ends both increase.
            let ordinals = modelMentionsByParagraph[paragraphIndex]!
            let paragraph = Array(paragraphs[Int(paragraphIndex)].unicodeScalars)
            var cursor = 0
            for sentence in Self.sentences(paragraph) {
                while cursor < ordinals.count, Int(mentions[ordinals[cursor]].start) < sentence.lowerBound { cursor += 1 }
                var last = cursor
                while last < ordinals.count, Int(mentions[ordinals[last]].start) < sentence.upperBound { last += 1 }
                let inSentence = Array(ordinals[cursor..<last])
                cursor = last
                guard !inSentence.isEmpty else { continue }
                let text = String(String.UnicodeScalarView(paragraph[sentence]))
                guard Self.mayHoldDate(text), reportsRelease(text) else { continue }
                let future = dateFinder.speaksOfFuture(text)
                for phrase in dateFinder.phrases(in: text, published: published, future: future) {
                    let nearest = Self.nearest(inSentence, mentions: mentions, start: sentence.lowerBound + phrase.start,
                                               end: sentence.lowerBound + phrase.end)
                    let planned = published.map { phrase.date.firstDay > $0 || (future && !(phrase.date.lastDay < $0)) } ?? future
                    result.append(ReleaseStatement(model: mentions[nearest].entity, mention: Int32(nearest), date: phrase.date,
                                                   phrase: phrase.text, planned: planned, isRelative: phrase.isRelative))
                }
            }
        }
        return result
    }

    /// The model mention nearest a phrase (touching or overlapping it first; between equals, the earlier):
    /// a binary search, since the mentions are in order and do not overlap.
    static func nearest(_ candidates: [Int], mentions: [LinkedMention], start: Int, end: Int) -> Int {
        // The first mention that ends after the phrase starts.
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if Int(mentions[candidates[middle]].end) <= start { low = middle + 1 } else { high = middle }
        }
        let before = low > 0 ? candidates[low - 1] : nil
        if low < candidates.count, Int(mentions[candidates[low]].start) < end {
            // Overlapping is a gap of 0, and so is touching: the earlier wins.
            if let before, Int(mentions[before].end) == start { return before }
            return candidates[low]
        }
        let after = low < candidates.count ? candidates[low] : nil
        switch (before, after) {
        case let (before?, after?):
            let gapBefore = gap(Int(mentions[before].start), Int(mentions[before].end), start, end)
            let gapAfter = gap(Int(mentions[after].start), Int(mentions[after].end), start, end)
            return gapAfter < gapBefore ? after : before
        case let (before?, nil): return before
        case let (nil, after?): return after
        default: return candidates[0]
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
    static func gap(_ mentionStart: Int, _ mentionEnd: Int, _ start: Int, _ end: Int) -> Int {
        if mentionEnd <= start { return start - mentionEnd }
        if end <= mentionStart { return mentionStart - end }
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

// SPDX-License-Identifier: Apache-2.0
/// Which model in a clause a date phrase belongs to, when a clause names
/// several models and several dates: apposition (`called o1, in September
/// 2024`), an appositive clause (`Zed-9, a model Acme launched on May 2`),
/// the subject past a clause set off by commas, coordination (`X and Y last
/// Friday`), else the nearest model. Offsets are scalars of the paragraph;
/// candidates are model mention ordinals in text order, not overlapping.
enum ReleaseAttachment {
    /// Documents whose own date is no release: `an article published this week`.
    static let documentNouns = ["article", "report", "paper", "study", "post", "interview", "survey", "filing", "letter", "memo",
                                "statement", "analysis", "essay", "column", "newsletter", "podcast", "video", "op-ed", "story"]
    static let documentVerbs = ["published", "released", "posted", "issued", "dated", "written", "aired"]

    static func datesADocument(_ before: String) -> Bool {
        var trimmed = Substring(before)
        while let last = trimmed.last, last == " " || last == "," { trimmed = trimmed.dropLast() }
        for verb in documentVerbs where trimmed.hasSuffix(verb) {
            var head = trimmed.dropLast(verb.count)
            while let last = head.last, last == " " { head = head.dropLast() }
            for filler in [" was", " is", " that was", " first"] where head.hasSuffix(filler) { head = head.dropLast(filler.count) }
            if documentNouns.contains(where: { head.hasSuffix($0) || head.hasSuffix($0 + "s") }) { return true }
        }
        return false
    }

    /// A model right before the phrase, set off by a comma (`called o1, in September 2024`).
    static func apposition(_ candidates: [Int], mentions: [LinkedMention], scalars: [Unicode.Scalar], phraseStart: Int) -> Int? {
        // The last mention that ends at or before the phrase.
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if Int(mentions[candidates[middle]].end) <= phraseStart { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let candidate = candidates[low - 1]
        let between = String(String.UnicodeScalarView(scalars[Int(mentions[candidate].end)..<phraseStart]))
        return ["," , ", ", ", in ", ", on ", ", from ", ", back in "].contains(between) ? candidate : nil
    }

    /// The model whose appositive clause holds the phrase, when the nearest
    /// model comes after it: in `Unlike Zed-9, a model Acme launched on May 2,
    /// Qux-3 thinks first`, May 2 is Zed-9's.
    static func appositiveOwner(of nearest: Int, in candidates: [Int], mentions: [LinkedMention], scalars: [Unicode.Scalar],
                                phraseStart: Int) -> Int? {
        guard Int(mentions[nearest].start) >= phraseStart else { return nil }
        var comma = phraseStart - 1
        while comma >= 0, phraseStart - comma <= 80, scalars[comma] != "," { comma -= 1 }
        guard comma >= 0, scalars[comma] == "," else { return nil }
        let clause = String(String.UnicodeScalarView(scalars[(comma + 1)..<phraseStart])).lowercased()
        for opener in [" and ", " but ", " while ", " whereas ", " before ", " after ", " as ", " when ", " then "] where clause.hasPrefix(opener) {
            return nil
        }
        // The model that ends right at the comma, and no model inside the clause.
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if Int(mentions[candidates[middle]].end) <= comma { low = middle + 1 } else { high = middle }
        }
        guard low > 0, Int(mentions[candidates[low - 1]].end) == comma else { return nil }
        if low < candidates.count, Int(mentions[candidates[low]].start) < phraseStart { return nil }
        return candidates[low - 1]
    }

    /// The subject of a sentence whose nearest model sits in a clause set off
    /// by commas: in `Zed-9, the model on which Qux-3 was built, came out on
    /// May 2`, the date is Zed-9's, not Qux-3's.
    static func clauseSubject(of nearest: Int, in candidates: [Int], mentions: [LinkedMention], scalars: [Unicode.Scalar],
                              phraseStart: Int) -> Int? {
        let nearestMention = mentions[nearest]
        guard Int(nearestMention.end) <= phraseStart, phraseStart - Int(nearestMention.end) <= 80 else { return nil }
        // After the nearest model: one comma, closing the clause, before the phrase.
        let after = scalars[Int(nearestMention.end)..<phraseStart]
        guard after.filter({ $0 == "," }).count == 1, after.first != "," else { return nil }
        // Before it: a model followed by the comma that opens the clause, and no other comma between.
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[candidates[middle]].start < nearestMention.start { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let subject = candidates[low - 1]
        let subjectEnd = Int(mentions[subject].end)
        guard subjectEnd < Int(nearestMention.start), scalars[subjectEnd] == ",",
              Int(nearestMention.start) - subjectEnd <= 80,
              !scalars[(subjectEnd + 1)..<Int(nearestMention.start)].contains(",") else { return nil }
        return subject
    }

    /// What joins coordinated model names.
    static let coordinators: Set<String> = [" and ", ", ", ", and ", " & ", " as well as ", " and its ", " alongside ", " plus ", " or "]

    /// Words that end a coordination: what follows them is a clause of its own.
    static let clauseWords: Set<String> = ["which", "that", "who", "while", "but", "after", "before", "when", "is", "was", "are", "were",
                                           "has", "had", "have", "will", "would", "said", "says", "than", "unlike", "rival", "rivals"]

    /// Whether the text between two models joins them: a coordinator, then at most four describing words
    /// (`and its reasoning model`, `and a smaller, faster`).
    static func joins(_ between: String) -> Bool {
        if coordinators.contains(between) { return true }
        guard between.utf8.count <= 48 else { return false }
        let lower = between.lowercased()
        guard let lead = [", and ", " and ", ", ", " & ", " as well as ", " alongside ", " plus ", " or "].first(where: { lower.hasPrefix($0) }),
              lower.hasSuffix(" ") else { return false }
        let words = lower.dropFirst(lead.count).split(whereSeparator: { $0 == " " || $0 == "," })
        return words.count <= 4 && words.allSatisfy { word in
            !clauseWords.contains(String(word)) && word.allSatisfy { $0.isLetter && $0.isLowercase || $0 == "-" }
        }
    }

    /// The model and those coordinated with it, in text order (eight each side at most).
    static func coordinated(_ ordinal: Int, in candidates: [Int], mentions: [LinkedMention], scalars: [Unicode.Scalar]) -> [Int] {
        // Candidates are in text order and do not overlap: find the ordinal by its start.
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[candidates[middle]].start < mentions[ordinal].start { low = middle + 1 } else { high = middle }
        }
        guard low < candidates.count, candidates[low] == ordinal else { return [ordinal] }
        let position = low
        func joined(_ left: Int, _ right: Int) -> Bool {
            let from = Int(mentions[left].end), to = Int(mentions[right].start)
            guard from <= to, to - from <= 48 else { return false }
            return joins(String(String.UnicodeScalarView(scalars[from..<to])))
        }
        var first = position, last = position
        while first > 0, position - first < 8, joined(candidates[first - 1], candidates[first]) { first -= 1 }
        while last + 1 < candidates.count, last - position < 8, joined(candidates[last], candidates[last + 1]) { last += 1 }
        return Array(candidates[first...last])
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

    /// Characters between a mention and a phrase (0 when they touch).
    static func gap(_ mentionStart: Int, _ mentionEnd: Int, _ start: Int, _ end: Int) -> Int {
        if mentionEnd <= start { return start - mentionEnd }
        if end <= mentionStart { return mentionStart - end }
        return 0
    }
}

// SPDX-License-Identifier: Apache-2.0
/// A whole text split into paragraphs, remembering where each paragraph
/// starts, so that spans given as offsets into the whole text (NER output:
/// JSON Lines `entities`, brat, spaCy) can be placed in one paragraph.
///
/// Every line break ends a paragraph (these formats put one paragraph on a
/// line, or separate them by blank lines); blank lines are dropped and each
/// line's surrounding white space is trimmed. Offsets are Unicode scalars,
/// which is what Python's `str` offsets count.
struct ParagraphLayout {
    private(set) var paragraphs: [String] = []
    /// Scalar offset of each paragraph's first scalar in the whole text.
    private(set) var starts: [Int] = []
    private(set) var lengths: [Int] = []
    /// Scalars in the whole text.
    private(set) var totalScalars = 0

    init(text: String) {
        var line = String.UnicodeScalarView()
        var lineStart = 0
        var offset = 0
        func flush() {
            let scalars = Array(line)
            var first = 0
            var last = scalars.count
            while first < last, scalars[first].properties.isWhitespace { first += 1 }
            while last > first, scalars[last - 1].properties.isWhitespace { last -= 1 }
            if first < last {
                paragraphs.append(String(String.UnicodeScalarView(scalars[first..<last])))
                starts.append(lineStart + first)
                lengths.append(last - first)
            }
            line = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" {
                flush()
                lineStart = offset + 1
            } else {
                line.append(scalar)
            }
            offset += 1
        }
        flush()
        totalScalars = offset
    }

    /// Where a whole-text span falls: its paragraph and the scalar range in
    /// it, or why it cannot be placed.
    func place(start: Int, end: Int) -> Result<(paragraph: Int, start: Int, end: Int), PlacementProblem> {
        guard start >= 0, end <= totalScalars else { return .failure(.outOfRange) }
        guard start < end else { return .failure(.inverted) }
        // The last paragraph starting at or before `start`.
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= start { low = middle + 1 } else { high = middle }
        }
        let index = low - 1
        guard index >= 0 else { return .failure(.outsideText) }
        let relativeStart = start - starts[index]
        let relativeEnd = end - starts[index]
        guard relativeStart < lengths[index] else { return .failure(.outsideText) }
        guard relativeEnd <= lengths[index] else { return .failure(.crossesParagraphs) }
        return .success((index, relativeStart, relativeEnd))
    }

    enum PlacementProblem: Error {
        case outOfRange, inverted, outsideText, crossesParagraphs

        var reason: String {
            switch self {
            case .outOfRange: "is outside the text"
            case .inverted: "ends before it starts"
            case .outsideText: "covers only white space"
            case .crossesParagraphs: "crosses a paragraph break"
            }
        }
    }
}

/// One span as an NER format states it: whole-text scalar offsets, a name
/// (or none: the covered text is the name), a type, and where it was stated
/// (`news.jsonl:17`, `x.ann:4`) for warnings.
struct StatedSpan {
    var start: Int
    var end: Int
    var label: String?
    var type: EntityType
    /// Where the span was stated, when that is not the article itself
    /// (warnings are shown after the article's path): `x.ann:4`, `document 2`, or empty.
    var origin: String

    /// `x.ann:4: ` before a warning, nothing for the article itself.
    static func place(_ origin: String) -> String { origin.isEmpty ? "" : origin + ": " }
}

extension ParagraphLayout {
    /// The spans placed in paragraphs; each one that cannot be placed is
    /// dropped with a warning naming where it was stated. At most `limit` kept.
    func givenMentions(_ spans: [StatedSpan], limits: ImportLimits, warnings: inout [String]) -> [GivenMention] {
        var result: [GivenMention] = []
        for span in spans {
            guard result.count < limits.maximumAnnotations else {
                warnings.append("\(StatedSpan.place(span.origin))more than \(limits.maximumAnnotations) entity spans; the rest are dropped")
                break
            }
            switch place(start: span.start, end: span.end) {
            case .failure(let problem):
                warnings.append("\(StatedSpan.place(span.origin))entity span \(span.start)–\(span.end) \(problem.reason); dropped")
            case .success(let placed):
                let covered = String(String.UnicodeScalarView(Array(paragraphs[placed.paragraph].unicodeScalars)[placed.start..<placed.end]))
                let label = ImportText.line(span.label ?? covered)
                guard !label.isEmpty, label.unicodeScalars.count <= limits.maximumLabelLength else {
                    warnings.append("\(StatedSpan.place(span.origin))entity label is empty or longer than \(limits.maximumLabelLength) characters; dropped")
                    continue
                }
                result.append(GivenMention(paragraph: placed.paragraph, start: placed.start, end: placed.end, label: label, type: span.type))
            }
        }
        return result
    }
}

/// Small text rules every importer shares.
enum ImportText {
    /// A one-line field (title, author, label): white space, line breaks
    /// included, collapsed to single spaces and trimmed. Control characters
    /// stay; every writer to a terminal replaces them (`ControlCharacters`).
    static func line(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isWhiteSpace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            result.append(scalar)
        }
        return String(result)
    }

    /// A title from the first paragraph when the source has none (NER
    /// formats): its first 100 scalars, cut at a word when one is near.
    static func title(fromFirst paragraphs: [String]) -> String {
        guard let first = paragraphs.first else { return "(untitled)" }
        let scalars = Array(first.unicodeScalars)
        guard scalars.count > 100 else { return first }
        var cut = 100
        while cut > 60, scalars[cut] != " " { cut -= 1 }
        if scalars[cut] != " " { cut = 100 }
        return String(String.UnicodeScalarView(scalars[..<cut])) + "…"
    }

    /// Keeps at most the limit's paragraphs (with a warning), and the
    /// headings, links and given spans that fall in them.
    static func applyParagraphLimit(_ article: inout Article, limits: ImportLimits) {
        let count = article.paragraphs.count
        guard count > limits.maximumParagraphs else { return }
        let kept = limits.maximumParagraphs
        article.warnings.append("\(count) paragraphs; only the first \(kept) are kept")
        article.paragraphs.removeLast(count - kept)
        article.headings.removeAll { $0 >= kept }
        article.links.removeAll { $0.paragraph >= kept }
        article.givenMentions.removeAll { $0.paragraph >= kept }
    }
}

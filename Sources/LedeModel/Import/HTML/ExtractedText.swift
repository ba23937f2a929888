/// The article's text as lede keeps it: paragraphs, which of them are
/// headings, and the links in them.
struct ExtractedText {
    var paragraphs: [String] = []
    var headings: [Int] = []
    var links: [ArticleLink] = []

    init(paragraphs: [String] = [], headings: [Int] = [], links: [ArticleLink] = []) {
        self.paragraphs = paragraphs
        self.headings = headings
        self.links = links
    }

    init(_ builder: ParagraphBuilder) {
        self.init(paragraphs: builder.paragraphs, headings: builder.headings, links: builder.links)
    }

    /// JSON-LD `articleBody`: plain text, its lines the paragraphs.
    init?(linkedDataBody body: String) {
        var builder = ParagraphBuilder()
        for line in body.split(whereSeparator: \.isNewline) {
            builder.append(line.unicodeScalars)
            builder.endParagraph()
        }
        guard !builder.paragraphs.isEmpty else { return nil }
        self.init(builder)
    }

    /// Relative link addresses made absolute against the page's address.
    mutating func resolveLinks(against base: String?) {
        guard let base else { return }
        for index in links.indices {
            if let resolved = PageMetadata.resolve(links[index].address, against: base) { links[index].address = resolved }
        }
    }

    /// Characters of text in all paragraphs.
    var characterCount: Int { paragraphs.reduce(0) { $0 + $1.unicodeScalars.count } }

    /// Keeps the paragraphs `keep` accepts, with their headings and links renumbered.
    mutating func filter(_ keep: (Int) -> Bool) {
        var newIndex = [Int](repeating: -1, count: paragraphs.count)
        var kept: [String] = []
        for (index, paragraph) in paragraphs.enumerated() where keep(index) {
            newIndex[index] = kept.count
            kept.append(paragraph)
        }
        headings = headings.compactMap { newIndex[$0] >= 0 ? newIndex[$0] : nil }
        links = links.compactMap { link in
            guard newIndex[link.paragraph] >= 0 else { return nil }
            var moved = link
            moved.paragraph = newIndex[link.paragraph]
            return moved
        }
        paragraphs = kept
    }

    /// Unicode scalars of a paragraph inside links.
    func linkedLength(of paragraph: Int) -> Int {
        links.filter { $0.paragraph == paragraph }.reduce(0) { $0 + $1.end - $1.start }
    }
}

/// Paragraph-level clean-up after the article's blocks are written: lines
/// that are only furniture (`html-boilerplate.tsv` `line` entries: "Advertisement",
/// "Share this article"), short paragraphs that are mostly a link, a heading
/// repeating the title, and headings left with nothing after them.
enum ParagraphCleanup {
    static func clean(_ text: inout ExtractedText, title: String?, patterns: BoilerplatePatterns) {
        let titleKey = title.map(BoilerplatePatterns.lineKey)
        var linked = [Int](repeating: 0, count: text.paragraphs.count)
        for link in text.links { linked[link.paragraph] += link.end - link.start }
        let headingSet = Set(text.headings)
        let paragraphs = text.paragraphs
        let count = paragraphs.count
        text.filter { index in
            let paragraph = paragraphs[index]
            // Furniture lines and titles are short: long paragraphs skip the key.
            if paragraph.utf8.count < 400 {
                let key = BoilerplatePatterns.lineKey(paragraph)
                if key.isEmpty || patterns.lines.contains(key) || isFurnitureLine(paragraph, patterns: patterns) { return false }
                if headingSet.contains(index), key == titleKey { return false }
            }
            let length = paragraph.unicodeScalars.count
            let limit = index == count - 1 ? 60 : 30
            if length < limit, Double(linked[index]) > 0.8 * Double(length) { return false }
            return true
        }
        // Headings at the end introduce nothing.
        while let last = text.paragraphs.indices.last, text.headings.last == last {
            text.filter { $0 != last }
        }
    }

    /// A legal notice, a sign-up or download line, a line starting as furniture does, the article's metadata
    /// (a label and a date), or a bare web address.
    static func isFurnitureLine(_ paragraph: String, patterns: BoilerplatePatterns) -> Bool {
        let length = paragraph.unicodeScalars.count
        guard length < 300 else { return false }
        let lower = paragraph.lowercased()
        if patterns.legal.contains(where: { lower.contains($0) }) { return true }
        guard length < 200 else { return false }
        if length < 100, patterns.starts.contains(where: { lower.hasPrefix($0) }) { return true }
        if patterns.promo.contains(where: { lower.containsWord($0) }), patterns.promoObjects.contains(where: { lower.containsWord($0) }) {
            return true
        }
        if length < 120, patterns.metaLabels.contains(where: { lower.containsWord($0) }) {
            if DateText.parse(paragraph) != nil { return true }
            if lower.hasSuffix(":"), lower.split(separator: " ").count <= 4 { return true }
        }
        return isWebAddress(lower)
    }

    /// `example.com`, `www.example.co.uk/page`: one word of dotted names.
    static func isWebAddress(_ lower: String) -> Bool {
        var text = Substring(lower)
        for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        let host = text.prefix { $0 != "/" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, text.count <= 80, !text.contains(" ") else { return false }
        return labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } } && labels.last!.allSatisfy(\.isLetter)
    }
}

extension String {
    /// Whether `phrase` stands in this text with no letter or digit right before or after it
    /// (bytes of other scripts count as letters).
    func containsWord(_ phrase: String) -> Bool {
        let text = Array(utf8)
        let needle = Array(phrase.utf8)
        guard let first = needle.first, text.count >= needle.count else { return false }
        func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        var start = 0
        while start + needle.count <= text.count {
            if text[start] == first, text[start..<(start + needle.count)].elementsEqual(needle),
               start == 0 || !isWordByte(text[start - 1]), start + needle.count == text.count || !isWordByte(text[start + needle.count]) {
                return true
            }
            start += 1
        }
        return false
    }
}

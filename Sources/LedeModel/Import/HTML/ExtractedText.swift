// SPDX-License-Identifier: Apache-2.0
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
        let lower = Array(paragraph.lowercased().utf8)
        func has(_ phrase: [UInt8]) -> Bool { BoilerplatePatterns.contains(lower, phrase) }
        func hasWord(_ phrase: [UInt8]) -> Bool { BoilerplatePatterns.containsWord(lower, phrase) }
        if patterns.legal.contains(where: has) { return true }
        guard length < 200 else { return false }
        if patterns.starts.contains(where: { lower.starts(with: $0) }) { return true }
        // A promo speaks to the reader: it opens with its call, or says you, your, our or us.
        let addressesReader = ["you", "your", "our", "us"].contains { hasWord(Array($0.utf8)) }
        if patterns.promo.contains(where: { lower.starts(with: $0) || addressesReader && hasWord($0) }),
           patterns.promoObjects.contains(where: hasWord) {
            return true
        }
        // A label opens the line or stands before a colon (`Posted on …`, `… - Last modified: …`), not in a sentence.
        let firstWords = Array(lower.split(separator: UInt8(ascii: " ")).prefix(3).joined(separator: [UInt8(ascii: " ")]))
        func isLabel(_ label: [UInt8]) -> Bool {
            BoilerplatePatterns.containsWord(firstWords, label) || BoilerplatePatterns.contains(lower, label + Array(":".utf8))
                || BoilerplatePatterns.contains(lower, label + Array(" :".utf8))
        }
        if length < 120, patterns.metaLabels.contains(where: isLabel) {
            if DateText.parse(paragraph) != nil { return true }
            if lower.last == UInt8(ascii: ":"), lower.split(separator: UInt8(ascii: " ")).count <= 4 { return true }
        }
        return isWebAddress(lower)
    }

    /// `example.com`, `www.example.co.uk/page`: one word of dotted names (lower-case bytes).
    static func isWebAddress(_ lower: [UInt8]) -> Bool {
        guard lower.count <= 80, !lower.contains(UInt8(ascii: " ")) else { return false }
        var text = lower[...]
        for prefix in ["https://", "http://"] where text.starts(with: prefix.utf8) { text = text.dropFirst(prefix.utf8.count) }
        let labels = text.prefix { $0 != UInt8(ascii: "/") }.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || byte >= 0x80 }
        guard labels.count >= 2, let last = labels.last, !last.isEmpty, last.allSatisfy(isLetter) else { return false }
        return labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") } }
    }
}

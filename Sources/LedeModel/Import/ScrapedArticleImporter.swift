// SPDX-License-Identifier: Apache-2.0
// ~530 lines, one file: the scraped format has no separators, so the
// byline, the date, chrome, teasers and the annotations JSON are cut out of
// one run of text in an order that matters; page furniture is its own file.

import Foundation
import LedeText

/// Reads the scraped-page format: `# <title>\n\n<page text><annotations JSON>`.
///
/// The page text has the byline, the date, site chrome, paragraphs,
/// "Recommended" teasers and the author's e-mail glued together with no
/// separators; this importer takes them apart again. It never fails on odd
/// text: only a file that is not text, or has no title line, is an error.
/// Missing or broken annotations become warnings on the article.
public struct ScrapedArticleImporter: ArticleImporter {
    public var chromePhrases: [String]
    /// Site furniture beyond exact phrases (`Resources/furniture.tsv`).
    public var furniture: PageFurniture = .bundled
    /// Camel-case names that must not be split where a lower-case letter meets
    /// an upper-case one (DeepSeek, OpenAI, QwQ …).
    public var camelCaseNames: Set<String> {
        didSet { camelCaseIndex = Self.indexCamelCaseNames(camelCaseNames) }
    }
    /// Each name under every pair of adjacent characters in it, with where the
    /// pair's second character sits: a boundary asks only the names that
    /// could span it (one dictionary look-up rather than a scan of them all).
    private var camelCaseIndex: [String: [(name: [Character], offset: Int)]]
    public var limits: ImportLimits

    public init(chromePhrases: [String] = ChromePhrases.bundled, camelCaseNames: Set<String> = CamelCaseNames.bundled,
                limits: ImportLimits = .standard) {
        self.chromePhrases = chromePhrases.sorted { $0.count > $1.count }
        self.camelCaseNames = camelCaseNames
        self.camelCaseIndex = Self.indexCamelCaseNames(camelCaseNames)
        self.limits = limits
    }

    public func parse(_ data: Data, path: String) -> Result<Article, LoadError> {
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failure(LoadError(path: path, message: "not UTF-8 text"))
        }
        return parse(text, path: path)
    }

    public func importFile(at path: String) -> Result<Article, LoadError> {
        importFile(at: path, limits: limits)
    }

    public var fingerprint: String {
        var parts = ["scraped-2"] + chromePhrases + camelCaseNames.sorted() + furniture.glued + furniture.signupWords
            + furniture.signupObjects + furniture.headlineLabels + furniture.creditMarkers + furniture.agencies + furniture.sections.sorted()
            + furniture.starters.sorted()
        parts.append("\(limits.maximumFileBytes) \(limits.maximumAnnotations) \(limits.maximumLabelLength) \(limits.maximumParagraphs)")
        return parts.joined(separator: "\n")
    }

    public func parse(_ rawText: String, path: String) -> Result<Article, LoadError> {
        // Windows (CR LF) and classic Mac (CR alone) line endings become LF.
        let text = rawText.containsByte(13) ? rawText.replacingAllUTF8("\r\n", with: "\n").replacingAllUTF8("\r", with: "\n") : rawText
        if text.containsByte(0) {
            return .failure(LoadError(path: path, message: "binary file (contains NUL bytes)"))
        }
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return .failure(LoadError(path: path, message: "empty file")) }
        // Bytes, not characters: a combining mark after `# ` joins the space
        // into one character that would not equal " ".
        guard trimmed.utf8.starts(with: "# ".utf8) || trimmed.utf8.starts(with: "#\t".utf8) else {
            return .failure(LoadError(path: path, message: "no title line: expected the file to start with '# <title>'"))
        }
        let titleStart = trimmed.utf8.index(trimmed.startIndex, offsetBy: 2)
        let titleEnd = trimmed.utf8[titleStart...].firstIndex(of: 0x0A) ?? trimmed.endIndex
        let title = String(trimmed.unicodeScalars[titleStart..<titleEnd]).trimmingWhitespace()
        var body = trimmed[titleEnd...].trimmingWhitespace()

        var warnings: [String] = []
        var annotations: [Annotation] = []
        var contentID: String?

        // Annotations JSON, glued after the text.
        if let jsonStart = Self.annotationsStart(in: body) {
            let json = String(body[jsonStart...])
            body = String(body[..<jsonStart])
            switch Self.parseAnnotations(json, limits: limits) {
            case .success(let parsed):
                annotations = parsed.annotations
                contentID = parsed.contentID
                warnings += parsed.warnings
                if annotations.isEmpty && parsed.warnings.isEmpty { warnings.append("annotations JSON lists no annotations") }
            case .failure(let message):
                warnings.append("annotations JSON is broken (\(message)); the article is shown without annotations")
            }
        } else {
            warnings.append("no annotations JSON found; entities are detected from the text only")
        }

        // Byline and date: `Tessa MarlowPublishedMar 19 202564…`.
        var authors: [String] = []
        var published: CalendarDate?
        if let byline = Self.parseByline(body) {
            authors = byline.authors
            published = byline.date
            body = String(body[byline.end...])
        }

        let email = Self.cutEmail(from: &body, authors: authors)
        body = stripChrome(body)
        var related: [RelatedArticle] = []
        body = cutRelatedBlocks(body, into: &related)
        var paragraphs = furniture.clean(splitParagraphs(body), related: &related, isInsideName: isInsideCamelCaseName)
        if paragraphs.count > limits.maximumParagraphs {
            warnings.append("\(paragraphs.count) paragraphs; only the first \(limits.maximumParagraphs) are kept")
            paragraphs.removeLast(paragraphs.count - limits.maximumParagraphs)
        }

        let concepts = AnnotatedConcept.merge(annotations)
        if authors.isEmpty {
            authors = concepts.filter { $0.predicates.contains { Annotation.authorPredicates.contains($0) } }.map(\.label)
        }
        if paragraphs.isEmpty { warnings.append("no paragraphs found in the page text") }
        return .success(Article(path: path, title: title, authors: authors, published: published,
                                genre: AnnotatedConcept.classification(.genre, in: concepts),
                                brand: AnnotatedConcept.classification(.brand, in: concepts),
                                paragraphs: paragraphs, related: related, email: email, contentID: contentID,
                                annotations: annotations, warnings: warnings))
    }

    // MARK: - Annotations

    static func annotationsStart(in body: String) -> String.Index? {
        for marker in ["{\"contentId\"", "{\"annotations\"", "{ \"contentId\"", "{ \"annotations\""] {
            if let range = body.utf8Range(of: marker) { return range.lowerBound }
        }
        return nil
    }

    enum AnnotationsResult { case success((contentID: String?, annotations: [Annotation], warnings: [String])), failure(String) }

    static func parseAnnotations(_ json: String, limits: ImportLimits = .standard) -> AnnotationsResult {
        let root: JSONDocument
        do {
            root = try JSONDocument.parse(json)
        } catch {
            return .failure("not valid JSON: \(error)")
        }
        guard root.isObject else { return .failure("top level is not an object") }
        return annotations(in: root, limits: limits)
    }

    /// The `annotations` rows of a parsed document (the glued JSON here, a
    /// content-API document there): one decoding for every format that has them.
    static func annotations(in root: JSONDocument, limits: ImportLimits) -> AnnotationsResult {
        guard let rows = root["annotations"]?.array else { return .failure("no \"annotations\" array") }
        var result: [Annotation] = []
        var warnings: [String] = []
        var longLabels = 0
        for row in rows.prefix(limits.maximumAnnotations) {
            guard let label = row["prefLabel"]?.string, let id = row["id"]?.string else { continue }
            let trimmed = label.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            // A label longer than any real name is noise (or an attack on the name automaton).
            guard trimmed.unicodeScalars.count <= limits.maximumLabelLength else { longLabels += 1; continue }
            let predicateURI = row["predicate"]?.string ?? ""
            // The last path segment of the URI (a trailing slash is ignored).
            var segment = Substring(predicateURI)
            while segment.hasSuffix("/") { segment = segment.dropLast() }
            let predicate = segment.lastIndex(of: "/").map { String(segment[segment.index(after: $0)...]) } ?? String(segment)
            result.append(Annotation(type: EntityType(annotationType: row["type"]?.string ?? ""),
                                     predicate: predicate, label: trimmed, id: id, url: row["url"]?.string))
        }
        if rows.count > limits.maximumAnnotations {
            warnings.append("annotations JSON lists \(rows.count) rows; only the first \(limits.maximumAnnotations) are used")
        }
        if longLabels > 0 {
            warnings.append("\(longLabels) annotation label\(longLabels == 1 ? "" : "s") longer than \(limits.maximumLabelLength) characters skipped")
        }
        return .success((root["contentId"]?.string, result, warnings))
    }

    // MARK: - Byline

    static let monthPrefixes = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `<authors>Published<Mon> <d> <yyyy><count>` at the start of the text.
    static func parseByline(_ body: String) -> (authors: [String], date: CalendarDate?, end: String.Index)? {
        let searchLimit = body.utf8.index(body.startIndex, offsetBy: min(body.utf8.count, 400))
        guard let marker = body.utf8Range(of: "Published", before: searchLimit), body.distance(from: body.startIndex, to: marker.lowerBound) < 300 else {
            return nil
        }
        let authors = splitNames(String(body[..<marker.lowerBound]))
        var cursor = marker.upperBound
        var date: CalendarDate?
        let rest = body[cursor...]
        // Month name, abbreviated or full, then day, then a four-digit year.
        let scalars = Array(rest.prefix(40).unicodeScalars)
        var index = 0
        func readWord() -> String {
            var word = ""
            while index < scalars.count, CharacterSet.letters.contains(scalars[index]) { word.unicodeScalars.append(scalars[index]); index += 1 }
            return word
        }
        func skipSpacesAndCommas() { while index < scalars.count, scalars[index] == " " || scalars[index] == "," || scalars[index] == "." { index += 1 } }
        func readDigits(max: Int) -> String {
            var digits = ""
            while index < scalars.count, digits.count < max, ("0"..."9").contains(scalars[index]) { digits.unicodeScalars.append(scalars[index]); index += 1 }
            return digits
        }
        let monthWord = readWord()
        if let month = monthPrefixes.firstIndex(where: { monthWord.hasPrefix($0) && monthWord.count >= 3 }) {
            skipSpacesAndCommas()
            let day = Int(readDigits(max: 2))
            skipSpacesAndCommas()
            let yearText = readDigits(max: 4)
            if let day, yearText.count == 4, let year = Int(yearText), (1...CalendarDate.daysIn(month: month + 1, year: year)).contains(day) {
                date = CalendarDate(year: year, month: month + 1, day: day)
                _ = readDigits(max: 12) // the comment count glued after the year
                let consumed = String(String.UnicodeScalarView(scalars[0..<index]))
                cursor = body.index(cursor, offsetBy: consumed.count)
            }
        }
        return (authors, date, cursor)
    }

    /// `A and B`, `A, B and C`.
    static func splitNames(_ text: String) -> [String] {
        text.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    // MARK: - E-mail

    /// Removes `…worthless.tessa.marlow@ft.com` at the end, keeping the sentence's full stop.
    static func cutEmail(from body: inout String, authors: [String]) -> String? {
        let text = body.trimmingWhitespace()
        // Bytes, not Characters: walking Characters backwards over a run of
        // regional indicators re-reads the run at every step (quadratic).
        let utf8 = text.utf8
        guard let at = utf8.lastIndex(of: UInt8(ascii: "@")) else { return nil }
        let domain = text[text.index(after: at)...]
        guard domain.contains("."), domain.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        var start = at
        // An address's local part is at most 64 characters (all ASCII); a longer
        // run is not an address, and looking further would make this quadratic.
        var scanned = 0
        while start > utf8.startIndex, scanned < 128 {
            scanned += 1
            let previous = utf8.index(before: start)
            let byte = utf8[previous]
            let isLocal = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(byte)
            guard isLocal else { break }
            start = previous
        }
        var local = String(text[start..<at])
        // The local part runs into the last sentence: `worthless.tessa.marlow`.
        // Prefer the longest dotted suffix that looks like an author's name;
        // otherwise cut after the first full stop.
        let authorForms = Set(authors.flatMap { name -> [String] in
            let parts = name.lowercased().split(separator: " ").map(String.init)
            return [parts.joined(separator: "."), parts.joined(), parts.last ?? ""]
        })
        let pieces = local.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var keep = pieces.count
        var matchedAuthor = false
        for count in stride(from: pieces.count, through: 1, by: -1) {
            let suffix = pieces.suffix(count).joined(separator: ".")
            if authorForms.contains(suffix) { keep = count; matchedAuthor = true; break }
        }
        // Glued to the last word only when a space (not punctuation such as
        // `。`) comes before that word.
        let gluedToWord = start > text.startIndex && text[text.index(before: start)].isWhitespace
        if !matchedAuthor, pieces.count > 1, gluedToWord {
            keep = pieces.count - 1
        }
        local = pieces.suffix(keep).joined(separator: ".")
        let sentenceEnd = text.index(at, offsetBy: -local.count)
        body = String(text[..<sentenceEnd])
        return local + String(text[at...])
    }

    // MARK: - Chrome

    /// Strips chrome phrases from the head of the text; longer phrases
    /// (three words or more) anywhere, since they cannot be ordinary prose.
    func stripChrome(_ body: String) -> String {
        // A cursor into the text, so that a head of thousands of phrases costs
        // one pass rather than one copy of the rest per phrase.
        var rest = body[...]
        var changed = true
        while changed {
            changed = false
            rest = rest.drop { $0 == " " || $0 == "\n" }
            for phrase in chromePhrases where rest.hasPrefix(phrase) {
                // A short phrase only counts when what follows is glued on
                // with a capital (`SavePrint this page`), not `Save money`.
                let after = rest.dropFirst(phrase.count).first
                if phrase.split(separator: " ").count < 3, let after, !(after.isUppercase || after == "\n") { continue }
                rest = rest.dropFirst(phrase.count)
                changed = true
            }
        }
        var text = String(rest)
        // One pass per phrase, whatever the number of occurrences.
        for phrase in chromePhrases where phrase.split(separator: " ").count >= 3 {
            text = text.replacingAllUTF8(phrase, with: "\n")
        }
        return text
    }

    // MARK: - Related-article blocks

    /// Cuts `Recommended<brand><authors><headline>` teasers out of the text,
    /// leaving a paragraph break where each stood.
    func cutRelatedBlocks(_ body: String, into related: inout [RelatedArticle]) -> String {
        // Built up piece by piece, so that many teasers cost one pass.
        var result = ""
        var copiedUpTo = body.startIndex
        var searchStart = body.startIndex
        while let marker = body.utf8Range(of: "Recommended", from: searchStart) {
            guard let next = body[marker.upperBound...].first, next.isUppercase else {
                searchStart = marker.upperBound
                continue
            }
            // A teaser is short: only its first characters are looked at.
            let rest = String(body[marker.upperBound...].prefix(600))
            let (block, consumed) = parseRelatedBlock(rest)
            related.append(block)
            let blockEnd = body.index(marker.upperBound, offsetBy: consumed)
            result += body[copiedUpTo..<marker.lowerBound]
            result += "\n"
            copiedUpTo = blockEnd
            searchStart = blockEnd
        }
        if copiedUpTo == body.startIndex { return body }
        result += body[copiedUpTo...]
        return result
    }

    func parseRelatedBlock(_ rest: String) -> (RelatedArticle, consumed: Int) {
        // A teaser is short: look at its first few hundred characters only.
        let characters = Array(rest.prefix(600))
        let boundaries = glueBoundaries(characters, limit: 400, count: 5)
        var segments: [String] = []
        var previous = 0
        for boundary in boundaries {
            segments.append(String(characters[previous..<boundary]))
            previous = boundary
        }
        // Short Title Case segments are brand and bylines; the first segment
        // in sentence case is the headline; the text after it is the article.
        var metadata: [String] = []
        var headline: String?
        var consumed = 0
        for (index, segment) in segments.enumerated() {
            consumed += segment.count
            if headline == nil, Self.isTitleCaseLine(segment) || furniture.sections.contains(segment), index < segments.count - 1,
               metadata.count < 3 {
                metadata.append(segment)
                continue
            }
            headline = segment
            break
        }
        if headline == nil {
            // No sentence-case segment: the last metadata line is the headline.
            if let last = metadata.popLast() { headline = last } else {
                let fallback = String(characters.prefix(while: { $0 != "\n" && $0 != "." }))
                headline = fallback
                consumed = fallback.count
            }
        }
        let knownBrandOnly = metadata.count == 1 && !Self.looksLikeNames(metadata[0])
        let brand = metadata.count >= 2 || knownBrandOnly ? metadata.first : nil
        let authorLine = metadata.count >= 2 ? metadata[1] : (knownBrandOnly ? nil : metadata.first)
        return (RelatedArticle(brand: brand, authors: authorLine.map(Self.splitNames) ?? [], headline: headline ?? ""), consumed)
    }

    /// Indices where a word ends glued to a capitalised word (`InsightJune`,
    /// `industryFor`), skipping known camel-case names.
    func glueBoundaries(_ characters: [Character], limit: Int, count: Int = .max) -> [Int] {
        var result: [Int] = []
        var index = 1
        while index < min(characters.count, limit), result.count < count {
            let left = characters[index - 1]
            let right = characters[index]
            if right.isUppercase, left.isLowercase || left.isNumber || "?!.”’\")".contains(left), !isInsideCamelCaseName(characters, at: index) {
                result.append(index)
            }
            index += 1
        }
        return result
    }

    /// True if a known camel-case name covers both sides of `boundary`.
    func isInsideCamelCaseName(_ characters: [Character], at boundary: Int) -> Bool {
        guard boundary > 0, boundary < characters.count else { return false }
        guard let candidates = camelCaseIndex[String([characters[boundary - 1], characters[boundary]])] else { return false }
        for (name, offset) in candidates {
            let start = boundary - offset
            guard start >= 0, start + name.count <= characters.count else { continue }
            if characters[start..<(start + name.count)].elementsEqual(name) { return true }
        }
        return false
    }

    static func indexCamelCaseNames(_ names: Set<String>) -> [String: [(name: [Character], offset: Int)]] {
        var index: [String: [(name: [Character], offset: Int)]] = [:]
        for name in names.sorted() {
            let characters = Array(name)
            for offset in characters.indices.dropFirst() {
                index[String([characters[offset - 1], characters[offset]]), default: []].append((characters, offset))
            }
        }
        return index
    }

    static let lowerCaseConnectors: Set<String> = ["and", "of", "the", "in", "&", "for", "de", "van", "von", "a"]

    static func isTitleCaseLine(_ segment: String) -> Bool {
        let words = segment.split(separator: " ")
        guard !words.isEmpty, words.count <= 6 else { return false }
        return words.allSatisfy { word in
            lowerCaseConnectors.contains(String(word)) || (word.first?.isUppercase ?? false)
        } && words.first?.first?.isUppercase == true
    }

    /// `Tessa Marlow`, `Ana Ruiz and Tom Baker`: two or three capitalised words per name.
    static func looksLikeNames(_ segment: String) -> Bool {
        let names = splitNames(segment)
        return !names.isEmpty && names.allSatisfy { name in
            let words = name.split(separator: " ")
            return (2...4).contains(words.count) && words.allSatisfy { $0.first?.isUppercase ?? false }
        }
    }

    // MARK: - Paragraphs

    /// Splits where a sentence end is glued to a capital (`would not.For now`,
    /// `Sentences.gluedBreaks`), and at newlines.
    func splitParagraphs(_ body: String) -> [String] {
        var paragraphs: [String] = []
        for block in body.utf8.split(separator: 0x0A).map(Substring.init) {
            let scalars = Array(block.unicodeScalars)
            // Scalar offsets of the breaks; the text is sliced from `block` once.
            let breaks = Sentences.gluedBreaks(in: scalars)
            var lower = block.unicodeScalars.startIndex
            var lowerOffset = 0
            for offset in breaks + [scalars.count] {
                let upper = block.unicodeScalars.index(lower, offsetBy: offset - lowerOffset)
                let paragraph = block[lower..<upper].trimmingWhitespace()
                if !paragraph.isEmpty { paragraphs.append(paragraph) }
                lower = upper
                lowerOffset = offset
            }
        }
        return paragraphs
    }
}

/// Camel-case names that glue detection must keep whole.
public enum CamelCaseNames {
    public static let bundled: Set<String> = {
        var names: Set<String> = ["DeepSeek", "OpenAI", "QwQ", "ChatGPT", "YouTube", "LinkedIn", "PayPal", "iPhone",
                                  "iPad", "MacBook", "PlayStation", "GitHub", "TikTok", "WeChat", "ByteDance", "MiniMax",
                                  "SenseTime", "StepFun", "SoftBank", "HuggingFace", "PyTorch", "TensorFlow", "DeepMind",
                                  "McKinsey", "McDonald", "MacArthur", "AlphaFold", "AlphaGo", "JPMorgan", "BlackRock",
                                  "CoreWeave", "SambaNova", "OpenRouter", "xAI", "LLaMA", "GPT", "iFlytek", "ModelBest"]
        for line in ModelResources.lines("gazetteer.tsv") + ModelResources.lines("releases.tsv") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            for column in columns.prefix(2) {
                for name in column.split(separator: "|") {
                    for word in name.split(separator: " ") where Self.isCamelCase(word) {
                        names.insert(String(word.trimmingCharacters(in: CharacterSet(charactersIn: "~"))))
                    }
                }
            }
        }
        return names
    }()

    static func isCamelCase(_ word: Substring) -> Bool {
        var sawLower = false
        for character in word {
            if character.isLowercase { sawLower = true } else if character.isUppercase, sawLower { return true }
        }
        return false
    }
}

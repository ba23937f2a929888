// SPDX-License-Identifier: Apache-2.0
import Foundation
import Yams

/// Reads Markdown with optional YAML front matter (`---` … `---`): `title`,
/// `authors` (or `author`), `date`, `tags`.
///
/// ATX headings (`#` … `######`) become heading paragraphs; a blank line
/// ends a paragraph and other line breaks join lines; list items and block
/// quotes start paragraphs of their own. Inline `[text](address)` becomes a
/// link over its text; emphasis markers are dropped; inline code and fenced
/// code blocks are kept as they are (a fence's lines one paragraph each).
/// There are no annotations: tags become display-tag topics (listed, and found
/// in the text like annotated topics); everything else is detected from the text.
public struct MarkdownImporter: ArticleImporter {
    public var limits: ImportLimits

    public init(limits: ImportLimits = .standard) { self.limits = limits }

    public var fingerprint: String { "markdown-1" }

    public func parse(_ data: Data, path: String) -> Result<Article, LoadError> {
        guard let raw = String(validating: data, as: UTF8.self) else { return .failure(LoadError(path: path, message: "not UTF-8 text")) }
        // CR LF and a lone CR (classic Mac) end lines too.
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var front = FrontMatter(nil)
        var warnings: [String] = []
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            guard let close = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else {
                return .failure(LoadError(path: path, message: "line 1: front matter opened with '---' is never closed"))
            }
            let yaml = lines[1..<close].joined(separator: "\n")
            do {
                front = FrontMatter(try Yams.compose(yaml: yaml))
            } catch {
                // Yams counts lines from the front matter's first line, after the opening `---`.
                let line = (error as? YamlError).flatMap(Self.line(of:)).map { $0 + 1 } ?? 2
                return .failure(LoadError(path: path, message: "line \(line): front matter is not valid YAML (\(Self.summary(error)))"))
            }
            lines = Array(lines[(close + 1)...])
        }
        var builder = ParagraphBuilder()
        var inFence = false
        var firstHeading: String?
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                builder.endParagraph()
                inFence.toggle()
                continue
            }
            if inFence {
                if !trimmed.isEmpty { builder.appendVerbatim(String(line)); builder.endParagraph() }
                continue
            }
            if trimmed.isEmpty { builder.endParagraph(); continue }
            if let heading = Self.heading(trimmed) {
                builder.startHeading()
                Self.appendInline(heading, to: &builder)
                if firstHeading == nil { firstHeading = ImportText.line(heading) }
                builder.endParagraph()
                continue
            }
            var content = Substring(trimmed)
            if content.hasPrefix(">") {
                content = content.drop { $0 == ">" || $0 == " " }
            }
            if let item = Self.listItem(content) {
                builder.endParagraph()
                builder.append("•".unicodeScalars)
                builder.append(" ")
                content = item
            }
            Self.appendInline(String(content), to: &builder)
            builder.append(" ")
        }
        builder.endParagraph()
        guard !builder.paragraphs.isEmpty else { return .failure(LoadError(path: path, message: "no text after the front matter")) }
        let title = front.title.map(ImportText.line) ?? firstHeading ?? ImportText.title(fromFirst: builder.paragraphs)
        let authors = front.authors.map(ImportText.line).filter { !$0.isEmpty }
        let tags = front.tags.map(ImportText.line).filter { !$0.isEmpty && $0.unicodeScalars.count <= limits.maximumLabelLength }
        if tags.count > limits.maximumAnnotations { warnings.append("more than \(limits.maximumAnnotations) tags; the rest are dropped") }
        let annotations = tags.prefix(limits.maximumAnnotations).map {
            Annotation(type: .topic, predicate: "hasDisplayTag", label: $0, id: "tag:" + EntityKey.normalise($0))
        }
        var article = Article(path: path, title: title, authors: authors, published: front.date,
                              paragraphs: builder.paragraphs, annotations: Array(annotations), warnings: warnings,
                              format: .markdown, headings: builder.headings, links: builder.links)
        ImportText.applyParagraphLimit(&article, limits: limits)
        return .success(article)
    }

    // MARK: - Front matter


    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    static func summary(_ error: any Error) -> String {
        ImportText.line(String(describing: error)).prefix(160).description
    }

    // MARK: - Blocks

    /// `## Title ##` → `Title`.
    static func heading(_ line: String) -> String? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `- item`, `* item`, `+ item`, `1. item` → `item`.
    static func listItem(_ line: Substring) -> Substring? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " { return line.dropFirst(2) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if (rest.first == "." || rest.first == ")"), rest.dropFirst().first == " " { return rest.dropFirst(2) }
        }
        return nil
    }

    // MARK: - Inline

    /// Links, images (their alt text), code spans, emphasis markers dropped.
    static func appendInline(_ text: String, to builder: inout ParagraphBuilder) {
        let scalars = Array(text.unicodeScalars)
        appendInline(scalars, scalars.indices, marks: InlineMarks(scalars), allowingLinks: true, to: &builder)
    }

    /// Where an inline construct can end, worked out in one pass over the
    /// line: each `[`'s matching `]`, and from each position the next `)` and
    /// the next backtick. With them a line of unclosed brackets or
    /// parentheses is read in linear time (searching forward from each one
    /// took minutes for 20,000 of them).
    struct InlineMarks {
        var matchingBracket: [Int: Int] = [:]
        var nextParenthesis: [Int]
        var nextBacktick: [Int]

        init(_ scalars: [Unicode.Scalar]) {
            var open: [Int] = []
            for (index, scalar) in scalars.enumerated() {
                if scalar == "[" { open.append(index) }
                if scalar == "]", let start = open.popLast() { matchingBracket[start] = index }
            }
            nextParenthesis = Array(repeating: scalars.count, count: scalars.count + 1)
            nextBacktick = nextParenthesis
            for index in scalars.indices.reversed() {
                nextParenthesis[index] = scalars[index] == ")" ? index : nextParenthesis[index + 1]
                nextBacktick[index] = scalars[index] == "`" ? index : nextBacktick[index + 1]
            }
        }
    }

    /// Link text is read without looking for links in it (CommonMark: a link
    /// holds no link), so nothing nests and nothing recurses deeper than once.
    static func appendInline(_ scalars: [Unicode.Scalar], _ range: Range<Int>, marks: InlineMarks, allowingLinks: Bool,
                             to builder: inout ParagraphBuilder) {
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            let isImage = scalar == "!" && index + 1 < range.upperBound && scalars[index + 1] == "["
            if scalar == "\\", index + 1 < range.upperBound, "\\`*_{}[]()#+-.!<>".unicodeScalars.contains(scalars[index + 1]) {
                builder.append(scalars[index + 1])
                index += 2
            } else if scalar == "`", marks.nextBacktick[index + 1] < range.upperBound {
                let close = marks.nextBacktick[index + 1]
                builder.append(scalars[(index + 1)..<close])
                index = close + 1
            } else if allowingLinks, scalar == "[" || isImage, let link = Self.link(at: isImage ? index + 1 : index, in: scalars, range, marks) {
                if isImage {
                    builder.append(scalars[link.text])
                } else {
                    builder.openLink(link.address)
                    appendInline(scalars, link.text, marks: marks, allowingLinks: false, to: &builder)
                    builder.closeLink()
                }
                index = link.end
            } else if scalar == "*" || (scalar == "_" && Self.isEmphasisUnderscore(at: index, in: scalars)) {
                index += 1
            } else {
                builder.append(scalar)
                index += 1
            }
        }
    }

    /// `_` marks emphasis at a word's edge, not inside `snake_case`.
    static func isEmphasisUnderscore(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        func isWord(_ position: Int) -> Bool {
            position >= 0 && position < scalars.count && (scalars[position].properties.isAlphabetic || ("0"..."9").contains(scalars[position]))
        }
        var before = index - 1
        while before >= 0, scalars[before] == "_" { before -= 1 }
        var after = index + 1
        while after < scalars.count, scalars[after] == "_" { after += 1 }
        return !(isWord(before) && isWord(after))
    }

    /// `[text](address "title")` starting at `open`: the text's range, the address, and the index after it.
    static func link(at open: Int, in scalars: [Unicode.Scalar], _ range: Range<Int>, _ marks: InlineMarks)
        -> (text: Range<Int>, address: String, end: Int)? {
        guard let close = marks.matchingBracket[open], close + 1 < range.upperBound, scalars[close + 1] == "(" else { return nil }
        let end = marks.nextParenthesis[close + 2]
        guard end < range.upperBound else { return nil }
        let target = String(String.UnicodeScalarView(scalars[(close + 2)..<end])).trimmingCharacters(in: .whitespaces)
        let address = target.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        return (open + 1..<close, address.trimmingCharacters(in: CharacterSet(charactersIn: "<>")), end + 1)
    }
}

/// The front matter fields lede reads, taken from the composed YAML tree
/// without turning it into Swift values. An alias shares its anchor's node,
/// so a few hundred bytes of nested aliases (the "billion laughs") stay a
/// few hundred nodes here, where converting the tree to arrays and
/// dictionaries grew without bound and hung the import.
struct FrontMatter {
    var title: String?
    var authors: [String] = []
    var date: CalendarDate?
    var tags: [String] = []

    /// Items read from one list: a front matter lists a few authors and tags.
    static let listLimit = 10_000

    init(_ root: Node?) {
        guard let root, case .mapping = root else { return }
        title = Self.scalar(root["title"])
        authors = Self.strings(root["authors"]) + Self.strings(root["author"])
        // An unquoted `2025-03-19` is a timestamp scalar whose text is the date as written.
        date = Self.scalar(root["date"]).flatMap(CalendarDate.leadingISO)
        tags = Self.strings(root["tags"])
    }

    static func scalar(_ node: Node?) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    /// A name, names separated as in a byline, or a list of names (or of `{name: …}`).
    static func strings(_ node: Node?) -> [String] {
        switch node {
        case .scalar(let scalar): return ScrapedArticleImporter.splitNames(scalar.string)
        case .sequence(let sequence):
            return sequence.prefix(listLimit).compactMap { item in scalar(item) ?? (item.mapping.flatMap { scalar($0["name"]) }) }
        default: return []
        }
    }
}

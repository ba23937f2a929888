// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The default importer: picks the format of each file from its first
/// non-space bytes, with the extension as a hint, and hands it to that
/// format's importer.
///
/// - a UTF-16 byte-order mark, a `.html`/`.htm`/`.xhtml` name, or markup
///   first (`<!doctype html`, `<html`, `<head`, `<body`, or `<?xml` with
///   `<html` in the first KB, case aside): a web page (`HTMLArticleImporter`).
///   An XML feed (`<rss`, `<feed`, `<rdf:RDF`) is not one.
/// - `NUL NUL lede-page`: a page with its metadata (`PageFrame`: a fetched
///   page and its `.meta`, or a WARC record), read by the HTML importer with
///   the metadata as its `PageContext`.
/// - NUL in the bytes: a brat pair (`ArticleFileReader` frames `.txt` NUL `.ann`;
///   no single article file may hold a NUL).
/// - a JSON Lines entry (`news.jsonl:17`): one JSON Lines article.
/// - `{` or `[`: `"bodyXML"` makes it a content-API document, `"ents"` spaCy
///   JSON, anything else one JSON Lines-shaped article.
/// - `---`, or a `.md` / `.markdown` name: Markdown.
/// - anything else (`# title` first): the scraped format, as before.
public struct FormatSniffer: ArticleImporter {
    public var scraped: ScrapedArticleImporter
    public var contentAPI: ContentAPIImporter
    public var markdown: MarkdownImporter
    public var jsonLines: JSONLinesImporter
    public var brat: BratImporter
    public var spacy: SpacyImporter
    public var html: HTMLArticleImporter
    public var limits: ImportLimits

    public init(scraped: ScrapedArticleImporter = ScrapedArticleImporter(), limits: ImportLimits = .standard) {
        self.scraped = scraped
        contentAPI = ContentAPIImporter(limits: limits)
        markdown = MarkdownImporter(limits: limits)
        jsonLines = JSONLinesImporter(limits: limits)
        brat = BratImporter(limits: limits)
        spacy = SpacyImporter(limits: limits)
        html = HTMLArticleImporter(limits: limits)
        self.limits = limits
    }

    /// Every format's rules: a change to any rebuilds the index.
    public var fingerprint: String {
        ["sniffer-1", scraped.fingerprint, contentAPI.fingerprint, markdown.fingerprint, jsonLines.fingerprint, brat.fingerprint,
         spacy.fingerprint, html.fingerprint].joined(separator: "\n")
    }

    public func parse(_ data: Data, path: String) -> Result<Article, LoadError> {
        // A fetched page with its `.meta`, or a WARC record: the page, and what is known of it as its context.
        switch PageFrame.split(data) {
        case .success(let (metadata, page)):
            return html.parse(page, path: path, context: metadata.context(datedByFetch: WARCArchive.split(path) != nil))
        case .failure(let problem):
            return .failure(LoadError(path: path, message: "the page's metadata: \(problem)"))
        case nil:
            // A UTF-8 byte-order mark is no part of any format (editors on Windows write one).
            let body = Self.withoutByteOrderMark(data)
            return importer(for: body, path: path).parse(body, path: path)
        }
    }

    /// The bytes after a UTF-8 byte-order mark (a copy, so indices start at 0), or the bytes as they are.
    static func withoutByteOrderMark(_ data: Data) -> Data {
        data.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(data.dropFirst(3)) : data
    }

    /// The format these bytes are in.
    public static func format(of data: Data, path: String) -> ArticleFormat {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return format(of: withoutByteOrderMark(data), path: path) }
        if PageFrame.isFramed(data) { return .html }
        if isHTML(data, path: path) { return .html }
        // A line of a JSON Lines file is JSON whatever it holds; elsewhere a NUL is the frame of a
        // brat pair (the file reader refuses any other file with one).
        if ArticleEntry.isEntryPath(path) { return .jsonLines }
        if data.contains(0) { return .brat }
        let lower = path.lowercased()
        let isMarkdownName = lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
        let first = data.first { !(0x20 == $0 || (0x09...0x0D).contains($0)) }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            // The keys sit near the start of real documents, but may come after a long body.
            let head = data.prefix(1 << 20)
            if head.firstRange(of: Data("\"bodyXML\"".utf8)) != nil { return .contentAPI }
            if head.firstRange(of: Data("\"ents\"".utf8)) != nil { return .spacy }
            return .jsonLines
        case UInt8(ascii: "-") where data.drop { $0 == 0x20 || (0x09...0x0D).contains($0) }.starts(with: Data("---".utf8)):
            return .markdown
        default:
            return isMarkdownName ? .markdown : .scraped
        }
    }

    func importer(for data: Data, path: String) -> any ArticleImporter {
        switch Self.format(of: data, path: path) {
        case .scraped: scraped
        case .contentAPI: contentAPI
        case .markdown: markdown
        case .jsonLines: jsonLines
        case .brat: brat
        case .spacy: spacy
        case .html: html
        }
    }

    static let htmlSuffixes = [".html", ".htm", ".xhtml"]

    /// A web page by its name or its first markup (UTF-8, or UTF-16 after its byte-order mark).
    static func isHTML(_ data: Data, path: String) -> Bool {
        let lower = path.lowercased()
        if !ArticleEntry.isEntryPath(path), htmlSuffixes.contains(where: { lower.hasSuffix($0) }) { return true }
        let head: String
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let bigEndian = data.first == 0xFE
            let units = stride(from: 2, to: min(data.count, 2048) - 1, by: 2).map { offset in
                let (high, low) = bigEndian ? (data[data.startIndex + offset], data[data.startIndex + offset + 1])
                    : (data[data.startIndex + offset + 1], data[data.startIndex + offset])
                return UInt16(high) << 8 | UInt16(low)
            }
            head = String(decoding: units, as: UTF16.self)
        } else {
            let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
            head = String(decoding: bytes.prefix(1024), as: UTF8.self)
        }
        let text = head.drop { $0.isWhitespace }.lowercased()
        if ["<!doctype html", "<html", "<head", "<body"].contains(where: { text.hasPrefix($0) }) { return true }
        guard text.hasPrefix("<?xml") else { return false }
        // A feed is XML too: a page is a document whose first root-like element is `<html>`.
        let first = ["<rss", "<feed", "<rdf:rdf", "<html"].compactMap { marker in text.range(of: marker).map { ($0.lowerBound, marker) } }
            .min { $0.0 < $1.0 }
        return first?.1 == "<html"
    }
}

import Foundation

/// The default importer: picks the format of each file from its first
/// non-space bytes, with the extension as a hint, and hands it to that
/// format's importer.
///
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
    public var limits: ImportLimits

    public init(scraped: ScrapedArticleImporter = ScrapedArticleImporter(), limits: ImportLimits = .standard) {
        self.scraped = scraped
        contentAPI = ContentAPIImporter(limits: limits)
        markdown = MarkdownImporter(limits: limits)
        jsonLines = JSONLinesImporter(limits: limits)
        brat = BratImporter(limits: limits)
        spacy = SpacyImporter(limits: limits)
        self.limits = limits
    }

    /// Every format's rules: a change to any rebuilds the index.
    public var fingerprint: String {
        ["sniffer-1", scraped.fingerprint, contentAPI.fingerprint, markdown.fingerprint, jsonLines.fingerprint, brat.fingerprint,
         spacy.fingerprint].joined(separator: "\n")
    }

    public func parse(_ data: Data, path: String) -> Result<Article, LoadError> {
        importer(for: data, path: path).parse(data, path: path)
    }

    /// The format these bytes are in.
    public static func format(of data: Data, path: String) -> ArticleFormat {
        if data.contains(0) { return .brat }
        if ArticleEntry.isEntryPath(path) { return .jsonLines }
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
        }
    }
}

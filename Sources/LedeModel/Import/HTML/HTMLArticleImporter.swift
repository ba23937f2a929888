import Foundation

/// Reads a web page (HTML as saved or fetched): finds the article's main
/// text among the page's navigation, share bars, related links and
/// comments, and its metadata (title, authors, date, address).
///
/// libxml2's HTML parser reads the bytes (broken markup repaired, entities
/// decoded, the charset chosen by `PageEncoding`); the tree is flattened
/// into a `PageTree` so that no step recurses.
public struct HTMLArticleImporter: ArticleImporter {
    public var limits: ImportLimits

    public init(limits: ImportLimits = .standard) { self.limits = limits }

    public var fingerprint: String { "html-1" }

    public func parse(_ data: Data, path: String) -> Result<Article, LoadError> {
        parse(data, path: path, context: PageContext())
    }

    /// Parses a page with what is known of it from outside (a feed item, a fetch, a WARC record):
    /// the page's own metadata wins where it has it, the context fills the gaps.
    public func parse(_ data: Data, path: String, context: PageContext) -> Result<Article, LoadError> {
        guard let document = HTMLDocument(data) else { return .failure(LoadError(path: path, message: "not an HTML page (no markup or text)")) }
        let tree = PageTree(document)
        var warnings: [String] = []
        var skipped = [Bool](repeating: false, count: tree.count)
        var body: Int?
        for index in 0..<tree.count {
            switch tree[index].tag {
            case .nav, .header, .footer, .aside, .form: skipped[index] = true
            case .body where body == nil: body = index
            default: break
            }
        }
        var writer = BlockWriter()
        if let body { writer.write(tree, root: body, skipped: skipped) }
        let paragraphs = writer.builder.paragraphs
        if paragraphs.isEmpty { warnings.append("no text found in the page") }
        let title = Self.title(tree) ?? context.title ?? ImportText.title(fromFirst: paragraphs)
        var article = Article(path: path, title: title, authors: context.authors, published: context.published,
                              paragraphs: paragraphs, contentID: context.url, warnings: warnings, format: .html,
                              headings: writer.builder.headings, links: writer.builder.links)
        ImportText.applyParagraphLimit(&article, limits: limits)
        return .success(article)
    }

    /// `og:title`, else `<title>`.
    static func title(_ tree: PageTree) -> String? {
        var titleElement: String?
        for index in 0..<tree.count {
            switch tree[index].tag {
            case .meta where tree.attribute("property", of: index) == "og:title":
                if let content = tree.attribute("content", of: index).map(ImportText.line), !content.isEmpty { return content }
            case .title where titleElement == nil:
                titleElement = tree.plainText(index)
            default:
                break
            }
        }
        return titleElement.flatMap { $0.isEmpty ? nil : $0 }
    }
}

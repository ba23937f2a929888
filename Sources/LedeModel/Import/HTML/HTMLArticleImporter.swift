// SPDX-License-Identifier: Apache-2.0
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
    var patterns: BoilerplatePatterns

    public init(limits: ImportLimits = .standard) {
        self.limits = limits
        patterns = .bundled
    }

    /// The rules' version and the patterns file: either changing re-reads every page.
    public var fingerprint: String { "html-2\n" + patterns.source }

    public func parse(_ data: Data, path: String) -> Result<Article, LoadError> {
        parse(data, path: path, context: PageContext())
    }

    /// Parses a page with what is known of it from outside (a feed item, a fetch, a WARC record):
    /// the page's own metadata wins where it has it, the context fills the gaps.
    public func parse(_ data: Data, path: String, context: PageContext) -> Result<Article, LoadError> {
        guard let document = HTMLDocument(data) else { return .failure(LoadError(path: path, message: "not an HTML page (no markup or text)")) }
        let tree = PageTree(document)
        let main = MainText(tree, patterns: patterns)
        let metadata = PageMetadata(PageFacts(tree, removed: main.removal.removed, traits: main.removal.traits), context: context,
                                    limits: limits)
        var text = main.text
        if let body = metadata.articleBody, let fromBody = ExtractedText(linkedDataBody: body),
           fromBody.characterCount > 2 * text.characterCount {
            text = fromBody
        }
        ParagraphCleanup.clean(&text, title: metadata.title, patterns: patterns)
        text.resolveLinks(against: metadata.url)
        var warnings: [String] = []
        if document.stoppedEarly { warnings.append("the page nests elements more than 256 deep; what follows that point is not read") }
        if text.paragraphs.isEmpty { warnings.append("no text found in the page") }
        var article = Article(path: path, title: metadata.title ?? ImportText.title(fromFirst: text.paragraphs), authors: metadata.authors,
                              published: metadata.published, genre: metadata.genre, paragraphs: text.paragraphs, contentID: metadata.url,
                              annotations: metadata.annotations, warnings: warnings, format: .html, headings: text.headings,
                              links: text.links, site: metadata.site, language: metadata.language)
        ImportText.applyParagraphLimit(&article, limits: limits)
        return .success(article)
    }
}

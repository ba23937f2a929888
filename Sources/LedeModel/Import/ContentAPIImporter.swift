// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads a publisher content-API document: one JSON object with `title`,
/// `byline`, `publishedDate`, `bodyXML` and `annotations` (the same rows as
/// the scraped format's glued JSON, decoded by the same code).
public struct ContentAPIImporter: ArticleImporter {
    public var limits: ImportLimits

    public init(limits: ImportLimits = .standard) { self.limits = limits }

    public var fingerprint: String { "content-api-1" }

    public func parse(_ data: Data, path: String) -> Result<Article, LoadError> {
        JSONDocument.article(data, path: path, expected: "valid JSON").flatMap { parse($0, path: path) }
    }

    func parse(_ root: JSONDocument, path: String) -> Result<Article, LoadError> {
        guard root.isObject else { return .failure(LoadError(path: path, message: "a content-API document is a JSON object")) }
        guard let xml = root["bodyXML"]?.string else { return .failure(LoadError(path: path, message: "no \"bodyXML\" text")) }
        let body = BodyXMLReader.read(xml)
        var warnings: [String] = []
        var annotations: [Annotation] = []
        var contentID = root.text("id").map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        if root["annotations"] != nil {
            switch ScrapedArticleImporter.annotations(in: root, limits: limits) {
            case .success(let parsed):
                annotations = parsed.annotations
                warnings += parsed.warnings
                contentID = contentID ?? parsed.contentID
            case .failure(let message):
                warnings.append("annotations are unusable (\(message)); entities are detected from the text only")
            }
        } else {
            warnings.append("no annotations; entities are detected from the text only")
        }
        let concepts = AnnotatedConcept.merge(annotations)
        var authors = root.names("byline")
        if authors.isEmpty {
            authors = concepts.filter { $0.predicates.contains { Annotation.authorPredicates.contains($0) } }.map(\.label)
        }
        if body.paragraphs.isEmpty { warnings.append("bodyXML holds no text") }
        var article = Article(path: path, title: root.text("title") ?? ImportText.title(fromFirst: body.paragraphs), authors: authors,
                              published: root.date("publishedDate") ?? root.date("firstPublishedDate"),
                              genre: AnnotatedConcept.classification(.genre, in: concepts),
                              brand: AnnotatedConcept.classification(.brand, in: concepts),
                              paragraphs: body.paragraphs, contentID: contentID, annotations: annotations, warnings: warnings,
                              format: .contentAPI, headings: body.headings, links: body.links)
        ImportText.applyParagraphLimit(&article, limits: limits)
        return .success(article)
    }
}

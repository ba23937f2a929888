// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads displaCy / spaCy JSON: `{"text": …, "ents": [{"start", "end", "label"}]}`
/// (the shape of `displacy.render(…, manual=True)` and `doc.to_json()`), or a
/// list of such documents, read as one article whose text is theirs joined
/// by line breaks. Offsets are Unicode scalars (Python `str` offsets); the
/// spans become mentions as given.
public struct SpacyImporter: ArticleImporter {
    public var limits: ImportLimits

    public init(limits: ImportLimits = .standard) { self.limits = limits }

    public var fingerprint: String { "spacy-1" }

    public func parse(_ data: Data, path: String) -> Result<Article, LoadError> {
        JSONDocument.article(data, path: path, expected: "valid JSON").flatMap { parse($0, path: path) }
    }

    func parse(_ root: JSONDocument, path: String) -> Result<Article, LoadError> {
        let documents = root.array ?? [root]
        var text = ""
        var offset = 0
        var spans: [StatedSpan] = []
        var warnings: [String] = []
        for (number, document) in documents.enumerated() {
            guard let part = document["text"]?.string else {
                return .failure(LoadError(path: path, message: "document \(number + 1) has no \"text\""))
            }
            if number > 0 { text += "\n"; offset += 1 }
            let origin = documents.count > 1 ? "document \(number + 1)" : ""
            for var span in JSONLinesImporter.statedSpans(document["ents"], origin: origin, warnings: &warnings) {
                span.start += offset
                span.end += offset
                spans.append(span)
            }
            text += part
            offset += part.unicodeScalars.count
        }
        let layout = ParagraphLayout(text: text)
        guard !layout.paragraphs.isEmpty else { return .failure(LoadError(path: path, message: "the text is empty")) }
        let given = layout.givenMentions(spans, limits: limits, warnings: &warnings)
        let meta = documents.first?["meta"]
        var article = Article(path: path, title: documents.first?.text("title") ?? meta?.text("title") ?? ImportText.title(fromFirst: layout.paragraphs),
                              published: meta?.date("date"), paragraphs: layout.paragraphs, warnings: warnings,
                              format: .spacy, givenMentions: given)
        ImportText.applyParagraphLimit(&article, limits: limits)
        return .success(article)
    }
}

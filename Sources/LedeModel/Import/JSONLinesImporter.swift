// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads one JSON Lines article: the bytes of one line of a `.jsonl` file
/// (`ArticleEntry` hands each line over on its own, path `news.jsonl:17`),
/// or a `.json` file holding one such object.
///
/// Fields: `title`; `text` (paragraphs one per line) or `paragraphs` (a
/// list); optional `date`, `authors`, `url`; `entities`, a list of
/// `{start, end, label, type}` spans in Unicode scalars of the whole text
/// (with `paragraphs`, of the paragraphs joined by one line break). When both
/// `label` and `type` are given, `label` is the entity's name and `type` its
/// kind; `label` alone is the kind (as in spaCy) and the covered text the name.
public struct JSONLinesImporter: ArticleImporter {
    public var limits: ImportLimits

    public init(limits: ImportLimits = .standard) { self.limits = limits }

    public var fingerprint: String { "jsonl-1" }

    public func parse(_ data: Data, path: String) -> Result<Article, LoadError> {
        JSONDocument.article(data, path: path, expected: "a JSON object").flatMap { parse($0, path: path) }
    }

    func parse(_ root: JSONDocument, path: String) -> Result<Article, LoadError> {
        guard root.isObject else { return .failure(LoadError(path: path, message: "a JSON Lines article is a JSON object")) }
        let text: String
        if let whole = root["text"]?.string {
            text = whole
        } else if let list = root["paragraphs"]?.array {
            text = list.compactMap(\.string).joined(separator: "\n")
        } else {
            return .failure(LoadError(path: path, message: "no \"text\" or \"paragraphs\""))
        }
        let layout = ParagraphLayout(text: text)
        guard !layout.paragraphs.isEmpty else { return .failure(LoadError(path: path, message: "the article's text is empty")) }
        var warnings: [String] = []
        let spans = Self.statedSpans(root["entities"], origin: "", warnings: &warnings)
        let given = layout.givenMentions(spans, limits: limits, warnings: &warnings)
        var article = Article(path: path, title: root.text("title") ?? root.text("headline") ?? ImportText.title(fromFirst: layout.paragraphs),
                              authors: root.names("authors") + root.names("author"),
                              published: root.date("date") ?? root.date("published") ?? root.date("publishedDate"),
                              paragraphs: layout.paragraphs, contentID: root.text("url"), warnings: warnings,
                              format: .jsonLines, givenMentions: given)
        ImportText.applyParagraphLimit(&article, limits: limits)
        return .success(article)
    }

    /// `{start, end, label, type}` items (spaCy's `ents` have the same shape without `type`).
    static func statedSpans(_ list: JSONDocument?, origin: String, warnings: inout [String]) -> [StatedSpan] {
        guard let list else { return [] }
        guard let items = list.array else {
            warnings.append("\(StatedSpan.place(origin))\"entities\" is not a list; ignored")
            return []
        }
        var spans: [StatedSpan] = []
        for (position, item) in items.enumerated() {
            guard let start = item["start"]?.integer ?? item["start_char"]?.integer,
                  let end = item["end"]?.integer ?? item["end_char"]?.integer else {
                warnings.append("\(StatedSpan.place(origin))entity \(position + 1) has no whole-number start and end; dropped")
                continue
            }
            let label = item["label"]?.string
            let type = item["type"]?.string
            // Both: name and kind. One: it is the kind, the text is the name.
            let kind = type ?? label ?? "OTHER"
            spans.append(StatedSpan(start: start, end: end, label: type != nil ? label : nil, type: EntityType(nerTag: kind), origin: origin))
        }
        return spans
    }
}

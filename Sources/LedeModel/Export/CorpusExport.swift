// SPDX-License-Identifier: Apache-2.0
/// The command-line output formats (their JSON keys are a contract: README "Command line", tests hold them).
///
/// Every export streams: rows are written as they are read from the
/// corpus, so memory does not grow with the output, and every order is
/// reading order, so the same files give the same bytes from either store.
public enum CorpusExport {
    // MARK: - parse

    public static func writeParseJSON(_ corpus: any Corpus, to output: inout some TextOutputStream) {
        var rows = JSONArrayWriter()
        rows.begin(key: "articles", isFirstKey: true, output: &output)
        for id in corpus.articleIDs {
            guard let article = corpus.article(id) else { continue }
            var fields: [String: JSONValue] = [
                "path": .string(article.path), "title": .string(article.title), "authors": .strings(article.authors),
                "published": .optional(article.published?.description), "genre": .optional(article.genre),
                "brand": .optional(article.brand), "paragraphs": .strings(article.paragraphs),
                "related": .array(article.related.map { related in
                    .object(["brand": .optional(related.brand), "authors": .strings(related.authors), "headline": .string(related.headline)])
                }),
                "email": .optional(article.email), "warnings": .strings(article.warnings),
                // One schema for every source: these are empty where a format has none.
                "format": .string(article.format.rawValue), "headings": .array(article.headings.map(JSONValue.int)),
                "links": .array(article.links.map { link in
                    .object(["paragraph": .int(link.paragraph), "start": .int(link.start), "end": .int(link.end), "address": .string(link.address)])
                }),
                "givenMentions": .array(article.givenMentions.map { given in
                    .object(["paragraph": .int(given.paragraph), "start": .int(given.start), "end": .int(given.end),
                             "label": .string(given.label), "type": .string(given.type.rawValue)])
                }),
            ]
            // What a web page says of itself; the other formats' rows stay as they were.
            if article.format == .html {
                fields["url"] = .optional(article.pageAddress)
                fields["site"] = .optional(article.site)
                fields["language"] = .optional(article.language)
            }
            rows.append(.object(fields), output: &output)
        }
        rows.end(output: &output)
        writeErrors(corpus, to: &output)
    }

    static func writeErrors(_ corpus: any Corpus, to output: inout some TextOutputStream) {
        var rows = JSONArrayWriter()
        rows.begin(key: "errors", isFirstKey: false, output: &output)
        for error in corpus.errors {
            rows.append(.object(["path": .string(error.path), "message": .string(error.message)]), output: &output)
        }
        rows.end(output: &output)
        JSONArrayWriter.finish(output: &output)
    }

    // MARK: - entities

    /// Concepts and organisations (models are in the timeline), export order.
    static func exportedEntities(_ corpus: any Corpus) -> [Entity] {
        corpus.allEntities().filter { $0.type != .model }
    }

    public static func writeEntitiesJSON(_ corpus: any Corpus, to output: inout some TextOutputStream) {
        var rows = JSONArrayWriter()
        rows.begin(key: "entities", isFirstKey: true, output: &output)
        MentionGroups.forEach(exportedEntities(corpus), corpus: corpus) { entity, mentions in
            rows.append(.object([
                "id": .string(entity.exportID), "label": .string(entity.label), "type": .string(entity.type.rawValue),
                "predicates": .strings(entity.predicates), "source": .string(entity.source.rawValue),
                "names": .strings(entity.names), "mentions": .array(mentions.map(\.json)),
            ]), output: &output)
        }
        rows.end(output: &output)
        JSONArrayWriter.finish(output: &output)
    }

    public static func writeEntitiesTSV(_ corpus: any Corpus, to output: inout some TextOutputStream) {
        output.write("label\ttype\tsource\tmentions\tid\n")
        for entity in exportedEntities(corpus) {
            output.write([entity.label, entity.type.rawValue, entity.source.rawValue, String(corpus.mentionCount(of: entity.id)),
                          entity.exportID].map(tsvField).joined(separator: "\t") + "\n")
        }
    }

    /// Text formats go to terminals: control characters become placeholders.
    static func tsvField(_ value: String) -> String {
        ControlCharacters.visible(value.replacingOccurrences(of: "\t", with: " "))
    }

    // MARK: - timeline

    public static func writeTimelineJSON(_ corpus: any Corpus, to output: inout some TextOutputStream) {
        var rows = JSONArrayWriter()
        rows.begin(key: "releases", isFirstKey: true, output: &output)
        let releases = corpus.releases
        let models = releases.compactMap { corpus.entity($0.model) }
        var mentionsOfModel: [EntityID: [MentionRow]] = [:]
        MentionGroups.forEach(models, corpus: corpus) { entity, mentions in mentionsOfModel[entity.id] = mentions }
        for release in releases {
            rows.append(.object([
                "model": .string(release.modelName), "organisation": .optional(release.organisation),
                "date": .optional(release.date?.calendarText), "precision": .optional(release.date?.precision.rawValue),
                "period": .optional(release.date?.span == nil ? nil : release.date?.description),
                "basis": .string(release.basis.rawValue), "planned": .bool(release.planned), "status": .string(release.status.rawValue),
                "conflicts": .strings(release.conflicts),
                "explanation": .string(release.explanation), "stated_by": .int(release.statedBy),
                "source": .optional(release.source), "mentions": .array((mentionsOfModel[release.model] ?? []).map(\.json)),
            ]), output: &output)
        }
        rows.end(output: &output)
        JSONArrayWriter.finish(output: &output)
    }

    public static let timelineColumns = ["model", "organisation", "date", "precision", "basis", "planned", "conflicts", "mentions",
                                         "first_mention", "source", "explanation", "stated_by", "status", "period"]

    /// Each model's first mention, with every article's mentions read once: asked one model at a time,
    /// an article naming thousands of models was read (and filtered) once per model.
    static func firstMentions(of releases: [Release], corpus: any Corpus) -> [EntityID: Mention] {
        var wanted: [ArticleID: Set<EntityID>] = [:]
        for release in releases {
            if let first = corpus.mentionList(of: release.model).postings.first { wanted[first.article, default: []].insert(release.model) }
        }
        var result: [EntityID: Mention] = [:]
        for (article, entities) in wanted {
            for mention in corpus.mentions(in: article) where entities.contains(mention.entity) && result[mention.entity] == nil {
                result[mention.entity] = mention
            }
        }
        return result
    }

    static func timelineFields(_ release: Release, firstMention: Mention?, corpus: any Corpus) -> [String] {
        let first = firstMention.flatMap { mention -> String? in
            guard let path = corpus.summary(of: mention.article)?.path else { return nil }
            return "\(path)#\(mention.paragraph):\(mention.start)-\(mention.end)"
        } ?? ""
        return [release.modelName, release.organisation ?? "", release.date?.calendarText ?? "", release.date?.precision.rawValue ?? "",
                release.basis.rawValue, release.planned ? "yes" : "no", release.conflicts.joined(separator: "; "),
                String(release.mentionCount), first, release.source ?? "", release.explanation, String(release.statedBy),
                release.status.rawValue, release.date?.span == nil ? "" : release.date?.description ?? ""]
    }

    /// RFC 4180: CRLF line ends; fields with a comma, quote or line break quoted, quotes doubled.
    public static func writeTimelineCSV(_ corpus: any Corpus, to output: inout some TextOutputStream) {
        func line(_ fields: [String]) -> String { fields.map { csvField(ControlCharacters.visible($0)) }.joined(separator: ",") + "\r\n" }
        output.write(line(timelineColumns))
        let releases = corpus.releases
        let firstMentions = firstMentions(of: releases, corpus: corpus)
        for release in releases { output.write(line(timelineFields(release, firstMention: firstMentions[release.model], corpus: corpus))) }
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func writeTimelineMarkdown(_ corpus: any Corpus, to output: inout some TextOutputStream) {
        func cell(_ value: String) -> String {
            ControlCharacters.visible(value.replacingOccurrences(of: "|", with: "\\|"))
        }
        let columns = ["model", "organisation", "date", "basis", "explanation", "status", "conflicts", "mentions"]
        output.write("| " + columns.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: columns.count) + "\n")
        for release in corpus.releases {
            let values = [release.modelName, release.organisation ?? "", release.date?.description ?? "", release.basis.rawValue,
                          release.explanation, release.status == .released ? "" : release.status.rawValue, release.conflicts.joined(separator: "; "),
                          String(release.mentionCount)]
            output.write("| " + values.map(cell).joined(separator: " | ") + " |\n")
        }
    }

    // MARK: - search

    public static func writeSearchJSON(_ hits: [SearchHit], corpus: any Corpus, to output: inout some TextOutputStream) {
        var rows = JSONArrayWriter()
        rows.begin(key: "results", isFirstKey: true, output: &output)
        for hit in hits {
            guard let result = SearchResultRow(hit, corpus: corpus) else { continue }
            rows.append(.object([
                "path": .string(result.path), "title": .string(result.title),
                "paragraph": hit.paragraph.map(JSONValue.int) ?? .null, "snippet": .string(result.snippet),
            ]), output: &output)
        }
        rows.end(output: &output)
        JSONArrayWriter.finish(output: &output)
    }

    public static func writeSearchTSV(_ hits: [SearchHit], corpus: any Corpus, to output: inout some TextOutputStream) {
        output.write("path\ttitle\tparagraph\tsnippet\n")
        for hit in hits {
            guard let result = SearchResultRow(hit, corpus: corpus) else { continue }
            output.write([result.path, result.title, hit.paragraph.map(String.init) ?? "title", result.snippet]
                .map(tsvField).joined(separator: "\t") + "\n")
        }
    }

    // MARK: - Strings (tests, small corpora)

    public static func parseJSON(_ corpus: any Corpus) -> String { render { writeParseJSON(corpus, to: &$0) } }
    public static func entitiesJSON(_ corpus: any Corpus) -> String { render { writeEntitiesJSON(corpus, to: &$0) } }
    public static func entitiesTSV(_ corpus: any Corpus) -> String { render { writeEntitiesTSV(corpus, to: &$0) } }
    public static func timelineJSON(_ corpus: any Corpus) -> String { render { writeTimelineJSON(corpus, to: &$0) } }
    public static func timelineCSV(_ corpus: any Corpus) -> String { render { writeTimelineCSV(corpus, to: &$0) } }
    public static func timelineMarkdown(_ corpus: any Corpus) -> String { render { writeTimelineMarkdown(corpus, to: &$0) } }

    static func render(_ body: (inout String) -> Void) -> String {
        var output = ""
        body(&output)
        return output
    }
}

/// One exported mention: where it is and what it says.
struct MentionRow: Sendable {
    var path: String
    var paragraph: Int
    var start: Int
    var end: Int
    var text: String

    var json: JSONValue {
        .object(["path": .string(path), "paragraph": .int(paragraph), "start": .int(start), "end": .int(end), "text": .string(text)])
    }
}

/// Gathers the mentions of many entities with bounded memory: entities go
/// in groups of at most `budget` mentions, and each group is filled in one
/// pass over the articles that mention its members.
enum MentionGroups {
    static func forEach(_ entities: [Entity], corpus: any Corpus, budget: Int = 500_000,
                        body: (Entity, [MentionRow]) -> Void) {
        var start = 0
        var paths: [ArticleID: String] = [:]
        while start < entities.count {
            var end = start
            var total = 0
            repeat {
                total += corpus.mentionCount(of: entities[end].id)
                end += 1
            } while end < entities.count && total + corpus.mentionCount(of: entities[end].id) <= budget
            let group = Array(entities[start..<end])
            var slot: [EntityID: Int] = [:]
            for (index, entity) in group.enumerated() { slot[entity.id] = index }
            var articles: Set<ArticleID> = []
            for entity in group { for posting in corpus.articles(mentioning: entity.id) { articles.insert(posting.article) } }
            let ordered = articles.sorted { (corpus.position(of: $0) ?? Int.max) < (corpus.position(of: $1) ?? Int.max) }
            var rows = [[MentionRow]](repeating: [], count: group.count)
            for article in ordered {
                let path: String
                if let known = paths[article] { path = known } else {
                    path = corpus.summary(of: article)?.path ?? ""
                    if paths.count > 100_000 { paths.removeAll() }
                    paths[article] = path
                }
                for mention in corpus.mentions(in: article) {
                    guard let index = slot[mention.entity] else { continue }
                    rows[index].append(MentionRow(path: path, paragraph: mention.paragraph, start: mention.start, end: mention.end,
                                                  text: mention.text))
                }
            }
            for (index, entity) in group.enumerated() { body(entity, rows[index]) }
            start = end
        }
    }
}

/// A search hit as printed: path, title and a one-line snippet with the
/// matched words in `[` `]`.
public struct SearchResultRow: Sendable {
    public var path: String
    public var title: String
    public var snippet: String

    public init?(_ hit: SearchHit, corpus: any Corpus, width: Int = 160) {
        guard let summary = corpus.summary(of: hit.article) else { return nil }
        path = summary.path
        title = summary.title
        let text: String
        if let paragraph = hit.paragraph {
            guard let article = corpus.article(hit.article), article.paragraphs.indices.contains(paragraph) else { return nil }
            text = article.paragraphs[paragraph]
        } else {
            text = summary.title
        }
        snippet = SearchResultRow.snippet(text, matches: hit.matches, width: width)
    }

    /// About `width` scalars around the first match, cut at spaces, matches bracketed.
    public static func snippet(_ text: String, matches: [Range<Int>], width: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        let first = matches.first?.lowerBound ?? 0
        var start = max(0, first - width / 3)
        if start > 0, let space = scalars[start..<first].firstIndex(of: " ") { start = space + 1 }
        var end = min(scalars.count, start + width)
        if end < scalars.count, let space = scalars[start..<end].lastIndex(of: " "), space > first { end = space }
        var result = String.UnicodeScalarView()
        if start > 0 { result.append("…") }
        var index = start
        for range in matches where range.lowerBound >= start && range.upperBound <= end {
            guard range.lowerBound >= index else { continue }
            result.append(contentsOf: scalars[index..<range.lowerBound])
            result.append("[")
            result.append(contentsOf: scalars[range])
            result.append("]")
            index = range.upperBound
        }
        result.append(contentsOf: scalars[index..<end])
        if end < scalars.count { result.append("…") }
        return String(result).replacingOccurrences(of: "\n", with: " ")
    }
}

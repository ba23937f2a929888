import Foundation

/// The command-line output formats (DESIGN §6 is the contract for JSON keys).
public enum CorpusExport {
    struct MentionRow: Encodable {
        var path: String
        var paragraph: Int
        var start: Int
        var end: Int
        var text: String
    }

    struct ArticleRow: Encodable {
        var path: String
        var title: String
        var authors: [String]
        var published: String?
        var genre: String?
        var brand: String?
        var paragraphs: [String]
        var related: [RelatedArticle]
        var email: String?
        var warnings: [String]

        // Absent values are `null`, so every contract key is always present.
        enum CodingKeys: String, CodingKey { case path, title, authors, published, genre, brand, paragraphs, related, email, warnings }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(title, forKey: .title)
            try container.encode(authors, forKey: .authors)
            try container.encode(published, forKey: .published)
            try container.encode(genre, forKey: .genre)
            try container.encode(brand, forKey: .brand)
            try container.encode(paragraphs, forKey: .paragraphs)
            try container.encode(related, forKey: .related)
            try container.encode(email, forKey: .email)
            try container.encode(warnings, forKey: .warnings)
        }
    }

    struct ErrorRow: Encodable {
        var path: String
        var message: String
    }

    struct EntityRow: Encodable {
        var id: String
        var label: String
        var type: String
        var predicates: [String]
        var source: String
        var names: [String]
        var mentions: [MentionRow]
    }

    struct ReleaseRow: Encodable {
        var model: String
        var organisation: String?
        var date: String?
        var precision: String?
        var basis: String
        var planned: Bool
        var conflicts: [String]
        var source: String?
        var mentions: [MentionRow]

        enum CodingKeys: String, CodingKey { case model, organisation, date, precision, basis, planned, conflicts, source, mentions }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(model, forKey: .model)
            try container.encode(organisation, forKey: .organisation)
            try container.encode(date, forKey: .date)
            try container.encode(precision, forKey: .precision)
            try container.encode(basis, forKey: .basis)
            try container.encode(planned, forKey: .planned)
            try container.encode(conflicts, forKey: .conflicts)
            try container.encode(source, forKey: .source)
            try container.encode(mentions, forKey: .mentions)
        }
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    static func mentionRow(_ mention: Mention, in corpus: Corpus) -> MentionRow {
        MentionRow(path: corpus.articles[mention.article].path, paragraph: mention.paragraph,
                   start: mention.start, end: mention.end, text: mention.text)
    }

    // MARK: - parse

    public static func parseJSON(_ corpus: Corpus) -> String {
        struct Output: Encodable {
            var articles: [ArticleRow]
            var errors: [ErrorRow]
        }
        let articles = corpus.articles.map { article in
            ArticleRow(path: article.path, title: article.title, authors: article.authors,
                       published: article.published?.description, genre: article.genre, brand: article.brand,
                       paragraphs: article.paragraphs, related: article.related, email: article.email,
                       warnings: article.warnings)
        }
        return encode(Output(articles: articles, errors: corpus.errors.map { ErrorRow(path: $0.path, message: $0.message) }))
    }

    // MARK: - entities

    /// Concepts and organisations with their mentions; models are in the timeline.
    static func entityRows(_ corpus: Corpus) -> [EntityRow] {
        let annotatedAnywhere = corpus.annotatedEntities.reduce(into: Set<Int>()) { $0.formUnion($1) }
        return corpus.entities.indices.compactMap { index in
            let entity = corpus.entities[index]
            guard entity.type != .model else { return nil }
            let mentions = corpus.mentionsOfEntity[index]
            guard annotatedAnywhere.contains(index) || !mentions.isEmpty else { return nil }
            return EntityRow(id: entity.id, label: entity.label, type: entity.type.rawValue, predicates: entity.predicates,
                             source: annotatedAnywhere.contains(index) ? EntitySource.annotation.rawValue : EntitySource.detected.rawValue,
                             names: entity.names,
                             mentions: mentions.map { mentionRow(corpus.mentions[$0], in: corpus) })
        }
    }

    public static func entitiesJSON(_ corpus: Corpus) -> String {
        struct Output: Encodable { var entities: [EntityRow] }
        return encode(Output(entities: entityRows(corpus)))
    }

    public static func entitiesTSV(_ corpus: Corpus) -> String {
        var lines = ["label\ttype\tsource\tmentions\tid"]
        for row in entityRows(corpus) {
            lines.append([row.label, row.type, row.source, String(row.mentions.count), row.id].map(tsvField).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text formats go to terminals: control characters become placeholders.
    static func tsvField(_ value: String) -> String {
        ControlCharacters.visible(value.replacingOccurrences(of: "\t", with: " "))
    }

    // MARK: - timeline

    static func releaseRows(_ corpus: Corpus) -> [ReleaseRow] {
        corpus.releases.map { release in
            ReleaseRow(model: release.modelName, organisation: release.organisation, date: release.date?.description,
                       precision: release.date?.precision.rawValue, basis: release.basis.rawValue, planned: release.planned,
                       conflicts: release.conflicts, source: release.source,
                       mentions: release.mentions.map { mentionRow(corpus.mentions[$0], in: corpus) })
        }
    }

    public static func timelineJSON(_ corpus: Corpus) -> String {
        struct Output: Encodable { var releases: [ReleaseRow] }
        return encode(Output(releases: releaseRows(corpus)))
    }

    static let timelineColumns = ["model", "organisation", "date", "precision", "basis", "planned", "conflicts", "mentions", "first_mention", "source"]

    static func timelineFields(_ row: ReleaseRow) -> [String] {
        let first = row.mentions.first.map { "\($0.path)#\($0.paragraph):\($0.start)-\($0.end)" } ?? ""
        return [row.model, row.organisation ?? "", row.date ?? "", row.precision ?? "", row.basis, row.planned ? "yes" : "no",
                row.conflicts.joined(separator: "; "), String(row.mentions.count), first, row.source ?? ""]
    }

    /// RFC 4180: CRLF line ends; fields with a comma, quote or line break quoted, quotes doubled.
    public static func timelineCSV(_ corpus: Corpus) -> String {
        let lines = [timelineColumns] + releaseRows(corpus).map(timelineFields)
        return lines.map { $0.map { csvField(ControlCharacters.visible($0)) }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func timelineMarkdown(_ corpus: Corpus) -> String {
        func cell(_ value: String) -> String {
            ControlCharacters.visible(value.replacingOccurrences(of: "|", with: "\\|"))
        }
        let columns = ["model", "organisation", "date", "basis", "planned", "conflicts", "mentions"]
        var lines = ["| " + columns.joined(separator: " | ") + " |", "|" + String(repeating: " --- |", count: columns.count)]
        for row in releaseRows(corpus) {
            let values = [row.model, row.organisation ?? "", row.date ?? "", row.basis, row.planned ? "planned" : "",
                          row.conflicts.joined(separator: "; "), String(row.mentions.count)]
            lines.append("| " + values.map(cell).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

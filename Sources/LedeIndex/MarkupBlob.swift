// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// An article's format, headings, links, given spans, site and language as
/// one blob (the `markup` column): nil for a scraped article with none, which
/// is most of them, so the common row grows by nothing.
enum MarkupBlob {
    struct Markup {
        var format: ArticleFormat
        var headings: [Int]
        var links: [ArticleLink]
        var given: [GivenMention]
        var site: String?
        var language: String?
    }

    static func encode(_ article: Article) -> Data? {
        guard article.format != .scraped || !article.headings.isEmpty || !article.links.isEmpty || !article.givenMentions.isEmpty
                || article.site != nil || article.language != nil else {
            return nil
        }
        var writer = BlobWriter()
        func span(_ paragraph: Int, _ start: Int, _ end: Int) {
            for value in [paragraph, start, end] { writer.int(value) }
        }
        writer.string(article.format.rawValue)
        writer.int(article.headings.count)
        for heading in article.headings { writer.int(heading) }
        writer.int(article.links.count)
        for link in article.links {
            span(link.paragraph, link.start, link.end)
            writer.string(link.address)
        }
        writer.int(article.givenMentions.count)
        for given in article.givenMentions {
            span(given.paragraph, given.start, given.end)
            writer.string(given.label)
            writer.string(given.type.rawValue)
        }
        writer.optionalString(article.site)
        writer.optionalString(article.language)
        return writer.data
    }

    static func decode(_ data: Data?) throws(DamagedBlob) -> Markup {
        guard let data else { return Markup(format: .scraped, headings: [], links: [], given: [], site: nil, language: nil) }
        var reader = BlobReader(data)
        let format = ArticleFormat(rawValue: reader.string()) ?? .scraped
        let headings = (0..<reader.count()).map { _ in reader.int() }
        let links = (0..<reader.count()).map { _ in
            ArticleLink(paragraph: reader.int(), start: reader.int(), end: reader.int(), address: reader.string())
        }
        let given = (0..<reader.count()).map { _ in
            GivenMention(paragraph: reader.int(), start: reader.int(), end: reader.int(), label: reader.string(),
                         type: EntityType(rawValue: reader.string()) ?? .other)
        }
        // Blobs written before site and language end here.
        let site = reader.isAtEnd ? nil : reader.optionalString()
        let language = reader.isAtEnd ? nil : reader.optionalString()
        return try reader.finish(Markup(format: format, headings: headings, links: links, given: given, site: site, language: language), "markup")
    }
}

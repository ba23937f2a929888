// SPDX-License-Identifier: Apache-2.0
/// A related-article teaser ("Recommended" block) cut out of the page text.
public struct RelatedArticle: Hashable, Sendable, Codable {
    /// Column or brand line, when the block has one.
    public var brand: String?
    public var authors: [String]
    public var headline: String

    public init(brand: String?, authors: [String], headline: String) {
        self.brand = brand
        self.authors = authors
        self.headline = headline
    }
}

/// One parsed article. Paragraph text is exactly what the reader shows;
/// mention offsets index into it in Unicode scalars.
public struct Article: Sendable {
    public var path: String
    public var title: String
    public var authors: [String]
    public var published: CalendarDate?
    public var genre: String?
    public var brand: String?
    public var paragraphs: [String]
    public var related: [RelatedArticle]
    public var email: String?
    public var contentID: String?
    public var annotations: [Annotation]
    /// Non-fatal problems found while parsing (no annotations, broken JSON …).
    public var warnings: [String]
    /// Which importer read it.
    public var format: ArticleFormat
    /// Indices of paragraphs that are headings (sorted).
    public var headings: [Int]
    /// Links in the text, in reading order.
    public var links: [ArticleLink]
    /// Entity spans the source gives (NER output): linked as given, not searched for.
    public var givenMentions: [GivenMention]
    /// The site or publication that published it, when the source names one (a web page's `og:site_name`).
    public var site: String?
    /// The article's language as its source states it (`en-GB`), when it does.
    public var language: String?

    public init(path: String, title: String, authors: [String] = [], published: CalendarDate? = nil,
                genre: String? = nil, brand: String? = nil, paragraphs: [String], related: [RelatedArticle] = [],
                email: String? = nil, contentID: String? = nil, annotations: [Annotation] = [], warnings: [String] = [],
                format: ArticleFormat = .scraped, headings: [Int] = [], links: [ArticleLink] = [], givenMentions: [GivenMention] = [],
                site: String? = nil, language: String? = nil) {
        self.path = path
        self.title = title
        self.authors = authors
        self.published = published
        self.genre = genre
        self.brand = brand
        self.paragraphs = paragraphs
        self.related = related
        self.email = email
        self.contentID = contentID
        self.annotations = annotations
        self.warnings = warnings
        self.format = format
        self.headings = headings
        self.links = links
        self.givenMentions = givenMentions
        self.site = site
        self.language = language
    }

    /// Annotation rows merged by concept id.
    public var concepts: [AnnotatedConcept] { AnnotatedConcept.merge(annotations) }
}

/// A file that could not be read or parsed, named for the user.
public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What is known about a web page from outside it: the feed item that linked
/// to it, the fetch that stored it, the WARC record that holds it. The HTML
/// importer prefers what the page says about itself and fills the gaps from
/// here; `url` is the article's address when the page names no canonical one.
public struct PageContext: Sendable, Hashable, Codable {
    /// The address the page was fetched from (after redirects), or the WARC target URI.
    public var url: String?
    /// When it was fetched, or the WARC record's date (ISO 8601).
    public var fetched: String?
    /// The feed item's title.
    public var title: String?
    /// The feed item's authors.
    public var authors: [String]
    /// The feed item's publication date.
    public var published: CalendarDate?
    /// The feed the page was found through.
    public var feedURL: String?
    /// The feed item's guid (RSS) or id (Atom).
    public var guid: String?

    public init(url: String? = nil, fetched: String? = nil, title: String? = nil, authors: [String] = [],
                published: CalendarDate? = nil, feedURL: String? = nil, guid: String? = nil) {
        self.url = url
        self.fetched = fetched
        self.title = title
        self.authors = authors
        self.published = published
        self.feedURL = feedURL
        self.guid = guid
    }
}

/// A date is written as its ISO text (`2025-03-19`, `2025-03`, `2025`).
extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY, YYYY-MM or YYYY-MM-DD date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What lede knows about a web page besides its bytes: where it came from,
/// when, and what the feed said of it. `lede fetch` writes it beside each
/// page it stores (`NAME.meta`, JSON); a WARC record's headers make one.
/// The HTML importer receives it as the page's context.
public struct FetchMetadata: Sendable, Hashable {
    /// The address asked for (a feed item's link, or the URL given).
    public var url: String?
    /// Where the page was in the end, after redirects (the WARC record's target).
    public var finalURL: String?
    /// When it was fetched or archived, ISO 8601.
    public var fetched: String?
    /// The feed item's title.
    public var title: String?
    public var authors: [String] = []
    /// The feed item's date, ISO 8601 in the publisher's offset.
    public var published: String?
    /// The feed the item came from.
    public var feedURL: String?
    /// The feed item's guid (RSS) or id (Atom).
    public var guid: String?
    /// The feed item's summary, as plain text.
    public var summary: String?
    /// The response's Content-Type (its charset is the page's, unless the page says otherwise).
    public var contentType: String?

    public init(url: String? = nil, finalURL: String? = nil, fetched: String? = nil, title: String? = nil, authors: [String] = [],
                published: String? = nil, feedURL: String? = nil, guid: String? = nil, summary: String? = nil, contentType: String? = nil) {
        self.url = url
        self.finalURL = finalURL
        self.fetched = fetched
        self.title = title
        self.authors = authors
        self.published = published
        self.feedURL = feedURL
        self.guid = guid
        self.summary = summary
        self.contentType = contentType
    }

    /// The page's address: where it was found in the end, else what was asked for.
    public var address: String? { finalURL ?? url }

    /// The feed's date as a calendar day (the publisher's), when it has one.
    public var publishedDay: CalendarDate? { published.flatMap(FeedDate.init)?.day }

    /// The fetch time as a calendar day (UTC): a fallback publication date.
    public var fetchedDay: CalendarDate? { fetched.flatMap(FeedDate.init)?.day }

    /// What the HTML importer receives: the address where the page was found, the feed's title,
    /// authors and date; `datedByFetch` (a WARC record) makes the fetch day the fallback publication date.
    public func context(datedByFetch: Bool = false) -> PageContext {
        PageContext(url: address, fetched: fetched, title: title, authors: authors,
                    published: publishedDay ?? (datedByFetch ? fetchedDay : nil), feedURL: feedURL, guid: guid)
    }

    /// Longest title, summary and author kept (Unicode scalars): a feed may send megabytes.
    public static let maximumTitleLength = 1_000
    public static let maximumSummaryLength = 4_000

    // MARK: - JSON

    var json: JSONValue {
        var members: [String: JSONValue] = [:]
        func put(_ key: String, _ value: String?) { if let value { members[key] = .string(value) } }
        put("url", url)
        put("final_url", finalURL)
        put("fetched", fetched)
        put("title", title)
        if !authors.isEmpty { members["authors"] = .strings(authors) }
        put("published", published)
        put("feed", feedURL)
        put("guid", guid)
        put("summary", summary)
        put("content_type", contentType)
        return .object(members)
    }

    /// Pretty-printed JSON, one key a line, ending in a newline: the `.meta` file.
    public var jsonText: String { json.text + "\n" }

    /// Reads what `jsonText` wrote; unknown keys are ignored, a wrong type is an error.
    public init(json text: String) throws(MetadataError) {
        let document: JSONDocument
        do { document = try JSONDocument.parse(text) } catch { throw MetadataError(message: "not valid JSON: \(error)") }
        guard case .object(let members) = document else { throw MetadataError(message: "not a JSON object") }
        self.init()
        for (key, value) in members {
            switch key {
            case "authors":
                guard let list = value.array, list.allSatisfy({ $0.string != nil }) else { throw MetadataError(message: "'authors' must be a list of strings") }
                authors = list.compactMap(\.string)
            case "url", "final_url", "fetched", "title", "published", "feed", "guid", "summary", "content_type":
                if case .null = value { continue }
                guard let string = value.string else { throw MetadataError(message: "'\(key)' must be a string") }
                switch key {
                case "url": url = string
                case "final_url": finalURL = string
                case "fetched": fetched = string
                case "title": title = string
                case "published": published = string
                case "feed": feedURL = string
                case "guid": guid = string
                case "summary": summary = string
                default: contentType = string
                }
            default: continue
            }
        }
    }

    public struct MetadataError: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

/// A page and its metadata as one byte string, which is what the article
/// readers hand the importer for a fetched page (`NAME.html` with its
/// `NAME.meta`) or a WARC record: `NUL NUL lede-page 1 LENGTH LF`, LENGTH
/// bytes of metadata JSON, then the page exactly as fetched. No article file
/// holds a NUL (the reader refuses binary files) and a brat pair holds one,
/// so two leading NULs cannot be anything else.
public enum PageFrame {
    static let magic: [UInt8] = Array("\0\0lede-page 1 ".utf8)

    public static func frame(metadata: Data, page: Data) -> Data {
        var data = Data(magic)
        data.append(contentsOf: "\(metadata.count)\n".utf8)
        data.append(metadata)
        data.append(page)
        return data
    }

    public static func frame(_ metadata: FetchMetadata, page: Data) -> Data {
        frame(metadata: Data(metadata.jsonText.utf8), page: page)
    }

    public static func isFramed(_ data: Data) -> Bool { data.starts(with: magic) }

    /// The metadata and the page; nil when `data` is not a frame, an error when its metadata is broken.
    public static func split(_ data: Data) -> Result<(metadata: FetchMetadata, page: Data), FetchMetadata.MetadataError>? {
        guard isFramed(data) else { return nil }
        var index = data.startIndex + magic.count
        var length = 0
        while index < data.endIndex, (0x30...0x39).contains(data[index]), length < 1 << 30 {
            length = length * 10 + Int(data[index] - 0x30)
            index += 1
        }
        guard index < data.endIndex, data[index] == 0x0A, data.endIndex - (index + 1) >= length else {
            return .failure(FetchMetadata.MetadataError(message: "broken page frame"))
        }
        let metadataStart = index + 1
        let metadataBytes = data[metadataStart..<metadataStart + length]
        let page = Data(data[(metadataStart + length)...])
        do {
            let metadata = try FetchMetadata(json: String(decoding: metadataBytes, as: UTF8.self))
            return .success((metadata, page))
        } catch {
            return .failure(error)
        }
    }
}

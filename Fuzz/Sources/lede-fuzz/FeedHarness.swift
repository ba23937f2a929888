// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel

/// Bytes → `FeedParser.parse` (libxml2, no entity substitution) and the
/// sniffer. Every item's text is free of terminal controls and within its
/// bounds, links are absolute http(s), dates are real and print back to
/// themselves, and the metadata a fetch would store reads back equal.
enum FeedHarness {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        let data = Data(bytes)
        _ = FeedParser.looksLikeFeed(data)
        guard case .success(let feed) = FeedParser.parse(data, baseURL: "https://feeds.example/news/feed.xml") else { return }
        require(feed.items.count <= FeedParser.maximumItems, "\(feed.items.count) items")
        for text in [feed.title, feed.link].compactMap({ $0 }) { Invariants.onlySeparators(text, allowing: [], "feed title or link") }
        for item in feed.items {
            for text in [item.title, item.guid, item.summary].compactMap({ $0 }) + item.authors {
                Invariants.onlySeparators(text, allowing: [], "item text")
                require(!text.isEmpty && text.first != " " && text.last != " ", "item text not trimmed: \(text.debugDescription.prefix(200))")
            }
            require((item.title?.unicodeScalars.count ?? 0) <= FetchMetadata.maximumTitleLength, "title over the limit")
            require((item.summary?.unicodeScalars.count ?? 0) <= FetchMetadata.maximumSummaryLength, "summary over the limit")
            require(item.authors.count <= 20, "\(item.authors.count) authors")
            if let link = item.link {
                let url = URL(string: link)
                require(url?.scheme == "http" || url?.scheme == "https", "link \(link.debugDescription.prefix(200)) is not http(s)")
            }
            if let date = item.published {
                let again = FeedDate(date.iso8601)
                require(again?.instant == date.instant && again?.day == date.day, "date \(date.iso8601) does not read back")
            }
            let metadata = FetchMetadata(url: item.link, fetched: "2025-03-19T10:00:00Z", title: item.title, authors: item.authors,
                                        published: item.published?.iso8601, feedURL: "https://feeds.example/news/feed.xml", guid: item.guid, summary: item.summary)
            Invariants.onlySeparators(metadata.jsonText, allowing: ["\n"], "stored metadata")
            let back = try? FetchMetadata(json: metadata.jsonText)
            require(back == metadata, "metadata does not read back: \(metadata.jsonText.prefix(300))")
        }
    }
}

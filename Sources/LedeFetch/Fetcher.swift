// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// What a fetch did, for the summary line and the exit status.
public struct FetchReport: Sendable {
    /// Pages stored, in the order they were fetched.
    public var stored: [String] = []
    /// Feeds (and pages) the server said had not changed (304), or pages already stored.
    public var unchanged: [String] = []
    /// Feed items already stored, skipped without a request.
    public var alreadyStored = 0
    /// Each URL that failed, with why.
    public var failures: [(url: String, message: String)] = []

    public init() {}
}

/// One line of progress: what is being fetched, and how far the run is.
public struct FetchProgress: Sendable {
    public var done: Int
    public var total: Int
    public var message: String
}

/// Fetches feeds and pages into an `ArticleStore`: a feed's new items each
/// have their page fetched and stored with the item's metadata; a page URL
/// is stored as it is. Conditional requests (ETag, Last-Modified) for what
/// was fetched before; an item already stored (by guid, else link) is not
/// asked for again. A failure is reported and the rest goes on.
public final class Fetcher {
    public let store: ArticleStore
    public let client: HTTPClient
    public let progress: (FetchProgress) -> Void
    public var isCancelled: () -> Bool = { false }

    public init(store: ArticleStore, client: HTTPClient, progress: @escaping (FetchProgress) -> Void = { _ in }) {
        self.store = store
        self.client = client
        self.progress = progress
    }

    private var done = 0
    private var total = 0

    public func fetch(_ addresses: [String]) -> FetchReport {
        var report = FetchReport()
        total = addresses.count
        done = 0
        for address in addresses {
            if isCancelled() { break }
            fetchOne(address, into: &report)
            done += 1
        }
        do { try store.saveState() } catch { report.failures.append((store.folder, error.description)) }
        return report
    }

    private func say(_ message: String) { progress(FetchProgress(done: done, total: total, message: message)) }

    private func fetchOne(_ address: String, into report: inout FetchReport) {
        guard let url = URL(string: address), HTTPClient.isFetchable(url) else {
            report.failures.append((address, FetchFailure.badAddress.description))
            return
        }
        if store.isStored(address) && store.validators(for: address) == nil {
            // A page URL stored before: not asked for again.
            report.unchanged.append(address)
            say("\(address): already stored")
            return
        }
        say("fetching \(address)")
        var headers: [String: String] = [:]
        if let validators = store.validators(for: address) {
            if let etag = validators.etag { headers["If-None-Match"] = etag }
            if let lastModified = validators.lastModified { headers["If-Modified-Since"] = lastModified }
        }
        let response: HTTPResponse
        switch client.get(url, headers: headers, maximumBytes: client.limits.maximumFeedBytes, maximumPageBytes: client.limits.maximumPageBytes) {
        case .success(let value): response = value
        case .failure(let failure):
            report.failures.append((address, failure.description))
            return
        }
        if response.status == 304 {
            report.unchanged.append(address)
            say("\(address): not modified")
            return
        }
        guard (200...299).contains(response.status) else {
            report.failures.append((address, FetchFailure.status(response.status).description))
            return
        }
        let mediaType = response.mediaType ?? ""
        let isXMLType = mediaType.contains("xml") && mediaType != "application/xhtml+xml"
        if isXMLType || FeedParser.looksLikeFeed(response.body) {
            switch FeedParser.parse(response.body, baseURL: response.url.absoluteString) {
            case .success(let feed):
                let failuresBefore = report.failures.count
                fetchItems(of: feed, feedURL: address, into: &report)
                // Validators only once every new item is stored: else the next fetch would get a 304 and never retry them.
                if report.failures.count == failuresBefore { store.setValidators(Self.validators(of: response), for: address) }
                return
            case .failure(let error):
                if !HTMLSniff.isHTMLType(mediaType) && !HTMLSniff.looksLikeHTML(response.body) {
                    report.failures.append((address, error.description))
                    return
                }
            }
        }
        guard HTMLSniff.isPage(mediaType: mediaType, body: response.body) else {
            report.failures.append((address, FetchFailure.notFeedOrPage(mediaType.isEmpty ? "no Content-Type" : "Content-Type \(mediaType)").description))
            return
        }
        guard response.body.count <= client.limits.maximumPageBytes else {
            report.failures.append((address, FetchFailure.tooLarge(limit: client.limits.maximumPageBytes, compressed: false).description))
            return
        }
        let metadata = FetchMetadata(url: address, finalURL: response.url.absoluteString == address ? nil : response.url.absoluteString,
                                    fetched: Self.now(), contentType: response.headers["content-type"])
        // The same page stored before, under this address or where it redirected to.
        if store.isStored(address) || store.isStored(response.url.absoluteString) {
            report.unchanged.append(address)
            say("\(address): already stored")
            return
        }
        var named = metadata
        named.title = Self.pageTitle(response.body)
        storePage(response.body, metadata: metadata, key: address, day: Self.today(), nameFrom: named.title, into: &report)
        if let final = metadata.finalURL { store.markStored(final, as: address) }
    }

    private func fetchItems(of feed: Feed, feedURL: String, into report: inout FetchReport) {
        // Stored before by its guid, or its page by its link (from this feed or another): not fetched again.
        let fresh = feed.items.filter { item in item.key != nil && !(item.guid.map(store.isStored) ?? false) && !(item.link.map(store.isStored) ?? false) }
        report.alreadyStored += feed.items.count - fresh.count
        say("\(feedURL): \(feed.kind.rawValue), \(feed.items.count) item\(feed.items.count == 1 ? "" : "s"), \(fresh.count) new")
        total += fresh.count
        for item in fresh {
            if isCancelled() { return }
            defer { done += 1 }
            guard let key = item.key else { continue }
            guard let link = item.link, let url = URL(string: link) else {
                report.failures.append((feedURL, "item \(ControlCharacters.visible(String(key.prefix(200)))) has no link to a page"))
                continue
            }
            say("fetching \(link)")
            switch client.get(url, maximumBytes: client.limits.maximumPageBytes) {
            case .failure(let failure):
                report.failures.append((link, failure.description))
            case .success(let response):
                guard (200...299).contains(response.status) else {
                    report.failures.append((link, FetchFailure.status(response.status).description))
                    continue
                }
                let mediaType = response.mediaType
                guard HTMLSniff.isPage(mediaType: mediaType, body: response.body) else {
                    report.failures.append((link, "not an HTML page (\(ControlCharacters.visible(mediaType.map { "Content-Type \($0)" } ?? "no Content-Type")))"))
                    continue
                }
                let metadata = FetchMetadata(url: link, finalURL: response.url.absoluteString == link ? nil : response.url.absoluteString,
                                            fetched: Self.now(), title: item.title, authors: item.authors, published: item.published?.iso8601,
                                            feedURL: feedURL, guid: item.guid, summary: item.summary, contentType: response.headers["content-type"])
                storePage(response.body, metadata: metadata, key: key, day: item.published?.day ?? Self.today(), into: &report)
                if item.guid != nil { store.markStored(link, as: key) }
            }
        }
    }

    private func storePage(_ page: Data, metadata: FetchMetadata, key: String, day: CalendarDate, nameFrom title: String? = nil, into report: inout FetchReport) {
        do {
            let path = try store.store(page: page, metadata: metadata, key: key, day: day, nameFrom: title)
            report.stored.append(path)
            say("stored \(path)")
        } catch {
            report.failures.append((metadata.address ?? key, error.description))
        }
    }

    /// The page's `<title>`, for its file name only (the importer reads the page properly).
    static func pageTitle(_ page: Data) -> String? {
        let head = String(decoding: page.prefix(64 << 10), as: UTF8.self)
        guard let open = head.range(of: "<title", options: .caseInsensitive),
              let start = head[open.upperBound...].firstIndex(of: ">"),
              let close = head[start...].range(of: "</title", options: .caseInsensitive) else { return nil }
        let title = head[head.index(after: start)..<close.lowerBound].split(separator: "|").first.map(String.init) ?? ""
        return title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : title
    }

    static func validators(of response: HTTPResponse) -> FetchState.Validators? {
        let etag = response.headers["etag"]
        let lastModified = response.headers["last-modified"]
        guard etag != nil || lastModified != nil else { return nil }
        return FetchState.Validators(etag: etag, lastModified: lastModified)
    }

    static func now() -> String { FeedDate(instant: Date(), day: today(), offsetMinutes: 0).iso8601 }

    static func today() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month, day: parts.day)
    }
}

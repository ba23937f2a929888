// SPDX-License-Identifier: Apache-2.0
// LedeFetch owns lede's only network use: fetching feeds and pages
// (`lede fetch`, the browser's refresh) and storing them in a folder.
import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LedeModel

/// Bounds on one fetch, so no server can make lede wait or grow without end.
public struct FetchLimits: Sendable, Hashable {
    /// Seconds a response may go without sending a byte (`--timeout`, `LEDE_FETCH_TIMEOUT`).
    public var idleTimeout: TimeInterval = 30
    /// Seconds one response may take in all (a server that drips a byte a second).
    public var totalTimeout: TimeInterval = 120
    /// Redirects followed before giving up.
    public var maximumRedirects = 10
    /// Largest page body, decoded (gzip included): the article size limit (`LEDE_MAX_FILE_MB`).
    public var maximumPageBytes = ImportLimits.standard.maximumFileBytes
    /// Largest feed body, decoded.
    public var maximumFeedBytes = FeedParser.maximumBytes

    public init() {}

    /// The defaults, with `LEDE_FETCH_TIMEOUT` (seconds) when it is a number above 0.
    public static var standard: FetchLimits {
        var limits = FetchLimits()
        if let text = ProcessInfo.processInfo.environment["LEDE_FETCH_TIMEOUT"], let seconds = Double(text), seconds > 0 {
            limits.idleTimeout = min(seconds, 3600)
            limits.totalTimeout = max(limits.idleTimeout * 4, min(limits.totalTimeout, limits.idleTimeout * 4))
        }
        return limits
    }
}

/// A response after redirects: where it came from and what it said.
public struct HTTPResponse: Sendable {
    public var url: URL
    public var status: Int
    /// Field names in lower case.
    public var headers: [String: String]
    public var body: Data

    public var mediaType: String? {
        headers["content-type"].map { $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "" }
    }
}

/// Why a fetch failed, in words for the user (the URL is added by whoever reports it).
public enum FetchFailure: Error, Hashable, Sendable, CustomStringConvertible {
    case badAddress
    case status(Int)
    case redirectLoop([String])
    case tooManyRedirects(Int)
    case tooLarge(limit: Int, compressed: Bool)
    case timedOut(idle: TimeInterval, total: TimeInterval)
    case transport(String)
    case notFeedOrPage(String)

    public var description: String {
        switch self {
        case .badAddress: "not an http or https address"
        case .status(let code): "HTTP \(code) \(HTTPURLResponse.localizedString(forStatusCode: code).capitalized)"
        case .redirectLoop(let chain): "redirect loop: " + chain.map(ControlCharacters.visible).joined(separator: " → ")
        case .tooManyRedirects(let count): "more than \(count) redirects"
        case .tooLarge(let limit, let compressed):
            "the response is over \(Self.size(limit))\(compressed ? " once decompressed (a gzip bomb?)" : ""); not stored"
        case .timedOut(let idle, let total): "timed out: nothing came for \(Self.seconds(idle)) s (or it took over \(Self.seconds(total)) s); gave up"
        case .transport(let reason): reason
        case .notFeedOrPage(let type): "not a feed (RSS or Atom) nor an HTML page (\(ControlCharacters.visible(type)))"
        }
    }

    static func size(_ bytes: Int) -> String { bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) bytes" }
    static func seconds(_ value: TimeInterval) -> String { value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value) }
}

/// GET over URLSession (FoundationNetworking, libcurl underneath): redirects
/// followed here, one at a time, so a loop is seen and named; the body is
/// collected up to a limit and the request cancelled past it (curl decodes
/// gzip as it goes, so a gzip bomb stops at the limit too); an idle timeout
/// and a total one. No cookies, no cache, no credentials.
public final class HTTPClient: Sendable {
    public let limits: FetchLimits
    public let userAgent: String

    public init(limits: FetchLimits = .standard, userAgent: String) {
        self.limits = limits
        self.userAgent = userAgent
    }

    /// Fetches `url`, following redirects; `headers` (validators) go with the first request only.
    /// The body may be `maximumBytes` long, or `maximumPageBytes` when the response says it is a page.
    public func get(_ url: URL, headers: [String: String] = [:], maximumBytes: Int, maximumPageBytes: Int? = nil) -> Result<HTTPResponse, FetchFailure> {
        var current = url
        var chain = [url.absoluteString]
        var extra = headers
        for _ in 0...limits.maximumRedirects {
            guard Self.isFetchable(current) else { return .failure(.badAddress) }
            let result = once(current, headers: extra, maximumBytes: maximumBytes, maximumPageBytes: maximumPageBytes ?? maximumBytes)
            guard case .success(let response) = result else { return result }
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["location"] else { return result }
            guard let next = URL(string: location, relativeTo: current)?.absoluteURL else { return .failure(.transport("a redirect to an address that cannot be read")) }
            if chain.contains(next.absoluteString) { return .failure(.redirectLoop(chain + [next.absoluteString])) }
            chain.append(next.absoluteString)
            current = next
            extra = [:]
        }
        return .failure(.tooManyRedirects(limits.maximumRedirects))
    }

    public static func isFetchable(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else { return false }
        return true
    }

    /// One request, no redirect followed.
    func once(_ url: URL, headers: [String: String], maximumBytes: Int, maximumPageBytes: Int) -> Result<HTTPResponse, FetchFailure> {
        let collector = Collector(maximumBytes: maximumBytes, maximumPageBytes: maximumPageBytes)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = limits.idleTimeout
        configuration.timeoutIntervalForResource = limits.totalTimeout
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5", forHTTPHeaderField: "Accept")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let task = session.dataTask(with: request)
        task.resume()
        // The total deadline, beside URLSession's own: a little later, so its error comes first when it fires.
        if collector.done.wait(timeout: .now() + limits.totalTimeout + 5) == .timedOut {
            task.cancel()
            _ = collector.done.wait(timeout: .now() + 5)
            return .failure(.timedOut(idle: limits.idleTimeout, total: limits.totalTimeout))
        }
        return collector.result(limits: limits)
    }

    /// Collects one task's response and body (URLSession calls it on its own queue).
    final class Collector: NSObject, URLSessionDataDelegate, Sendable {
        let maximumPageBytes: Int
        let done = DispatchSemaphore(value: 0)
        /// What URLSession's queue writes and `result` reads.
        private struct Received {
            var maximumBytes: Int
            var response: HTTPURLResponse?
            var body = Data()
            var overLimit = false
            var error: Error?
        }
        private let received: Mutex<Received>

        init(maximumBytes: Int, maximumPageBytes: Int) {
            self.maximumPageBytes = maximumPageBytes
            received = Mutex(Received(maximumBytes: maximumBytes))
        }

        /// A field of the response, by any case of its name.
        static func field(_ name: String, of response: HTTPURLResponse?) -> String? {
            guard let response else { return nil }
            for (key, value) in response.allHeaderFields {
                if let key = key as? String, key.lowercased() == name { return value as? String }
            }
            return nil
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            // Redirects are followed by `get`, one at a time.
            completionHandler(nil)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
            let http = response as? HTTPURLResponse
            let limit = received.withLock { received in
                received.response = http
                // A page has the page limit from its first byte on (a gzip bomb stops there).
                let type = Self.field("content-type", of: http)?.lowercased() ?? ""
                if type.hasPrefix("text/html") || type.hasPrefix("application/xhtml") {
                    received.maximumBytes = min(received.maximumBytes, maximumPageBytes)
                }
                return received.maximumBytes
            }
            if response.expectedContentLength > Int64(limit), Self.field("content-encoding", of: http) == nil {
                received.withLock { $0.overLimit = true }
                completionHandler(.cancel)
                return
            }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            let fits = received.withLock { received in
                guard received.body.count + data.count <= received.maximumBytes else {
                    received.overLimit = true
                    return false
                }
                received.body.append(data)
                return true
            }
            if !fits { dataTask.cancel() }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            received.withLock { $0.error = error }
            done.signal()
        }

        func result(limits: FetchLimits) -> Result<HTTPResponse, FetchFailure> {
            received.withLock { Self.result(of: $0, limits: limits) }
        }

        private static func result(of received: Received, limits: FetchLimits) -> Result<HTTPResponse, FetchFailure> {
            let (response, body, error) = (received.response, received.body, received.error)
            if received.overLimit {
                let compressed = Self.field("content-encoding", of: response).map { !$0.lowercased().contains("identity") } ?? false
                return .failure(.tooLarge(limit: received.maximumBytes, compressed: compressed))
            }
            if let error = error as? URLError {
                switch error.code {
                case .timedOut: return .failure(.timedOut(idle: limits.idleTimeout, total: limits.totalTimeout))
                case .cannotFindHost, .dnsLookupFailed: return .failure(.transport("host not found"))
                case .cannotConnectToHost: return .failure(.transport("cannot connect (connection refused)"))
                case .networkConnectionLost: return .failure(.transport("the connection was lost"))
                case .notConnectedToInternet: return .failure(.transport("no network"))
                case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
                     .serverCertificateHasUnknownRoot, .clientCertificateRejected:
                    return .failure(.transport("the TLS connection failed (\(error.code.rawValue))"))
                default: return .failure(.transport("network error \(error.code.rawValue)"))
                }
            }
            if let error { return .failure(.transport("network error: \(error.localizedDescription)")) }
            guard let response else { return .failure(.transport("no response")) }
            var headers: [String: String] = [:]
            for (name, value) in response.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
            }
            return .success(HTTPResponse(url: response.url ?? URL(string: "about:blank")!, status: response.statusCode, headers: headers, body: body))
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import LedeConfig
import LedeFetch
import LedeModel

/// `lede fetch`: feeds and pages from the web into a folder of articles.
struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch feeds and pages into a folder of articles (the only command that uses the network).",
        discussion: """
            A feed URL (RSS 2.0, RSS 1.0 or Atom) fetches the page of each item not stored yet; a page URL fetches that page. \
            Each page is stored as it came (NAME.html) with the feed's metadata beside it (NAME.meta: title, date, authors, link, guid, \
            fetch time, final URL); a file is never overwritten. A second fetch sends If-None-Match and If-Modified-Since and skips items \
            already stored. Without URL, the [feeds] urls of config.toml. Progress and problems go to stderr; exit status 1 when any URL \
            failed (what was fetched is kept).
            """)

    @Option(help: "The folder to store into (default: [feeds] folder of config.toml, else $XDG_DATA_HOME/lede/articles).",
            completion: .directory) var into: String?
    @Option(help: "Seconds a server may send nothing before lede gives up on it (default 30; LEDE_FETCH_TIMEOUT too).") var timeout: Double?
    @Flag(help: "Print only problems and the summary.") var quiet = false
    @Argument(help: "Feed or page addresses (http, https); none: the [feeds] urls of config.toml.") var urls: [String] = []

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 3600) { throw ValidationError("--timeout must be a number of seconds above 0 (at most 3600)") }
        for url in urls where URL(string: url).map(HTTPClient.isFetchable) != true {
            throw ValidationError("\(ControlCharacters.visible(url)) is not an http or https address")
        }
    }

    func run() throws {
        let (subscriptions, problems) = Settings.feedSubscriptions()
        for problem in problems { printError("lede: \(problem)") }
        let addresses = urls.isEmpty ? subscriptions.urls : urls
        guard !addresses.isEmpty else {
            printError("lede fetch: no URL given and no [feeds] urls in config.toml (e.g. [feeds] urls = [\"https://example.org/feed.xml\"])")
            throw ExitCode(2)
        }
        guard let folder = into ?? subscriptions.folder ?? DataDirectory.articles() else {
            printError("lede fetch: no folder to store into: give --into DIR (HOME and XDG_DATA_HOME are unset)")
            throw ExitCode(2)
        }
        var limits = FetchLimits.standard
        if let timeout {
            limits.idleTimeout = timeout
            limits.totalTimeout = max(timeout * 4, 10)
        }
        let store: ArticleStore
        do {
            store = try ArticleStore(folder: folder)
        } catch {
            printError("lede: \(error.description)")
            throw ExitCode(1)
        }
        let fetcher = Fetcher(store: store, client: HTTPClient(limits: limits, userAgent: "lede/\(LedeVersion.number)")) { progress in
            if !quiet { printError("lede: \(progress.message)") }
        }
        let report = fetcher.fetch(addresses)
        for failure in report.failures { printError("lede: \(failure.url): \(failure.message)") }
        printError("lede: " + FetchSummary.text(report, folder: folder))
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}

/// The one line that ends a fetch (also the browser's notice).
enum FetchSummary {
    static func text(_ report: FetchReport, folder: String) -> String {
        var parts = ["\(report.stored.count) new article\(report.stored.count == 1 ? "" : "s") in \(folder)"]
        if !report.unchanged.isEmpty { parts.append("\(report.unchanged.count) unchanged") }
        if report.alreadyStored > 0 { parts.append("\(report.alreadyStored) item\(report.alreadyStored == 1 ? "" : "s") already stored") }
        if !report.failures.isEmpty { parts.append("\(report.failures.count) failed") }
        return parts.joined(separator: " · ")
    }
}

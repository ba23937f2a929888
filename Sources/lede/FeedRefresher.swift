// SPDX-License-Identifier: Apache-2.0
import Foundation
import Synchronization
import LedeConfig
import LedeFetch
import LedeModel
import LedeUI

/// The browser's feed refresh (`R`): `lede fetch` of the `[feeds]` urls on a
/// thread of its own, so the screen never waits on the network. The loop
/// takes its progress as events; the folder watcher finds the new files.
final class FeedRefresher: Sendable {
    let subscriptions: FeedSubscriptions
    /// The folders on screen: whether the new files will show up is told in the notice.
    let watchedPaths: [String]
    /// What the fetching thread and the loop share.
    private struct Shared {
        var running = false
        var cancelled = false
        var progress: String?
        var toldProgress: String?
        var notices: [(String, Bool)] = []
    }
    private let shared = Mutex(Shared())

    init(subscriptions: FeedSubscriptions, watchedPaths: [String]) {
        self.subscriptions = subscriptions
        self.watchedPaths = watchedPaths
    }

    var folder: String? { subscriptions.folder ?? DataDirectory.articles() }

    /// Starts a refresh unless one runs or there is nothing to fetch (a notice says which).
    func start() {
        guard !subscriptions.urls.isEmpty, let folder else {
            post("No feeds to fetch: add [feeds] urls = [\"https://…/feed.xml\"] to config.toml", isError: true)
            return
        }
        let alreadyRunning = shared.withLock { shared in
            defer { if !shared.running { shared.running = true; shared.progress = "fetching…" } }
            return shared.running
        }
        if alreadyRunning { post("Already fetching the feeds", isError: false); return }
        let urls = subscriptions.urls
        let watched = isWatched(folder)
        let thread = Thread { [self] in
            defer { shared.withLock { $0.running = false; $0.progress = nil } }
            let store: ArticleStore
            do {
                store = try ArticleStore(folder: folder, wait: 5)
            } catch {
                post("\(error)", isError: true)
                return
            }
            let fetcher = Fetcher(store: store, client: HTTPClient(userAgent: "lede/\(LedeVersion.number)")) { [self] step in
                shared.withLock { $0.progress = "fetching \(min(step.done + 1, step.total))/\(step.total)" }
            }
            fetcher.isCancelled = { [self] in shared.withLock { $0.cancelled } }
            let report = fetcher.fetch(urls)
            var text = "Fetched: " + FetchSummary.text(report, folder: folder)
            if let failure = report.failures.first {
                text += " — \(failure.url): \(failure.message)" + (report.failures.count > 1 ? " (+\(report.failures.count - 1) more)" : "")
            }
            if !watched && !report.stored.isEmpty { text += " (not a folder on screen: lede \(folder) shows them)" }
            post(ControlCharacters.visible(text), isError: !report.failures.isEmpty)
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func post(_ text: String, isError: Bool) {
        shared.withLock { $0.notices.append((text, isError)) }
    }

    /// Whether files stored in `folder` are under one of the paths on screen (so the watcher sees them).
    private func isWatched(_ folder: String) -> Bool {
        let target = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        return watchedPaths.contains { path in
            let root = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            return target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
    }

    /// Progress and notices since the last call, as events.
    func events() -> [Event] {
        shared.withLock { shared in
            var events: [Event] = []
            if shared.progress != shared.toldProgress {
                shared.toldProgress = shared.progress
                events.append(.fetchProgress(shared.progress))
            }
            events += shared.notices.map { .notice($0.0, isError: $0.1) }
            shared.notices = []
            return events
        }
    }

    /// Asks a running refresh to stop after the request it is in.
    func stop() { shared.withLock { $0.cancelled = true } }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeIndex
import LedeModel
import LedeUI
import Synchronization

/// Where the browser's corpus comes from and how it is kept in step with
/// the files: the loop takes its events and hands it `.reindex` effects.
/// A new kind of store (a remote index, say) is one more conformance.
protocol CorpusSource: AnyObject {
    /// Starts the first update (after the first frame is drawn).
    func start()
    /// What happened since the last call, as events for `update`.
    func events() -> [Event]
    /// Brings the corpus up to date with the files again (now, or after the update that is running).
    func update()
    /// The first update is done (an empty corpus is then final).
    var firstUpdateFinished: Bool { get }
    /// Problems to list on exit.
    var notices: [String] { get }
    func stopAndWait()
}

/// `--no-index`: the corpus was read in memory before the screen started;
/// files changed on disk are read again, all of them, on a thread, and the
/// new corpus replaces the old (the reader finds its article by path).
final class InMemorySource: CorpusSource, Sendable {
    let builder: CorpusBuilder
    let paths: [String]
    private let pending = Mutex<[Event]>([])
    private let worker = RerunningWorker()

    init(builder: CorpusBuilder, paths: [String]) {
        self.builder = builder
        self.paths = paths
    }

    func start() {}
    var firstUpdateFinished: Bool { true }
    var notices: [String] { [] }

    func events() -> [Event] {
        pending.withLock { pending in
            defer { pending = [] }
            return pending
        }
    }

    func update() { worker.request { [self] in readAgain() } }

    private func readAgain() {
        let started = Date()
        let corpus = builder.buildInMemory(paths: paths)
        let took = String(format: "%.1f", Date().timeIntervalSince(started))
        pending.withLock { pending in
            pending.append(.corpusReplaced(corpus, indexing: nil))
            pending.append(.notice("Read \(corpus.articleCount) articles again in \(took) s", isError: !corpus.errors.isEmpty))
        }
    }

    func stopAndWait() { worker.wait(seconds: 3) }
}

/// Runs the index update on a background thread while the browser is up,
/// and tells the loop what changed: the corpus snapshot is reloaded after
/// each committed chunk (at most four times a second), the status text
/// shows progress, and a failure falls back to a corpus in memory. Files
/// changed on disk later run the update again (only they are read).
final class BackgroundIndexing: CorpusSource, Sendable {
    let indexer: Indexer
    let corpus: IndexedCorpus
    let paths: [String]
    /// What the update thread and the loop share.
    private struct Progress {
        var status = "indexing…"
        var pendingNotice: String?
        var replacement: (any Corpus)?
        var notices: [String] = []
        var finished = false
        var failed = false
        var lastReload = Date.distantPast
        /// What the loop was last told.
        var toldGeneration: Int?
        var toldStatus: String?
    }
    private let progress = Mutex(Progress())
    private let worker: RerunningWorker

    init(indexer: Indexer, corpus: IndexedCorpus, paths: [String]) {
        self.indexer = indexer
        self.corpus = corpus
        self.paths = paths
        worker = RerunningWorker(isCancelled: { [indexer] in indexer.isCancelled })
    }

    var statusText: String { progress.withLock { $0.status } }
    var isFinished: Bool { progress.withLock { $0.finished } }
    var hasFailed: Bool { progress.withLock { $0.failed } }
    var notices: [String] { progress.withLock { $0.notices } }

    func takeNotice() -> String? {
        progress.withLock { progress in
            defer { progress.pendingNotice = nil }
            return progress.pendingNotice
        }
    }

    func takeReplacement() -> (any Corpus)? {
        progress.withLock { progress in
            defer { progress.replacement = nil }
            return progress.replacement
        }
    }

    private func set(status text: String) { progress.withLock { $0.status = text } }

    var firstUpdateFinished: Bool { isFinished }

    func start() { update() }

    func events() -> [Event] {
        var events: [Event] = []
        let generation = corpus.generation
        let changed: String? = progress.withLock { progress in
            guard generation != progress.toldGeneration || progress.status != progress.toldStatus else { return nil }
            progress.toldGeneration = generation
            progress.toldStatus = progress.status
            return progress.status
        }
        if let status = changed { events.append(.corpusChanged(indexing: status.isEmpty ? nil : IndexingStatus(status))) }
        if let notice = takeNotice() { events.append(.notice(notice, isError: hasFailed)) }
        if let replacement = takeReplacement() { events.append(.corpusReplaced(replacement, indexing: nil)) }
        return events
    }

    /// Runs the update now, or once more after the one that is running.
    func update() {
        worker.request { [self] in
            if hasFailed { readInMemory(notice: nil) } else { run() }
        }
    }

    /// After a failure the index is gone: the files are read in memory and that corpus replaces the index's.
    private func readInMemory(notice: String?) {
        set(status: "reading in memory…")
        let memory = CorpusBuilder(linker: indexer.builder.linker).buildInMemory(paths: paths)
        progress.withLock { progress in
            progress.replacement = memory
            if let notice { progress.pendingNotice = notice }
        }
        finish(notice: nil)
    }

    private func run() {
        let started = Date()
        let (files, states, missing) = ArticleFiles.expandWithStates(paths)
        do {
            let report = try updateWaitingForOthers(files: files, states: states)
            try corpus.reload()
            corpus.setErrors(missing + CorpusLoader.inFileOrder(report.errors, files: files))
            if report.wasCancelled { finish(notice: nil); return }
            if try indexer.isSearchIndexPending() {
                set(status: "building the search index…")
                try indexer.ensureSearchIndex()
                try corpus.reload()
            }
            let took = String(format: "%.1f", Date().timeIntervalSince(started))
            var summary = ContainerNotices.shared.take(under: paths)
            if report.didChange { summary.append("Indexed: \(report.added) new, \(report.changed) changed, \(report.removed) removed in \(took) s") }
            if !report.errors.isEmpty || !missing.isEmpty {
                let count = report.errors.count + missing.count
                summary.append("\(count) file\(count == 1 ? "" : "s") could not be read (listed on exit)")
            }
            finish(notice: summary.isEmpty ? nil : summary.joined(separator: " · "), isError: !report.errors.isEmpty || !missing.isEmpty)
        } catch {
            let message = "cannot update the index (\(error)); reading the files in memory instead"
            indexer.database.discard()
            progress.withLock { progress in
                progress.failed = true
                progress.notices.append(message)
            }
            readInMemory(notice: message)
        }
    }

    /// While another lede updates the same index, follow its progress (the
    /// snapshot reloads) and try again when it is done.
    private func updateWaitingForOthers(files: [String], states: [FileStat]) throws -> IndexReport {
        while true {
            do {
                return try indexer.update(files: files, states: states, progress: { [self] progress in
                    set(status: Self.describe(progress))
                }, committed: { [self] in
                    // Reload the snapshot at most four times a second; the last commit always.
                    let due = progress.withLock { progress in
                        guard Date().timeIntervalSince(progress.lastReload) > 0.25 else { return false }
                        progress.lastReload = Date()
                        return true
                    }
                    if due { try? corpus.reload() }
                })
            } catch let unavailable as IndexUnavailable where unavailable.isBusy {
                set(status: "another lede is indexing this folder…")
                try? corpus.reload()
                if indexer.isCancelled { return IndexReport(wasCancelled: true) }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }

    private func finish(notice: String?, isError: Bool = false) {
        progress.withLock { progress in
            progress.finished = true
            progress.status = ""
            if let notice { progress.pendingNotice = notice }
            if isError { progress.failed = true }
        }
    }

    /// Asks the update to stop after its current chunk and waits (briefly) for it.
    func stopAndWait() {
        indexer.cancel()
        worker.wait(seconds: 3)
    }

    static func describe(_ progress: IndexProgress) -> String {
        let rate = progress.rate >= 1 ? " · \(Int(progress.rate))/s" : ""
        switch progress.phase {
        case .reading: return "reading \(progress.done)/\(progress.total)\(rate)"
        case .linking: return "linking \(progress.done)/\(progress.total)\(rate)"
        case .finishing: return "finishing the index…"
        case .searchIndex: return "building the search index…"
        case .done: return "finishing the index…"
        }
    }
}

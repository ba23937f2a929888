// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import Synchronization

/// Looks at the folders on screen from a thread of its own and reports what
/// changed on disk once a burst of writes has settled: a change is reported
/// when two looks in a row agree on it. Polling (stat, no reads) keeps it
/// portable; the pause between looks grows with the time a look takes, so a
/// folder of 100,000 files costs a few per cent of one core, not a core.
final class FolderWatcher: Sendable {
    private let paths: [String]
    private struct Looks {
        /// What the browser was last told about.
        var reported: FolderSnapshot?
        /// The newest settled look, not yet taken.
        var settled: FolderSnapshot?
        var stopped = false
    }
    private let looks = Mutex(Looks())
    static let shortestPause = 0.25

    init(paths: [String]) { self.paths = paths }

    func start() {
        let thread = Thread { [self] in run() }
        thread.stackSize = 4 << 20
        thread.start()
    }

    func stop() { looks.withLock { $0.stopped = true } }

    private var isStopped: Bool { looks.withLock { $0.stopped } }

    private func run() {
        var started = Date()
        var previous = FolderSnapshot.scan(paths)
        let first = previous
        looks.withLock { $0.reported = first }
        var pause = max(Self.shortestPause, Date().timeIntervalSince(started) * 20)
        while !isStopped {
            Thread.sleep(forTimeInterval: pause)
            if isStopped { return }
            started = Date()
            let now = FolderSnapshot.scan(paths)
            pause = min(10, max(Self.shortestPause, Date().timeIntervalSince(started) * 20))
            let agreed = previous
            looks.withLock { looks in if now == agreed && now != looks.reported { looks.settled = now } }
            previous = now
        }
    }

    /// What changed since the last call (nil when nothing settled did).
    func takeChanges() -> FileChanges? {
        looks.withLock { looks in
            guard let settled = looks.settled, let reported = looks.reported else { return nil }
            looks.settled = nil
            looks.reported = settled
            let changes = reported.changes(to: settled)
            return changes.isEmpty ? nil : changes
        }
    }
}

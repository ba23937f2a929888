import Foundation
import LedeModel

/// Looks at the folders on screen from a thread of its own and reports what
/// changed on disk once a burst of writes has settled: a change is reported
/// when two looks in a row agree on it. Polling (stat, no reads) keeps it
/// portable; the pause between looks grows with the time a look takes, so a
/// folder of 100,000 files costs a few per cent of one core, not a core.
final class FolderWatcher: @unchecked Sendable {
    private let paths: [String]
    private let lock = NSLock()
    /// What the browser was last told about.
    private var reported: FolderSnapshot?
    /// The newest settled look, not yet taken.
    private var settled: FolderSnapshot?
    private var stopped = false
    static let shortestPause = 0.25

    init(paths: [String]) { self.paths = paths }

    func start() {
        let thread = Thread { [self] in run() }
        thread.stackSize = 4 << 20
        thread.start()
    }

    func stop() { lock.lock(); stopped = true; lock.unlock() }

    private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

    private func run() {
        var started = Date()
        var previous = FolderSnapshot.scan(paths)
        lock.lock(); reported = previous; lock.unlock()
        var pause = max(Self.shortestPause, Date().timeIntervalSince(started) * 20)
        while !isStopped {
            Thread.sleep(forTimeInterval: pause)
            if isStopped { return }
            started = Date()
            let now = FolderSnapshot.scan(paths)
            pause = min(10, max(Self.shortestPause, Date().timeIntervalSince(started) * 20))
            lock.lock()
            if now == previous && now != reported { settled = now }
            lock.unlock()
            previous = now
        }
    }

    /// What changed since the last call (nil when nothing settled did).
    func takeChanges() -> FileChanges? {
        lock.lock(); defer { lock.unlock() }
        guard let settled, let reported else { return nil }
        self.settled = nil
        self.reported = settled
        let changes = reported.changes(to: settled)
        return changes.isEmpty ? nil : changes
    }
}

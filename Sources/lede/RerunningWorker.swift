import Foundation

/// Runs a job on a thread of its own. Asked again while the job runs, it
/// runs it once more afterwards: never two at once, and a burst of requests
/// is one more run, not a queue.
final class RerunningWorker: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var again = false
    /// Signalled when a thread ends (never waited below its start value: libdispatch traps on that).
    private let done = DispatchSemaphore(value: 0)
    private let job: @Sendable () -> Void
    private let isCancelled: @Sendable () -> Bool

    init(isCancelled: @escaping @Sendable () -> Bool = { false }, job: @escaping @Sendable () -> Void) {
        self.job = job
        self.isCancelled = isCancelled
    }

    func request() {
        lock.lock()
        if running { again = true; lock.unlock(); return }
        running = true
        lock.unlock()
        let thread = Thread { [self] in
            repeat {
                lock.lock(); again = false; lock.unlock()
                job()
            } while runAgain()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func runAgain() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if !again || isCancelled() { running = false; return false }
        return true
    }

    /// Waits (at most `seconds`) for a running job to end.
    func wait(seconds: Double) {
        lock.lock(); let isRunning = running; lock.unlock()
        if isRunning { _ = done.wait(timeout: .now() + seconds) }
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import Synchronization

/// Runs a job on a thread of its own. Asked again while the job runs, it
/// runs it once more afterwards: never two at once, and a burst of requests
/// is one more run, not a queue.
final class RerunningWorker: Sendable {
    private struct Runs {
        var running = false
        var again = false
    }
    private let runs = Mutex(Runs())
    /// Signalled when a thread ends (never waited below its start value: libdispatch traps on that).
    private let done = DispatchSemaphore(value: 0)
    private let isCancelled: @Sendable () -> Bool

    init(isCancelled: @escaping @Sendable () -> Bool = { false }) {
        self.isCancelled = isCancelled
    }

    /// Runs `job` now, or once more after the run in progress.
    func request(_ job: @escaping @Sendable () -> Void) {
        let start = runs.withLock { runs in
            if runs.running { runs.again = true; return false }
            runs.running = true
            return true
        }
        guard start else { return }
        let thread = Thread { [self] in
            repeat {
                runs.withLock { $0.again = false }
                job()
            } while runAgain()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func runAgain() -> Bool {
        runs.withLock { runs in
            if !runs.again || isCancelled() { runs.running = false; return false }
            return true
        }
    }

    /// Waits (at most `seconds`) for a running job to end.
    func wait(seconds: Double) {
        if runs.withLock({ $0.running }) { _ = done.wait(timeout: .now() + seconds) }
    }
}

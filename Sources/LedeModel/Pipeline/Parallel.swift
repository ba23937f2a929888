// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Runs work on several threads and returns results in input order, so
/// the output never depends on which thread finished first.
public enum Parallel {
    /// Threads to use: `LEDE_THREADS` when set (tests compare 1 with many), else every core.
    public static var defaultThreadCount: Int {
        if let text = ProcessInfo.processInfo.environment["LEDE_THREADS"], let count = Int(text), count >= 1 { return min(count, 64) }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// `transform` applied to `0..<count` on `threads` threads; results in index order.
    public static func map<T: Sendable>(_ count: Int, threads: Int = defaultThreadCount, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(threads, count))
        if workers == 1 { return (0..<count).map(transform) }
        let results = ResultSlots<T>(count: count)
        let next = WorkCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: count) {
                results.store(transform(index), at: index)
            }
        }
        return results.values()
    }
}

/// Hands out indices to worker threads, one at a time.
private final class WorkCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// One slot per index; each written exactly once by one thread.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [T] { slots.map { $0! } }
}

/// Work started on another thread now, its result taken later: the index
/// parses the next chunk while it writes this one.
public final class Prefetch<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work and returns its result (once).
    public func value() -> T {
        done.wait()
        return result!
    }
}

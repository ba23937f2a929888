// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// How far an index update has got, for the status bar.
public struct IndexProgress: Sendable, Hashable {
    public enum Phase: String, Sendable {
        /// Parsing new and changed files.
        case reading
        /// Finding mentions against the corpus's vocabulary.
        case linking
        /// Entities, releases and positions.
        case finishing
        case searchIndex
        case done
    }

    public var phase: Phase
    public var done: Int
    public var total: Int
    /// Articles per second in this phase so far.
    public var rate: Double

    public init(phase: Phase, done: Int, total: Int, rate: Double) {
        self.phase = phase
        self.done = done
        self.total = total
        self.rate = rate
    }
}

/// What an update did.
public struct IndexReport: Sendable {
    public init(wasCancelled: Bool = false) { self.wasCancelled = wasCancelled }

    public var added = 0
    public var changed = 0
    public var removed = 0
    public var unchanged = 0
    /// Articles linked again because the vocabulary changed around them.
    public var relinked = 0
    /// Files that could not be read or parsed (this run, or earlier and unchanged since).
    public var errors: [LoadError] = []
    public var wasCancelled = false
    public var didChange: Bool { added + changed + removed + relinked > 0 }
}

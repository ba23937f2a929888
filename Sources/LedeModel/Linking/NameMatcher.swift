// SPDX-License-Identifier: Apache-2.0
// The name automaton: patterns, their case rules, the sparse Aho–Corasick
// build and the scan, in one file because the build and the scan share the
// packed state layout (first child, sibling, fail, output links); the trie
// the build starts from is NameMatcher+Trie.swift.

import LedeText

/// How the letters of a name must match the text.
public enum CaseRule: Sendable, Hashable {
    /// Byte for byte: `US` never matches `us`.
    case exact
    /// The first letter exactly, the rest in any case: `Deepmind` finds
    /// `DeepMind` but `Meta` does not find `meta`.
    case firstLetterExact
    /// Any case: topics such as `artificial intelligence`.
    case anyCase
}

/// One name to look for, with a caller-chosen payload.
public struct NamePattern: Sendable, Hashable {
    public var text: String
    public var caseRule: CaseRule
    public var payload: Int
    /// Among matches with the same span, the higher priority wins.
    public var priority: Int

    public init(text: String, caseRule: CaseRule, payload: Int, priority: Int = 0) {
        self.text = text
        self.caseRule = caseRule
        self.payload = payload
        self.priority = priority
    }
}

/// A match, in UTF-8 byte offsets of the searched text.
public struct NameMatch: Sendable, Hashable {
    public var byteStart: Int
    public var byteEnd: Int
    public var pattern: Int
}

/// Finds many names in one pass over UTF-8 text.
///
/// An Aho–Corasick automaton over bytes (ASCII letters folded to lower case).
/// The shallowest states (the root and the next few hundred, in breadth-first
/// order) keep a dense 256-entry row of resolved transitions, so the scan of
/// ordinary text is one lookup per byte; deeper states keep only their own
/// goto edges (sorted, contiguous per state) and a failure link, followed at
/// scan time when an edge is missing. Patterns ending at a state are a linked
/// chain through the dictionary-suffix links, not a per-state copy. Memory is
/// linear in the pattern bytes (about 13 bytes per state plus the dense rows).
/// Case rules and word boundaries are checked only on the few candidate
/// matches. Build once per name set; matching is read-only and thread-safe.
public final class NameMatcher: Sendable {
    public let patterns: [NamePattern]
    /// The UTF-8 bytes of pattern `i` are `patternText[patternStart[i]..<patternStart[i + 1]]`.
    private let patternText: [UInt8]
    private let patternStart: [Int32]

    // States are numbered breadth-first, so a state's children are contiguous
    // and every failure link points to a smaller number.

    /// States `0..<denseStates` have a resolved row: `dense[state << 8 | byte]` → next state.
    private let denseStates: Int
    private let dense: [Int32]
    /// The children of state `s` are the states `firstChild[s]..<firstChild[s + 1]`,
    /// in increasing order of the byte that leads to them.
    private let firstChild: [Int32]
    /// The (folded) byte on the edge into each state; unused for the root.
    private let label: [UInt8]
    /// The longest proper suffix of the state's string that is also a state.
    private let failure: [Int32]
    /// The first pattern that ends at each state (own patterns first, then the
    /// ones inherited through the failure links), or -1.
    private let firstOutput: [Int32]
    /// The next pattern in an output chain, or -1.
    private let nextOutput: [Int32]

    /// Dense rows at most (1 KB each) for the root and the shallowest states,
    /// where a scan of ordinary text spends nearly all its time: 256 KB at
    /// most whatever the input (measured: 64 to 1,024 rows scan the bundled
    /// names equally fast).
    static let denseStateBudget = 256

    static let fold: [UInt8] = (0...255).map { byte in
        (65...90).contains(byte) ? UInt8(byte + 32) : UInt8(byte)
    }

    public convenience init(patterns: [NamePattern]) {
        self.init(patterns: patterns, denseStateBudget: Self.denseStateBudget)
    }

    init(patterns: [NamePattern], denseStateBudget: Int) {
        let usable = patterns.filter { !$0.text.isEmpty }
        self.patterns = usable
        let byteCount = usable.reduce(0) { $0 + $1.text.utf8.count }
        precondition(byteCount < Int(Int32.max), "pattern text too large")
        var text: [UInt8] = []
        text.reserveCapacity(byteCount)
        var starts: [Int32] = []
        starts.reserveCapacity(usable.count + 1)
        for pattern in usable {
            starts.append(Int32(text.count))
            text.append(contentsOf: pattern.text.utf8)
        }
        starts.append(Int32(text.count))
        self.patternText = text
        self.patternStart = starts

        let automaton = AutomatonBuilder.build(text: text, starts: starts, denseStateBudget: denseStateBudget)
        self.denseStates = automaton.denseStates
        self.dense = automaton.dense
        self.firstChild = automaton.firstChild
        self.label = automaton.label
        self.failure = automaton.failure
        self.firstOutput = automaton.firstOutput
        self.nextOutput = automaton.nextOutput
    }

    /// Number of automaton states (for benchmarks and memory estimates).
    public var stateCount: Int { firstChild.count - 1 }

    /// The bytes this matcher holds on to: its arrays' capacities (and the
    /// pattern strings, which it shares with the caller).
    public var approximateByteCount: Int {
        func size<T>(_ array: [T]) -> Int { array.capacity * MemoryLayout<T>.stride }
        return size(patterns) + patterns.reduce(0) { $0 + $1.text.utf8.count }
            + size(patternText) + size(patternStart) + size(dense) + size(firstChild) + size(label)
            + size(failure) + size(firstOutput) + size(nextOutput)
    }

    /// Every match that passes its case rule and word boundaries, overlapping ones included.
    public func allMatches(in text: UnsafeBufferPointer<UInt8>) -> [NameMatch] {
        var result: [NameMatch] = []
        withTransitions { transitions in
            firstOutput.withUnsafeBufferPointer { firstOutput in
                nextOutput.withUnsafeBufferPointer { nextOutput in
                    var state = 0
                    for position in 0..<text.count {
                        state = transitions.next(state, Self.foldByte(text[position]))
                        var index = Int(firstOutput[state])
                        while index >= 0 {
                            let end = position + 1
                            let start = end - Int(patternStart[index + 1] - patternStart[index])
                            if accepts(index, start: start, end: end, in: text) {
                                result.append(NameMatch(byteStart: start, byteEnd: end, pattern: index))
                            }
                            index = Int(nextOutput[index])
                        }
                    }
                }
            }
        }
        return result
    }

    public func allMatches(in text: String) -> [NameMatch] {
        var copy = text
        return copy.withUTF8 { allMatches(in: $0) }
    }

    /// Non-overlapping matches, leftmost first, longest at each start, then
    /// by `rank` (default: the pattern's priority). `keep` can veto a
    /// candidate before it is chosen; it sees candidates in text order.
    public func leftmostLongest(_ matches: [NameMatch], rank: ((NameMatch) -> Int)? = nil,
                                keep: (NameMatch) -> Bool = { _ in true }) -> [NameMatch] {
        let score = rank ?? { self.patterns[$0.pattern].priority }
        let ordered = matches.sorted { a, b in
            if a.byteStart != b.byteStart { return a.byteStart < b.byteStart }
            if a.byteEnd != b.byteEnd { return a.byteEnd > b.byteEnd }
            return score(a) > score(b)
        }
        var chosen: [NameMatch] = []
        var coveredUntil = 0
        for match in ordered where match.byteStart >= coveredUntil && keep(match) {
            chosen.append(match)
            coveredUntil = match.byteEnd
        }
        return chosen
    }

    private func accepts(_ index: Int, start: Int, end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        patternText.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[Int(patternStart[index])..<Int(patternStart[index + 1])])
            switch patterns[index].caseRule {
            case .exact:
                for offset in 0..<bytes.count where text[start + offset] != bytes[offset] { return false }
            case .firstLetterExact:
                if text[start] != bytes[0] { return false }
            case .anyCase:
                break
            }
            if Words.isASCIIWordByte(bytes[0]) || bytes[0] >= 0x80, start > 0, Words.joinsName(endingAt: start, in: text) { return false }
            if Words.isASCIIWordByte(bytes[bytes.count - 1]) || bytes[bytes.count - 1] >= 0x80, end < text.count,
               Words.joinsName(startingAt: end, in: text) { return false }
            return true
        }
    }

    @inline(__always)
    static func foldByte(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte | 0x20 : byte
    }

    private func withTransitions<R>(_ body: (Transitions) -> R) -> R {
        dense.withUnsafeBufferPointer { dense in
            firstChild.withUnsafeBufferPointer { firstChild in
                label.withUnsafeBufferPointer { label in
                    failure.withUnsafeBufferPointer { failure in
                        body(Transitions(denseStates: denseStates, dense: dense, firstChild: firstChild, label: label,
                                         failure: failure))
                    }
                }
            }
        }
    }

}

/// The automaton's transition arrays as buffers, for the scan and for the build.
private struct Transitions {
    let denseStates: Int
    let dense: UnsafeBufferPointer<Int32>
    let firstChild: UnsafeBufferPointer<Int32>
    let label: UnsafeBufferPointer<UInt8>
    let failure: UnsafeBufferPointer<Int32>

    /// The state after reading `byte` in `state`: a dense row, or the state's
    /// own edge, or else the same question for its failure state.
    @inline(__always)
    func next(_ state: Int, _ byte: UInt8) -> Int {
        var state = state
        while state >= denseStates {
            if let child = child(of: state, byte) { return child }
            state = Int(failure[state])
        }
        return Int(dense[state << 8 | Int(byte)])
    }

    /// The goto edge of `state` on `byte`, if it has one.
    @inline(__always)
    func child(of state: Int, _ byte: UInt8) -> Int? {
        var low = Int(firstChild[state])
        var high = Int(firstChild[state + 1])
        while high - low > 8 {
            let middle = (low + high) >> 1
            if label[middle] < byte { low = middle + 1 } else { high = middle + 1 }
        }
        while low < high {
            let found = label[low]
            if found == byte { return low }
            if found > byte { return nil }
            low += 1
        }
        return nil
    }
}

/// Builds the automaton's arrays from the patterns' bytes (the trie itself: NameMatcher+Trie.swift).
enum AutomatonBuilder {
    struct Automaton {
        var denseStates: Int
        var dense: [Int32]
        var firstChild: [Int32]
        var label: [UInt8]
        var failure: [Int32]
        var firstOutput: [Int32]
        var nextOutput: [Int32]
    }

    static func build(text: [UInt8], starts: [Int32], denseStateBudget: Int) -> Automaton {
        let patternCount = starts.count - 1
        let (firstChild, label, terminal) = trie(text: text, starts: starts)
        let stateCount = label.count

        // Each state's own patterns, in index order, linked through `nextOutput`.
        var firstOutput = [Int32](repeating: -1, count: stateCount)
        var nextOutput = [Int32](repeating: -1, count: patternCount)
        for pattern in stride(from: patternCount - 1, through: 0, by: -1) {
            let state = Int(terminal[pattern])
            nextOutput[pattern] = firstOutput[state]
            firstOutput[state] = Int32(pattern)
        }

        let denseStates = min(stateCount, max(1, denseStateBudget))
        var dense = [Int32](repeating: 0, count: denseStates << 8)
        var failure = [Int32](repeating: 0, count: stateCount)
        // Breadth-first: failure links, dense rows, output chains. A failure
        // link always points to an earlier state, already complete.
        dense.withUnsafeMutableBufferPointer { dense in
            failure.withUnsafeMutableBufferPointer { failure in
                firstChild.withUnsafeBufferPointer { firstChild in
                    label.withUnsafeBufferPointer { label in
                        // Reads rows and links already written through `dense` and `failure`.
                        let transitions = Transitions(denseStates: denseStates, dense: UnsafeBufferPointer(dense),
                                                      firstChild: firstChild, label: label,
                                                      failure: UnsafeBufferPointer(failure))
                        for state in 0..<stateCount {
                            let fallback = Int(failure[state])
                            let children = Int(firstChild[state])..<Int(firstChild[state + 1])
                            if state < denseStates {
                                let row = state << 8
                                if state != 0 {
                                    let fallbackRow = fallback << 8
                                    for byte in 0..<256 { dense[row | byte] = dense[fallbackRow | byte] }
                                }
                                for child in children { dense[row | Int(label[child])] = Int32(child) }
                            }
                            for child in children {
                                failure[child] = state == 0 ? 0 : Int32(transitions.next(fallback, label[child]))
                            }
                            // Own patterns, then the failure state's chain.
                            if state == 0 { continue }
                            var last = Int(firstOutput[state])
                            if last < 0 {
                                firstOutput[state] = firstOutput[fallback]
                            } else {
                                while nextOutput[last] >= 0 { last = Int(nextOutput[last]) }
                                nextOutput[last] = firstOutput[fallback]
                            }
                        }
                    }
                }
            }
        }
        return Automaton(denseStates: denseStates, dense: dense, firstChild: firstChild, label: label,
                         failure: failure, firstOutput: firstOutput, nextOutput: nextOutput)
    }
}

/// Converts UTF-8 byte offsets to Unicode-scalar offsets in one forward walk.
public struct ScalarOffsetCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var bytePosition = 0
    private var scalarPosition = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Scalar offsets of any byte offsets, in one walk.
    public static func scalarOffsets(ofBytes offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [Int: Int] {
        var counter = ScalarOffsetCounter(bytes)
        var result: [Int: Int] = [:]
        for offset in Set(offsets).sorted() { result[offset] = counter.scalarOffset(ofByte: offset) }
        return result
    }

    /// The scalar offset of `byteOffset`; offsets must not decrease between calls.
    public mutating func scalarOffset(ofByte byteOffset: Int) -> Int {
        precondition(byteOffset >= bytePosition, "offsets must not decrease")
        while bytePosition < byteOffset {
            if bytes[bytePosition] & 0xC0 != 0x80 { scalarPosition += 1 }
            bytePosition += 1
        }
        return scalarPosition
    }
}

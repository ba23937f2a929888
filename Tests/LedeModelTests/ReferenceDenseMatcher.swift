// SPDX-License-Identifier: Apache-2.0
@testable import LedeModel
import LedeText

// A straight copy of the dense-table `NameMatcher` as it was before the
// sparse rewrite (commit 69f486b), renamed. Test-only: the differential test
// compares the production matcher against it. Do not optimise or fix it.

/// Finds many names in one pass over UTF-8 text.
///
/// An Aho–Corasick automaton compiled to a dense table (one lookup per byte,
/// ASCII letters folded to lower case), so the scan costs the same whatever
/// the number of names. Case rules and word boundaries are checked only on
/// the few candidate matches. Build once per name set; matching is read-only
/// and thread-safe.
final class ReferenceDenseMatcher: Sendable {
    let patterns: [NamePattern]
    private let patternBytes: [[UInt8]]
    /// `transitions[state << 8 | byte]` → next state.
    private let transitions: [Int32]
    /// For each state, the patterns that end there (own and inherited), flattened.
    private let outputStart: [Int32]
    private let outputList: [Int32]

    static let fold: [UInt8] = (0...255).map { byte in
        (65...90).contains(byte) ? UInt8(byte + 32) : UInt8(byte)
    }

    init(patterns: [NamePattern]) {
        let usable = patterns.filter { !$0.text.isEmpty }
        self.patterns = usable
        self.patternBytes = usable.map { Array($0.text.utf8) }

        var table = [Int32](repeating: -1, count: 256)
        var ownOutputs: [[Int32]] = [[]]
        for (index, bytes) in patternBytes.enumerated() {
            var state = 0
            for byte in bytes {
                let slot = state << 8 | Int(Self.fold[Int(byte)])
                if table[slot] < 0 {
                    table[slot] = Int32(ownOutputs.count)
                    ownOutputs.append([])
                    table.append(contentsOf: repeatElement(-1, count: 256))
                }
                state = Int(table[slot])
            }
            ownOutputs[state].append(Int32(index))
        }

        // Breadth-first: fill missing transitions from the failure state, and
        // inherit the failure state's outputs.
        let stateCount = ownOutputs.count
        var failure = [Int](repeating: 0, count: stateCount)
        var outputs = ownOutputs
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for byte in 0..<256 {
            let next = table[byte]
            if next < 0 { table[byte] = 0 } else { failure[Int(next)] = 0; queue.append(Int(next)) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            if failure[state] != 0 { outputs[state].append(contentsOf: outputs[failure[state]]) }
            for byte in 0..<256 {
                let slot = state << 8 | byte
                let next = table[slot]
                let fallback = table[failure[state] << 8 | byte]
                if next < 0 {
                    table[slot] = fallback
                } else {
                    failure[Int(next)] = Int(fallback)
                    queue.append(Int(next))
                }
            }
        }
        var start: [Int32] = []
        var list: [Int32] = []
        start.reserveCapacity(stateCount + 1)
        for output in outputs {
            start.append(Int32(list.count))
            list.append(contentsOf: output)
        }
        start.append(Int32(list.count))
        self.transitions = table
        self.outputStart = start
        self.outputList = list
    }

    /// Number of automaton states (for benchmarks and memory estimates).
    var stateCount: Int { outputStart.count - 1 }

    /// Every match that passes its case rule and word boundaries, overlapping ones included.
    func allMatches(in text: UnsafeBufferPointer<UInt8>) -> [NameMatch] {
        var result: [NameMatch] = []
        transitions.withUnsafeBufferPointer { table in
            outputStart.withUnsafeBufferPointer { starts in
                var state = 0
                for position in 0..<text.count {
                    state = Int(table[state << 8 | Int(Self.fold[Int(text[position])])])
                    let first = Int(starts[state])
                    let last = Int(starts[state + 1])
                    if first == last { continue }
                    for slot in first..<last {
                        let index = Int(outputList[slot])
                        let end = position + 1
                        let start = end - patternBytes[index].count
                        if accepts(index, start: start, end: end, in: text) {
                            result.append(NameMatch(byteStart: start, byteEnd: end, pattern: index))
                        }
                    }
                }
            }
        }
        return result
    }

    func allMatches(in text: String) -> [NameMatch] {
        var copy = text
        return copy.withUTF8 { allMatches(in: $0) }
    }

    /// Non-overlapping matches, leftmost first, longest at each start, then
    /// by `rank` (default: the pattern's priority). `keep` can veto a
    /// candidate before it is chosen; it sees candidates in text order.
    func leftmostLongest(_ matches: [NameMatch], rank: ((NameMatch) -> Int)? = nil,
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
        let bytes = patternBytes[index]
        switch patterns[index].caseRule {
        case .exact:
            for offset in 0..<bytes.count where text[start + offset] != bytes[offset] { return false }
        case .firstLetterExact:
            if text[start] != bytes[0] { return false }
        case .anyCase:
            break
        }
        // The word rule is the shared one (LedeText.Words): the reference differs from the automaton, not from the rules.
        if Words.isASCIIWordByte(bytes[0]) || bytes[0] >= 0x80, start > 0, Words.joinsName(endingAt: start, in: text) { return false }
        if Words.isASCIIWordByte(bytes[bytes.count - 1]) || bytes[bytes.count - 1] >= 0x80, end < text.count,
           Words.joinsName(startingAt: end, in: text) { return false }
        return true
    }
}

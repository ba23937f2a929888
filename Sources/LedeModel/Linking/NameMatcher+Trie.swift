// SPDX-License-Identifier: Apache-2.0
/// The first step of the automaton's build: the trie of the patterns, as arrays.
extension AutomatonBuilder {
    /// The trie of the folded patterns, built one level at a time so that
    /// states come out numbered breadth-first with each state's children
    /// contiguous and sorted by byte: in effect an MSD radix sort of the
    /// patterns. Memory beyond the result is a few words per pattern, plus
    /// room for the worst case of one state per pattern byte while building.
    /// (Raw pointers: a debug build runs this several times faster.)
    static func trie(text: [UInt8], starts: [Int32]) -> (firstChild: [Int32], label: [UInt8], terminal: [Int32]) {
        let patternCount = starts.count - 1
        var terminal = [Int32](repeating: 0, count: patternCount)
        if patternCount == 0 { return ([1, 1], [0], terminal) }
        let capacity = text.count + 1
        let firstChild = UnsafeMutablePointer<Int32>.allocate(capacity: capacity + 1)
        let label = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        // The patterns that reach the current depth, grouped by state: those
        // of the level's `i`th state are `members[bounds[i]..<bounds[i + 1]]`.
        var members = UnsafeMutablePointer<Int32>.allocate(capacity: patternCount)
        var bounds = UnsafeMutablePointer<Int32>.allocate(capacity: patternCount + 2)
        var next = TrieLevel(label: label, labels: 1, members: UnsafeMutablePointer<Int32>.allocate(capacity: patternCount),
                             bounds: UnsafeMutablePointer<Int32>.allocate(capacity: patternCount + 2))
        let count = UnsafeMutablePointer<Int32>.allocate(capacity: 256)
        let slot = UnsafeMutablePointer<Int32>.allocate(capacity: 256)
        defer {
            for pointer in [members, next.members, bounds, next.bounds, firstChild, count, slot] { pointer.deallocate() }
            label.deallocate()
        }
        count.initialize(repeating: 0, count: 256)
        for pattern in 0..<patternCount { members[pattern] = Int32(pattern) }
        bounds[0] = 0
        bounds[1] = Int32(patternCount)
        label[0] = 0  // the root's, unused
        var groups = 1
        var states = 0
        var bytes: [UInt8] = []
        var depth = 0
        text.withUnsafeBufferPointer { text in
            starts.withUnsafeBufferPointer { starts in
                terminal.withUnsafeMutableBufferPointer { terminal in
                    let text = text.baseAddress!, starts = starts.baseAddress!, terminal = terminal.baseAddress!
                    while groups > 0 {
                        next.groups = 0
                        next.written = 0
                        for group in 0..<groups {
                            let state = Int32(states)
                            firstChild[states] = Int32(next.labels)
                            states += 1
                            let low = Int(bounds[group])
                            let high = Int(bounds[group + 1])
                            if high - low == 1 {
                                // One pattern: its next byte is the only child.
                                let pattern = Int(members[low])
                                let offset = Int(starts[pattern]) + depth
                                if offset == Int(starts[pattern + 1]) {
                                    terminal[pattern] = state
                                } else {
                                    next.members[Int(next.written)] = Int32(pattern)
                                    next.add(label: NameMatcher.foldByte(text[offset]), size: 1)
                                }
                                continue
                            }
                            branch(members + low, count: high - low, depth: depth, state: state, text: text, starts: starts,
                                   terminal: terminal, next: &next, byteCount: count, slot: slot, bytes: &bytes)
                        }
                        next.bounds[next.groups] = next.written
                        swap(&members, &next.members)
                        swap(&bounds, &next.bounds)
                        groups = next.groups
                        depth += 1
                    }
                }
            }
        }
        firstChild[states] = Int32(next.labels)
        return (Array(UnsafeBufferPointer(start: firstChild, count: states + 1)),
                Array(UnsafeBufferPointer(start: label, count: next.labels)), terminal)
    }

    /// The next level of the trie as its states are made: their labels, and the patterns under
    /// each, grouped (`members[bounds[i]..<bounds[i + 1]]` under the level's `i`th state).
    struct TrieLevel {
        let label: UnsafeMutablePointer<UInt8>
        var labels: Int
        var members: UnsafeMutablePointer<Int32>
        var bounds: UnsafeMutablePointer<Int32>
        var groups = 0
        var written: Int32 = 0

        /// A child labelled `byte` whose `size` patterns are written from `written` on.
        mutating func add(label byte: UInt8, size: Int32) {
            label[labels] = byte
            labels += 1
            bounds[groups] = written
            groups += 1
            written += size
        }
    }

    /// Several patterns at one state: one child per distinct next byte, in byte order, each with
    /// its patterns (a counting sort on the byte); a pattern that ends here makes the state terminal.
    static func branch(_ members: UnsafeMutablePointer<Int32>, count memberCount: Int, depth: Int, state: Int32,
                       text: UnsafePointer<UInt8>, starts: UnsafePointer<Int32>, terminal: UnsafeMutablePointer<Int32>,
                       next: inout TrieLevel, byteCount count: UnsafeMutablePointer<Int32>, slot: UnsafeMutablePointer<Int32>,
                       bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        for member in 0..<memberCount {
            let pattern = Int(members[member])
            let offset = Int(starts[pattern]) + depth
            if offset == Int(starts[pattern + 1]) {
                terminal[pattern] = state
                continue
            }
            let byte = Int(NameMatcher.foldByte(text[offset]))
            if count[byte] == 0 { bytes.append(UInt8(byte)) }
            count[byte] += 1
        }
        bytes.sort()
        for byte in bytes {
            slot[Int(byte)] = next.written
            next.add(label: byte, size: count[Int(byte)])
            count[Int(byte)] = 0
        }
        for member in 0..<memberCount {
            let pattern = Int(members[member])
            let offset = Int(starts[pattern]) + depth
            if offset == Int(starts[pattern + 1]) { continue }
            let byte = Int(NameMatcher.foldByte(text[offset]))
            next.members[Int(slot[byte])] = Int32(pattern)
            slot[byte] += 1
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Substring search over UTF-8 without Foundation: `String.range(of:)` and
/// `replacingOccurrences` bridge to UTF-16 on Linux and dominated import
/// time on long articles. The search runs over the string's contiguous
/// UTF-8 bytes, skipping to candidate first bytes.
extension String {
    /// The first occurrence of `needle` at or after `start` (and ending at or before `limit`), byte for byte.
    func utf8Range(of needle: String, from start: Index? = nil, before limit: Index? = nil) -> Range<Index>? {
        var haystack = self
        haystack.makeContiguousUTF8()
        let lower = start.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 0
        let upper = limit.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? utf8.count
        guard let offset = haystack.utf8.withContiguousStorageIfAvailable({ bytes in
            Self.firstOffset(of: Array(needle.utf8), in: bytes, from: lower, to: upper)
        }) ?? nil else { return nil }
        let startIndex = utf8.index(utf8.startIndex, offsetBy: offset)
        return startIndex..<utf8.index(startIndex, offsetBy: needle.utf8.count)
    }

    /// Byte offset of the last `needle` in the string, or -1 (for short strings: it searches forward).
    func lastUTF8Offset(of needle: String) -> Int {
        var last = -1
        var from = startIndex
        while let range = utf8Range(of: needle, from: from) {
            last = utf8.distance(from: startIndex, to: range.lowerBound)
            from = utf8.index(after: range.lowerBound)
        }
        return last
    }

    /// Byte offset of the first `needle` in `bytes[from..<to]`.
    static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard let first = needle.first, to - from >= needle.count, let base = bytes.baseAddress else { return nil }
        let last = to - needle.count
        var index = from
        while index <= last {
            // memchr finds the candidate first bytes at memory speed.
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var matched = 1
            while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
            if matched == needle.count { return index }
            index += 1
        }
        return nil
    }

    /// Whether the string holds the byte (a fast `utf8.contains`).
    public func containsByte(_ byte: UInt8) -> Bool {
        var copy = self
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    func containsUTF8(_ needle: String) -> Bool {
        var copy = self
        return copy.withUTF8 { Self.firstOffset(of: Array(needle.utf8), in: $0, from: 0, to: $0.count) } != nil
    }
}

extension StringProtocol {
    /// Without leading and trailing white space (Unicode), scanning only the
    /// ends: Foundation's trimmingCharacters copies the whole string.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { scalars.formIndex(after: &start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        return String(self[start..<end])
    }
}

extension String {
    /// Every occurrence of `needle` replaced, in one pass (linear in the text).
    func replacingAllUTF8(_ needle: String, with replacement: String) -> String {
        var copy = self
        let pattern = Array(needle.utf8)
        return copy.withUTF8 { bytes -> String in
            guard String.firstOffset(of: pattern, in: bytes, from: 0, to: bytes.count) != nil else { return self }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var position = 0
            while let found = String.firstOffset(of: pattern, in: bytes, from: position, to: bytes.count) {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<found]))
                result.append(contentsOf: replacement.utf8)
                position = found + pattern.count
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<bytes.count]))
            return String(decoding: result, as: UTF8.self)
        }
    }
}

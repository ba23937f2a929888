// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Compact binary rows: an article's mentions, concepts and statements are
/// stored as one blob each, read and written in one go. Integers are
/// LEB128 varints, strings length-prefixed UTF-8.
struct BlobWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    mutating func int(_ value: Int) {
        // Zig-zag keeps small negative numbers small.
        var encoded = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while encoded >= 0x80 {
            bytes.append(UInt8(encoded & 0x7F) | 0x80)
            encoded >>= 7
        }
        bytes.append(UInt8(encoded))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    var data: Data { Data(bytes) }
}

/// A blob that does not read back as what was written: the index was
/// damaged under lede. Reported, never shown as an empty list.
struct DamagedBlob: Error, CustomStringConvertible {
    /// What the blob held: `mentions`, `postings` …
    var kind: String
    var description: String { "a damaged \(kind) blob" }
}

/// Reads what `BlobWriter` wrote. Reading past the end or a length beyond it
/// reads zeros and empty strings and marks the blob damaged, never crashes;
/// `finish` then throws. A missing blob (NULL) reads as empty.
struct BlobReader {
    private let bytes: [UInt8]
    private var position = 0
    private(set) var isDamaged = false
    /// The column was NULL: nothing written, nothing damaged.
    private let isAbsent: Bool

    init(_ data: Data?) {
        bytes = data.map { [UInt8]($0) } ?? []
        isAbsent = data == nil
    }

    /// `value` as read, or `DamagedBlob` when the bytes did not hold it.
    func finish<T>(_ value: T, _ kind: String) throws(DamagedBlob) -> T {
        guard !isDamaged || isAbsent else { throw DamagedBlob(kind: kind) }
        return value
    }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func int() -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if shift < 64 { result |= UInt64(byte & 0x7F) << shift }
            if byte < 0x80 {
                return Int(Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1))
            }
            shift += 7
        }
        isDamaged = true
        return 0
    }

    mutating func bool() -> Bool {
        guard position < bytes.count else { isDamaged = true; return false }
        position += 1
        return bytes[position - 1] != 0
    }

    mutating func string() -> String {
        let count = int()
        guard count >= 0, position + count <= bytes.count else { isDamaged = true; position = bytes.count; return "" }
        let text = String(decoding: bytes[position..<(position + count)], as: UTF8.self)
        position += count
        return text
    }

    mutating func optionalString() -> String? { bool() ? string() : nil }

    mutating func skipString() {
        let count = int()
        guard count >= 0, position + count <= bytes.count else { isDamaged = true; position = bytes.count; return }
        position += count
    }

    mutating func strings() -> [String] {
        let count = int()
        guard count >= 0, count <= bytes.count - position else { isDamaged = true; return [] }
        return (0..<count).map { _ in string() }
    }

    /// A count of items that each take at least one byte: never more than the bytes left.
    mutating func count() -> Int {
        let value = int()
        guard value >= 0, value <= bytes.count - position else { isDamaged = true; return 0 }
        return value
    }
}

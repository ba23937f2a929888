// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Bytes read forward from somewhere, a block at a time.
protocol ByteSource {
    /// Fills `buffer` from the front; 0 at the end (or on an error, which `failure` then says).
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int
    /// Skips `count` bytes without handing them over; how many there were.
    mutating func skip(_ count: Int64) -> Int64
    var failure: String? { get }
}

extension ByteSource {
    mutating func skip(_ count: Int64) -> Int64 {
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var left = count
        while left > 0 {
            let got = scratch.withUnsafeMutableBytes { read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<Int(min(left, Int64($0.count)))])) }
            if got == 0 { break }
            left -= Int64(got)
        }
        return count - left
    }
}

/// A file from an offset on, by `pread` (no shared file position: threads may read one descriptor).
struct FileSource: ByteSource {
    let descriptor: Int32
    var offset: Int64
    var failure: String?

    /// The file's size when the source was made (a skip past it is a short skip).
    let size: Int64

    init(descriptor: Int32, offset: Int64) {
        self.descriptor = descriptor
        self.offset = offset
        var info = stat()
        size = fstat(descriptor, &info) == 0 ? Int64(info.st_size) : Int64.max
    }

    /// A seek: nothing is read.
    mutating func skip(_ count: Int64) -> Int64 {
        let skipped = max(0, min(count, size - offset))
        offset += skipped
        return skipped
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count < 0 {
                if errno == EINTR { continue }
                failure = "cannot read file: \(ArticleFileReader.reason(errno))"
                return 0
            }
            offset += Int64(count)
            return count
        }
    }
}

/// One gzip member of a file, inflated: ends where the member ends, and
/// then knows the offset of the byte after it (where the next member starts).
struct GzipMemberSource: ByteSource {
    var file: FileSource
    private let inflater = Inflater()
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var inputStart = 0
    private var inputEnd = 0
    private(set) var ended = false
    var failure: String?
    /// Compressed bytes read so far by this member.
    private(set) var compressedRead: Int64 = 0
    let start: Int64

    init(descriptor: Int32, offset: Int64) {
        file = FileSource(descriptor: descriptor, offset: offset)
        start = offset
    }

    /// The offset just past the member, once it has ended.
    var end: Int64? { ended ? file.offset - Int64(inputEnd - inputStart) : nil }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard !ended, failure == nil, buffer.count > 0 else { return 0 }
        while true {
            if inputStart == inputEnd {
                let count = input.withUnsafeMutableBytes { file.read(into: $0) }
                if count == 0 {
                    failure = file.failure ?? "the gzip member is cut short (the file ends inside it)"
                    return 0
                }
                inputStart = 0
                inputEnd = count
                compressedRead += Int64(count)
            }
            let (consumed, produced, status) = input.withUnsafeBytes { raw in
                inflater.inflate(UnsafeRawBufferPointer(rebasing: raw[inputStart..<inputEnd]), into: buffer)
            }
            inputStart += consumed
            switch status {
            case .end: ended = true
            case .failed(let reason):
                failure = "damaged gzip member (\(reason))"
                return produced
            case .more: break
            }
            if produced > 0 || ended { return produced }
        }
    }
}

/// A byte source with a look-ahead buffer: what the WARC and HTTP readers
/// need (a header block up to its blank line, a counted block, a skip).
struct BufferedStream<Source: ByteSource> {
    var source: Source
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Bytes consumed from the stream so far.
    private(set) var position: Int64 = 0
    private static var blockSize: Int { 1 << 16 }

    init(_ source: Source) { self.source = source }

    var buffered: Int { buffer.count - start }

    /// Reads until at least `count` bytes are buffered or the source ends; false if fewer are there.
    @discardableResult
    mutating func fill(_ count: Int) -> Bool {
        while buffered < count && !atEnd {
            if start > 0 && start >= buffer.count / 2 {
                buffer.removeFirst(start)
                start = 0
            }
            let old = buffer.count
            let want = max(Self.blockSize, count - buffered)
            buffer.append(contentsOf: repeatElement(0, count: want))
            let got = buffer.withUnsafeMutableBytes { source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[old...])) }
            buffer.removeLast(want - got)
            if got == 0 { atEnd = true }
        }
        return buffered >= count
    }

    /// The next `count` bytes (fewer at the end), not consumed.
    mutating func peek(_ count: Int) -> ArraySlice<UInt8> {
        fill(count)
        return buffer[start..<start + min(count, buffered)]
    }

    mutating func isAtEnd() -> Bool { !fill(1) }

    mutating func consume(_ count: Int) {
        let taken = min(count, buffered)
        start += taken
        position += Int64(taken)
        if start == buffer.count { buffer.removeAll(keepingCapacity: true); start = 0 }
    }

    /// Up to and including the first empty line (CRLF CRLF or LF LF), at most `limit` bytes.
    enum Head { case head([UInt8]), end, tooLong, cutShort }

    mutating func readHead(limit: Int) -> Head {
        var searched = 0
        while true {
            let available = buffered
            if let end = Self.blankLine(in: buffer, from: start, searchFrom: max(start, start + searched - 3), to: start + available) {
                let length = end - start
                guard length <= limit else { return .tooLong }
                let head = Array(buffer[start..<end])
                consume(length)
                return .head(head)
            }
            searched = available
            if available > limit { return .tooLong }
            if !fill(available + 1) { return available == 0 ? .end : .cutShort }
        }
    }

    /// The end (exclusive) of the first blank line ending at or after `searchFrom`.
    private static func blankLine(in bytes: [UInt8], from: Int, searchFrom: Int, to: Int) -> Int? {
        var index = searchFrom
        while index < to {
            if bytes[index] == 0x0A {
                if index + 1 < to, bytes[index + 1] == 0x0A { return index + 2 }
                if index + 2 < to, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    /// The next `count` bytes, or fewer at the end.
    mutating func read(_ count: Int) -> [UInt8] {
        fill(count)
        let taken = min(count, buffered)
        let bytes = Array(buffer[start..<start + taken])
        consume(taken)
        return bytes
    }

    /// Skips `count` bytes; how many could be skipped.
    @discardableResult
    mutating func skip(_ count: Int64) -> Int64 {
        let fromBuffer = Int(min(count, Int64(buffered)))
        consume(fromBuffer)
        var skipped = Int64(fromBuffer)
        if skipped < count && !atEnd {
            let more = source.skip(count - skipped)
            skipped += more
            position += more
        }
        return skipped
    }
}

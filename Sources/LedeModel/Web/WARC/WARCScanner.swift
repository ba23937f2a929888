// SPDX-License-Identifier: Apache-2.0
import CZlib
import Foundation

/// A WARC record that is an article: an HTTP response with an HTML body.
public struct WARCEntry: Hashable, Sendable {
    /// Where the record starts: its gzip member, or (uncompressed) the record itself.
    public var offset: Int64
    /// Bytes into the member's uncompressed data where the record starts: 0 for the usual one
    /// record a member; more in an archive gzipped whole.
    public var inner: Int64
    /// The record's length, header and block (uncompressed).
    public var length: Int64
    /// A hash of the record's id, date and length: the same record, the same stamp.
    public var stamp: Int64
}

/// What one pass over (part of) an archive found.
struct WARCScan {
    var entries: [WARCEntry] = []
    /// Records that are not articles, by kind (`request`, `metadata`, `not HTML` …).
    var skipped: [String: Int] = [:]
    /// Damage, by offset: truncated records, garbage, lying lengths.
    var problems: [(offset: Int64, message: String)] = []
    /// Where a scan of the grown file can start: just past the last whole record or member.
    var resumeOffset: Int64 = 0
}

/// Finds the records of a `.warc` or `.warc.gz` file in one forward pass with
/// bounded memory: headers are read (64 KB at most), blocks skipped (seeked
/// over when uncompressed, inflated into a scratch buffer when gzipped), and
/// a response's HTTP head and first bytes read to decide whether it is a page.
enum WARCScanner {
    static let headLimit = 64 << 10
    /// Bytes of a response block read to find its HTTP head and sniff its body.
    static let prefixLimit = 64 << 10

    static func isGzip(_ descriptor: Int32, at offset: Int64) -> Bool {
        var magic = [UInt8](repeating: 0, count: 3)
        let count = magic.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 3, off_t(offset)) }
        return count == 3 && magic == [0x1F, 0x8B, 0x08]
    }

    static func scan(descriptor: Int32, from offset: Int64, size: Int64) -> WARCScan {
        var result = WARCScan()
        result.resumeOffset = offset
        if offset >= size { return result }
        if isGzip(descriptor, at: offset) { scanGzip(descriptor, from: offset, size: size, into: &result) } else { scanPlain(descriptor, from: offset, size: size, into: &result) }
        return result
    }

    // MARK: - Uncompressed

    static func scanPlain(_ descriptor: Int32, from offset: Int64, size: Int64, into result: inout WARCScan) {
        var base = offset
        var stream = BufferedStream(FileSource(descriptor: descriptor, offset: base))
        while true {
            skipLineBreaks(&stream)
            let start = base + stream.position
            if stream.isAtEnd() { result.resumeOffset = start; return }
            guard startsRecord(&stream) else {
                guard let next = findRecordStart(descriptor, from: start + 1, size: size) else {
                    result.problems.append((start, "\(size - start) bytes that are not a WARC record at the end of the file; skipped"))
                    result.resumeOffset = size
                    return
                }
                result.problems.append((start, "\(next - start) bytes that are not a WARC record; skipped"))
                base = next
                stream = BufferedStream(FileSource(descriptor: descriptor, offset: base))
                continue
            }
            switch readRecord(&stream, recordStart: start, inner: 0, into: &result) {
            case .done:
                result.resumeOffset = base + stream.position
            case .cutShort:
                // The file ends inside it (a crawler still writing, or a cut copy): a grown file is read again from here.
                result.resumeOffset = start
                return
            case .broken(let resyncFrom):
                guard let next = findRecordStart(descriptor, from: max(start + 1, base + resyncFrom), size: size) else { result.resumeOffset = size; return }
                base = next
                stream = BufferedStream(FileSource(descriptor: descriptor, offset: base))
            }
        }
    }

    // MARK: - Gzipped

    static func scanGzip(_ descriptor: Int32, from offset: Int64, size: Int64, into result: inout WARCScan) {
        var member = offset
        while member < size {
            if !isGzip(descriptor, at: member) {
                guard let next = findGzipMember(descriptor, from: member + 1, size: size) else {
                    result.problems.append((member, "\(size - member) bytes that are not a gzip member at the end of the file; skipped"))
                    result.resumeOffset = size
                    return
                }
                result.problems.append((member, "\(next - member) bytes between gzip members that are not one; skipped"))
                member = next
            }
            var stream = BufferedStream(GzipMemberSource(descriptor: descriptor, offset: member))
            records: while true {
                skipLineBreaks(&stream)
                if stream.isAtEnd() { break }
                let inner = stream.position
                guard startsRecord(&stream) else {
                    result.problems.append((member, "gzip member holds no WARC record\(inner > 0 ? " at byte \(inner) of its data" : ""); skipped"))
                    break
                }
                switch readRecord(&stream, recordStart: member, inner: inner, into: &result) {
                case .done: continue
                case .cutShort, .broken: break records
                }
            }
            stream.skip(Int64.max)
            if let failure = stream.source.failure {
                if stream.source.file.offset >= size && failure.contains("cut short") {
                    result.problems.append((member, "truncated: the file ends inside this gzip member; skipped"))
                    result.resumeOffset = member
                    return
                }
                result.problems.append((member, "\(failure); skipped"))
                guard let next = findGzipMember(descriptor, from: member + 1, size: size) else { result.resumeOffset = size; return }
                member = next
                continue
            }
            member = stream.source.end ?? size
            result.resumeOffset = member
        }
    }

    // MARK: - One record

    enum Outcome { case done, cutShort, broken(resyncFrom: Int64) }

    static func startsRecord<S>(_ stream: inout BufferedStream<S>) -> Bool {
        stream.peek(5).elementsEqual("WARC/".utf8)
    }

    static func skipLineBreaks<S>(_ stream: inout BufferedStream<S>) {
        while let byte = stream.peek(1).first, byte == 0x0D || byte == 0x0A { stream.consume(1) }
    }

    /// Reads one record from its `WARC/` line; records an entry, a skip or a problem.
    static func readRecord<S>(_ stream: inout BufferedStream<S>, recordStart: Int64, inner: Int64, into result: inout WARCScan) -> Outcome {
        let place = recordStart
        let headStart = stream.position
        let headBytes: [UInt8]
        switch stream.readHead(limit: headLimit) {
        case .head(let bytes): headBytes = bytes
        case .end, .cutShort:
            result.problems.append((place, "truncated record: the \(inner > 0 ? "member" : "file") ends in its header; skipped"))
            return .cutShort
        case .tooLong:
            result.problems.append((place, "record header over \(headLimit >> 10) KB; skipped"))
            return .broken(resyncFrom: headStart + 1)
        }
        guard let header = HeaderFields(headBytes), let length = header.contentLength else {
            result.problems.append((place, "record without a valid Content-Length; skipped"))
            return .broken(resyncFrom: headStart + 1)
        }
        let blockStart = stream.position
        let prefix = stream.read(Int(min(length, Int64(prefixLimit))))
        let kind = WARCRecordKind.classify(header, blockPrefix: prefix)
        let rest = length - Int64(prefix.count)
        let skipped = Int64(prefix.count) < min(length, Int64(prefixLimit)) ? 0 : stream.skip(rest)
        if Int64(prefix.count) + skipped < length {
            let have = Int64(prefix.count) + skipped
            result.problems.append((place, "truncated record: Content-Length says \(length) bytes, only \(have) follow; skipped"))
            return .cutShort
        }
        // A record ends with two CRLFs; then comes the next record or the end.
        var ending = 0
        while ending < 4, let byte = stream.peek(1).first, byte == 0x0D || byte == 0x0A {
            stream.consume(1)
            ending += 1
        }
        if ending == 0, !stream.isAtEnd(), !startsRecord(&stream) {
            result.problems.append((place, "Content-Length (\(length)) does not end the record; skipped"))
            return .broken(resyncFrom: blockStart)
        }
        switch kind {
        case .page:
            result.entries.append(WARCEntry(offset: recordStart, inner: inner, length: Int64(headBytes.count) + length,
                                            stamp: stamp(header, length: length, inner: inner)))
        case .skipped(let reason):
            result.skipped[reason, default: 0] += 1
        }
        return .done
    }

    /// FNV-1a of the record's id, date and length, kept positive and under 2^32 (a stat's seconds).
    static func stamp(_ header: HeaderFields, length: Int64, inner: Int64) -> Int64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in "\(header["warc-record-id"] ?? "")|\(header["warc-date"] ?? "")|\(length)|\(inner)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        return Int64(hash & 0xFFFF_FFFF)
    }

    // MARK: - Finding the next record

    /// The offset of the next `WARC/1.` at the start of a line, at or after `from`.
    static func findRecordStart(_ descriptor: Int32, from: Int64, size: Int64) -> Int64? {
        let needle = Array("\nWARC/1.".utf8)
        return find(needle, descriptor, from: from - 1, size: size).map { $0 + 1 }
    }

    static func findGzipMember(_ descriptor: Int32, from: Int64, size: Int64) -> Int64? {
        find([0x1F, 0x8B, 0x08], descriptor, from: from, size: size)
    }

    /// `needle` in the file from `from` on, read 1 MB at a time.
    static func find(_ needle: [UInt8], _ descriptor: Int32, from: Int64, size: Int64) -> Int64? {
        var offset = max(0, from)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while offset < size {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
            if count < needle.count { return nil }
            let found: Int? = buffer.withUnsafeBytes { raw in
                let base = raw.baseAddress!
                var position = 0
                while position + needle.count <= count {
                    guard let hit = memchr(base + position, Int32(needle[0]), count - needle.count + 1 - position) else { return nil }
                    let index = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + index, needle, needle.count) == 0 { return index }
                    position = index + 1
                }
                return nil
            }
            if let found { return offset + Int64(found) }
            if count < buffer.count { return nil }
            offset += Int64(count - needle.count + 1)
        }
        return nil
    }
}

/// Whether a record is an article, and if not, the kind it is counted under.
enum WARCRecordKind: Equatable {
    case page
    case skipped(String)

    static func classify(_ header: HeaderFields, blockPrefix: [UInt8]) -> WARCRecordKind {
        let type = header["warc-type"]?.lowercased() ?? "untyped"
        guard type == "response" else {
            return .skipped(["request", "metadata", "warcinfo", "revisit", "resource", "conversion", "continuation"].contains(type) ? type : "other")
        }
        guard header.mediaType?.hasPrefix("application/http") ?? false,
              let headEnd = blankLineEnd(blockPrefix), let fields = HeaderFields(blockPrefix[..<headEnd]),
              let http = HTTPResponseHead(fields) else { return .skipped("not HTTP") }
        guard (200...299).contains(http.status) else { return .skipped("not 2xx") }
        let mediaType = http.fields.mediaType
        if HTMLSniff.isHTMLType(mediaType) { return .page }
        if HTMLSniff.isSpecificNonHTMLType(mediaType) { return .skipped("not HTML") }
        // No type, or a generic one: look at the body's first bytes, decoded.
        var body = Array(blockPrefix[headEnd...])
        if http.isChunked, case .success(let decoded) = ChunkedBody.decode(body, limit: 1 << 20, lenient: true) { body = decoded }
        if let coding = http.fields["content-encoding"]?.lowercased(), coding.contains("gzip") || coding.contains("deflate") {
            body = partialInflate(body)
        }
        return HTMLSniff.looksLikeHTML(body) ? .page : .skipped("not HTML")
    }

    /// The end (exclusive) of the first blank line.
    static func blankLineEnd(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { return index + 2 }
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    /// The first few kilobytes a compressed prefix decodes to (errors and cuts ignored: for sniffing).
    static func partialInflate(_ bytes: [UInt8]) -> [UInt8] {
        let inflater = Inflater(windowBits: bytes.first == 0x1F ? 15 + 32 : -15)
        var output = [UInt8](repeating: 0, count: 4096)
        let produced = bytes.withUnsafeBytes { input in output.withUnsafeMutableBytes { inflater.inflate(input, into: $0).produced } }
        return Array(output[0..<produced])
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel

/// A mode byte, then an archive: 0 as it is (`.warc`), 1 with each record
/// (split at `WARC/`) gzipped into a member of its own, 2 gzipped whole
/// (`.warc.gz`). The scanner lists it, every entry is read, and the decoders
/// run on the raw bytes: offsets stay inside the file, entries come in file
/// order, every page read is within the size limit and comes back framed
/// with metadata that reads back; damage is a problem, never a crash or a hang.
enum WARCHarness {
    static let limits: ImportLimits = {
        var limits = ImportLimits()
        limits.maximumFileBytes = 1 << 20
        return limits
    }()
    static let path = NSTemporaryDirectory() + "lede-fuzz-warc-\(getpid()).warc"

    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let mode = bytes.first else { return }
        var archive = Data(bytes.dropFirst())
        switch mode % 3 {
        case 1: archive = perRecordGzip(archive)
        case 2: archive = GzipCompression.compress(archive, level: 1)
        default: break
        }
        decoders(Data(bytes.dropFirst()))

        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        require(descriptor >= 0, "cannot write \(path)")
        defer { close(descriptor) }
        archive.withUnsafeBytes { raw in _ = pwrite(descriptor, raw.baseAddress, raw.count, 0) }
        let size = Int64(archive.count)
        let scan = WARCScanner.scan(descriptor: descriptor, from: 0, size: size)
        require(scan.resumeOffset >= 0 && scan.resumeOffset <= size, "resume offset \(scan.resumeOffset) outside \(size)")
        for problem in scan.problems {
            require(problem.offset >= 0 && problem.offset <= size, "problem offset \(problem.offset) outside \(size)")
            Invariants.onlySeparators(problem.message, allowing: [], "problem")
        }
        var previous: (Int64, Int64) = (-1, -1)
        for entry in scan.entries {
            require(entry.offset >= 0 && entry.offset < size && entry.inner >= 0, "entry \(entry) outside \(size)")
            require((entry.offset, entry.inner) > previous, "entries out of file order: \(previous) then \(entry)")
            previous = (entry.offset, entry.inner)
        }
        for entry in scan.entries.prefix(16) {
            let entryPath = WARCArchive.path(container: path, entry: entry)
            switch WARCArchive.readPage(container: path, offset: entry.offset, inner: entry.inner, limits: limits, entryPath: entryPath) {
            case .success(let framed):
                guard case .success(let (metadata, page))? = PageFrame.split(framed) else {
                    require(false, "a page read from \(entryPath) is not a frame")
                    return
                }
                require(page.count <= limits.maximumFileBytes, "page of \(page.count) bytes over the limit")
                require((try? FetchMetadata(json: metadata.jsonText)) == metadata, "record metadata does not read back")
            case .failure(let error):
                require(error.path == entryPath, "error names \(error.path), not \(entryPath)")
            }
        }
    }

    /// The HTTP pieces on the raw bytes: head fields, chunked bodies, content codings, sniffing.
    static func decoders(_ data: Data) {
        if let fields = HeaderFields(data.prefix(4096)) { _ = fields.contentLength; _ = fields.mediaType; _ = HTTPResponseHead(fields) }
        if case .success(let body) = ChunkedBody.decode(data, limit: 1 << 16) { require(body.count <= 1 << 16, "chunked body over its limit") }
        _ = ChunkedBody.decode(data, limit: 1 << 16, lenient: true)
        for coding in ["gzip", "deflate"] {
            if case .success(let body) = ContentDecoding.decode(data, encoding: coding, limit: 1 << 16) {
                require(body.count <= 1 << 16, "\(coding) body over its limit")
            }
        }
        _ = HTMLSniff.looksLikeHTML(data)
    }

    /// Each `WARC/` line starts a new gzip member.
    static func perRecordGzip(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var starts = [0]
        let marker = Array("\nWARC/".utf8)
        var index = 0
        while index + marker.count <= bytes.count {
            if bytes[index] == marker[0], Array(bytes[index..<index + marker.count]) == marker { starts.append(index + 1) }
            index += 1
        }
        starts.append(bytes.count)
        var output = Data()
        for (start, end) in zip(starts, starts.dropFirst()) where end > start {
            output.append(GzipCompression.compress(Data(bytes[start..<end]), level: 1))
        }
        return output
    }
}

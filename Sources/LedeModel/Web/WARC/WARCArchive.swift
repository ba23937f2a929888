// SPDX-License-Identifier: Apache-2.0
import CZlib
import Foundation
import Synchronization

/// `.warc` and `.warc.gz` archives as containers of articles: every HTTP
/// `response` record with an HTML body is an article named
/// `crawl.warc.gz:OFFSET` (the byte offset of its gzip member, or of the
/// record in an uncompressed archive; `crawl.warc.gz:0+5231` for a record
/// 5231 bytes into a member that holds several, as in an archive gzipped
/// whole). Reading one is a seek and one member inflated; the list of
/// records comes from one streamed pass, kept per process and extended,
/// not redone, when the archive only grew.
public enum WARCArchive {
    static let suffixes = [".warc", ".warc.gz"]

    public static func isArchiveName(_ path: String) -> Bool {
        let lower = path.lowercased()
        return suffixes.contains { lower.hasSuffix($0) }
    }

    /// `crawl.warc.gz:123` → (crawl.warc.gz, 123, 0); `crawl.warc.gz:0+5231` → (crawl.warc.gz, 0, 5231).
    public static func split(_ path: String) -> (container: String, offset: Int64, inner: Int64)? {
        guard let colon = path.utf8.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        let container = String(path[..<colon])
        guard isArchiveName(container) else { return nil }
        let rest = path[path.index(after: colon)...]
        let parts = rest.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
        func number(_ text: Substring) -> Int64? {
            guard !text.isEmpty, text.count <= 18, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int64(text)
        }
        guard let offset = number(parts[0]) else { return nil }
        if parts.count == 2 {
            guard let inner = number(parts[1]), inner > 0 else { return nil }
            return (container, offset, inner)
        }
        return (container, offset, 0)
    }

    public static func path(container: String, entry: WARCEntry) -> String {
        entry.inner == 0 ? "\(container):\(entry.offset)" : "\(container):\(entry.offset)+\(entry.inner)"
    }

    /// The entry paths of an archive's articles, in file order, and the damage found (each a `LoadError` on `file:OFFSET`).
    public static func entries(of container: String) -> Result<(paths: [(String, WARCEntry)], problems: [LoadError]), LoadError> {
        WARCTables.shared.table(for: container).map { table in
            (table.entries.map { (path(container: container, entry: $0), $0) },
             table.problems.map { LoadError(path: "\(container):\($0.offset)", message: $0.message) })
        }
    }

    /// What the index and the folder watcher compare for an entry: the archive's
    /// device and inode, the record's length as the size and its stamp as the
    /// time, so a record that did not change keeps its stat when the archive grows.
    public static func entryStat(of entry: WARCEntry, container info: stat) -> stat {
        var result = info
        result.st_size = off_t(entry.length)
        result.st_mtim = timespec(tv_sec: Int(entry.stamp), tv_nsec: 0)
        return result
    }

    /// An entry's stat as the walk gave it when this process has listed the archive; else the
    /// archive's own (a record named on the command line is read without listing a 1 GB archive).
    static func fileStat(container: String, offset: Int64, inner: Int64) -> stat? {
        var info = stat()
        guard stat(container, &info) == 0 else { return nil }
        if let table = WARCTables.shared.cachedTable(for: container, info: info),
           let entry = table.entries.first(where: { $0.offset == offset && $0.inner == inner }) {
            return entryStat(of: entry, container: info)
        }
        return info
    }

    // MARK: - Reading one record

    struct RecordError: Error { var message: String }

    /// The page of the record at `offset` (+`inner`), framed with its metadata (`PageFrame`); errors name `entryPath`.
    public static func readPage(container: String, offset: Int64, inner: Int64, limits: ImportLimits, entryPath: String) -> Result<Data, LoadError> {
        func failure(_ message: String) -> Result<Data, LoadError> { .failure(LoadError(path: entryPath, message: message)) }
        let descriptor = open(container, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return failure("cannot read file: \(ArticleFileReader.reason(errno))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return failure("cannot read file: \(ArticleFileReader.reason(errno))") }
        guard info.st_mode & S_IFMT == S_IFREG else { return failure("is not a regular file; not read") }
        _ = fcntl(descriptor, F_SETFL, 0)
        guard offset < Int64(info.st_size) else { return failure("the archive is \(info.st_size) bytes; no record at offset \(offset)") }
        if WARCScanner.isGzip(descriptor, at: offset) {
            var stream = BufferedStream(GzipMemberSource(descriptor: descriptor, offset: offset))
            if inner > 0, stream.skip(inner) < inner { return failure(stream.source.failure ?? "the gzip member is shorter than \(inner) bytes") }
            return readRecord(&stream, limits: limits).mapError { LoadError(path: entryPath, message: $0.message) }
        }
        guard inner == 0 else { return failure("no gzip member starts at offset \(offset)") }
        var stream = BufferedStream(FileSource(descriptor: descriptor, offset: offset))
        return readRecord(&stream, limits: limits).mapError { LoadError(path: entryPath, message: $0.message) }
    }

    static func readRecord<S>(_ stream: inout BufferedStream<S>, limits: ImportLimits) -> Result<Data, RecordError> {
        func failure(_ message: String) -> Result<Data, RecordError> { .failure(RecordError(message: message)) }
        guard WARCScanner.startsRecord(&stream) else {
            return failure(stream.source.failure ?? "no WARC record starts here (the offset is not a record's or gzip member's)")
        }
        guard case .head(let headBytes) = stream.readHead(limit: WARCScanner.headLimit) else {
            return failure(stream.source.failure ?? "the record's header is cut short or over \(WARCScanner.headLimit >> 10) KB")
        }
        guard let header = HeaderFields(headBytes), let length = header.contentLength else { return failure("the record has no valid Content-Length") }
        let type = header["warc-type"]?.lowercased() ?? "untyped"
        guard type == "response" else { return failure("a \(ControlCharacters.visible(type)) record, not a response: not an article") }
        let limit = limits.maximumFileBytes
        guard length <= Int64(limit) + Int64(WARCScanner.headLimit) else {
            return failure(ArticleFileReader.tooLarge("record", bytes: Int(min(length, Int64(Int.max))), limit: limit, hint: " (LEDE_MAX_FILE_MB raises it)").message)
        }
        let block = stream.read(Int(length))
        guard block.count == Int(length) else {
            return failure(stream.source.failure.map { "truncated record (\($0))" } ?? "truncated record: Content-Length says \(length) bytes, only \(block.count) follow")
        }
        guard let headEnd = WARCRecordKind.blankLineEnd(block), let fields = HeaderFields(block[..<headEnd]), let http = HTTPResponseHead(fields) else {
            return failure("the response record holds no HTTP response head")
        }
        guard (200...299).contains(http.status) else { return failure("the archived response has status \(http.status): not an article") }
        var body = Array(block[headEnd...])
        if http.isChunked {
            switch ChunkedBody.decode(body, limit: limit) {
            case .success(let decoded): body = decoded
            case .failure(.tooLarge): return failure("the page is over the limit of \(ArticleFileReader.size(limit)) (LEDE_MAX_FILE_MB raises it)")
            case .failure(.malformed): return failure("broken chunked transfer encoding in the archived response")
            }
        }
        var data = Data(body)
        body = []
        switch ContentDecoding.decode(data, encoding: http.fields["content-encoding"], limit: limit) {
        case .success(let decoded): data = decoded
        case .failure(let problem): return failure("the archived body \(problem)")
        }
        guard data.count <= limit else {
            return failure(ArticleFileReader.tooLarge("page", bytes: data.count, limit: limit, hint: " (LEDE_MAX_FILE_MB raises it)").message)
        }
        let mediaType = http.fields.mediaType
        guard HTMLSniff.isPage(mediaType: mediaType, body: data) else {
            return failure("the archived response is \(ControlCharacters.visible(mediaType ?? "of no type")), not an HTML page")
        }
        if data.prefix(ArticleFileReader.sniffBytes).contains(0) { return failure("the archived page is binary (contains NUL bytes)") }
        var target = header["warc-target-uri"]
        // WARC 1.0's grammar put the URI in angle brackets, and some writers still do.
        if let uri = target, uri.hasPrefix("<"), uri.hasSuffix(">") { target = String(uri.dropFirst().dropLast()) }
        let metadata = FetchMetadata(url: target, finalURL: nil, fetched: header["warc-date"].flatMap(FeedDate.init)?.iso8601 ?? header["warc-date"],
                                    contentType: http.fields["content-type"])
        return .success(PageFrame.frame(metadata, page: data))
    }
}

/// The records of each archive, found once per process and keyed by device,
/// inode, size and modification time. An archive that only grew (same file,
/// larger, the bytes before the old end unchanged) is scanned from where the
/// last whole record ended.
final class WARCTables: Sendable {
    static let shared = WARCTables()

    struct Table {
        var entries: [WARCEntry]
        var problems: [(offset: Int64, message: String)]
        var skipped: [String: Int]
        var resumeOffset: Int64
        /// CRC-32 of the 4 KB before `resumeOffset`: unchanged means appended to.
        var tailChecksum: UInt
    }

    private let tables = Mutex<[String: (key: LineTables.Key, table: Table)]>([:])
    static let capacity = 16

    /// The table listed for the archive as it is now, if there is one (nothing is read).
    func cachedTable(for container: String, info: stat) -> Table? {
        tables.withLock { tables in
            guard let cached = tables[container], cached.key == LineTables.Key(info) else { return nil }
            return cached.table
        }
    }

    func table(for container: String) -> Result<Table, LoadError> {
        let descriptor = open(container, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(LoadError(path: container, message: "cannot read file: \(ArticleFileReader.reason(errno))")) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(LoadError(path: container, message: "cannot read file: \(ArticleFileReader.reason(errno))")) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(LoadError(path: container, message: "is not a regular file; not read")) }
        _ = fcntl(descriptor, F_SETFL, 0)
        let key = LineTables.Key(info)
        let cached = tables.withLock { $0[container] }
        if let cached, cached.key == key { return .success(cached.table) }
        var table: Table
        let size = Int64(info.st_size)
        if let cached, cached.key.device == key.device, cached.key.inode == key.inode, key.size > cached.key.size,
           Self.checksum(descriptor, before: cached.table.resumeOffset) == cached.table.tailChecksum {
            // Appended to: only what follows the last whole record is new.
            table = cached.table
            let scan = WARCScanner.scan(descriptor: descriptor, from: table.resumeOffset, size: size)
            table.entries += scan.entries
            table.problems = table.problems.filter { $0.offset < table.resumeOffset } + scan.problems
            for (kind, count) in scan.skipped { table.skipped[kind, default: 0] += count }
            table.resumeOffset = scan.resumeOffset
            ContainerNotices.shared.reportSkipped(scan.skipped, in: container, more: true)
        } else {
            let scan = WARCScanner.scan(descriptor: descriptor, from: 0, size: size)
            table = Table(entries: scan.entries, problems: scan.problems, skipped: scan.skipped, resumeOffset: scan.resumeOffset, tailChecksum: 0)
            ContainerNotices.shared.reportSkipped(scan.skipped, in: container, more: false)
        }
        table.tailChecksum = Self.checksum(descriptor, before: table.resumeOffset)
        tables.withLock { tables in
            if tables.count >= Self.capacity { tables.removeAll() }
            tables[container] = (key, table)
        }
        return .success(table)
    }

    static func checksum(_ descriptor: Int32, before end: Int64) -> UInt {
        let start = max(0, end - 4096)
        var bytes = [UInt8](repeating: 0, count: Int(end - start))
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(start)) }
        guard count >= 0 else { return 0 }
        return bytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt(count)) }
    }
}

/// One-line notices about containers (records of an archive that are not
/// articles), said once when the container is first read (or read again
/// after it changed), not on every look, and taken by whoever reports to the user:
/// each taker takes the notices of the paths it read, so two loads in one
/// process (the tests, a refresh beside the browser) never take each other's.
public final class ContainerNotices: Sendable {
    public static let shared = ContainerNotices()
    private let pending = Mutex<[(container: String, text: String)]>([])

    func reportSkipped(_ skipped: [String: Int], in container: String, more: Bool) {
        let total = skipped.values.reduce(0, +)
        guard total > 0 else { return }
        let order = ["request", "metadata", "warcinfo", "revisit", "resource", "conversion", "continuation", "not 2xx", "not HTML", "not HTTP", "other"]
        let kinds = skipped.sorted { (order.firstIndex(of: $0.key) ?? 99, $0.key) < (order.firstIndex(of: $1.key) ?? 99, $1.key) }
            .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let text = "\(container): \(total) \(more ? "new " : "")record\(total == 1 ? " is" : "s are") not \(total == 1 ? "an article" : "articles") (\(kinds)); skipped"
        pending.withLock { $0.append((container, text)) }
    }

    /// The notices since the last call about containers at or under `paths`.
    public func take(under paths: [String]) -> [String] {
        let roots = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        func isUnder(_ container: String) -> Bool {
            let path = URL(fileURLWithPath: container).standardizedFileURL.path
            return roots.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        }
        return pending.withLock { pending in
            var taken: [String] = []
            pending.removeAll { notice in
                guard isUnder(notice.container) else { return false }
                taken.append(notice.text)
                return true
            }
            return taken
        }
    }
}

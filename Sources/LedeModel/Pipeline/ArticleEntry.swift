// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Article paths that are not one whole file, resolved in one place for
/// everything that reads or stats articles (import, index, folder watcher):
///
/// - a JSON Lines entry, `news.jsonl:17`: line 17 (1-based) of a container.
///   Its bytes are that line alone, read with one `pread` through the
///   container's line table; its stat is the container's. A real file with
///   that very name wins over the entry reading.
/// - a brat pair, `x.txt` with a sibling `x.ann`: its bytes are the text,
///   a NUL, the annotations (`BratImporter.frame`); its stat has both
///   files' sizes summed and the newer modification time, so a change to
///   either re-reads it.
/// - a WARC record, `crawl.warc.gz:OFFSET` (`WARCArchive`): its page framed
///   with its metadata (`PageFrame`), read with one seek; its stat is the
///   record's (length, and a stamp of its id and date), so an archive that
///   grows re-reads only its new records.
/// - a fetched page, `x.html` with a sibling `x.meta` (`lede fetch`): the
///   page framed with its metadata; its stat has both sizes summed and the
///   newer modification time, as a brat pair's.
/// - anything else: the file.
public enum ArticleEntry {
    public enum Resolved: Equatable, Sendable {
        case file(String)
        case entry(container: String, line: Int)
        case bratPair(text: String, annotations: String)
        case warcRecord(container: String, offset: Int64, inner: Int64)
        case pagePair(page: String, metadata: String)
    }

    /// Names of pages that a `.meta` file beside them can describe.
    static let pageSuffixes = [".html", ".htm", ".xhtml"]

    /// `x.html` → `x.meta`: where `lede fetch` keeps what it knows about a page it stored.
    public static func metadataPath(for page: String) -> String? {
        let lower = page.lowercased()
        guard let suffix = pageSuffixes.first(where: { lower.hasSuffix($0) }) else { return nil }
        return String(page.dropLast(suffix.count)) + ".meta"
    }

    static let containerSuffixes = [".jsonl", ".ndjson"]

    /// A `.jsonl` / `.ndjson` name: one article per line.
    public static func isContainerName(_ path: String) -> Bool {
        let lower = path.lowercased()
        return containerSuffixes.contains { lower.hasSuffix($0) }
    }

    /// `news.jsonl:17` → (`news.jsonl`, 17), by the name alone.
    public static func split(_ path: String) -> (container: String, line: Int)? {
        guard let colon = path.utf8.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        let digits = path.utf8[path.utf8.index(after: colon)...]
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ (0x30...0x39).contains($0) }),
              let line = Int(Substring(digits)), line > 0 else { return nil }
        let container = String(path[..<colon])
        return isContainerName(container) ? (container, line) : nil
    }

    /// True if the name reads as a JSON Lines entry.
    public static func isEntryPath(_ path: String) -> Bool { split(path) != nil }

    /// A container of several articles: JSON Lines or a WARC archive.
    public static func isAnyContainerName(_ path: String) -> Bool { isContainerName(path) || WARCArchive.isArchiveName(path) }

    /// The entry path of a container's line.
    public static func path(container: String, line: Int) -> String { "\(container):\(line)" }

    public static func resolve(_ path: String) -> Resolved {
        let lower = path.lowercased()
        if lower.hasSuffix(".txt") {
            let annotations = BratImporter.annotationPath(for: path)
            if isRegularFile(annotations) { return .bratPair(text: path, annotations: annotations) }
            return .file(path)
        }
        if let metadata = metadataPath(for: path) {
            if isRegularFile(metadata) { return .pagePair(page: path, metadata: metadata) }
            return .file(path)
        }
        if let (container, line) = split(path) {
            var info = stat()
            if stat(path, &info) != 0 { return .entry(container: container, line: line) }
        }
        if let (container, offset, inner) = WARCArchive.split(path) {
            var info = stat()
            if stat(path, &info) != 0 { return .warcRecord(container: container, offset: offset, inner: inner) }
        }
        return .file(path)
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// What the index and the folder watcher compare: nil when it cannot be stat'ed.
    public static func fileStat(_ path: String) -> stat? {
        var info = stat()
        switch resolve(path) {
        case .file(let file):
            return stat(file, &info) == 0 ? info : nil
        case .entry(let container, _):
            return stat(container, &info) == 0 ? info : nil
        case .bratPair(let text, let annotations), .pagePair(let text, let annotations):
            var other = stat()
            guard stat(text, &info) == 0, stat(annotations, &other) == 0 else { return nil }
            return pairStat(text: info, annotations: other)
        case .warcRecord(let container, let offset, let inner):
            return WARCArchive.fileStat(container: container, offset: offset, inner: inner)
        }
    }

    /// The text file's stat with the sizes summed and the newer modification time.
    static func pairStat(text: stat, annotations: stat) -> stat {
        var info = text
        info.st_size += annotations.st_size
        if (annotations.st_mtim.tv_sec, annotations.st_mtim.tv_nsec) > (text.st_mtim.tv_sec, text.st_mtim.tv_nsec) {
            info.st_mtim = annotations.st_mtim
        }
        return info
    }

    /// The article's bytes (see the type's note), with `ArticleFileReader`'s checks.
    public static func read(_ path: String, limits: ImportLimits) -> Result<Data, LoadError> {
        switch resolve(path) {
        case .file(let file):
            return ArticleFileReader.readFile(file, limits: limits)
        case .bratPair(let text, let annotations):
            return ArticleFileReader.readFile(text, limits: limits).flatMap { textBytes in
                ArticleFileReader.readFile(annotations, limits: limits)
                    .map { BratImporter.frame(text: textBytes, annotations: $0) }
                    // Errors belong to the article (the index keys failures by its path); the message names the .ann.
                    .mapError { LoadError(path: text, message: "\(annotations): \($0.message)") }
            }
        case .entry(let container, let line):
            return LineTables.shared.readLine(line, of: container, limits: limits, entryPath: path)
        case .warcRecord(let container, let offset, let inner):
            return WARCArchive.readPage(container: container, offset: offset, inner: inner, limits: limits, entryPath: path)
        case .pagePair(let page, let metadataFile):
            return ArticleFileReader.readFile(page, limits: limits).flatMap { pageBytes in
                ArticleFileReader.read(metadataFile, maximumBytes: 1 << 20, what: "a page's metadata file")
                    .map { PageFrame.frame(metadata: $0, page: pageBytes) }
                    .mapError { LoadError(path: page, message: "\(metadataFile): \($0.message)") }
            }
        }
    }

    /// The entry paths of a container's non-blank lines, in line order.
    public static func entries(of container: String) -> Result<[String], LoadError> {
        LineTables.shared.table(for: container).map { table in table.lines.map { path(container: container, line: Int($0.number)) } }
    }
}

/// Where each non-blank line of a JSON Lines container starts and ends: one
/// scan of the file (bytes searched with memchr), kept per process and keyed
/// by device, inode, size and modification time, so reading any entry is one
/// `pread` and a 100k-line file is never held in memory whole.
final class LineTables: @unchecked Sendable {
    static let shared = LineTables()

    struct Line {
        var number: Int32
        var start: Int64
        var end: Int64
    }

    struct Table {
        var lines: [Line]
    }

    struct Key: Hashable {
        var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            seconds = info.st_mtim.tv_sec
            nanoseconds = info.st_mtim.tv_nsec
        }
    }

    private let lock = NSLock()
    private var tables: [String: (key: Key, table: Table)] = [:]
    /// Containers remembered at once; more and the oldest are scanned again when asked for.
    static let capacity = 16

    func table(for container: String) -> Result<Table, LoadError> {
        let descriptor = open(container, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(LoadError(path: container, message: "cannot read file: \(ArticleFileReader.reason(errno))")) }
        defer { close(descriptor) }
        return table(descriptor: descriptor, container: container).map(\.table)
    }

    private func table(descriptor: Int32, container: String) -> Result<(table: Table, info: stat), LoadError> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(LoadError(path: container, message: "cannot read file: \(ArticleFileReader.reason(errno))")) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(LoadError(path: container, message: "is not a regular file; not read")) }
        let key = Key(info)
        lock.lock()
        let cached = tables[container]
        lock.unlock()
        if let cached, cached.key == key { return .success((cached.table, info)) }
        _ = fcntl(descriptor, F_SETFL, 0)
        guard let table = Self.scan(descriptor) else {
            return .failure(LoadError(path: container, message: "cannot read file: \(ArticleFileReader.reason(errno))"))
        }
        lock.lock()
        if tables.count >= Self.capacity { tables.removeAll() }
        tables[container] = (key, table)
        lock.unlock()
        return .success((table, info))
    }

    /// One pass over the file in 1 MB blocks.
    static func scan(_ descriptor: Int32) -> Table? {
        var lines: [Line] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset: Int64 = 0
        var lineStart: Int64 = 0
        var lineNumber: Int32 = 1
        var hasText = false
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
            if count < 0 { if errno == EINTR { continue }; return nil }
            if count == 0 { break }
            buffer.withUnsafeBytes { raw in
                let base = raw.baseAddress!
                var position = 0
                while position < count {
                    guard let found = memchr(base + position, 0x0A, count - position) else {
                        if !hasText { hasText = raw[position..<count].contains { !isSpace($0) } }
                        position = count
                        break
                    }
                    let newline = base.distance(to: UnsafeRawPointer(found))
                    if !hasText { hasText = raw[position..<newline].contains { !isSpace($0) } }
                    let end = offset + Int64(newline)
                    if hasText { lines.append(Line(number: lineNumber, start: lineStart, end: end)) }
                    lineNumber &+= 1
                    lineStart = end + 1
                    hasText = false
                    position = newline + 1
                }
            }
            offset += Int64(count)
        }
        if hasText { lines.append(Line(number: lineNumber, start: lineStart, end: offset)) }
        return Table(lines: lines)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// Line `number` of the container, alone; errors name the entry (`news.jsonl:17`).
    func readLine(_ number: Int, of container: String, limits: ImportLimits, entryPath: String) -> Result<Data, LoadError> {
        let descriptor = open(container, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(LoadError(path: entryPath, message: "cannot read file: \(ArticleFileReader.reason(errno))")) }
        defer { close(descriptor) }
        let table: Table
        switch self.table(descriptor: descriptor, container: container) {
        case .success(let found): table = found.table
        case .failure(let error): return .failure(LoadError(path: entryPath, message: error.message))
        }
        var low = 0
        var high = table.lines.count
        while low < high {
            let middle = (low + high) / 2
            if Int(table.lines[middle].number) < number { low = middle + 1 } else { high = middle }
        }
        guard low < table.lines.count, Int(table.lines[low].number) == number else {
            return .failure(LoadError(path: entryPath, message: "no such line in the file (blank or past its end)"))
        }
        let line = table.lines[low]
        let length = Int(line.end - line.start)
        guard length <= limits.maximumFileBytes else {
            return .failure(ArticleFileReader.tooLarge(entryPath, bytes: length, limit: limits.maximumFileBytes, hint: " (LEDE_MAX_FILE_MB raises it)"))
        }
        var data = Data(count: length)
        var done = 0
        while done < length {
            let count = data.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, length - done, off_t(line.start) + off_t(done)) }
            if count < 0 { if errno == EINTR { continue }; return .failure(LoadError(path: entryPath, message: "cannot read file: \(ArticleFileReader.reason(errno))")) }
            // The file shrank since it was scanned.
            if count == 0 { return .failure(LoadError(path: entryPath, message: "the file changed while it was read")) }
            done += count
        }
        if data.last == 0x0D { data.removeLast() }
        if data.contains(0) { return .failure(ArticleFileReader.binary(entryPath)) }
        return .success(data)
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads an article file's bytes with the checks that keep one bad file from
/// hurting the run: only regular files (a FIFO would block, a device never
/// ends), nothing over the size limit (checked before reading, so a sparse
/// 1 GB file costs nothing), and no binary (NUL in the first block).
public enum ArticleFileReader {
    /// Bytes sniffed for NUL before the rest is read.
    static let sniffBytes = 4096

    /// An article's bytes: a file, a JSON Lines entry or a brat pair (`ArticleEntry`).
    public static func read(_ path: String, limits: ImportLimits = .standard) -> Result<Data, LoadError> {
        ArticleEntry.read(path, limits: limits)
    }

    /// One whole article file.
    static func readFile(_ path: String, limits: ImportLimits) -> Result<Data, LoadError> {
        read(path, maximumBytes: limits.maximumFileBytes, what: "an article file", limitHint: " (LEDE_MAX_FILE_MB raises it)")
    }

    /// The same checks for any small file lede reads (config, themes).
    public static func read(_ path: String, maximumBytes limit: Int, what: String, limitHint: String = "") -> Result<Data, LoadError> {
        // Non-blocking open: opening a FIFO with no writer would wait forever.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(LoadError(path: path, message: "cannot read file: \(reason(errno))")) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(LoadError(path: path, message: "cannot read file: \(reason(errno))")) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(LoadError(path: path, message: "is a folder, not \(what)"))
        case S_IFIFO: return .failure(LoadError(path: path, message: "is a named pipe, not \(what); not read"))
        default: return .failure(LoadError(path: path, message: "is not a regular file (a device or socket); not read"))
        }
        if Int(info.st_size) > limit { return .failure(tooLarge(path, bytes: Int(info.st_size), limit: limit, hint: limitHint)) }
        // Regular files do not block; back to ordinary reads.
        _ = fcntl(descriptor, F_SETFL, 0)
        var data = Data()
        data.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var sniffed = false
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(LoadError(path: path, message: "cannot read file: \(reason(errno))"))
            }
            if count == 0 { break }
            data.append(contentsOf: chunk[0..<count])
            // The file may have grown since it was measured.
            if data.count > limit { return .failure(tooLarge(path, bytes: data.count, limit: limit, hint: limitHint)) }
            if !sniffed, data.count >= sniffBytes {
                sniffed = true
                if data.prefix(sniffBytes).contains(0), !isUTF16(data) { return .failure(binary(path)) }
            }
        }
        // A NUL anywhere is binary (the first block is checked early so a large binary file is not read
        // whole): only a brat pair, made of two files, is framed with a NUL, after this check.
        if Self.holdsNUL(data), !isUTF16(data) { return .failure(binary(path)) }
        return .success(data)
    }

    /// Whether the bytes hold a NUL (memchr: gigabytes a second).
    static func holdsNUL(_ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
    }

    /// Text with a UTF-16 byte-order mark (a web page saved so) holds NULs and is still text.
    static func isUTF16(_ data: Data) -> Bool {
        data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
    }

    static func tooLarge(_ path: String, bytes: Int, limit: Int, hint: String) -> LoadError {
        LoadError(path: path, message: "file is \(size(bytes)), over the limit of \(size(limit)); not read\(hint)")
    }

    /// `16 MB`, `1.5 MB`, `12 KB`, `8 bytes`.
    static func size(_ bytes: Int) -> String {
        func scaled(_ unit: Int, _ name: String) -> String {
            bytes % unit == 0 ? "\(bytes / unit) \(name)" : String(format: "%.1f \(name)", Double(bytes) / Double(unit))
        }
        if bytes >= 1 << 20 { return scaled(1 << 20, "MB") }
        if bytes >= 1 << 10 { return scaled(1 << 10, "KB") }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    static func binary(_ path: String) -> LoadError {
        LoadError(path: path, message: "binary file (contains NUL bytes); not read")
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A start line and `Name: value` fields, as WARC records and HTTP messages
/// both write them. Names compare without case; folded lines join the field above.
struct HeaderFields {
    var startLine: String
    /// Names in lower case, in order.
    var fields: [(name: String, value: String)]

    subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Parses a head (start line, fields, blank line); nil when there is no start line.
    init?(_ bytes: some Collection<UInt8>) {
        var lines: [String] = []
        var current: [UInt8] = []
        for byte in bytes {
            if byte == 0x0A {
                if current.last == 0x0D { current.removeLast() }
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let first = lines.first, !first.isEmpty else { return nil }
        startLine = first
        fields = []
        for line in lines.dropFirst() {
            if line.first == " " || line.first == "\t" {
                if !fields.isEmpty { fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces) }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields.append((name, value))
        }
    }

    /// `Content-Length`, when it is a plain non-negative number.
    var contentLength: Int64? {
        guard let text = self["content-length"], !text.isEmpty, text.count <= 18, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return nil }
        return Int64(text)
    }

    /// The media type of `Content-Type`, lower case, without parameters.
    var mediaType: String? {
        self["content-type"].map { $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "" }
    }
}

/// An HTTP response's status line and fields, as a WARC `response` record holds them.
struct HTTPResponseHead {
    var status: Int
    var fields: HeaderFields

    /// `HTTP/1.1 200 OK` and its fields; nil when the start line is not an HTTP status line.
    init?(_ fields: HeaderFields) {
        let parts = fields.startLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3, let status = Int(parts[1]) else { return nil }
        self.status = status
        self.fields = fields
    }

    var isChunked: Bool { fields["transfer-encoding"]?.lowercased().contains("chunked") ?? false }
}

/// HTTP/1.1 chunked transfer coding undone: sizes in hex, optional
/// extensions, a final zero chunk and trailers. Bounded by `limit`.
enum ChunkedBody {
    enum Failure: Error, Equatable { case malformed, tooLarge }

    /// The body's bytes; `lenient` keeps what came before a cut (for sniffing a prefix).
    static func decode(_ data: some Collection<UInt8>, limit: Int, lenient: Bool = false) -> Result<[UInt8], Failure> {
        let bytes = Array(data)
        var output: [UInt8] = []
        var index = 0
        while true {
            // The size line.
            guard let lineEnd = bytes[index...].firstIndex(of: 0x0A) else { return lenient ? .success(output) : .failure(.malformed) }
            var size = 0
            var digits = 0
            for byte in bytes[index..<lineEnd] {
                let value: Int
                switch byte {
                case 0x30...0x39: value = Int(byte - 0x30)
                case 0x41...0x46: value = Int(byte - 0x41 + 10)
                case 0x61...0x66: value = Int(byte - 0x61 + 10)
                default: value = -1
                }
                if value < 0 { break }
                digits += 1
                guard digits <= 15 else { return .failure(.malformed) }
                size = size * 16 + value
            }
            guard digits > 0 else { return lenient ? .success(output) : .failure(.malformed) }
            index = lineEnd + 1
            if size == 0 { return .success(output) }
            guard output.count + size <= limit else { return .failure(.tooLarge) }
            guard index + size <= bytes.count else {
                if lenient { output += bytes[index...]; return .success(output) }
                return .failure(.malformed)
            }
            output += bytes[index..<index + size]
            index += size
            // CRLF after the chunk's data.
            if index < bytes.count, bytes[index] == 0x0D { index += 1 }
            if index < bytes.count, bytes[index] == 0x0A { index += 1 }
            if index >= bytes.count { return lenient ? .success(output) : .failure(.malformed) }
        }
    }
}

/// Whether bytes are an HTML page: a doctype or `<html>` first (after a BOM,
/// white space, comments or an XML declaration), or `<html`, `<head` or
/// `<body` within the first kilobyte when the start is a comment or declaration.
public enum HTMLSniff {
    public static func looksLikeHTML(_ data: some Collection<UInt8>) -> Bool {
        var head = String(decoding: data.prefix(1024), as: UTF8.self).lowercased()
        if head.hasPrefix("\u{FEFF}") { head.removeFirst() }
        let trimmed = head.drop { $0.isWhitespace }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<head") || trimmed.hasPrefix("<body") { return true }
        if trimmed.hasPrefix("<!--") || trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<!doctype") {
            return head.contains("<html") || head.contains("<head") || head.contains("<body")
        }
        return false
    }

    /// Media types that are pages.
    public static func isHTMLType(_ mediaType: String?) -> Bool {
        mediaType == "text/html" || mediaType == "application/xhtml+xml"
    }

    /// A page by its type, or by its first bytes when the type is missing or generic.
    public static func isPage(mediaType: String?, body: some Collection<UInt8>) -> Bool {
        isHTMLType(mediaType) || (!isSpecificNonHTMLType(mediaType) && looksLikeHTML(body))
    }

    /// Media types that say what the body is, so no sniffing is needed (a missing or generic type is sniffed).
    public static func isSpecificNonHTMLType(_ mediaType: String?) -> Bool {
        guard let mediaType, !mediaType.isEmpty else { return false }
        return !["application/octet-stream", "text/plain", "unknown/unknown", "application/unknown", "*/*"].contains(mediaType) && !isHTMLType(mediaType)
    }
}

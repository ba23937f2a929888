// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// WARC records written for tests: whole archives, plain or one gzip member
/// a record, with requests, responses (chunked, gzip-encoded), metadata.
public enum WARCFixture {
    /// A record: the WARC header (type, target, date, id, Content-Type, Content-Length) and its block.
    public static func record(type: String, uri: String = "https://news.example/a", date: String = "2025-03-19T10:00:00Z",
                              contentType: String = "application/http; msgtype=response", block: Data, id: Int = 1,
                              contentLength: Int? = nil) -> Data {
        var head = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: \(date)\r\n"
        head += "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", id))>\r\n"
        head += "Content-Type: \(contentType)\r\nContent-Length: \(contentLength ?? block.count)\r\n\r\n"
        var data = Data(head.utf8)
        data.append(block)
        data.append(contentsOf: "\r\n\r\n".utf8)
        return data
    }

    /// An HTTP response message: status line, fields, body (chunked in pieces of 7 bytes, or gzip-encoded, when asked).
    public static func httpResponse(status: Int = 200, contentType: String? = "text/html; charset=utf-8", body: Data,
                                    chunked: Bool = false, gzip: Bool = false) -> Data {
        var payload = gzip ? GzipCompression.compress(body) : body
        var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\n"
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        if gzip { head += "Content-Encoding: gzip\r\n" }
        if chunked {
            head += "Transfer-Encoding: chunked\r\n"
            var encoded = Data()
            var index = 0
            let bytes = [UInt8](payload)
            while index < bytes.count {
                let piece = bytes[index..<min(bytes.count, index + 7)]
                encoded.append(contentsOf: "\(String(piece.count, radix: 16));ext=1\r\n".utf8)
                encoded.append(contentsOf: piece)
                encoded.append(contentsOf: "\r\n".utf8)
                index += 7
            }
            encoded.append(contentsOf: "0\r\n\r\n".utf8)
            payload = encoded
        } else {
            head += "Content-Length: \(payload.count)\r\n"
        }
        var data = Data((head + "\r\n").utf8)
        data.append(payload)
        return data
    }

    /// A response record holding an HTML page.
    public static func page(uri: String, html: String, id: Int, status: Int = 200, contentType: String? = "text/html; charset=utf-8",
                            chunked: Bool = false, gzip: Bool = false, date: String = "2025-03-19T10:00:00Z") -> Data {
        record(type: "response", uri: uri, date: date, block: httpResponse(status: status, contentType: contentType, body: Data(html.utf8), chunked: chunked, gzip: gzip), id: id)
    }

    public static func request(uri: String, id: Int) -> Data {
        record(type: "request", uri: uri, contentType: "application/http; msgtype=request",
               block: Data("GET / HTTP/1.1\r\nHost: news.example\r\n\r\n".utf8), id: id)
    }

    public static func metadata(uri: String, id: Int) -> Data {
        record(type: "metadata", uri: uri, contentType: "application/warc-fields", block: Data("via: https://news.example/\r\n".utf8), id: id)
    }

    public static func warcinfo(id: Int) -> Data {
        record(type: "warcinfo", uri: "", contentType: "application/warc-fields", block: Data("software: lede tests\r\n".utf8), id: id)
    }

    /// One gzip member per record, with each member's offset.
    public static func gzipMembers(_ records: [Data]) -> (data: Data, offsets: [Int]) {
        var data = Data()
        var offsets: [Int] = []
        for record in records {
            offsets.append(data.count)
            data.append(GzipCompression.compress(record))
        }
        return (data, offsets)
    }

    /// Records one after another, uncompressed, with each record's offset.
    public static func plain(_ records: [Data]) -> (data: Data, offsets: [Int]) {
        var data = Data()
        var offsets: [Int] = []
        for record in records {
            offsets.append(data.count)
            data.append(record)
        }
        return (data, offsets)
    }

    /// A small page in our own words.
    public static func html(title: String, paragraphs: [String]) -> String {
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>\(title)</title></head><body><article><h1>\(title)</h1>"
            + paragraphs.map { "<p>\($0)</p>" }.joined() + "</article></body></html>\n"
    }
}

// SPDX-License-Identifier: Apache-2.0
import CLibXML2
import Foundation

/// A page parsed by libxml2's HTML parser, which repairs broken markup the
/// way browsers do, decodes entities and reads the page's `<meta charset>`.
/// The tree is freed with the document.
final class HTMLDocument {
    let document: htmlDocPtr
    /// libxml2 stopped before the end: the page nests elements deeper than its limit of 256
    /// (or is otherwise beyond repair there). What came before is read.
    let stoppedEarly: Bool

    /// Relaxed parsing, no error output, never the network. Not
    /// `HTML_PARSE_HUGE`: libxml2's own bounds on names and text stay on.
    static let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Nil when libxml2 makes no document at all of the bytes (nothing but white space).
    init?(_ data: Data) {
        let (start, encoding) = PageEncoding.choose(for: data)
        let bytes = data.dropFirst(start)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        LibXML.ready
        guard let context = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(context) }
        let parsed = bytes.withUnsafeBytes { raw -> htmlDocPtr? in
            let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
            return htmlCtxtReadMemory(context, base, Int32(raw.count), nil, encoding, Self.options)
        }
        guard let parsed else { return nil }
        document = parsed
        stoppedEarly = context.pointee.errNo == Int32(XML_ERR_INTERNAL_ERROR.rawValue)
    }

    deinit { xmlFreeDoc(document) }

    var root: xmlNodePtr? { xmlDocGetRootElement(document) }
}

/// Which encoding to read a page in. Pages lie about their charset, and
/// many declare none; the bytes decide first:
/// - a byte-order mark (UTF-8, UTF-16 LE or BE) wins;
/// - bytes that are valid UTF-8 are UTF-8, whatever the page declares (a
///   page saved as UTF-8 that still says `iso-8859-1` is common);
/// - otherwise a declared charset other than UTF-8 is honoured (libxml2 reads
///   `<meta charset>` itself), and a page declaring none, or UTF-8 wrongly,
///   is Windows-1252, the superset of Latin-1 browsers use.
enum PageEncoding {
    /// The offset after any byte-order mark, and the encoding to impose (nil: let libxml2 follow the page).
    static func choose(for data: Data) -> (start: Int, encoding: String?) {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return (3, "UTF-8") }
        if data.starts(with: [0xFF, 0xFE]) { return (2, "UTF-16LE") }
        if data.starts(with: [0xFE, 0xFF]) { return (2, "UTF-16BE") }
        if isValidUTF8(data) { return (0, "UTF-8") }
        if let declared = declaredCharset(data), !["utf-8", "utf8"].contains(declared) { return (0, nil) }
        return (0, "windows-1252")
    }

    static func isValidUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            // ASCII runs are most of a page: skip them eight bytes at a time.
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            let count = bytes.count
            while index < count {
                if index + 8 <= count {
                    let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { index += 8; continue }
                }
                let byte = bytes[index]
                if byte < 0x80 { index += 1; continue }
                let length: Int
                switch byte {
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: return false
                }
                guard index + length <= count else { return false }
                for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
                // Overlong forms, surrogates and values past U+10FFFF.
                let second = bytes[index + 1]
                if byte == 0xE0 && second < 0xA0 || byte == 0xED && second > 0x9F || byte == 0xF0 && second < 0x90
                    || byte == 0xF4 && second > 0x8F { return false }
                index += length
            }
            return true
        }
    }

    /// The charset named in the first 4 KB (`<meta charset="…">` or `content="text/html; charset=…"`), lower case.
    static func declaredCharset(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        return name.isEmpty ? nil : String(name)
    }
}

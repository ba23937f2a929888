// SPDX-License-Identifier: Apache-2.0
/// A small tolerant reader for the content API's `bodyXML`: not an XML
/// parser (FoundationXML is not on every platform, and a publisher's markup
/// is not always well formed) but a tag scanner that keeps every text run.
///
/// `<p>`, `<li>`, `<blockquote>`, `<div>` and `<br>` end paragraphs; `<h1>`–`<h6>`
/// make heading paragraphs; `<a href>` and `<ft-content url>` make links over
/// their text; every other tag is dropped and its text kept. Entities
/// (`&amp;`, `&#8217;`, `&#x2019;`) are decoded; an unknown one stays as it
/// is. Malformed markup (a `<` that never closes, or meets another `<`
/// first) is read as text.
enum BodyXMLReader {
    static func read(_ xml: String) -> ParagraphBuilder {
        var builder = ParagraphBuilder()
        let scalars = Array(xml.unicodeScalars)
        // From each position, the next `>` and the next `<`, found in one pass from the end: a `<` is
        // a tag when a `>` comes before another `<` (and within 4,096 scalars). Searching forward from
        // each `<` took minutes for a body of 100,000 unclosed ones.
        var nextClose = Array(repeating: scalars.count, count: scalars.count + 1)
        var nextOpen = nextClose
        for position in scalars.indices.reversed() {
            nextClose[position] = scalars[position] == ">" ? position : nextClose[position + 1]
            nextOpen[position] = scalars[position] == "<" ? position : nextOpen[position + 1]
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let close = nextClose[index + 1]
            if scalar == "<", close < scalars.count, close < nextOpen[index + 1], close - index <= 4096 {
                handleTag(scalars[(index + 1)..<close], into: &builder)
                index = close + 1
            } else if scalar == "&", let (decoded, length) = entity(at: index, in: scalars) {
                builder.append(decoded)
                index += length
            } else {
                builder.append(scalar)
                index += 1
            }
        }
        builder.endParagraph()
        return builder
    }

    static let paragraphTags: Set<String> = ["p", "li", "blockquote", "div", "br", "ul", "ol", "section", "figure", "figcaption",
                                             "table", "tr", "pull-quote", "experimental"]

    static func handleTag(_ inside: ArraySlice<Unicode.Scalar>, into builder: inout ParagraphBuilder) {
        var body = inside
        // Comments, processing instructions and declarations carry no text.
        if body.first == "!" || body.first == "?" { return }
        let closing = body.first == "/"
        if closing { body = body.dropFirst() }
        let nameEnd = body.firstIndex { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "/" } ?? body.endIndex
        let name = String(String.UnicodeScalarView(body[body.startIndex..<nameEnd])).lowercased()
        let isHeading = name.count == 2 && name.hasPrefix("h") && ("1"..."6").contains(name.suffix(1))
        if isHeading {
            if closing { builder.endParagraph() } else { builder.startHeading() }
        } else if paragraphTags.contains(name) {
            builder.endParagraph()
        } else if name == "a" || name == "ft-content" {
            if closing {
                builder.closeLink()
            } else if let address = attribute(name == "a" ? "href" : "url", in: body[nameEnd...]) {
                builder.openLink(address)
                // `<ft-content … />` has no text to link.
                if body.last == "/" { builder.closeLink() }
            }
        }
    }

    /// The value of `name="…"` (or single-quoted) in a tag's attributes, entities decoded.
    static func attribute(_ name: String, in attributes: ArraySlice<Unicode.Scalar>) -> String? {
        let text = String(String.UnicodeScalarView(attributes))
        guard let range = text.range(of: name + "=") else { return nil }
        let rest = text[range.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return decodeEntities(String(value))
    }

    static func decodeEntities(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (decoded, length) = entity(at: index, in: scalars) {
                result.append(decoded)
                index += length
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "pound": "£", "euro": "€",
    ]

    /// The entity starting at `index` (`&…;`, at most 10 scalars), and its length.
    static func entity(at index: Int, in scalars: [Unicode.Scalar]) -> (Unicode.Scalar, Int)? {
        let end = min(scalars.count, index + 12)
        guard let semicolon = scalars[(index + 1)..<end].firstIndex(of: ";") else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
        let length = semicolon - index + 1
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { ($0, length) }
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { ($0, length) }
        }
        return named[name].map { ($0, length) }
    }
}

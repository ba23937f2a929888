// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Markup in a string (an RSS description, an Atom `type="html"` title) as
/// plain text: tags dropped (block tags as spaces), the common entities and
/// numeric references decoded. Linear; for summaries and titles only, not pages.
enum HTMLText {
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "reg": "®", "trade": "™",
    ]

    static func plain(_ html: String) -> String {
        var result = ""
        var index = html.startIndex
        // Past the last `>` no `<` starts a tag: without this, `<a<a<a…` would search to the end from each one.
        let lastClose = html.lastIndex(of: ">")
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                let next = html.index(after: index)
                let isTag = next < html.endIndex && (html[next].isLetter || html[next] == "/" || html[next] == "!")
                if isTag, let lastClose, lastClose > index, let close = html[next...].firstIndex(of: ">") {
                    result += " "
                    index = html.index(after: close)
                    continue
                }
            } else if character == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";") {
                let name = html[html.index(after: index)..<semicolon]
                if let decoded = decode(name) {
                    result += decoded
                    index = html.index(after: semicolon)
                    continue
                }
            }
            result.append(character)
            index = html.index(after: index)
        }
        return result
    }

    /// Entities decoded, tags left as they are.
    static func decodeEntities(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";"),
               let decoded = decode(text[text.index(after: index)..<semicolon]) {
                result += decoded
                index = text.index(after: semicolon)
                continue
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }

    static func decode(_ name: Substring) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return entities[String(name)]
    }
}

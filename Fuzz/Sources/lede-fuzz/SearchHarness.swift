// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// Bytes → `SearchQuery(text)`, then `.matches(in:)` on a fixed paragraph
/// and on the query's own text, and `.ftsExpression`.
enum SearchHarness {
    static let paragraph = "DeepSeek’s R1 — an open-source reasoning model — rivals OpenAI’s o1 (and o1-mini); Alibaba’s QwQ-32B "
        + "followed. « Éclair » naïve café, Cafe\u{301} ΟΔΥΣΣΕΥΣ straße İstanbul 中文模型 2025-01-20, 3.5 % \"open source\" reason*"

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let text = bytes.text
        let query: SearchQuery
        do {
            query = try SearchQuery(text)
        } catch {
            require(error == .empty ? text.allSatisfy(\.isWhitespace) : true, "\(error) for \(text.debugDescription.prefix(200))")
            return
        }
        require(!query.terms.isEmpty, "a query without terms")
        for term in query.terms {
            require(!term.words.isEmpty, "a term without words")
            for word in term.words {
                require(!word.unicodeScalars.contains { $0 == "\"" || $0.properties.isWhitespace }, "word \(word.debugDescription)")
            }
        }

        // Every term quoted: the expression is a list of quoted terms joined by AND.
        let fts = query.ftsExpression
        require(fts.unicodeScalars.filter { $0 == "\"" }.count == 2 * query.terms.count, "FTS expression \(fts.debugDescription)")

        check(query.matches(in: paragraph), in: paragraph)
        // A query finds its own text.
        let own = query.matches(in: text)
        require(own != nil, "query does not match its own text: \(text.debugDescription.prefix(200))")
        check(own, in: text)
    }

    /// Sorted, disjoint, non-empty scalar ranges inside the text.
    static func check(_ matches: [Range<Int>]?, in text: String) {
        guard let matches else { return }
        let count = text.unicodeScalars.count
        var end = -1
        for range in matches {
            require(range.lowerBound > end && range.upperBound <= count && !range.isEmpty,
                    "match \(range) after \(end) in \(count) scalars: \(matches)")
            end = range.upperBound
        }
    }
}

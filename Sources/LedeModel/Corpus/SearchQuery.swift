// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeText

/// A search across articles: words, `"quoted phrases"` and `prefix*`
/// terms; a paragraph matches when every term is in it.
///
/// Words are runs of letters and digits, compared without case and
/// without accents, as SQLite's `unicode61` tokenizer compares them, so the
/// index (FTS5) and the in-memory store agree. A run of CJK characters is
/// one word there too: search CJK text by the whole run, or by its start
/// with `*`.
public struct SearchQuery: Sendable, Hashable, CustomStringConvertible {
    public struct Term: Sendable, Hashable {
        /// Folded words, in order; a phrase has several.
        public var words: [String]
        /// The last word matches any word it starts.
        public var isPrefix: Bool
    }

    public let text: String
    public let terms: [Term]

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case empty
        case nothingToSearch

        public var description: String {
            switch self {
            case .empty: "type something to search for"
            case .nothingToSearch: "no letters or digits to search for"
            }
        }
    }

    /// Parses `deepseek "open source" reason*`.
    public init(_ text: String) throws(ParseError) {
        self.text = text
        guard !text.allSatisfy(\.isWhitespace) else { throw .empty }
        var terms: [Term] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let first = scalars.first {
            if first == "\"" {
                scalars = scalars.dropFirst()
                // A phrase without its closing quote runs to the end of the query.
                let close = scalars.firstIndex(of: "\"") ?? scalars.endIndex
                let words = Words.searchTokens(in: scalars[..<close]).map(\.word)
                scalars = close < scalars.endIndex ? scalars[(close + 1)...] : scalars[close...]
                let isPrefix = scalars.first == "*"
                if isPrefix { scalars = scalars.dropFirst() }
                if !words.isEmpty { terms.append(Term(words: words, isPrefix: isPrefix)) }
            } else if Words.isSearchScalar(first) {
                var end = scalars.startIndex
                while end < scalars.endIndex, Words.isSearchScalar(scalars[end]) { end += 1 }
                let word = Words.fold(scalars[scalars.startIndex..<end])
                scalars = scalars[end...]
                let isPrefix = scalars.first == "*"
                if isPrefix { scalars = scalars.dropFirst() }
                terms.append(Term(words: [word], isPrefix: isPrefix))
            } else {
                scalars = scalars.dropFirst()
            }
        }
        guard !terms.isEmpty else { throw .nothingToSearch }
        self.terms = terms
    }

    public var description: String { text }

    /// The query as an FTS5 expression: every term quoted, so nothing the
    /// user types is read as FTS5 syntax.
    public var ftsExpression: String {
        terms.map { term in "\"" + term.words.joined(separator: " ") + "\"" + (term.isPrefix ? " *" : "") }.joined(separator: " AND ")
    }

    /// Scalar ranges of every term's occurrences, in text order; nil unless
    /// every term occurs.
    public func matches(in text: String) -> [Range<Int>]? {
        let tokens = Words.searchTokens(in: Array(text.unicodeScalars)[...])
        var ranges: [Range<Int>] = []
        for term in terms {
            var found = false
            var index = 0
            while index + term.words.count <= tokens.count {
                var matched = true
                for (offset, word) in term.words.enumerated() {
                    let token = tokens[index + offset].word
                    let isLast = offset == term.words.count - 1
                    if isLast && term.isPrefix ? !token.hasPrefix(word) : token != word { matched = false; break }
                }
                if matched {
                    found = true
                    ranges.append(tokens[index].range.lowerBound..<tokens[index + term.words.count - 1].range.upperBound)
                    index += term.words.count
                } else {
                    index += 1
                }
            }
            if !found { return nil }
        }
        ranges.sort { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        // Overlapping ranges (two terms on one word) merge.
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// Adds the article's hits (title first, then paragraphs) until `hits`
    /// holds `limit`; false once the limit is reached. Both stores search
    /// through this, so they agree hit for hit.
    public func collectHits(in article: Article, id: ArticleID, into hits: inout [SearchHit], limit: Int?) -> Bool {
        if let limit, hits.count >= limit { return false }
        if let matches = matches(in: article.title) { hits.append(SearchHit(article: id, paragraph: nil, matches: matches)) }
        for (number, paragraph) in article.paragraphs.enumerated() {
            if let limit, hits.count >= limit { return false }
            if let matches = matches(in: paragraph) { hits.append(SearchHit(article: id, paragraph: number, matches: matches)) }
        }
        return limit.map { hits.count < $0 } ?? true
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// One line of the reader: its graphemes with their widths and, for
/// paragraph text, the scalar offset where each grapheme starts.
public struct ReaderLine: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case title, byline, blank
        case text(paragraph: Int)
        /// A marker standing for paragraphs hidden by the `&` filter.
        case hidden(count: Int)
    }

    public var kind: Kind
    public var graphemes: [Character]
    public var widths: [UInt8]
    /// Scalar offset in the paragraph of each grapheme (text lines only).
    public var offsets: [Int]
    /// Scalar offset just past the line's last grapheme.
    public var endOffset: Int

    public var paragraph: Int? {
        if case .text(let paragraph) = kind { return paragraph }
        return nil
    }

    public var text: String { String(graphemes) }
}

/// An article wrapped to a width: title, byline, then paragraphs separated
/// by blank lines. Wrapping is by display width (CJK and emoji take two
/// columns) at spaces, or anywhere inside over-long words and CJK runs.
public struct ReaderLayout: Sendable {
    public var lines: [ReaderLine]
    /// First line of each shown paragraph.
    public var firstLine: [Int: Int]

    /// The line holding scalar `offset` of `paragraph`, if that paragraph is shown.
    public func line(paragraph: Int, offset: Int) -> Int? {
        guard var index = firstLine[paragraph] else { return nil }
        while index + 1 < lines.count, lines[index + 1].paragraph == paragraph, lines[index + 1].offsets.first.map({ $0 <= offset }) ?? false {
            index += 1
        }
        return index
    }

    /// `typeTags`: per paragraph, text written into the line after a scalar
    /// offset (accessible mode's ` [ORG]` after each mention), drawn in the
    /// mention's style because it takes the offset of the mention's last scalar.
    public static func make(article: Article, width: Int, visibleParagraphs: Set<Int>?, typeTags: [Int: [Int: String]] = [:]) -> ReaderLayout {
        var lines: [ReaderLine] = []
        func addWrapped(_ text: String, kind: ReaderLine.Kind, tags: [Int: String] = [:]) {
            lines += wrap(text, width: width, kind: kind, insertions: tags)
        }
        func blank() { lines.append(ReaderLine(kind: .blank, graphemes: [], widths: [], offsets: [], endOffset: 0)) }
        addWrapped(article.title, kind: .title)
        addWrapped(byline(of: article), kind: .byline)
        var firstLine: [Int: Int] = [:]
        var hiddenRun = 0
        func flushHidden() {
            guard hiddenRun > 0 else { return }
            blank()
            let text = hiddenRun == 1 ? "⋯ 1 paragraph hidden (& shows all) ⋯" : "⋯ \(hiddenRun) paragraphs hidden (& shows all) ⋯"
            lines += wrap(text, width: width, kind: .hidden(count: hiddenRun))
            hiddenRun = 0
        }
        for (index, paragraph) in article.paragraphs.enumerated() {
            if let visibleParagraphs, !visibleParagraphs.contains(index) {
                hiddenRun += 1
                continue
            }
            flushHidden()
            blank()
            firstLine[index] = lines.count
            addWrapped(paragraph, kind: .text(paragraph: index), tags: typeTags[index] ?? [:])
        }
        flushHidden()
        return ReaderLayout(lines: lines, firstLine: firstLine)
    }

    /// `Tessa Marlow · Opinion · Business Insight · 19 Mar 2025` (a web page's site after the brand)
    public static func byline(of article: Article) -> String {
        var parts: [String] = []
        if !article.authors.isEmpty { parts.append(article.authors.joined(separator: " and ")) }
        if let genre = article.genre { parts.append(genre) }
        if let brand = article.brand { parts.append(brand) }
        if let site = article.site { parts.append(site) }
        if let published = article.published { parts.append(published.humanDescription) }
        return parts.isEmpty ? "(no byline)" : parts.joined(separator: " · ")
    }

    /// Basic kinsoku: closing punctuation, the prolonged sound mark and the
    /// iteration mark never start a line; opening brackets never end one.
    static let noLineStart: Set<Character> = Set("、。，．・：；？！）〕］｝〉》」』】〙〗ー々ゝゞ…‥")
    static let noLineEnd: Set<Character> = Set("（〔［｛〈《「『【〘〖")

    static func mayBreak(after character: Character, before next: Character?) -> Bool {
        guard let next else { return true }
        return !noLineEnd.contains(character) && !noLineStart.contains(next)
    }

    /// Greedy word wrap by display width.
    static func wrap(_ text: String, width: Int, kind: ReaderLine.Kind, insertions: [Int: String] = [:]) -> [ReaderLine] {
        let width = max(1, width)
        var graphemes: [Character] = []
        var widths: [UInt8] = []
        var offsets: [Int] = []
        var offset = 0
        /// Text inserted where a mention ends, belonging to its last scalar.
        func insert(at end: Int) {
            guard let text = insertions[end], end > 0 else { return }
            for character in text {
                guard let safe = SafeText.displayable(character) else { continue }
                graphemes.append(safe)
                widths.append(UInt8(max(1, DisplayWidth.of(safe))))
                offsets.append(end - 1)
            }
        }
        for character in text {
            if !insertions.isEmpty { insert(at: offset) }
            defer { offset += character.unicodeScalars.count }
            // Nothing to draw (a lone zero-width space): no cell either.
            guard let safe = SafeText.displayable(character) else { continue }
            graphemes.append(safe)
            widths.append(UInt8(max(1, DisplayWidth.of(safe))))
            offsets.append(offset)
        }
        if !insertions.isEmpty { insert(at: offset) }
        let total = offset
        var lines: [ReaderLine] = []
        var start = 0
        while start < graphemes.count {
            var column = 0
            var index = start
            var lastBreak: Int? = nil // index to start the next line at
            while index < graphemes.count {
                let columns = Int(widths[index])
                if column + columns > width { break }
                column += columns
                if graphemes[index] == " " { lastBreak = index + 1 }
                else if columns == 2, Self.mayBreak(after: graphemes[index], before: graphemes[safe: index + 1]) {
                    lastBreak = index + 1 // CJK: break after a wide character, unless kinsoku forbids it
                }
                index += 1
            }
            var end: Int
            var next: Int
            if index >= graphemes.count {
                end = graphemes.count
                next = end
            } else if graphemes[index] == " " {
                end = index
                next = index + 1
            } else if let lastBreak, lastBreak > start {
                end = lastBreak
                next = lastBreak
            } else {
                end = max(index, start + 1)
                next = end
            }
            // Trailing spaces do not take room at a line end.
            var visibleEnd = end
            while visibleEnd > start, graphemes[visibleEnd - 1] == " " { visibleEnd -= 1 }
            let endOffset = next < offsets.count ? offsets[next] : total
            lines.append(ReaderLine(kind: kind, graphemes: Array(graphemes[start..<visibleEnd]), widths: Array(widths[start..<visibleEnd]),
                                    offsets: Array(offsets[start..<visibleEnd]), endOffset: endOffset))
            start = next
            while start < graphemes.count, graphemes[start] == " " { start += 1 }
        }
        if lines.isEmpty { lines.append(ReaderLine(kind: kind, graphemes: [], widths: [], offsets: [], endOffset: 0)) }
        return lines
    }
}

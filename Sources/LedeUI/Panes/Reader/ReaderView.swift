// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Draws the article: title, byline, wrapped paragraphs with every mention
/// styled by entity type, headings in bold and links underlined, search matches, the focused mention, the sentence
/// a timeline jump landed on, and hint labels.
public enum ReaderView: Widget {
    public static func render(_ frame: Frame, into buffer: inout ScreenBuffer, area: Rect) {
        let state = frame.state
        let theme = state.theme
        let base = theme[.text]
        buffer.fill(area, style: base)
        if state.article == nil {
            // Nothing loaded yet: the first article appears as soon as it is read.
            let text = state.indexing.map { "Reading the articles (\($0.text)); the first appears as soon as it is read." }
                ?? "No articles to show."
            buffer.put(TextFit.truncate(text, to: area.width), x: area.x, y: area.y, style: theme[.dim].over(base), clip: area)
            return
        }
        let layout = frame.readerLayout
        let spans = frame.spans
        let hints = frame.hints
        if state.activePane == .reader { buffer.cursor = cursor(state, layout: layout, area: area) }

        for row in 0..<area.height {
            let lineIndex = state.reader.scroll + row
            guard let line = layout.lines[safe: lineIndex] else { break }
            let y = area.y + row
            var x = area.x
            let lineStyle: Style
            switch line.kind {
            case .title: lineStyle = theme[.title].over(base)
            case .byline: lineStyle = theme[.byline].over(base)
            case .hidden: lineStyle = theme[.dim].over(base)
            case .blank, .text: lineStyle = base
            }
            for (index, grapheme) in line.graphemes.enumerated() {
                var style = lineStyle
                if let paragraph = line.paragraph { style = spans.style(paragraph: paragraph, offset: line.offsets[index], base: base) }
                x = buffer.put(grapheme, x: x, y: y, style: style, clip: area)
            }
        }

        // Hint labels sit on the first cells of their mentions.
        guard !hints.isEmpty else { return }
        let typed = state.typedHint ?? ""
        for hint in hints where hint.label.hasPrefix(typed) {
            let mention = hint.mention
            guard let lineIndex = layout.line(paragraph: mention.paragraph, offset: mention.start) else { continue }
            let row = lineIndex - state.reader.scroll
            guard row >= 0, row < area.height else { continue }
            let line = layout.lines[lineIndex]
            var column = area.x
            for (index, offset) in line.offsets.enumerated() {
                if offset >= mention.start { break }
                column += Int(line.widths[index])
            }
            buffer.put(hint.label, x: column, y: area.y + row, style: theme[.hintLabel].over(base), clip: area)
        }
    }

    /// The focused mention's first cell when it is on screen, else the reader's first cell.
    static func cursor(_ state: BrowserState, layout: ReaderLayout, area: Rect) -> CursorPosition {
        guard let mention = state.reader.focusedMention.flatMap(state.corpus.mention),
              let lineIndex = layout.line(paragraph: mention.paragraph, offset: mention.start) else {
            return CursorPosition(x: area.x, y: area.y)
        }
        let row = lineIndex - state.reader.scroll
        guard row >= 0, row < area.height else { return CursorPosition(x: area.x, y: area.y) }
        let line = layout.lines[lineIndex]
        var column = area.x
        for (index, offset) in line.offsets.enumerated() {
            if offset >= mention.start { break }
            column += Int(line.widths[index])
        }
        return CursorPosition(x: column, y: area.y + row)
    }

    /// Styles of the current article's paragraphs, built once per frame.
    struct SpanIndex {
        struct Span {
            var start: Int
            var end: Int
            var style: Style
        }

        /// Per paragraph, in drawing order (later spans drawn over earlier).
        var spans: [Int: [Span]] = [:]

        init(state: BrowserState, sidebar: @autoclosure () -> SidebarModel) {
            let theme = state.theme
            let corpus = state.corpus
            let highlighted: Set<EntityID>? = state.sidebar.filter.isEmpty && state.sidebar.hiddenTypes.isEmpty
                ? nil : sidebar().visibleEntitySet
            // Headings bold, links underlined: under everything else, so a mention inside keeps its type's style too.
            if let article = state.currentArticle, !article.headings.isEmpty || !article.links.isEmpty {
                for heading in article.headings {
                    spans[heading, default: []].append(Span(start: 0, end: Int.max, style: Style(attributes: .bold)))
                }
                for link in article.links {
                    spans[link.paragraph, default: []].append(Span(start: link.start, end: link.end, style: Style(attributes: .underline)))
                }
            }
            if let sentence = state.reader.highlightedSentence {
                spans[sentence.paragraph, default: []].append(Span(start: sentence.start, end: sentence.end, style: theme[.selection]))
            }
            // Models first, so an organisation inside a model name draws over it.
            let mentions = state.currentMentions
            var typeOf: [EntityID: EntityType] = [:]
            for mention in mentions where typeOf[mention.entity] == nil { typeOf[mention.entity] = corpus.entity(mention.entity)?.type ?? .other }
            for pass in 0..<2 {
                for mention in mentions {
                    let type = typeOf[mention.entity] ?? .other
                    guard (type == .model) == (pass == 0) else { continue }
                    if let highlighted, !highlighted.contains(mention.entity) { continue }
                    var style = theme.style(for: type)
                    if mention.isDetected { style = theme[.detected].over(style) }
                    spans[mention.paragraph, default: []].append(Span(start: mention.start, end: mention.end, style: style))
                }
            }
            if let search = state.reader.search {
                for (position, match) in search.matches.enumerated() {
                    var style = theme[.searchMatch]
                    if position == search.current { style = Style(attributes: .underline).over(style) }
                    spans[match.paragraph, default: []].append(Span(start: match.start, end: match.end, style: style))
                }
            }
            if let focused = state.reader.focusedMention, focused.article == state.article, let mention = corpus.mention(focused) {
                let typeStyle = theme.style(for: typeOf[mention.entity] ?? .other)
                spans[mention.paragraph, default: []].append(
                    Span(start: mention.start, end: mention.end, style: theme[.focusedMention].over(typeStyle)))
            }
        }

        func style(paragraph: Int, offset: Int, base: Style) -> Style {
            var style = base
            for span in spans[paragraph] ?? [] where span.start <= offset && offset < span.end {
                style = span.style.over(style)
            }
            return style
        }
    }
}

import LedeModel

/// Draws the whole screen from state: the frame with pane titles, the
/// three panes, an overlay if one is open, and the status bar.
public enum BrowserView {
    public static func render(_ state: BrowserState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height, fill: state.theme[.text])
        render(state, into: &buffer)
        return buffer
    }

    public static func render(_ state: BrowserState, into buffer: inout ScreenBuffer) {
        let layout = state.screenLayout
        let theme = state.theme
        if layout.isTooSmall {
            buffer.fill(buffer.area, style: theme[.text])
            buffer.put(TextFit.truncate("lede needs 30×8 or more (q quits)", to: buffer.width), x: 0, y: 0, style: theme[.error], clip: buffer.area)
            return
        }
        drawFrame(state, into: &buffer)
        ReaderView.render(state, into: &buffer, area: layout.readerText)
        SidebarView.render(state, into: &buffer, area: layout.sidebar)
        state.timelineCache.draw(state, area: layout.timeline, into: &buffer) { buffer in
            TimelineView.render(state, into: &buffer, area: layout.timeline)
        }
        if let overlay = state.overlay { drawOverlay(overlay, state: state, into: &buffer) }
        StatusBarView.render(state, into: &buffer, area: layout.status)
    }

    static func drawOverlay(_ overlay: Overlay, state: BrowserState, into buffer: inout ScreenBuffer) {
        switch overlay {
        case .help(let scroll, let pane, let beneath):
            if let beneath { drawOverlay(beneath, state: state, into: &buffer) }
            HelpOverlay.render(state, pane: pane, scroll: scroll, into: &buffer)
        case .dossier(let dossier): DossierOverlay.render(state, dossier: dossier, into: &buffer)
        case .articles(let selection): ArticleListOverlay.render(state, selection: selection, into: &buffer)
        case .corpusSearch(let search): CorpusSearchOverlay.render(state, search: search, into: &buffer)
        }
    }

    static func drawFrame(_ state: BrowserState, into buffer: inout ScreenBuffer) {
        let layout = state.screenLayout
        let theme = state.theme
        let base = theme[.text]
        let border = theme[.border].over(base)
        let focused = theme[.borderFocused].over(base)
        let right = layout.width - 1
        let bottom = layout.height - 2
        // Verticals.
        for y in 1..<bottom {
            let isSeparator = y == layout.separator
            buffer.put(isSeparator ? "├" : "│", x: 0, y: y, style: border)
            buffer.put(isSeparator ? "┤" : "│", x: right, y: y, style: border)
            if y < layout.separator {
                buffer.put("│", x: layout.divider, y: y, style: border)
            }
        }
        // Horizontals.
        for x in 1..<right {
            buffer.put("─", x: x, y: 0, style: border)
            buffer.put("─", x: x, y: layout.separator, style: border)
            buffer.put("─", x: x, y: bottom, style: border)
        }
        buffer.put("┌", x: 0, y: 0, style: border)
        buffer.put("┐", x: right, y: 0, style: border)
        buffer.put("└", x: 0, y: bottom, style: border)
        buffer.put("┘", x: right, y: bottom, style: border)
        buffer.put("┬", x: layout.divider, y: 0, style: border)
        buffer.put("┴", x: layout.divider, y: layout.separator, style: border)

        // Titles on the borders; the focused pane's border segment stands out.
        func title(_ text: String, x: Int, y: Int, until limit: Int, pane: Pane) {
            let isFocused = state.focus == pane
            if isFocused {
                for column in x..<limit { buffer.put("─", x: column, y: y, style: focused) }
            }
            let room = limit - x - 3
            guard room > 0 else { return }
            let label = " " + TextFit.truncate(text, to: room) + " "
            buffer.put(label, x: x + 1, y: y, style: (isFocused ? theme[.paneTitleFocused] : theme[.paneTitle]).over(base),
                       clip: Rect(x: x, y: y, width: limit - x, height: 1))
        }
        var articleTitle = state.article.flatMap { state.corpus.summary(of: $0)?.title } ?? (state.indexing == nil ? "No articles" : "Indexing…")
        if !state.sidebar.filter.isEmpty && state.focus == .reader { articleTitle = "[/\(state.sidebar.filter)] " + articleTitle }
        title(articleTitle, x: 1, y: 0, until: layout.divider, pane: .reader)
        var sidebarTitle = "Entities"
        if !state.sidebar.filter.isEmpty || state.sidebar.isEditingFilter { sidebarTitle += "  /" + state.sidebar.filter }
        title(sidebarTitle, x: layout.divider + 1, y: 0, until: right, pane: .sidebar)
        var timelineTitle = "Model releases"
        if let organisation = state.timeline.organisationFilter { timelineTitle += " · \(organisation)" }
        if state.timeline.onlyCurrentArticle { timelineTitle += " · this article" }
        if state.timeline.isList { timelineTitle += " · list" }
        title(timelineTitle, x: 1, y: layout.separator, until: right, pane: .timeline)
    }
}

/// The last row: mode badge, prompt or message or key hints, position.
public enum StatusBarView {
    public static func render(_ state: BrowserState, into buffer: inout ScreenBuffer, area: Rect) {
        let theme = state.theme
        let base = theme[.status]
        buffer.fill(area, style: base)
        var x = area.x
        let mode = state.reader.hintInput != nil ? "HINT" : (state.reader.isEditingSearch ? "SEARCH" : (state.sidebar.isEditingFilter && state.overlay == nil ? "FILTER" : state.activePane.mode))
        x = buffer.put(" \(mode) ", x: x, y: area.y, style: theme[.statusMode].over(base), clip: area)
        x += 1

        // Right side: theme, article position, scroll percentage.
        let layout = state.readerLayout
        let rows = state.screenLayout.readerText.height
        let percent = layout.lines.count <= rows ? 100 : min(100, (state.reader.scroll + rows) * 100 / max(1, layout.lines.count))
        let articles = state.corpus.articleCount
        var right = "\(state.theme.name)  \(articles == 0 ? 0 : (state.articlePosition ?? 0) + 1)/\(articles)  \(percent)% "
        if let indexing = state.indexing { right = indexing.text + "  " + right }
        let rightWidth = DisplayWidth.of(right)
        let leftLimit = area.maxX - rightWidth - 1
        let leftArea = Rect(x: x, y: area.y, width: max(0, leftLimit - x), height: 1)

        if state.reader.isEditingSearch {
            let search = state.reader.search
            var prompt = "/" + (search?.query ?? "") + "▏"
            if let search, !search.query.isEmpty {
                prompt += search.matches.isEmpty ? "  no match" : "  \((search.current ?? 0) + 1)/\(search.matches.count)"
            }
            buffer.put(TextFit.truncate(prompt, to: leftArea.width), x: x, y: area.y, style: base, clip: leftArea)
        } else if state.sidebar.isEditingFilter {
            buffer.put(TextFit.truncate("type to filter · ⌫ widens · ↑↓ move · ⏎ jumps · Esc clears", to: leftArea.width), x: x, y: area.y, style: base, clip: leftArea)
        } else if state.reader.hintInput != nil {
            buffer.put(TextFit.truncate("type a label to jump · Esc cancels", to: leftArea.width), x: x, y: area.y, style: base, clip: leftArea)
        } else if let message = state.message {
            buffer.put(TextFit.truncate(message.text, to: leftArea.width), x: x, y: area.y,
                       style: (message.isError ? theme[.error] : theme[.message]).over(base), clip: leftArea)
        } else {
            var column = x
            if state.activePane == .reader, let entityID = state.focusedEntity, let entity = state.corpus.entity(entityID) {
                column = buffer.put("▸ \(entity.label) (\(entity.type.displayName.lowercased()))  ", x: column, y: area.y,
                                    style: theme.style(for: entity.type).over(base), clip: leftArea)
            }
            for binding in state.keyMap.bindings(in: state.activePane) where binding.isHint {
                guard let key = binding.keys.first else { continue }
                let width = DisplayWidth.of(key.symbol) + 1 + DisplayWidth.of(binding.label) + 2
                if column + width > leftArea.maxX { break }
                column = buffer.put(key.symbol, x: column, y: area.y, style: theme[.statusKey].over(base), clip: leftArea)
                column = buffer.put(" " + binding.label + "  ", x: column, y: area.y, style: base, clip: leftArea)
            }
        }
        if leftLimit > x { buffer.put(right, x: area.maxX - rightWidth, y: area.y, style: base, clip: area) }
    }
}

/// A framed box drawn over the panes.
enum OverlayBox {
    static func draw(title: String, rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        let body = theme[.overlay].over(theme[.text])
        let border = theme[.overlayBorder].over(body)
        buffer.fill(rect, style: body)
        for x in rect.x..<rect.maxX {
            buffer.put("─", x: x, y: rect.y, style: border)
            buffer.put("─", x: x, y: rect.maxY - 1, style: border)
        }
        for y in rect.y..<rect.maxY {
            buffer.put("│", x: rect.x, y: y, style: border)
            buffer.put("│", x: rect.maxX - 1, y: y, style: border)
        }
        buffer.put("┌", x: rect.x, y: rect.y, style: border)
        buffer.put("┐", x: rect.maxX - 1, y: rect.y, style: border)
        buffer.put("└", x: rect.x, y: rect.maxY - 1, style: border)
        buffer.put("┘", x: rect.maxX - 1, y: rect.maxY - 1, style: border)
        buffer.put(" " + TextFit.truncate(title, to: rect.width - 6) + " ", x: rect.x + 2, y: rect.y,
                   style: theme[.paneTitleFocused].over(body), clip: rect)
    }
}

/// `?`: every binding of the focused pane, from the keymap table.
public enum HelpOverlay {
    public static func lines(for pane: Pane, keyMap: KeyMap) -> [(keys: String, help: String)] {
        keyMap.bindings(in: pane).map { binding in
            (binding.keys.map(\.name).joined(separator: " "), binding.help)
        }
    }

    public static func render(_ state: BrowserState, pane: Pane, scroll: Int, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let rect = state.screenLayout.overlay(widthPercent: 80, heightPercent: 80)
        OverlayBox.draw(title: "Keys — \(pane.title)  (q or Esc closes)", rect: rect, theme: theme, into: &buffer)
        let inner = rect.inset(by: 1)
        let body = theme[.overlay].over(theme[.text])
        var rows = lines(for: pane, keyMap: state.keyMap)
        rows += [("", ""), ("In the help", "j k scroll · q Esc close")]
        let keyWidth = min(24, max(8, rows.map { DisplayWidth.of($0.keys) }.max() ?? 8))
        for row in 0..<inner.height {
            guard let line = rows[safe: scroll + row] else { break }
            let y = inner.y + row
            let x = buffer.put(TextFit.pad(line.keys, to: keyWidth) + "  ", x: inner.x + 1, y: y, style: theme[.statusKey].over(body), clip: inner)
            buffer.put(line.help, x: x, y: y, style: body, clip: inner)
        }
    }
}

/// Enter on a mention: the entity, its names, and every mention in every
/// loaded article with its sentence. Enter jumps to the selected one.
public enum DossierOverlay {
    public static func render(_ state: BrowserState, dossier: DossierState, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let corpus = state.corpus
        guard let entity = corpus.entity(dossier.entity) else { return }
        let rect = state.screenLayout.overlay(widthPercent: 86, heightPercent: 84)
        OverlayBox.draw(title: "\(entity.label) — \(entity.type.displayName.lowercased())", rect: rect, theme: theme, into: &buffer)
        let inner = rect.inset(by: 1)
        let body = theme[.overlay].over(theme[.text])
        let dim = theme[.dim].over(body)
        let list = state.mentionList(of: dossier.entity)
        var y = inner.y
        let names = entity.names.isEmpty ? entity.label : entity.names.joined(separator: ", ")
        buffer.put(TextFit.truncate("Names: \(names)", to: inner.width - 2), x: inner.x + 1, y: y, style: body, clip: inner)
        y += 1
        var about = "\(list.count) mention\(list.count == 1 ? "" : "s") in \(list.articleCount) article\(list.articleCount == 1 ? "" : "s")"
        about += entity.type == .model ? " · \(entity.organisation ?? "unknown organisation")" : " · \(entity.source.rawValue)"
        if !entity.predicates.isEmpty { about += " (\(entity.predicates.joined(separator: ", ")))" }
        if state.indexing != nil { about += " · still indexing: counts so far" }
        buffer.put(TextFit.truncate(about, to: inner.width - 2), x: inner.x + 1, y: y, style: dim, clip: inner)
        y += 2
        let listArea = Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y)
        guard listArea.height > 0, !list.isEmpty else { return }
        // Rows: an article heading before each article's mentions. Only the
        // rows on screen are fetched, so an entity named in every article of
        // a large corpus opens as fast as one named once.
        let rowCount = list.count + list.articleCount
        let selection = min(dossier.selection, list.count - 1)
        let selectedRow = selection + (list.posting(containing: selection)?.posting ?? 0) + 1
        let top = max(0, min(selectedRow - listArea.height / 2, rowCount - listArea.height))
        var fetched: (posting: Int, mentions: [Mention])?
        for row in 0..<listArea.height {
            guard let item = DossierRows.item(atRow: top + row, in: list) else { break }
            let rowY = listArea.y + row
            guard let offset = item.offset else {
                let title = corpus.summary(of: list.postings[item.posting].article)?.title ?? ""
                buffer.put(TextFit.truncate(title, to: listArea.width - 2), x: listArea.x + 1, y: rowY,
                           style: theme[.title].over(body), clip: listArea)
                continue
            }
            if fetched?.posting != item.posting { fetched = (item.posting, list.mentions(inPosting: item.posting, corpus: corpus)) }
            guard let mention = fetched?.mentions[safe: offset] else { continue }
            let position = list.firstIndex(ofPosting: item.posting) + offset
            let selected = position == selection
            let rowStyle = selected ? theme[.selection].over(body) : body
            buffer.fill(Rect(x: listArea.x, y: rowY, width: listArea.width, height: 1), style: rowStyle)
            let prefix = (selected ? "▸ " : "  ") + "¶\(mention.paragraph + 1) "
            var x = buffer.put(prefix, x: listArea.x + 1, y: rowY, style: rowStyle, clip: listArea)
            let paragraph = corpus.article(mention.article)?.paragraphs[safe: mention.paragraph] ?? mention.text
            let snippet = Snippet.around(mention, in: paragraph, columns: max(10, listArea.maxX - x - 1))
            x = buffer.put(snippet.before, x: x, y: rowY, style: rowStyle, clip: listArea)
            x = buffer.put(snippet.match, x: x, y: rowY, style: theme.style(for: entity.type).over(rowStyle).with(.bold), clip: listArea)
            buffer.put(snippet.after, x: x, y: rowY, style: rowStyle, clip: listArea)
        }
    }
}

/// The dossier's rows: for each article that names the entity, a heading
/// row, then a row per mention.
enum DossierRows {
    /// The posting of a row, and the mention's rank in that article (nil for the heading).
    static func item(atRow row: Int, in list: EntityMentionList) -> (posting: Int, offset: Int?)? {
        guard row >= 0, row < list.count + list.articleCount else { return nil }
        // Row of posting p's heading = firstIndex(p) + p. Binary search the last heading at or before `row`.
        var low = 0, high = list.articleCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if list.firstIndex(ofPosting: middle) + middle <= row { low = middle } else { high = middle - 1 }
        }
        let heading = list.firstIndex(ofPosting: low) + low
        return row == heading ? (low, nil) : (low, row - heading - 1)
    }
}

/// A one-line window of text around a mention.
public enum Snippet {
    public static func around(_ mention: Mention, in paragraph: String, columns: Int) -> (before: String, match: String, after: String) {
        let scalars = Array(paragraph.unicodeScalars)
        let sentence = ReleaseExtractor.sentences(scalars).first { $0.contains(mention.start) } ?? 0..<scalars.count
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)]))
                .replacingOccurrences(of: "\n", with: " ")
        }
        let match = text(mention.start..<mention.end)
        var before = text(sentence.lowerBound..<mention.start).trimmingLeadingSpaces()
        var after = text(mention.end..<sentence.upperBound)
        let room = max(0, columns - DisplayWidth.of(match))
        let beforeRoom = min(DisplayWidth.of(before), room / 3)
        if DisplayWidth.of(before) > beforeRoom {
            // Keep whole words: cut after the first space of what fits.
            var kept = String(before.reversed().prefixFitting(beforeRoom - 1).reversed())
            if let space = kept.firstIndex(of: " ") { kept = String(kept[kept.index(after: space)...]) }
            before = "…" + kept
        }
        after = TextFit.truncate(after, to: room - DisplayWidth.of(before))
        return (before, match, after)
    }
}

extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}

extension Sequence where Element == Character {
    /// Leading characters that fit in `columns`.
    func prefixFitting(_ columns: Int) -> String {
        var result = ""
        var used = 0
        for character in self {
            let width = DisplayWidth.of(character)
            if used + width > columns { break }
            result.append(character)
            used += width
        }
        return result
    }
}

extension Style {
    func with(_ attributes: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }
}

/// `A`: every loaded article in load order, with its date, title and
/// mention count; Enter opens one.
public enum ArticleListOverlay {
    public static func render(_ state: BrowserState, selection: Int, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let corpus = state.corpus
        let count = corpus.articleCount
        let rect = state.screenLayout.overlay(widthPercent: 86, heightPercent: 80)
        OverlayBox.draw(title: "Articles (\(count))  Enter opens · q closes", rect: rect, theme: theme, into: &buffer)
        let inner = rect.inset(by: 1)
        let body = theme[.overlay].over(theme[.text])
        guard inner.height > 0 else { return }
        let top = max(0, min(selection - inner.height / 2, count - inner.height))
        let current = state.articlePosition
        for row in 0..<inner.height {
            let index = top + row
            guard let id = corpus.articleID(at: index), let article = corpus.summary(of: id) else { break }
            let y = inner.y + row
            let rowStyle = index == selection ? theme[.selection].over(body) : body
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: rowStyle)
            var x = buffer.put((index == current ? "● " : "  ") + TextFit.pad(article.published?.description ?? "undated", to: 11),
                               x: inner.x + 1, y: y, style: theme[.dim].over(rowStyle), clip: inner)
            let mentions = "\(article.mentionCount)"
            let titleWidth = max(1, inner.maxX - x - mentions.count - 2)
            x = buffer.put(TextFit.truncate(article.title, to: titleWidth), x: x, y: y, style: theme[.title].over(rowStyle), clip: inner)
            buffer.put(mentions, x: inner.maxX - mentions.count - 1, y: y, style: theme[.dim].over(rowStyle), clip: inner)
        }
    }
}

/// `S`: the search prompt, then the matching paragraphs of every article
/// with a snippet each; Enter opens one with the matches marked.
public enum CorpusSearchOverlay {
    public static func render(_ state: BrowserState, search: CorpusSearchState, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let corpus = state.corpus
        let rect = state.screenLayout.overlay(widthPercent: 86, heightPercent: 84)
        var title = "Search all articles"
        if let hits = search.hits { title += " — \(hits.count)\(search.isTruncated ? "+" : "") paragraph\(hits.count == 1 ? "" : "s")" }
        OverlayBox.draw(title: title, rect: rect, theme: theme, into: &buffer)
        let inner = rect.inset(by: 1)
        let body = theme[.overlay].over(theme[.text])
        let dim = theme[.dim].over(body)
        guard inner.height > 1 else { return }
        let prompt = "S/" + search.query + (search.isEditing ? "▏" : "")
        buffer.put(TextFit.truncate(prompt, to: inner.width - 2), x: inner.x + 1, y: inner.y,
                   style: (search.isEditing ? theme[.searchMatch] : theme[.statusKey]).over(body), clip: inner)
        var help = search.note ?? (search.isEditing ? "words, \"a phrase\", prefix* · Enter searches · Esc closes"
                                                    : "j k move · Enter opens · n N in the reader go on · / edit · S new search · q closes")
        if search.isTruncated && search.note == nil && !search.isEditing {
            help = "the first \(search.hits?.count ?? 0) matches, in reading order: a narrower search lists the rest · " + help
        }
        buffer.put(TextFit.truncate(help, to: inner.width - 2), x: inner.x + 1, y: inner.y + 1,
                   style: (search.note != nil ? theme[.error] : theme[.dim]).over(body), clip: inner)
        guard let hits = search.hits, !hits.isEmpty else { return }
        let listArea = Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: max(0, inner.height - 3))
        guard listArea.height > 0 else { return }
        let top = max(0, min(search.selection - listArea.height / 2, hits.count - listArea.height))
        for row in 0..<listArea.height {
            let index = top + row
            guard let hit = hits[safe: index], let summary = corpus.summary(of: hit.article) else { break }
            let y = listArea.y + row
            let selected = index == search.selection && !search.isEditing
            let rowStyle = selected ? theme[.selection].over(body) : body
            buffer.fill(Rect(x: listArea.x, y: y, width: listArea.width, height: 1), style: rowStyle)
            var x = buffer.put(selected ? "▸ " : "  ", x: listArea.x + 1, y: y, style: rowStyle, clip: listArea)
            let titleWidth = min(28, max(8, listArea.width / 4))
            x = buffer.put(TextFit.pad(TextFit.truncate(summary.title, to: titleWidth), to: titleWidth) + " ", x: x, y: y,
                           style: theme[.title].over(rowStyle), clip: listArea)
            let place = hit.paragraph.map { "¶\($0 + 1) " } ?? "title "
            x = buffer.put(place, x: x, y: y, style: dim.over(rowStyle), clip: listArea)
            let text = hit.paragraph.flatMap { corpus.article(hit.article)?.paragraphs[safe: $0] } ?? summary.title
            let room = max(4, listArea.maxX - x - 1)
            for piece in SearchSnippet.pieces(text, matches: hit.matches, columns: room) {
                x = buffer.put(piece.text, x: x, y: y, style: piece.isMatch ? theme[.searchMatch].over(rowStyle) : rowStyle, clip: listArea)
            }
        }
    }
}

/// A one-line window of a paragraph around its first search match, cut into
/// plain and matched pieces.
enum SearchSnippet {
    static func pieces(_ text: String, matches: [Range<Int>], columns: Int) -> [(text: String, isMatch: Bool)] {
        let scalars = Array(text.unicodeScalars)
        guard let first = matches.first, first.lowerBound <= scalars.count else {
            return [(TextFit.truncate(text.replacingOccurrences(of: "\n", with: " "), to: columns), false)]
        }
        var start = max(0, first.lowerBound - columns / 4)
        if start > 0, let space = scalars[start..<first.lowerBound].firstIndex(of: " ") { start = space + 1 }
        func slice(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[max(0, range.lowerBound)..<min(scalars.count, range.upperBound)]))
        }
        var pieces: [(String, Bool)] = start > 0 ? [("…", false)] : []
        var used = start > 0 ? 1 : 0
        var index = start
        for range in matches where range.lowerBound >= index && range.upperBound <= scalars.count {
            pieces.append((slice(index..<range.lowerBound), false))
            pieces.append((slice(range), true))
            index = range.upperBound
        }
        pieces.append((slice(index..<scalars.count), false))
        // Fit to the room, by display width.
        var result: [(text: String, isMatch: Bool)] = []
        for (piece, isMatch) in pieces {
            let clean = piece.replacingOccurrences(of: "\n", with: " ")
            let width = DisplayWidth.of(clean)
            if used + width <= columns {
                result.append((clean, isMatch))
                used += width
            } else {
                result.append((TextFit.truncate(clean, to: max(0, columns - used)), isMatch))
                break
            }
        }
        return result
    }
}

// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// `S`: the search prompt, then the matching paragraphs of every article
/// with a snippet each; Enter opens one with the matches marked.
public enum CorpusSearchOverlay: PaneBehaviour, Widget {
    static let title = "Search all articles"
    static let mode = "FIND"

    static func rect(_ layout: ScreenLayout) -> Rect { layout.overlay(widthPercent: 86, heightPercent: 84) }

    /// Below the prompt, its help line and a blank row: the hits.
    static func listArea(_ layout: ScreenLayout) -> Rect { Block.listArea(of: rect(layout), belowHeaderRows: 3) }

    static func pageSize(_ state: BrowserState) -> Int { max(1, listArea(state.screenLayout).height) }

    static func move(_ state: inout BrowserState, by delta: Int) {
        guard case .corpusSearch(var search) = state.overlay else { return }
        search.list.move(by: delta, count: search.hits?.count ?? 0, rows: pageSize(state))
        state.overlay = .corpusSearch(search)
    }

    /// A click on a hit opens it; outside the overlay, closes it.
    static func mouse(_ state: inout BrowserState, _ event: MouseEvent) {
        overlayMouse(&state, event, rect: rect(state.screenLayout)) { state in
            let area = listArea(state.screenLayout)
            guard case .corpusSearch(var search) = state.overlay, area.contains(x: event.x, y: event.y), let hits = search.hits else { return }
            let index = search.list.offset + (event.y - area.y)
            guard hits.indices.contains(index) else { return }
            search.list.selection = index
            state.prompt = nil
            state.overlay = .corpusSearch(search)
            follow(&state)
        }
    }

    /// Enter: the selected hit's article with every match marked.
    static func follow(_ state: inout BrowserState) {
        guard case .corpusSearch(let search) = state.overlay, let hits = search.hits, hits.indices.contains(search.selection) else { return }
        openHit(&state, search.selection, of: hits, query: search.query)
    }

    /// Most hits a corpus search lists.
    static let limit = 1000

    public static func render(_ frame: Frame, into buffer: inout ScreenBuffer, area rect: Rect) {
        let state = frame.state
        guard case .corpusSearch(let search) = state.overlay else { return }
        let isEditing = state.prompt == .corpusSearch
        let theme = state.theme
        let corpus = state.corpus
        var title = "Search all articles"
        if let hits = search.hits { title += " — \(hits.count)\(search.isTruncated ? "+" : "") paragraph\(hits.count == 1 ? "" : "s")" }
        if let listTitle = search.title { title = listTitle }
        Block.draw(title: title, rect: rect, theme: theme, into: &buffer)
        let inner = rect.inset(by: 1)
        let body = theme[.overlay].over(theme[.text])
        let dim = theme[.dim].over(body)
        guard inner.height > 1 else { return }
        let prompt = search.title != nil && !isEditing ? search.query : "S/" + search.query + (isEditing ? "▏" : "")
        buffer.cursor = CursorPosition(x: min(inner.maxX - 1, inner.x + 1 + DisplayWidth.of("S/" + search.query)), y: inner.y)
        buffer.put(TextFit.truncate(prompt, to: inner.width - 2), x: inner.x + 1, y: inner.y,
                   style: (isEditing ? theme[.searchMatch] : theme[.statusKey]).over(body), clip: inner)
        var help = search.note ?? (isEditing ? "words, \"a phrase\", prefix* · Enter searches · Esc closes"
                                                    : "j k move · Enter opens · n N in the reader go on · / edit · S new search · q closes")
        if search.isTruncated && search.note == nil && !isEditing {
            help = "the first \(search.hits?.count ?? 0) matches, in reading order: a narrower search lists the rest · " + help
        }
        buffer.put(TextFit.truncate(help, to: inner.width - 2), x: inner.x + 1, y: inner.y + 1,
                   style: (search.note != nil ? theme[.error] : theme[.dim]).over(body), clip: inner)
        guard let hits = search.hits, !hits.isEmpty else { return }
        let listArea = listArea(state.screenLayout)
        guard listArea.height > 0 else { return }
        let top = search.list.offset
        for row in 0..<listArea.height {
            let index = top + row
            guard let hit = hits[safe: index], let summary = corpus.summary(of: hit.article) else { break }
            let y = listArea.y + row
            let selected = index == search.selection && !isEditing
            let rowStyle = selected ? theme[.selection].over(body) : body
            buffer.fill(Rect(x: listArea.x, y: y, width: listArea.width, height: 1), style: rowStyle)
            var x = buffer.put(selected ? "▸ " : "  ", x: listArea.x + 1, y: y, style: rowStyle, clip: listArea)
            if selected { buffer.cursor = CursorPosition(x: x, y: y) }
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

extension CorpusSearchOverlay {
    /// Articles with hits, in reading order, each once.
    static func hitArticles(_ hits: [SearchHit], corpus: any Corpus) -> [(article: ArticleID, position: Int)] {
        var seen: Set<ArticleID> = []
        var result: [(article: ArticleID, position: Int)] = []
        for hit in hits where seen.insert(hit.article).inserted {
            if let position = corpus.position(of: hit.article) { result.append((hit.article, position)) }
        }
        return result
    }

    /// The reader search that shows a corpus search's matches in one article.
    static func matches(query: String, hits: [SearchHit], in article: ArticleID?) -> TextSearch {
        var search = TextSearch(query: query, corpusHits: hits)
        for hit in hits where hit.article == article {
            guard let paragraph = hit.paragraph else { continue }
            for range in hit.matches { search.matches.append(TextSearch.Match(paragraph: paragraph, start: range.lowerBound, end: range.upperBound)) }
        }
        search.current = search.matches.isEmpty ? nil : 0
        return search
    }

    /// `n` or `N` past this article's matches: on into the next (previous) article with hits.
    static func stepIntoNextArticle(_ state: inout BrowserState, hits: [SearchHit], query: String, forward: Bool) {
        let here = state.articlePosition ?? 0
        let articles = hitArticles(hits, corpus: state.corpus)
        let target = forward ? articles.first { $0.position > here } ?? articles.first
                             : articles.last { $0.position < here } ?? articles.last
        guard let target, let hitIndex = hits.firstIndex(where: { $0.article == target.article }) else { return }
        let lastOfTarget = hits.lastIndex { $0.article == target.article } ?? hitIndex
        openHit(&state, forward ? hitIndex : lastOfTarget, of: hits, query: query, fromEnd: !forward)
        if (forward && target.position <= here) || (!forward && target.position >= here) {
            state.message = StatusMessage(forward ? "Search wrapped to the first article" : "Search wrapped to the last article")
        }
    }

    /// Opens the article of hit `index` with every match of the search marked, the hit's first current.
    static func openHit(_ state: inout BrowserState, _ index: Int, of hits: [SearchHit], query: String, fromEnd: Bool = false) {
        let hit = hits[index]
        if hit.article != state.article {
            state.overlay = nil
            state.open(hit.article)
        }
        state.overlay = nil
        state.focus = .reader
        var search = matches(query: query, hits: hits, in: hit.article)
        if fromEnd {
            search.current = search.matches.isEmpty ? nil : search.matches.count - 1
        } else if let paragraph = hit.paragraph, let first = hit.matches.first {
            search.current = search.matches.firstIndex { $0.paragraph == paragraph && $0.start == first.lowerBound }
        } else {
            // A title hit: n goes to the first match in the text.
            search.current = nil
        }
        state.reader.search = search
        if hit.paragraph == nil {
            state.reader.scroll = 0
            state.message = StatusMessage("Search \(query): in the title · n next · N previous")
        } else if let current = search.current {
            let match = search.matches[current]
            ReaderPane.ensureVisible(&state, paragraph: match.paragraph, offset: match.start)
            state.message = StatusMessage("Search \(query): match \(current + 1) of \(search.matches.count) here · n next · N previous")
        }
    }
}

extension CorpusSearchOverlay {
    /// `S`, `:find TEXT`: the overlay with its prompt open; a query given is run at once.
    static func open(_ state: inout BrowserState, query: String = "") {
        var search = CorpusSearchState()
        search.query = query
        state.overlay = .corpusSearch(search)
        state.prompt = .corpusSearch
        if !query.isEmpty { run(&state) }
    }

    /// `/` over the hits: the prompt again, on the same query.
    static func editQuery(_ state: inout BrowserState) {
        guard case .corpusSearch(var search) = state.overlay else { return }
        search.note = nil
        state.overlay = .corpusSearch(search)
        state.prompt = .corpusSearch
    }

    /// The prompt of `S`: typing edits the query, Enter runs it, ↑↓ go to the hits.
    static func handlePromptKey(_ key: Key, _ state: inout BrowserState) {
        guard case .corpusSearch(var search) = state.overlay else { return }
        switch search.editor.handle(key) {
        case .cancelled:
            // Nothing listed to go back to: close.
            if search.hits?.isEmpty ?? true { state.overlay = nil; return }
            state.prompt = nil
        case .submitted:
            run(&state)
            return
        case .backspaceOnEmpty:
            if search.hits == nil { state.overlay = nil; return }
            state.prompt = nil
        case .edited, .ignored:
            break
        case .moved(let delta):
            state.prompt = nil
            state.overlay = .corpusSearch(search)
            move(&state, by: delta)
            return
        }
        state.overlay = .corpusSearch(search)
    }

    /// Runs the overlay's query: the hits listed, or the prompt kept open with what went wrong.
    static func run(_ state: inout BrowserState) {
        guard case .corpusSearch(var search) = state.overlay else { return }
        defer { state.overlay = .corpusSearch(search) }
        // A typed search replaces a list the overlay was opened with.
        search.title = nil
        guard state.corpus.isSearchReady else {
            search.note = "The search index is still being built (\(state.indexing?.text ?? "indexing")); try again in a moment"
            search.hits = nil
            return
        }
        let query: SearchQuery
        do {
            query = try SearchQuery(search.query)
        } catch {
            search.note = "Cannot search: \(error)"
            search.hits = nil
            return
        }
        var hits = state.corpus.search(query, limit: limit + 1)
        search.isTruncated = hits.count > limit
        if search.isTruncated { hits.removeLast() }
        search.hits = hits
        search.list = ListState()
        search.note = hits.isEmpty ? "No paragraph matches “\(search.query)”" : nil
        state.prompt = hits.isEmpty ? .corpusSearch : nil
    }
}

// SPDX-License-Identifier: Apache-2.0
import LedeText
import LedeModel

/// `/` in the reader: incremental search in the article, `n`/`N` through the
/// matches (and on into other articles after a corpus search).
enum ReaderSearch {
    /// `/`: an empty search, looked for from where the reader is.
    static func start(_ state: inout BrowserState) {
        state.reader.search = TextSearch(query: "")
        state.prompt = .readerSearch(origin: state.reader.scroll)
    }

    /// A key in the search prompt: the query grows or shrinks and the reader follows its first match.
    static func handle(_ key: Key, origin: Int, _ state: inout BrowserState) {
        var editor = LineEditor(state.reader.search?.query ?? "")
        switch editor.handle(key) {
        case .cancelled, .backspaceOnEmpty:
            // As in less and vim: back to where the search started.
            state.prompt = nil
            state.reader.search = nil
            state.reader.scroll = clamp(origin, 0, ReaderPane.maxScroll(state))
        case .submitted:
            state.prompt = nil
            if let search = state.reader.search, search.query.isEmpty { state.reader.search = nil }
        case .edited:
            run(editor.text, from: origin, &state)
        case .moved(let delta):
            step(&state, forward: delta > 0)
        case .ignored:
            break
        }
    }

    /// Finds every match of `query` in the current article (case-insensitive)
    /// and moves to the first one on or after the line `origin` (wrapping to
    /// the first of the article); with no match the reader goes back to `origin`.
    static func run(_ query: String, from origin: Int, _ state: inout BrowserState) {
        var search = TextSearch(query: query)
        search.matches = TextSearch.matches(of: query, in: state.currentArticle)
        let layout = state.readerLayout
        let fromHere = search.matches.firstIndex { (layout.line(paragraph: $0.paragraph, offset: $0.start) ?? 0) >= origin }
        search.current = search.matches.isEmpty ? nil : (fromHere ?? 0)
        state.reader.search = search
        state.reader.scroll = clamp(origin, 0, ReaderPane.maxScroll(state))
        if let current = search.current {
            let match = search.matches[current]
            ReaderPane.ensureVisible(&state, paragraph: match.paragraph, offset: match.start)
            if fromHere == nil { state.message = StatusMessage("Search wrapped to the top") }
        } else if !query.isEmpty {
            state.message = StatusMessage("No match for “\(query)”", isError: true)
        }
    }

    /// Another article is on screen: the search (typed, or from a corpus search) marks its matches there.
    static func refreshForArticle(_ state: inout BrowserState) {
        guard let previous = state.reader.search, !previous.query.isEmpty else { return }
        if let hits = previous.corpusHits {
            state.reader.search = CorpusSearchOverlay.matches(query: previous.query, hits: hits, in: state.article)
            return
        }
        var search = TextSearch(query: previous.query)
        search.matches = TextSearch.matches(of: previous.query, in: state.currentArticle)
        search.current = search.matches.isEmpty ? nil : 0
        state.reader.search = search
    }

    /// `n` and `N`.
    static func step(_ state: inout BrowserState, forward: Bool) {
        guard var search = state.reader.search, !search.query.isEmpty else {
            state.message = StatusMessage("No search: / searches the text, S every article", isError: true)
            return
        }
        let current = search.current ?? -1
        var next = current + (forward ? 1 : -1)
        if let hits = search.corpusHits, next >= search.matches.count || next < 0 {
            CorpusSearchOverlay.stepIntoNextArticle(&state, hits: hits, query: search.query, forward: forward)
            return
        }
        guard !search.matches.isEmpty else {
            state.message = StatusMessage("No match for “\(search.query)”", isError: true)
            return
        }
        if next >= search.matches.count { next = 0; state.message = StatusMessage("Search wrapped to the top") }
        if next < 0 { next = search.matches.count - 1; state.message = StatusMessage("Search wrapped to the bottom") }
        search.current = next
        state.reader.search = search
        let match = search.matches[next]
        ReaderPane.ensureVisible(&state, paragraph: match.paragraph, offset: match.start)
        if state.message == nil { state.message = StatusMessage("Match \(next + 1) of \(search.matches.count)") }
    }
}

extension TextSearch {
    /// Every case-insensitive match of `query` in the article's paragraphs, reading order, not overlapping.
    static func matches(of query: String, in article: Article?) -> [Match] {
        guard let article, !query.isEmpty else { return [] }
        var result: [Match] = []
        let needle = query.lowercased().unicodeScalars.map(Normalisation.plainQuote)
        for (index, paragraph) in article.paragraphs.enumerated() {
            let haystack = paragraph.lowercased().unicodeScalars.map(Normalisation.plainQuote)
            // Lower-casing can change scalar counts (rare: İ); fall back to no matches in that paragraph.
            guard haystack.count == paragraph.unicodeScalars.count, haystack.count >= needle.count else { continue }
            var position = 0
            while position + needle.count <= haystack.count {
                if haystack[position] == needle[0], Array(haystack[position..<(position + needle.count)]) == needle {
                    result.append(Match(paragraph: index, start: position, end: position + needle.count))
                    position += needle.count
                } else {
                    position += 1
                }
            }
        }
        return result
    }
}

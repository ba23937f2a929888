import LedeText
import LedeModel

/// `/` in the reader: incremental search in the article, `n`/`N` through the
/// matches (and on into other articles after a corpus search).
extension BrowserState {
    mutating func startSearch() {
        reader.isEditingSearch = true
        reader.search = TextSearch(query: "")
        reader.searchOrigin = reader.scroll
    }

    mutating func handleSearchKey(_ key: Key) {
        var editor = LineEditor(reader.search?.query ?? "")
        switch editor.handle(key) {
        case .cancelled, .backspaceOnEmpty:
            // As in less and vim: back to where the search started.
            reader.isEditingSearch = false
            reader.search = nil
            if let origin = reader.searchOrigin { reader.scroll = clamp(origin, 0, ReaderPane.maxScroll(self)) }
            reader.searchOrigin = nil
        case .submitted:
            reader.isEditingSearch = false
            reader.searchOrigin = nil
            if let search = reader.search, search.query.isEmpty { reader.search = nil }
        case .edited:
            runSearch(editor.text)
        case .moved(let delta):
            stepSearch(forward: delta > 0)
        case .ignored:
            break
        }
    }

    /// Finds every match of `query` in the current article (case-insensitive)
    /// and moves to the first one on or after the line the search started
    /// from (wrapping to the first of the article); with no match the reader
    /// goes back to where the search started.
    mutating func runSearch(_ query: String) {
        var search = TextSearch(query: query)
        search.matches = TextSearch.matches(of: query, in: currentArticle)
        let origin = reader.searchOrigin ?? reader.scroll
        let layout = readerLayout
        let fromHere = search.matches.firstIndex { (layout.line(paragraph: $0.paragraph, offset: $0.start) ?? 0) >= origin }
        search.current = search.matches.isEmpty ? nil : (fromHere ?? 0)
        reader.search = search
        if let current = search.current {
            let match = search.matches[current]
            if reader.searchOrigin != nil { reader.scroll = clamp(origin, 0, ReaderPane.maxScroll(self)) }
            ReaderPane.ensureVisible(&self, paragraph: match.paragraph, offset: match.start)
            if fromHere == nil { message = StatusMessage("Search wrapped to the top") }
        } else {
            if reader.searchOrigin != nil { reader.scroll = clamp(origin, 0, ReaderPane.maxScroll(self)) }
            if !query.isEmpty { message = StatusMessage("No match for “\(query)”", isError: true) }
        }
    }

    /// Another article is on screen: the search (typed, or from a corpus search) marks its matches there.
    mutating func refreshSearchForArticle() {
        guard let previous = reader.search, !previous.query.isEmpty else { return }
        if let hits = previous.corpusHits {
            reader.search = CorpusSearchOverlay.matches(query: previous.query, hits: hits, in: article)
            return
        }
        var search = TextSearch(query: previous.query)
        search.matches = TextSearch.matches(of: previous.query, in: currentArticle)
        search.current = search.matches.isEmpty ? nil : 0
        reader.search = search
    }

    /// `n` and `N`.
    mutating func stepSearch(forward: Bool) {
        guard var search = reader.search, !search.query.isEmpty else {
            message = StatusMessage("No search: / searches the text, S every article", isError: true)
            return
        }
        let current = search.current ?? -1
        var next = current + (forward ? 1 : -1)
        if let hits = search.corpusHits, next >= search.matches.count || next < 0 {
            CorpusSearchOverlay.stepIntoNextArticle(&self, hits: hits, query: search.query, forward: forward)
            return
        }
        guard !search.matches.isEmpty else {
            message = StatusMessage("No match for “\(search.query)”", isError: true)
            return
        }
        if next >= search.matches.count { next = 0; message = StatusMessage("Search wrapped to the top") }
        if next < 0 { next = search.matches.count - 1; message = StatusMessage("Search wrapped to the bottom") }
        search.current = next
        reader.search = search
        let match = search.matches[next]
        ReaderPane.ensureVisible(&self, paragraph: match.paragraph, offset: match.start)
        if message == nil { message = StatusMessage("Match \(next + 1) of \(search.matches.count)") }
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

// SPDX-License-Identifier: Apache-2.0
import LedeText
import LedeModel

/// Moving between articles and back: jumps remember where the reader was,
/// `⌫` and `C-o`-style forward walk that history, and each article reopens
/// where it was left.
extension BrowserState {
    /// Moves the reader to a mention, remembering where we were.
    public mutating func jump(to mentionID: MentionID, highlightSentence: Bool = false) {
        guard let target = corpus.mention(mentionID) else { return }
        if let here = location { history.append(here) }
        future.removeAll()
        if target.article != article {
            if let here = location { readingPositions[here.article] = here }
            article = target.article
            reader.scroll = 0
            // `&` stays on across articles; below, it goes off only if it would hide the target.
            ReaderSearch.refreshForArticle(&self)
        }
        overlay = nil
        focus = .reader
        reader.focusedMention = mentionID
        reader.highlightedSentence = nil
        if highlightSentence, let paragraph = currentArticle?.paragraphs[safe: target.paragraph] {
            let scalars = Array(paragraph.unicodeScalars)
            if let sentence = Sentences.ranges(in: scalars).first(where: { $0.contains(target.start) }) {
                reader.highlightedSentence = TextSearch.Match(paragraph: target.paragraph, start: sentence.lowerBound, end: sentence.upperBound)
            }
        }
        if let shown = visibleParagraphs, !shown.contains(target.paragraph) { reader.onlyMentioningParagraphs = false }
        ReaderPane.ensureFocusedMentionVisible(&self)
    }

    mutating func restore(_ place: Location) {
        let articleChanged = place.article != article
        article = place.article
        reader.scroll = place.scroll
        reader.focusedMention = place.focusedMention
        reader.highlightedSentence = nil
        focus = place.focus
        overlay = nil
        if articleChanged { ReaderSearch.refreshForArticle(&self) }
        clampScrolls()
    }

    /// Opens an article where the reader last left it, remembering where we were.
    mutating func open(_ target: ArticleID) {
        if let here = location {
            history.append(here)
            readingPositions[here.article] = here
        }
        future.removeAll()
        article = target
        // The search and `&` carry over to the next article; the place in it is its own.
        resetReader(ReaderState(search: reader.search, onlyMentioningParagraphs: reader.onlyMentioningParagraphs))
        if let saved = readingPositions[target] {
            reader.scroll = saved.scroll
            reader.focusedMention = saved.focusedMention
        } else if let path = corpus.summary(of: target)?.path {
            // Where an earlier session left it.
            restorePlace(of: path)
        }
        ReaderSearch.refreshForArticle(&self)
        if timeline.onlyCurrentArticle {
            timeline.selected = timelineModel.releases.first?.model
            timeline.scroll = 0
        }
        SidebarPane.reselect(&self)
        clampScrolls()
        message = StatusMessage("Article \((articlePosition ?? 0) + 1) of \(corpus.articleCount)")
    }

    /// After a resize or a change of corpus: every scroll and selection back in range.
    mutating func clampScrolls() {
        reader.scroll = clamp(reader.scroll, 0, ReaderPane.maxScroll(self))
        ReaderPane.ensureFocusedMentionVisible(&self)
        SidebarPane.keepSelectionVisible(&self)
        TimelinePane.move(&self, by: 0)
        if overlay != nil { activePane.behaviour.move(&self, by: 0) }
    }
}

/// `⌫` / `L` along the jump history and `}` / `{` through the articles.
enum History {
    static func back(_ state: inout BrowserState) {
        walk(&state, from: \.history, to: \.future, orSay: "Nothing to go back to")
    }

    static func forward(_ state: inout BrowserState) {
        walk(&state, from: \.future, to: \.history, orSay: "Nothing to go forward to")
    }

    /// One step along the history: the last place of one list, this one kept on the other.
    private static func walk(_ state: inout BrowserState, from places: WritableKeyPath<BrowserState, [Location]>,
                             to others: WritableKeyPath<BrowserState, [Location]>, orSay nothing: String) {
        guard let place = state[keyPath: places].popLast() else {
            state.message = StatusMessage(nothing, isError: true)
            return
        }
        if let here = state.location { state[keyPath: others].append(here) }
        state.restore(place)
    }

    static func switchArticle(_ state: inout BrowserState, by delta: Int) {
        guard let position = state.articlePosition else { return }
        guard let target = state.corpus.articleID(at: position + delta) else {
            state.message = StatusMessage(delta > 0 ? "This is the last article" : "This is the first article", isError: true)
            return
        }
        state.open(target)
    }
}

// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// The article text: scrolling, mentions in reading order, `]`/`[` across
/// articles, Enter for the dossier, clicks on mentions.
enum ReaderPane: PaneBehaviour {
    static let title = "Reader"
    static let mode = "READ"

    static func pageSize(_ state: BrowserState) -> Int { state.screenLayout.readerText.height }

    static func maxScroll(_ state: BrowserState) -> Int {
        max(0, state.readerLayout.lines.count - state.screenLayout.readerText.height)
    }

    static func move(_ state: inout BrowserState, by delta: Int) {
        state.reader.scroll = clamp(state.reader.scroll.addingReportingOverflow(delta).partialValue, 0, maxScroll(state))
    }

    /// Enter: the dossier of the focused mention's entity, on that mention.
    static func follow(_ state: inout BrowserState) {
        guard let focused = state.reader.focusedMention, let mention = state.corpus.mention(focused) else {
            state.message = StatusMessage("No mention focused: Tab moves to one", isError: true)
            return
        }
        let position = state.mentionList(of: mention.entity).index(of: focused, corpus: state.corpus) ?? 0
        DossierOverlay.open(&state, entity: mention.entity, selection: position)
    }

    static func mouse(_ state: inout BrowserState, _ event: MouseEvent) {
        switch event.kind {
        case .wheelUp: move(&state, by: -3)
        case .wheelDown: move(&state, by: 3)
        case .click:
            state.focus = .reader
            if let mention = mention(atScreenX: event.x, y: event.y, in: state) {
                state.reader.focusedMention = mention
                follow(&state)
            }
        }
    }

    /// The mention drawn at a screen cell of the reader, if any (a concept before a model that holds it).
    static func mention(atScreenX x: Int, y: Int, in state: BrowserState) -> MentionID? {
        let text = state.screenLayout.readerText
        let lineIndex = state.reader.scroll + (y - text.y)
        guard let line = state.readerLayout.lines[safe: lineIndex], let paragraph = line.paragraph else { return nil }
        var column = text.x
        for (index, width) in line.widths.enumerated() {
            if x < column + Int(width) {
                let offset = line.offsets[index]
                let here = state.currentMentions.filter { $0.paragraph == paragraph && $0.start <= offset && offset < $0.end }
                return (here.first { state.corpus.entity($0.entity)?.type != .model } ?? here.first)?.id
            }
            column += Int(width)
        }
        return nil
    }

    static func ensureFocusedMentionVisible(_ state: inout BrowserState) {
        guard let focused = state.reader.focusedMention, focused.article == state.article, let mention = state.corpus.mention(focused) else { return }
        ensureVisible(&state, paragraph: mention.paragraph, offset: mention.start)
    }

    /// Scrolls so that a place of the text is on screen, a third of the way down, if it is not.
    static func ensureVisible(_ state: inout BrowserState, paragraph: Int, offset: Int) {
        guard let line = state.readerLayout.line(paragraph: paragraph, offset: offset) else { return }
        let rows = state.screenLayout.readerText.height
        if line < state.reader.scroll || line >= state.reader.scroll + rows {
            state.reader.scroll = clamp(line - rows / 3, 0, maxScroll(state))
        }
    }
}

// MARK: - Mentions

extension ReaderPane {
    /// Tab and S-Tab: the next mention in reading order among those the filter leaves, from what is on screen.
    static func stepMention(_ state: inout BrowserState, forward: Bool) {
        let candidates = state.navigableMentions
        guard !candidates.isEmpty else {
            state.message = StatusMessage(noMentionToStepTo(state), isError: true)
            return
        }
        let next: Mention
        if let current = state.reader.focusedMention, let position = candidates.firstIndex(where: { $0.id == current }), state.isOnScreen(current) {
            let target = position + (forward ? 1 : -1)
            if target >= candidates.count { next = candidates[0]; state.message = StatusMessage("Wrapped to the first mention") }
            else if target < 0 { next = candidates[candidates.count - 1]; state.message = StatusMessage("Wrapped to the last mention") }
            else { next = candidates[target] }
        } else {
            // Start from what is on screen.
            let layout = state.readerLayout
            let scroll = state.reader.scroll
            let onScreen = candidates.firstIndex { mention in
                (layout.line(paragraph: mention.paragraph, offset: mention.start) ?? -1) >= scroll
            }
            if forward {
                next = onScreen.map { candidates[$0] } ?? candidates[0]
            } else {
                next = onScreen.flatMap { $0 > 0 ? candidates[$0 - 1] : nil } ?? candidates[candidates.count - 1]
            }
        }
        state.reader.focusedMention = next.id
        state.reader.highlightedSentence = nil
        ensureFocusedMentionVisible(&state)
    }

    /// Why Tab finds nothing: still linking, hidden types, the filter, or no mentions at all.
    static func noMentionToStepTo(_ state: BrowserState) -> String {
        let sidebar = state.sidebar
        let mentions = state.currentMentions
        if state.indexing != nil && mentions.isEmpty { return "No mentions yet: the index is still linking" }
        if !mentions.isEmpty && sidebar.filter.isEmpty && !sidebar.hiddenTypes.isEmpty {
            return "The hidden entity types hide every mention here: 1–5 in the entity sidebar show them"
        }
        if !mentions.isEmpty {
            return "No mention here passes the entity filter" + (sidebar.filter.isEmpty ? "" : " “\(sidebar.filter)”") + " — Esc clears it"
        }
        return "No mentions in this article"
    }

    /// `]` and `[`: the entity's next mention in reading order, in this article or the next that names it.
    static func stepSameEntity(_ state: inout BrowserState, forward: Bool) {
        let corpus = state.corpus
        guard let entity = state.entityForSameEntitySteps, let info = corpus.entity(entity) else {
            state.message = StatusMessage("No entity selected: Tab to a mention or pick one in the sidebar", isError: true)
            return
        }
        let list = state.mentionList(of: entity)
        guard !list.isEmpty else {
            state.message = StatusMessage(state.indexing != nil ? "\(info.label): no mention linked yet (still indexing)"
                                                                : "\(info.label) is not mentioned in the text", isError: true)
            return
        }
        var targetIndex: Int
        if let current = state.reader.focusedMention, corpus.mention(current)?.entity == entity, let index = list.index(of: current, corpus: corpus) {
            targetIndex = index + (forward ? 1 : -1)
            if targetIndex >= list.count { targetIndex = 0; state.message = StatusMessage("Wrapped to the first mention of \(info.label)") }
            else if targetIndex < 0 { targetIndex = list.count - 1; state.message = StatusMessage("Wrapped to the last mention of \(info.label)") }
        } else {
            // From the current reading position: this article's first mention on, or the last one before it.
            let here = state.articlePosition ?? 0
            let postings = list.postings
            let firstHereOrLater = list.firstPosting(atOrAfter: here, corpus: corpus)
            if forward {
                targetIndex = firstHereOrLater.map(list.firstIndex(ofPosting:)) ?? 0
            } else {
                let before = (firstHereOrLater ?? postings.count) - 1
                targetIndex = before >= 0 ? list.firstIndex(ofPosting: before) + postings[before].mentions - 1 : list.count - 1
            }
        }
        guard let target = list.mention(at: targetIndex, corpus: corpus) else { return }
        let crossed = target.article != state.article
        state.jump(to: target.id)
        if crossed, state.message == nil, let title = corpus.summary(of: target.article)?.title {
            state.message = StatusMessage("In “\(TextFit.truncate(title, to: 50))”")
        }
        if state.message == nil { state.message = StatusMessage("\(info.label): mention \(targetIndex + 1) of \(list.count)") }
    }
}

extension BrowserState {
    /// Whether a mention of the current article is on the visible page.
    func isOnScreen(_ mention: MentionID) -> Bool {
        guard mention.article == article, let target = corpus.mention(mention),
              let line = readerLayout.line(paragraph: target.paragraph, offset: target.start) else { return false }
        return line >= reader.scroll && line < reader.scroll + screenLayout.readerText.height
    }
}

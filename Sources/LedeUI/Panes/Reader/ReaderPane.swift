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

extension BrowserState {
    /// Tab and S-Tab: the next mention in reading order among those the filter leaves, from what is on screen.
    mutating func stepMention(forward: Bool) {
        let candidates = navigableMentions
        guard !candidates.isEmpty else {
            let text: String
            if indexing != nil && currentMentions.isEmpty {
                text = "No mentions yet: the index is still linking"
            } else if !currentMentions.isEmpty && sidebar.filter.isEmpty && !sidebar.hiddenTypes.isEmpty {
                text = "The hidden entity types hide every mention here: 1–5 in the entity sidebar show them"
            } else if !currentMentions.isEmpty {
                text = "No mention here passes the entity filter" + (sidebar.filter.isEmpty ? "" : " “\(sidebar.filter)”") + " — Esc clears it"
            } else {
                text = "No mentions in this article"
            }
            message = StatusMessage(text, isError: true)
            return
        }
        let next: Mention
        if let current = reader.focusedMention, let position = candidates.firstIndex(where: { $0.id == current }), isOnScreen(current) {
            let target = position + (forward ? 1 : -1)
            if target >= candidates.count { next = candidates[0]; message = StatusMessage("Wrapped to the first mention") }
            else if target < 0 { next = candidates[candidates.count - 1]; message = StatusMessage("Wrapped to the last mention") }
            else { next = candidates[target] }
        } else {
            // Start from what is on screen.
            let layout = readerLayout
            let onScreen = candidates.firstIndex { mention in
                (layout.line(paragraph: mention.paragraph, offset: mention.start) ?? -1) >= reader.scroll
            }
            if forward {
                next = onScreen.map { candidates[$0] } ?? candidates[0]
            } else {
                next = onScreen.flatMap { $0 > 0 ? candidates[$0 - 1] : nil } ?? candidates[candidates.count - 1]
            }
        }
        reader.focusedMention = next.id
        reader.highlightedSentence = nil
        ReaderPane.ensureFocusedMentionVisible(&self)
    }

    /// Whether a mention of the current article is on the visible page.
    func isOnScreen(_ mention: MentionID) -> Bool {
        guard mention.article == article, let target = corpus.mention(mention),
              let line = readerLayout.line(paragraph: target.paragraph, offset: target.start) else { return false }
        return line >= reader.scroll && line < reader.scroll + screenLayout.readerText.height
    }

    /// `]` and `[`: the entity's next mention in reading order, in this article or the next that names it.
    mutating func stepSameEntity(forward: Bool) {
        guard let entity = entityForSameEntitySteps, let info = corpus.entity(entity) else {
            message = StatusMessage("No entity selected: Tab to a mention or pick one in the sidebar", isError: true)
            return
        }
        let list = mentionList(of: entity)
        guard !list.isEmpty else {
            message = StatusMessage(indexing != nil ? "\(info.label): no mention linked yet (still indexing)"
                                                    : "\(info.label) is not mentioned in the text", isError: true)
            return
        }
        var targetIndex: Int
        if let current = reader.focusedMention, corpus.mention(current)?.entity == entity, let index = list.index(of: current, corpus: corpus) {
            targetIndex = index + (forward ? 1 : -1)
            if targetIndex >= list.count { targetIndex = 0; message = StatusMessage("Wrapped to the first mention of \(info.label)") }
            else if targetIndex < 0 { targetIndex = list.count - 1; message = StatusMessage("Wrapped to the last mention of \(info.label)") }
        } else {
            // From the current reading position: this article's first mention on, or the last one before it.
            let here = articlePosition ?? 0
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
        let crossed = target.article != article
        jump(to: target.id)
        if crossed, message == nil, let title = corpus.summary(of: target.article)?.title {
            message = StatusMessage("In “\(TextFit.truncate(title, to: 50))”")
        }
        if message == nil { message = StatusMessage("\(info.label): mention \(targetIndex + 1) of \(list.count)") }
    }
}

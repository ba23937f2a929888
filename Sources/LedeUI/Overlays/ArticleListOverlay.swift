import LedeModel

/// `A`: every loaded article in load order, with its date, title and
/// mention count; Enter opens one.
public enum ArticleListOverlay: PaneBehaviour, Widget {
    static let title = "Articles"
    static let mode = "ARTICLES"

    static func rect(_ layout: ScreenLayout) -> Rect { layout.overlay(widthPercent: 86, heightPercent: 80) }

    static func pageSize(_ state: BrowserState) -> Int { max(1, rect(state.screenLayout).inset(by: 1).height) }

    /// `A`: opens on the current article, in the middle of the list.
    static func open(_ state: inout BrowserState) {
        let position = state.articlePosition ?? 0
        state.overlay = .articles(ListState(selection: position, offset: max(0, position - pageSize(state) / 2)))
        move(&state, by: 0)
    }

    static func move(_ state: inout BrowserState, by delta: Int) {
        guard case .articles(var list) = state.overlay else { return }
        list.move(by: delta, count: state.corpus.articleCount, rows: pageSize(state))
        state.overlay = .articles(list)
    }

    /// A click on a row opens that article; a click outside the list closes it.
    static func mouse(_ state: inout BrowserState, _ event: MouseEvent) {
        let inner = rect(state.screenLayout).inset(by: 1)
        overlayMouse(&state, event, rect: rect(state.screenLayout)) { state in
            guard case .articles(var list) = state.overlay, inner.contains(x: event.x, y: event.y) else { return }
            let row = list.offset + (event.y - inner.y)
            guard row < state.corpus.articleCount else { return }
            list.selection = row
            state.overlay = .articles(list)
            follow(&state)
        }
    }

    /// Enter: the selected article, where it was left.
    static func follow(_ state: inout BrowserState) {
        guard case .articles(let list) = state.overlay, let target = state.corpus.articleID(at: list.selection) else { return }
        state.overlay = nil
        // The article is what the reader came for, whatever pane had focus.
        state.focus = .reader
        if target != state.article { state.open(target) }
    }

    public static func render(_ frame: Frame, into buffer: inout ScreenBuffer, area rect: Rect) {
        let state = frame.state
        guard case .articles(let list) = state.overlay else { return }
        let theme = state.theme
        let corpus = state.corpus
        let count = corpus.articleCount
        Block.draw(title: "Articles (\(count))  N new · Enter opens · q closes", rect: rect, theme: theme, into: &buffer)
        let inner = rect.inset(by: 1)
        let body = theme[.overlay].over(theme[.text])
        guard inner.height > 0 else { return }
        // The count column's heading sits on the top border, over the column, where the title leaves room.
        let heading = " mentions "
        let headingX = inner.maxX - DisplayWidth.of(heading)
        if headingX > rect.x + 2 + DisplayWidth.of("Articles (\(count))  N new · Enter opens · q closes") + 4 {
            buffer.put(heading, x: headingX, y: rect.y, style: theme[.dim].over(body), clip: rect)
        }
        let top = list.offset
        let selection = list.selection
        let current = state.articlePosition
        for row in 0..<inner.height {
            let index = top + row
            guard let id = corpus.articleID(at: index), let article = corpus.summary(of: id) else { break }
            let y = inner.y + row
            let rowStyle = index == selection ? theme[.selection].over(body) : body
            if index == selection { buffer.cursor = CursorPosition(x: inner.x + 3, y: inner.y + row) }
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: rowStyle)
            // ● on screen; N never opened (here or in an earlier session), as newsboat marks new items.
            let mark = index == current ? "● " : (state.isRead(article.path) ? "  " : "N ")
            var x = buffer.put(mark + TextFit.pad(article.published?.description ?? "undated", to: 11),
                               x: inner.x + 1, y: y, style: theme[.dim].over(rowStyle), clip: inner)
            let mentions = "\(article.mentionCount)"
            let titleWidth = max(1, inner.maxX - x - mentions.count - 2)
            x = buffer.put(TextFit.truncate(article.title, to: titleWidth), x: x, y: y, style: theme[.title].over(rowStyle), clip: inner)
            buffer.put(mentions, x: inner.maxX - mentions.count - 1, y: y, style: theme[.dim].over(rowStyle), clip: inner)
        }
    }
}


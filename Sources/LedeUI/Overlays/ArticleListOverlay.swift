// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// The article list's own state: the selection among its rows, how the rows
/// are ordered and what the filter kept. `rows` is nil in reading order with
/// no filter: then row n is the nth article, with nothing to compute.
public struct ArticleListState: Hashable, Sendable {
    public var list = ListState()
    public var order: ArticleOrder = .reading
    public var filter = ""
    public var rows: [ArticleID]?

    public init(list: ListState = ListState()) { self.list = list }

    public var selection: Int { list.selection }

    func count(in corpus: any Corpus) -> Int { rows?.count ?? corpus.articleCount }

    func article(at row: Int, in corpus: any Corpus) -> ArticleID? {
        if let rows { return rows[safe: row] }
        return corpus.articleID(at: row)
    }

    func row(of article: ArticleID, in corpus: any Corpus) -> Int? {
        if let rows { return rows.firstIndex(of: article) }
        return corpus.position(of: article)
    }
}

/// `A`: every loaded article with its date, title and mention count; `s`
/// changes the order (reading, newest, title, author, mentions), `/` filters
/// by title or author as you type; Enter opens one.
public enum ArticleListOverlay: PaneBehaviour, Widget {
    static let title = "Articles"
    static let mode = "ARTICLES"

    static func rect(_ layout: ScreenLayout) -> Rect { layout.overlay(widthPercent: 86, heightPercent: 80) }

    static func pageSize(_ state: BrowserState) -> Int { max(1, rect(state.screenLayout).inset(by: 1).height) }

    /// `A`: opens on the current article, in the middle of the list.
    static func open(_ state: inout BrowserState) {
        let position = state.articlePosition ?? 0
        state.overlay = .articles(ArticleListState(list: ListState(selection: position, offset: max(0, position - pageSize(state) / 2))))
        move(&state, by: 0)
    }

    static func move(_ state: inout BrowserState, by delta: Int) {
        guard case .articles(var articles) = state.overlay else { return }
        articles.list.move(by: delta, count: articles.count(in: state.corpus), rows: pageSize(state))
        state.overlay = .articles(articles)
    }

    /// `s`: the next order, keeping the selected article selected.
    static func cycleOrder(_ state: inout BrowserState) {
        guard case .articles(var articles) = state.overlay else { return }
        articles.order = articles.order.next
        reorder(&state, &articles)
        state.message = StatusMessage("Articles: \(articles.order.label)")
    }

    /// After the order or the filter changed: the rows again, the same article selected if it is still listed.
    static func reorder(_ state: inout BrowserState, _ articles: inout ArticleListState) {
        let selected = articles.article(at: articles.selection, in: state.corpus)
        articles.rows = articles.order == .reading && articles.filter.isEmpty
            ? nil : state.corpus.articleList(order: articles.order, filter: articles.filter)
        let row = selected.flatMap { articles.row(of: $0, in: state.corpus) } ?? 0
        articles.list = ListState(selection: row, offset: max(0, row - pageSize(state) / 2))
        state.overlay = .articles(articles)
        move(&state, by: 0)
    }

    /// A click on a row opens that article; a click outside the list closes it.
    static func mouse(_ state: inout BrowserState, _ event: MouseEvent) {
        let inner = rect(state.screenLayout).inset(by: 1)
        overlayMouse(&state, event, rect: rect(state.screenLayout)) { state in
            guard case .articles(var articles) = state.overlay, inner.contains(x: event.x, y: event.y) else { return }
            let row = articles.list.offset + (event.y - inner.y)
            guard row < articles.count(in: state.corpus) else { return }
            articles.list.selection = row
            state.overlay = .articles(articles)
            follow(&state)
        }
    }

    /// Enter: the selected article, where it was left.
    static func follow(_ state: inout BrowserState) {
        guard case .articles(let articles) = state.overlay, let target = articles.article(at: articles.selection, in: state.corpus) else { return }
        state.overlay = nil
        // The article is what the reader came for, whatever pane had focus.
        state.focus = .reader
        if target != state.article { state.open(target) }
    }

    public static func render(_ frame: Frame, into buffer: inout ScreenBuffer, area rect: Rect) {
        let state = frame.state
        guard case .articles(let articles) = state.overlay else { return }
        let list = articles.list
        let theme = state.theme
        let corpus = state.corpus
        let count = articles.count(in: corpus)
        var title = articles.rows == nil ? "Articles (\(count))" : "Articles (\(count) of \(corpus.articleCount))"
        if articles.order != .reading { title += " · " + articles.order.label }
        let isFiltering = state.isFiltering(.articles)
        if isFiltering || !articles.filter.isEmpty { title += " · /" + articles.filter + (isFiltering ? "▏" : "") }
        title += "  N new · s order · / filter · Enter opens"
        Block.draw(title: title, rect: rect, theme: theme, into: &buffer)
        let inner = rect.inset(by: 1)
        let body = theme[.overlay].over(theme[.text])
        guard inner.height > 0 else { return }
        // The count column's heading sits on the top border, over the column, where the title leaves room.
        let heading = " mentions "
        let headingX = inner.maxX - DisplayWidth.of(heading)
        if headingX > rect.x + 2 + DisplayWidth.of(title) + 4 {
            buffer.put(heading, x: headingX, y: rect.y, style: theme[.dim].over(body), clip: rect)
        }
        let top = list.offset
        let selection = list.selection
        for row in 0..<inner.height {
            let index = top + row
            guard let id = articles.article(at: index, in: corpus), let article = corpus.summary(of: id) else { break }
            let y = inner.y + row
            let rowStyle = index == selection ? theme[.selection].over(body) : body
            if index == selection { buffer.cursor = CursorPosition(x: inner.x + 3, y: inner.y + row) }
            buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: rowStyle)
            // ● on screen; N never opened (here or in an earlier session), as newsboat marks new items.
            let mark = id == state.article ? "● " : (state.isRead(article.path) ? "  " : "N ")
            var x = buffer.put(mark + TextFit.pad(article.published?.description ?? "undated", to: 11),
                               x: inner.x + 1, y: y, style: theme[.dim].over(rowStyle), clip: inner)
            let mentions = "\(article.mentionCount)"
            let titleWidth = max(1, inner.maxX - x - mentions.count - 2)
            x = buffer.put(TextFit.truncate(article.title, to: titleWidth), x: x, y: y, style: theme[.title].over(rowStyle), clip: inner)
            buffer.put(mentions, x: inner.maxX - mentions.count - 1, y: y, style: theme[.dim].over(rowStyle), clip: inner)
        }
    }
}


extension ArticleListOverlay: FilterableList {
    static func filter(_ state: BrowserState) -> String {
        if case .articles(let articles) = state.overlay { articles.filter } else { "" }
    }

    /// Each key narrows or widens the list at once, the selected article kept if it is still listed.
    static func applyFilter(_ text: String, _ state: inout BrowserState) -> String? {
        guard case .articles(var articles) = state.overlay else { return nil }
        articles.filter = text
        reorder(&state, &articles)
        return articles.count(in: state.corpus) == 0 ? "No article title or author contains “\(text)”" : nil
    }
}

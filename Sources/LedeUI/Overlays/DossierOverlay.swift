// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Enter on a mention: the entity, its names, and every mention in every
/// loaded article with its sentence. Enter jumps to the selected one.
public enum DossierOverlay: PaneBehaviour, Widget {
    static let title = "Dossier"
    static let mode = "DOSSIER"

    static func rect(_ layout: ScreenLayout) -> Rect { layout.overlay(widthPercent: 86, heightPercent: 84) }

    /// Below the names, the counts and the mentions over time: the rows of articles and mentions.
    static func listArea(_ layout: ScreenLayout) -> Rect { Block.listArea(of: rect(layout), belowHeaderRows: 4) }

    static func pageSize(_ state: BrowserState) -> Int { max(1, listArea(state.screenLayout).height) }

    /// Opens on one of the entity's mentions, its row in the middle of the list.
    static func open(_ state: inout BrowserState, entity: EntityID, selection: Int) {
        var dossier = DossierState(entity: entity, selection: selection)
        dossier.list.offset = max(0, row(ofMention: selection, in: state.mentionList(of: entity)) - pageSize(state) / 2)
        state.overlay = .dossier(dossier)
        move(&state, by: 0)
    }

    /// The row of a mention: one heading row before each article's mentions.
    static func row(ofMention index: Int, in list: EntityMentionList) -> Int {
        index + (list.posting(containing: index)?.posting ?? 0) + 1
    }

    static func move(_ state: inout BrowserState, by delta: Int) {
        guard case .dossier(var dossier) = state.overlay else { return }
        let list = state.dossierList(dossier)
        dossier.list.selection = clamp(dossier.selection.addingReportingOverflow(delta).partialValue, 0, max(0, list.count - 1))
        dossier.list.scrollIntoView(row: row(ofMention: dossier.selection, in: list), rows: pageSize(state),
                                    count: list.count + list.articleCount)
        state.overlay = .dossier(dossier)
    }

    /// A click on a mention's row jumps there; on an article's heading, to its first mention; outside, closes.
    static func mouse(_ state: inout BrowserState, _ event: MouseEvent) {
        overlayMouse(&state, event, rect: rect(state.screenLayout)) { state in
            let area = listArea(state.screenLayout)
            guard case .dossier(var dossier) = state.overlay, area.contains(x: event.x, y: event.y) else { return }
            let list = state.dossierList(dossier)
            guard let item = DossierRows.item(atRow: dossier.list.offset + (event.y - area.y), in: list) else { return }
            dossier.list.selection = list.firstIndex(ofPosting: item.posting) + (item.offset ?? 0)
            state.overlay = .dossier(dossier)
            follow(&state)
        }
    }

    /// Enter: the selected mention in its article.
    static func follow(_ state: inout BrowserState) {
        guard case .dossier(let dossier) = state.overlay,
              let mention = state.dossierList(dossier).mention(at: dossier.selection, corpus: state.corpus) else { return }
        state.jump(to: mention.id)
    }

    public static func render(_ frame: Frame, into buffer: inout ScreenBuffer, area rect: Rect) {
        let state = frame.state
        guard case .dossier(let dossier) = state.overlay else { return }
        let theme = state.theme
        let corpus = state.corpus
        guard let entity = corpus.entity(dossier.entity) else { return }
        var title = "\(entity.label) — \(entity.type.displayName.lowercased())"
        let isFiltering = state.isFiltering(.dossier)
        if isFiltering || !dossier.filter.isEmpty { title += " · /" + dossier.filter + (isFiltering ? "▏" : "") }
        Block.draw(title: title, rect: rect, theme: theme, into: &buffer)
        let inner = rect.inset(by: 1)
        let body = theme[.overlay].over(theme[.text])
        let dim = theme[.dim].over(body)
        let list = state.dossierList(dossier)
        var y = inner.y
        let names = entity.names.isEmpty ? entity.label : DossierOverlay.distinctNames(entity.names).joined(separator: ", ")
        buffer.put(TextFit.truncate("Names: \(names)", to: inner.width - 2), x: inner.x + 1, y: y, style: body, clip: inner)
        y += 1
        var about = "\(list.count) mention\(list.count == 1 ? "" : "s") in \(list.articleCount) article\(list.articleCount == 1 ? "" : "s")"
        about += entity.type == .model ? " · \(entity.organisation ?? "unknown organisation")" : " · \(entity.source.rawValue)"
        if !entity.predicates.isEmpty { about += " (\(entity.predicates.joined(separator: ", ")))" }
        if state.indexing != nil { about += " · still indexing: counts so far" }
        buffer.put(TextFit.truncate(about, to: inner.width - 2), x: inner.x + 1, y: y, style: dim, clip: inner)
        y += 1
        if y < inner.maxY { drawMentionsOverTime(state.mentionHistogram(of: entity.id), type: entity.type, state: state, y: y, inner: inner, into: &buffer) }
        let listArea = listArea(state.screenLayout)
        guard listArea.height > 0, !list.isEmpty else { return }
        // Rows: an article heading before each article's mentions. Only the
        // rows on screen are fetched, so an entity named in every article of
        // a large corpus opens as fast as one named once.
        let selection = min(dossier.selection, list.count - 1)
        let top = dossier.list.offset
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
            if selected { buffer.cursor = CursorPosition(x: listArea.x + 3, y: rowY) }
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

extension DossierOverlay {
    /// The line under the counts: when the entity is mentioned, as a sparkline (a sentence in accessible mode).
    static func drawMentionsOverTime(_ histogram: MentionHistogram, type: EntityType, state: BrowserState, y: Int, inner: Rect, into buffer: inout ScreenBuffer) {
        let theme = state.theme
        let body = theme[.overlay].over(theme[.text])
        var x = inner.x + 1
        for segment in MentionTimelineLine.segments(histogram, width: inner.width - 2, accessible: state.accessible) {
            let style: Style = switch segment.kind {
            case .text: body
            case .dim: theme[.dim].over(body)
            case .spark: Style(foreground: theme.style(for: type).foreground).over(body)
            }
            x = buffer.put(segment.text, x: x, y: y, style: style, clip: inner)
        }
    }
}

extension BrowserState {
    /// The dossier's mentions: every one, or those in the articles its filter kept.
    func dossierList(_ dossier: DossierState) -> EntityMentionList {
        guard let kept = dossier.keptPostings else { return mentionList(of: dossier.entity) }
        return EntityMentionList(entity: dossier.entity, postings: kept)
    }
}

extension DossierOverlay: FilterableList {
    static func filter(_ state: BrowserState) -> String {
        if case .dossier(let dossier) = state.overlay { dossier.filter } else { "" }
    }

    /// `/` in the dossier: each key keeps the articles whose title contains the text, at once.
    static func applyFilter(_ text: String, _ state: inout BrowserState) -> String? {
        guard case .dossier(var dossier) = state.overlay else { return nil }
        dossier.filter = text
        let needle = text.lowercased()
        dossier.keptPostings = needle.isEmpty ? nil : state.mentionList(of: dossier.entity).postings.filter {
            state.corpus.summary(of: $0.article)?.title.lowercased().contains(needle) ?? false
        }
        dossier.list = ListState()
        state.overlay = .dossier(dossier)
        move(&state, by: 0)
        return state.dossierList(dossier).isEmpty ? "No article title here contains “\(text)”" : nil
    }

    /// Names as a reader tells them apart: the linker keeps `artificial
    /// intelligence` beside `Artificial intelligence` to match either, the
    /// dossier shows one.
    static func distinctNames(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0.lowercased()).inserted }
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


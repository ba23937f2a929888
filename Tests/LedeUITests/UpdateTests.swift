// SPDX-License-Identifier: Apache-2.0
import LedeModel
@testable import LedeUI
import Testing

@Suite("Key sequences through update")
struct UpdateTests {
    func label(_ state: BrowserState, _ entity: EntityID?) -> String? { entity.flatMap { state.corpus.entity($0)?.label } }
    func mention(_ state: BrowserState, _ id: MentionID?) -> Mention? { id.flatMap(state.corpus.mention) }

    @Test("e / ali leaves Alibaba alone; Enter focuses its first mention; ] its next; Backspace returns")
    func acceptance() throws {
        var state = Fixture.state()
        Fixture.type(["e", "/", "ali"], into: &state)
        #expect(state.focus == .sidebar)
        #expect(SidebarModel(state: state).visibleEntities.map { label(state, $0) } == ["Alibaba"])
        Fixture.type(["<Enter>"], into: &state)
        #expect(state.focus == .reader)
        let alibaba = try #require(state.corpus.entity(labelled: "Alibaba"))
        let mentions = state.corpus.mentions(of: alibaba.id).map(\.id)
        #expect(state.reader.focusedMention == mentions[0])
        Fixture.type(["]"], into: &state)
        #expect(state.reader.focusedMention == mentions[1])
        Fixture.type(["<Backspace>"], into: &state)
        #expect(state.reader.focusedMention == mentions[0])
        Fixture.type(["<Backspace>"], into: &state)
        #expect(state.focus == .sidebar)
        Fixture.type(["L"], into: &state)
        #expect(state.reader.focusedMention == mentions[0])
    }

    @Test("the filter narrows per keystroke, Backspace widens, Esc clears")
    func filter() {
        var state = Fixture.state()
        Fixture.type(["e", "/", "d"], into: &state)
        let afterD = SidebarModel(state: state).visibleEntities.count
        Fixture.type(["e"], into: &state)
        let afterDe = SidebarModel(state: state).visibleEntities.count
        #expect(afterDe < afterD)
        #expect(SidebarModel(state: state).visibleEntities.contains { label(state, $0) == "DeepSeek" })
        Fixture.type(["<Backspace>"], into: &state)
        #expect(SidebarModel(state: state).visibleEntities.count == afterD)
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.sidebar.filter.isEmpty && state.prompt == nil)
    }

    @Test("the reader follows the filter: Tab visits only filtered entities")
    func readerFollowsFilter() {
        var state = Fixture.state()
        Fixture.type(["e", "/", "tencent", "<Enter>", "r"], into: &state)
        var seen: Set<String> = []
        for _ in 0..<4 {
            Fixture.type(["<Tab>"], into: &state)
            if let focused = mention(state, state.reader.focusedMention) { seen.insert(label(state, focused.entity)!) }
        }
        #expect(seen == ["Tencent Holdings Ltd"])
    }

    @Test("Tab and Shift-Tab walk mentions in reading order")
    func tabOrder() {
        var state = Fixture.state()
        var visited: [MentionID] = []
        for _ in 0..<5 {
            Fixture.type(["<Tab>"], into: &state)
            visited.append(state.reader.focusedMention!)
        }
        #expect(visited == Array(state.currentMentions.prefix(5).map(\.id)))
        Fixture.type(["<S-Tab>"], into: &state)
        #expect(state.reader.focusedMention == visited[3])
    }

    @Test("Enter on a mention opens the dossier with every mention; Enter there jumps")
    func dossier() throws {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["<Tab>"], into: &state)
        let entity = try #require(mention(state, state.reader.focusedMention)).entity
        Fixture.type(["<Enter>"], into: &state)
        guard case .dossier(let dossier) = state.overlay else { Issue.record("no dossier"); return }
        #expect(dossier.entity == entity)
        #expect(state.activePane == .dossier)
        Fixture.type(["j", "j", "<Enter>"], into: &state)
        #expect(state.overlay == nil)
        #expect(state.reader.focusedMention == state.corpus.mentions(of: entity)[dossier.selection + 2].id)
    }

    @Test("] goes on into the next article at the end of this one")
    func acrossArticles() throws {
        var state = Fixture.state(Fixture.samples)
        let deepSeek = try #require(state.corpus.entity(labelled: "DeepSeek")).id
        let inFirst = state.corpus.mentions(of: deepSeek).filter { $0.article == state.corpus.articleIDs[0] }
        state.jump(to: inFirst.last!.id)
        Fixture.type(["]"], into: &state)
        #expect(state.articlePosition == 1)
        #expect(mention(state, state.reader.focusedMention)?.entity == deepSeek)
    }

    @Test("search: matches as you type, n / N wrap with a message, no match says so")
    func search() {
        var state = Fixture.state()
        Fixture.type(["/", "chin"], into: &state)
        let count = state.reader.search?.matches.count ?? 0
        #expect(count >= 16) // China and Chinese
        Fixture.type(["<Enter>"], into: &state)
        #expect(!state.isEditingReaderSearch)
        for _ in 0..<(count - 1) { Fixture.type(["n"], into: &state) }
        #expect(state.reader.search?.current == count - 1)
        Fixture.type(["n"], into: &state)
        #expect(state.reader.search?.current == 0)
        #expect(state.message?.text == "Search wrapped to the top")
        Fixture.type(["N"], into: &state)
        #expect(state.message?.text == "Search wrapped to the bottom")
        Fixture.type(["/", "zzzq"], into: &state)
        #expect(state.message?.text == "No match for “zzzq”")
    }

    @Test("timeline: Enter jumps to the sentence that reports the release and highlights it")
    func timelineJump() throws {
        var state = Fixture.state()
        Fixture.type(["t", "l"], into: &state)
        #expect(state.timelineSelection == 1)
        Fixture.type(["<Enter>"], into: &state)
        #expect(state.focus == .reader)
        let focused = try #require(state.reader.focusedMention)
        #expect(mention(state, focused)?.text == "DeepSeek R1")
        let sentence = try #require(state.reader.highlightedSentence)
        let paragraph = Array(state.corpus.article(at: 0)!.paragraphs[sentence.paragraph].unicodeScalars)
        let text = String(String.UnicodeScalarView(paragraph[sentence.start..<sentence.end]))
        #expect(text.hasPrefix("DeepSeek R1, which arrived in January as China’s reply"))
    }

    @Test("& shows only paragraphs that mention the selected entity, with a marker")
    func paragraphFilter() throws {
        var state = Fixture.state()
        Fixture.type(["e", "/", "trump", "<Enter>", "&"], into: &state)
        #expect(state.visibleParagraphs == [7])
        #expect(state.readerLayout.lines.contains { if case .hidden(7) = $0.kind { return true } else { return false } })
        Fixture.type(["&"], into: &state)
        #expect(state.visibleParagraphs == nil)
    }

    @Test("hint mode: labels for mentions on screen; typing one focuses it")
    func hints() {
        var state = Fixture.state()
        Fixture.type(["f"], into: &state)
        let labels = HintLabels(state: state).labels
        #expect(labels.count > 5)
        Fixture.type([labels[2].label], into: &state)
        #expect(state.typedHint == nil)
        #expect(state.reader.focusedMention == labels[2].mention.id)
    }

    @Test("A lists the articles; Enter opens the selected one and Backspace returns")
    func articleList() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["A", "j", "j"], into: &state)
        guard case .articles(let list) = state.overlay else { Issue.record("no article list"); return }
        #expect(list.selection == 2)
        Fixture.type(["<Enter>"], into: &state)
        #expect(state.overlay == nil && state.articlePosition == 2)
        Fixture.type(["<Backspace>"], into: &state)
        #expect(state.articlePosition == 0)
    }

    @Test("& in the sidebar uses the selected row, not the reader's focus")
    func paragraphFilterFromSidebar() throws {
        var state = Fixture.state()
        Fixture.type(["<Tab>", "e"], into: &state) // reader focuses US; the sidebar selects it too
        let trump = try #require(state.corpus.entity(labelled: "Donald Trump"))
        state.sidebar.selectedEntity = trump.id
        Fixture.type(["&"], into: &state)
        #expect(state.visibleParagraphs == [7])
    }

    @Test("? over the dossier shows the dossier's keys; Esc returns to the dossier")
    func helpOverDossier() {
        var state = Fixture.state()
        Fixture.type(["<Tab>", "<Enter>", "?"], into: &state)
        guard case .help(_, let pane, let beneath) = state.overlay else { Issue.record("no help"); return }
        #expect(pane == .dossier)
        #expect(beneath != nil)
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.activePane == .dossier)
    }

    @Test("Backspace in the sidebar widens a kept filter instead of jumping back")
    func backspaceWidens() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["e", "/", "deep", "<Enter>", "e", "<Backspace>"], into: &state)
        #expect(state.sidebar.filter == "dee")
        #expect(state.focus == .sidebar)
    }

    @Test("Tab after scrolling starts from the visible page")
    func tabFromScreen() {
        var state = Fixture.state()
        Fixture.type(["<Tab>", "G", "<Tab>"], into: &state)
        #expect(state.isOnScreen(state.reader.focusedMention!))
        #expect(state.reader.scroll == ReaderPane.maxScroll(state))
    }

    @Test("switching articles and back keeps the reading position")
    func readingPositions() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["<Space>", "<Tab>"], into: &state)
        let place = (state.reader.scroll, state.reader.focusedMention)
        Fixture.type(["}", "{"], into: &state)
        #expect(state.reader.scroll == place.0 && state.reader.focusedMention == place.1)
    }

    @Test("q closes an overlay first, then quits")
    func quit() {
        var state = Fixture.state()
        Fixture.type(["?"], into: &state)
        #expect(state.activePane == .help)
        #expect(state.apply(.key(.character("q"))) == [.repaint])
        #expect(state.overlay == nil)
        #expect(state.apply(.key(.character("q"))) == [.quit])
    }

    @Test("resize keeps the focused mention on screen")
    func resize() throws {
        var state = Fixture.state()
        for _ in 0..<40 { Fixture.type(["<Tab>"], into: &state) }
        state.apply(.resize(width: 40, height: 12))
        let focused = try #require(mention(state, state.reader.focusedMention))
        let line = state.readerLayout.line(paragraph: focused.paragraph, offset: focused.start)!
        #expect(line >= state.reader.scroll && line < state.reader.scroll + state.screenLayout.readerText.height)
    }

    @Test("mouse: a click on a mention opens its dossier; the wheel scrolls the pane under it")
    func mouse() throws {
        var state = Fixture.state(width: 120, height: 40)
        let buffer = BrowserView.render(state)
        let row = try #require((0..<40).first { buffer.line($0).contains("In January the US widened") })
        let column = Array(buffer.line(row)).indices.first { index in
            let characters = Array(buffer.line(row))
            return index + 1 < characters.count && characters[index] == "U" && characters[index + 1] == "S"
        }!
        state.apply(.mouse(MouseEvent(kind: .click, x: column, y: row)))
        guard case .dossier(let dossier) = state.overlay else { Issue.record("no dossier after click"); return }
        #expect(state.corpus.entity(dossier.entity)?.label == "US")
        state.overlay = nil
        state.apply(.mouse(MouseEvent(kind: .wheelDown, x: 10, y: 10)))
        #expect(state.reader.scroll == 3)
    }
}

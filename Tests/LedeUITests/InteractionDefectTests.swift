// SPDX-License-Identifier: Apache-2.0
import LedeModel
import LedeTestSupport
@testable import LedeUI
import Testing

/// Defects from the hands-on review (issue 12), each through `update` with keys.
@Suite("Interaction defects")
struct InteractionDefectTests {
    @Test("? in the article list opens its help; ? in the help closes it")
    func helpEverywhere() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["A", "?"], into: &state)
        #expect(state.activePane == .help)
        #expect(state.message == nil)
        guard case .help(_, let pane, _) = state.overlay else { Issue.record("no help"); return }
        #expect(pane == .articles)
        Fixture.type(["?"], into: &state)
        #expect(state.activePane == .articles)
    }

    @Test("Backspace in the dossier and the article list goes back to where they were opened")
    func backspaceCloses() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["<Tab>", "<Enter>"], into: &state)
        #expect(state.activePane == .dossier)
        Fixture.type(["<Backspace>"], into: &state)
        #expect(state.overlay == nil && state.activePane == .reader)
        #expect(state.message == nil)
        Fixture.type(["A", "<Backspace>"], into: &state)
        #expect(state.overlay == nil)
    }

    @Test("Esc in the reader clears the search, then a kept sidebar filter, then says there is nothing to clear")
    func escapeInReader() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["e", "/", "open", "<Enter>"], into: &state)
        #expect(state.sidebar.filter == "open" && state.focus == .reader)
        Fixture.type(["/", "model", "<Enter>"], into: &state)
        #expect(state.reader.search != nil)
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.reader.search == nil && state.sidebar.filter == "open")
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.sidebar.filter.isEmpty)
        #expect(state.message?.text.contains("cleared") == true)
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.message?.text.hasPrefix("Nothing to clear") == true)
    }

    @Test("after a jump from the sidebar filter, ] counts on from the mention it landed on")
    func mentionNumbers() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["}", "}", "}", "}", "}", "e", "/", "openai", "<Enter>"], into: &state)
        let landed = state.message?.text ?? ""
        let number = Int(landed.split(separator: " ").drop { $0 != "mention" }.dropFirst().first ?? "") ?? -1
        #expect(number > 0, "\(landed)")
        Fixture.type(["]"], into: &state)
        #expect(state.message?.text.hasPrefix("OpenAI: mention \(number + 1) of") == true, "\(landed) then \(state.message?.text ?? "")")
    }
}

@Suite("Reader search keeps the reading position")
struct SearchPositionTests {
    /// The reference scrolled well down, with a word that appears both above and below the view.
    static func scrolled() -> BrowserState {
        var state = Fixture.state(width: 100, height: 24)
        state.reader.scroll = 30
        return state
    }

    @Test("the search starts from the view, not from the top of the article")
    func fromView() throws {
        var state = Self.scrolled()
        Fixture.type(["/", "china"], into: &state)
        let search = try #require(state.reader.search)
        let current = try #require(search.current)
        let match = search.matches[current]
        let line = try #require(state.readerLayout.line(paragraph: match.paragraph, offset: match.start))
        #expect(line >= 30)
        // An earlier match existed above the view.
        #expect(search.matches.contains { (state.readerLayout.line(paragraph: $0.paragraph, offset: $0.start) ?? 0) < 30 })
    }

    @Test("Esc, or a query with no match, brings the view back to where the search started")
    func restores() {
        var state = Self.scrolled()
        Fixture.type(["/", "china"], into: &state)
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.reader.scroll == 30 && state.reader.search == nil)
        Fixture.type(["/", "deepseek", "zzqx"], into: &state)
        #expect(state.reader.scroll == 30)
        #expect(state.message?.text.hasPrefix("No match") == true)
        Fixture.type(["<Backspace>", "<Backspace>", "<Backspace>", "<Backspace>", "<Enter>"], into: &state)
        #expect(state.reader.search?.query == "deepseek")
    }
}

@Suite("Help at every size")
struct HelpWrapTests {
    @Test("descriptions wrap at word boundaries under their column: joined back they are the whole text, each row fits", arguments: [(40, 12), (80, 24), (124, 40)])
    func wraps(width: Int, height: Int) {
        let state = Fixture.state(width: width, height: height)
        let inner = HelpOverlay.rect(state.screenLayout).inset(by: 1)
        let rows = HelpOverlay.rows(for: .reader, keyMap: state.keyMap, inner: inner)
        let keyWidth = HelpOverlay.keyWidth(HelpOverlay.entries(for: .reader, keyMap: state.keyMap), inner: inner)
        let helpWidth = inner.width - 1 - keyWidth - 2
        #expect(rows.allSatisfy { DisplayWidth.of($0.help) <= helpWidth && DisplayWidth.of($0.keys) <= inner.width - 2 })
        // Rows of one binding: its first row has the keys (alone when they are wider than their column),
        // the rows after it continue its description.
        var rebuilt: [String] = []
        for row in rows {
            if !row.keys.isEmpty || rebuilt.isEmpty {
                rebuilt.append(row.help)
            } else if !row.help.isEmpty {
                rebuilt[rebuilt.count - 1] += (rebuilt[rebuilt.count - 1].isEmpty ? "" : " ") + row.help
            }
        }
        for binding in state.keyMap.bindings(in: .reader) {
            #expect(rebuilt.contains(binding.help), "\(binding.help) is cut at \(width)×\(height)")
        }
    }

    @Test("G in the help stops with the last row at the bottom, at 40×12")
    func bottom() {
        var state = Fixture.state(width: 40, height: 12)
        Fixture.type(["?", "G"], into: &state)
        let lines = BrowserView.render(state).lines
        #expect(lines.contains { $0.contains("In the help") })
        Fixture.type(["j"], into: &state)
        #expect(BrowserView.render(state).lines == lines)
    }
}

@Suite("Mouse in overlays")
struct OverlayMouseTests {
    @Test("a click on an article list row opens that article; a click outside closes the list")
    func articleList() {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["A"], into: &state)
        let inner = ArticleListOverlay.rect(state.screenLayout).inset(by: 1)
        state.apply(.mouse(MouseEvent(kind: .click, x: inner.x + 5, y: inner.y + 3)))
        #expect(state.overlay == nil && state.articlePosition == 3)
        Fixture.type(["A"], into: &state)
        state.apply(.mouse(MouseEvent(kind: .click, x: 0, y: 0)))
        #expect(state.overlay == nil && state.articlePosition == 3)
    }

    @Test("a click on a dossier row jumps to that mention")
    func dossier() throws {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["<Tab>", "<Enter>"], into: &state)
        guard case .dossier(let dossier) = state.overlay else { Issue.record("no dossier"); return }
        let list = state.mentionList(of: dossier.entity)
        let area = DossierOverlay.listArea(state.screenLayout)
        // The third row of the list: a mention row (the first row is an article heading).
        let item = try #require(DossierRows.item(atRow: dossier.list.offset + 2, in: list))
        let expected = try #require(list.mention(at: list.firstIndex(ofPosting: item.posting) + (item.offset ?? 0), corpus: state.corpus))
        state.apply(.mouse(MouseEvent(kind: .click, x: area.x + 4, y: area.y + 2)))
        #expect(state.overlay == nil)
        #expect(state.reader.focusedMention == expected.id)
    }
}

@Suite("Ctrl-C in prompts")
struct PromptInterruptTests {
    @Test("Ctrl-C leaves the search, the filter and the corpus search prompt, as Esc does; at the top level it quits")
    func interrupts() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["/", "model"], into: &state)
        #expect(state.isEditingReaderSearch)
        state.apply(.key(.control("c")))
        #expect(!state.isEditingReaderSearch && state.reader.search == nil)
        Fixture.type(["e", "/", "ali"], into: &state)
        state.apply(.key(.control("c")))
        #expect(state.prompt == nil && state.sidebar.filter.isEmpty)
        Fixture.type(["r", "S", "deep"], into: &state)
        state.apply(.key(.control("c")))
        #expect(state.overlay == nil)
        #expect(state.apply(.key(.control("c"))) == [.quit])
    }
}

@Suite("Small habits")
struct SmallHabitTests {
    @Test("& stays on when } opens the next article")
    func paragraphFilterStays() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["<Tab>", "&"], into: &state)
        #expect(state.reader.onlyMentioningParagraphs)
        Fixture.type(["}"], into: &state)
        #expect(state.reader.onlyMentioningParagraphs)
        // What it shows there is still a frame of the article (nothing crashes, the title is drawn).
        #expect(BrowserView.render(state).lines[0].contains(state.currentArticle?.title.prefix(10) ?? "?"))
    }

    @Test("Tab with every entity type hidden says so, not 'no mentions'")
    func allTypesHidden() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["e", "1", "2", "3", "4", "5", "r", "<Tab>"], into: &state)
        #expect(state.sidebar.hiddenTypes.count == 5)
        #expect(state.message?.text.hasPrefix("The hidden entity types hide every mention") == true, "\(state.message?.text ?? "")")
    }

    @Test("opening an article from the list moves the focus to the reader")
    func listFocusesReader() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["t", "A", "j", "<Enter>"], into: &state)
        #expect(state.focus == .reader && state.articlePosition == 1)
    }
}

@Suite("Article list")
struct ArticleListHeadingTests {
    @Test("the count column has a heading over it")
    func heading() {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["A"], into: &state)
        let rect = ArticleListOverlay.rect(state.screenLayout)
        let lines = BrowserView.render(state).lines
        #expect(lines[rect.y].contains(" mentions ┐") || lines[rect.y].contains(" mentions "), "\(lines[rect.y])")
        // Right-aligned over the numbers: the heading ends where the count column ends.
        let top = Array(lines[rect.y])
        let firstRow = Array(lines[rect.y + 1])
        let inside = rect.x..<(rect.maxX - 1)
        let headingEnd = inside.last { top[$0] == "s" } ?? -1
        let numberEnd = inside.last { firstRow[$0].isNumber } ?? -2
        #expect(headingEnd == numberEnd, "\(lines[rect.y])\n\(lines[rect.y + 1])")
    }
}

@Suite("CJK line breaks")
struct KinsokuTests {
    static func lines(_ text: String, width: Int) -> [String] {
        ReaderLayout.wrap(text, width: width, kind: .text(paragraph: 0)).map { String($0.graphemes) }
    }

    @Test("closing punctuation never starts a line; an opening bracket never ends one; nothing is lost", arguments: [
        ("一二三四五。六七八", 10, ["一二三四", "五。六七八"]),
        ("一二三四五、六七八", 10, ["一二三四", "五、六七八"]),
        ("一二三四「五六」七", 8, ["一二三四", "「五六」", "七"]),
        ("一二三「四五六七", 8, ["一二三", "「四五六", "七"]),
        ("一二三四五六七八", 10, ["一二三四五", "六七八"]),
    ])
    func kinsoku(text: String, width: Int, expected: [String]) {
        let lines = Self.lines(text, width: width)
        #expect(lines == expected)
        #expect(lines.joined() == text)
        #expect(!lines.dropFirst().contains { $0.first.map(ReaderLayout.noLineStart.contains) ?? false })
    }
}

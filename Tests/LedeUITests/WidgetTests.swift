// SPDX-License-Identifier: Apache-2.0
import LedeModel
import LedeTestSupport
@testable import LedeUI
import Testing

@Suite("Widgets")
struct WidgetTests {
    @Test("timeline list of the reference")
    func timelineList() {
        var state = Fixture.state(width: 80, height: 24)
        state.timeline.isList = true
        var buffer = ScreenBuffer(width: 70, height: 4)
        TimelineView.render(Frame(state), into: &buffer, area: Rect(x: 0, y: 0, width: 70, height: 4))
        expectLines(buffer, [
            TextFit.pad("2024-12-05 o1          OpenAI   catalogue", to: 70),
            TextFit.pad("2025-01-20 DeepSeek-R1 DeepSeek catalogue, confirmed by 1 article", to: 70),
            TextFit.pad("2025-03-06 QwQ-32B     Alibaba  catalogue", to: 70),
            TextFit.pad("", to: 70),
        ])
    }

    @Test("timeline axis: markers in date order, labels without overlap, details of the selection")
    func timelineAxis() {
        var state = Fixture.state(width: 80, height: 24)
        state.timelineSelection = 1
        var buffer = ScreenBuffer(width: 90, height: 5)
        TimelineView.render(Frame(state), into: &buffer, area: Rect(x: 0, y: 0, width: 90, height: 5))
        expectLines(buffer, [
            "                           ╷2025-01                     ╷2025-02                  ╷2025-03",
            "─●───────────────────────────────────────────●──────────────────────────────────────────●─",
            " o1                                          DeepSeek-R1                           QwQ-32B",
            "                                                                                          ",
            "▸ DeepSeek-R1 · DeepSeek · 2025-01-20 · catalogue, confirmed by 1 article · 2 mentio…  2/3",
        ])
        // The selected marker and label carry the selected style.
        let selected = state.theme[.selected].attributes
        expectStyled(buffer, row: 1, "                                             ●", "the selected style") {
            $0.attributes.isSuperset(of: selected)
        }
        expectStyled(buffer, row: 2, "                                             DeepSeek-R1", "the selected style") {
            $0.attributes.isSuperset(of: selected)
        }
    }

    @Test("sidebar: groups, counts, dimmed zero-mention concepts, filter prompt")
    func sidebar() {
        var state = Fixture.state(width: 80, height: 24)
        state.focus = .sidebar
        Fixture.type(["/", "ali"], into: &state)
        var buffer = ScreenBuffer(width: 24, height: 4)
        SidebarView.render(Frame(state), into: &buffer, area: Rect(x: 0, y: 0, width: 24, height: 4))
        expectLines(buffer, [
            "/ali▏                   ",
            "ORGANISATION 1          ",
            "▸ Alibaba              3",
            "                        ",
        ])
        // Zero-mention concepts are dimmed.
        var all = Fixture.state(width: 80, height: 60)
        all.focus = .sidebar
        var tall = ScreenBuffer(width: 30, height: 40)
        SidebarView.render(Frame(all), into: &tall, area: Rect(x: 0, y: 0, width: 30, height: 40))
        expectLines(tall, [
            "PERSON 2                      ",
            "  Donald Trump               1",
            "  Tessa Marlow               0",
        ], rows: 13..<16)
        expectStyled(tall, row: 14, "                              ", "dim") { $0.attributes.contains(.dim) }
        expectStyled(tall, row: 15, "  ^^^^^^^^^^^^               ^", "dim") { $0.attributes.contains(.dim) }
    }

    @Test("reader: title, byline, paragraphs; mentions styled by type; focused mention stands out")
    func reader() {
        var state = Fixture.state(width: 60, height: 20)
        Fixture.type(["<Tab>"], into: &state) // the first mention on screen: US in ¶1
        let area = state.screenLayout.readerText
        #expect(area == Rect(x: 2, y: 1, width: 40, height: 12))
        let buffer = BrowserView.render(state)
        let rows = (area.y..<area.maxY).map { String(Array(buffer.line($0)).dropFirst(area.x).prefix(area.width)) }
        #expect(Array(rows.prefix(7)) == [
            "Why Chinese AI groups are handing out",
            "their best models for free",
            "Tessa Marlow · Opinion · Business",
            "Insight · 19 Mar 2025",
            "",
            "A tit-for-tat answer looked inevitable.",
            "In January the US widened its export",
        ].map { TextFit.pad($0, to: 40) })
        let theme = state.theme
        // The focused mention, US, stands out; the text around it is plain.
        expectStyled(buffer, row: area.y + 6, from: area.x, "               US                       ", "the focused location's style") {
            $0 == theme[.focusedMention].over(theme[.location]).over(theme[.text])
        }
        expectStyled(buffer, row: area.y + 6, from: area.x, "^^^^^^^^^^^^^^^  ^^^^^^^^^^^^^^^^^^^^^^^", "plain text") { $0 == theme[.text] }
        // "Why Chinese AI groups are handing out"
        expectStyled(buffer, row: area.y, from: area.x, "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^   ", "the title's style") {
            $0 == theme[.title].over(theme[.text])
        }
        #expect(state.reader.focusedMention.flatMap(state.corpus.mention)?.text == "US")
    }

    @Test("status bar: mode, hints from the keymap, position")
    func statusBar() {
        let state = Fixture.state(width: 100, height: 24)
        var buffer = ScreenBuffer(width: 100, height: 1)
        StatusBarView.render(Frame(state), into: &buffer, area: Rect(x: 0, y: 0, width: 100, height: 1))
        #expect(buffer.line(0).hasPrefix(" READ  ? help  Tab next mention  ] same entity  ⏎ follow  ⌫ back  / search"))
        #expect(buffer.line(0).hasSuffix("% ") && !buffer.line(0).hasSuffix("100% "))
        var bottom = state
        bottom.perform(.bottom)
        StatusBarView.render(Frame(bottom), into: &buffer, area: Rect(x: 0, y: 0, width: 100, height: 1))
        #expect(buffer.line(0).hasSuffix("built-in  1/1  100% "))
    }

    @Test("every size from 40×12 to 300×100 draws the three panes without cutting a character", arguments: [
        (40, 12), (60, 20), (80, 24), (120, 40), (200, 60), (300, 100),
    ])
    func sizes(width: Int, height: Int) {
        let state = Fixture.state(Fixture.samples, width: width, height: height)
        let buffer = BrowserView.render(state)
        let lines = buffer.lines
        #expect(lines.count == height)
        for line in lines { #expect(DisplayWidth.of(line) == width) }
        #expect(lines[0].hasPrefix("┌"))
        #expect(lines[state.screenLayout.separator].contains("Model releases"))
        #expect(lines[0].contains("Entities"))
        #expect(lines[height - 1].contains("READ"))
    }

    @Test("CJK text wraps by display width")
    func cjk() {
        let corpus = InMemoryCorpus.load(paths: [LedeTestSupport.PackagePaths.fixture("cjk.txt")])
        let layout = ReaderLayout.make(article: corpus.articles[0], width: 21, visibleParagraphs: nil)
        for line in layout.lines { #expect(line.widths.reduce(0) { $0 + Int($1) } <= 21) }
        #expect(layout.lines.contains { $0.widths.contains(2) })
    }
}

import LedeTestSupport

@Suite("Render caches")
struct RenderCacheTests {
    /// The same state with empty caches: what a frame must look like.
    func uncached(_ state: BrowserState) -> BrowserState {
        var fresh = BrowserState(corpus: state.corpus, keyMap: state.keyMap, themes: state.themes, width: state.width, height: state.height)
        fresh.article = state.article
        fresh.focus = state.focus
        fresh.overlay = state.overlay
        fresh.reader = state.reader
        fresh.sidebar = state.sidebar
        fresh.timeline = state.timeline
        fresh.themeIndex = state.themeIndex
        fresh.message = state.message
        return fresh
    }

    @Test("a replaced corpus whose ids collide with the old one's draws its own text, not the old one's")
    func replacedCorpus() {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["}", "{", "<Tab>"], into: &state)
        _ = BrowserView.render(state)
        // Article ids in memory are positions: this one alone has id 0, as the first sample does.
        let other = InMemoryCorpus.load(paths: [PackagePaths.samples + "/001_deepseek_r1_selloff.txt"])
        state.replaceCorpus(other, indexing: nil)
        let frame = BrowserView.render(state)
        // All but the status bar, which says the file on screen is not in the new store.
        #expect(frame.lines.dropLast() == BrowserView.render(Fixture.state(other, width: 100, height: 30)).lines.dropLast())
        #expect(frame.lines.last?.contains("000_china_open_models.txt was removed from disk") == true)
        #expect(state.history.isEmpty && state.reader.focusedMention == nil)
    }

    @Test("after every key, a frame drawn from kept layouts and regions equals one drawn from scratch")
    func cachedFramesAreFresh() {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        // Kept across frames, as the event loop keeps them.
        var regions = DrawnRegions()
        let keys = ["t", "l", "l", "v", "h", "a", "c", "<Enter>", "}", "t", "l", "e", "j", "&", "r", "<Tab>", "]", "{", "T", "t", "v"]
        for key in keys {
            Fixture.type([key], into: &state)
            let cached = BrowserView.render(state, reusing: &regions), fresh = BrowserView.render(uncached(state))
            state.readAhead()
            let difference = zip(cached.cells, fresh.cells).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(difference == nil, "after \(key): cell (\((difference?.offset ?? 0) % cached.width), \((difference?.offset ?? 0) / cached.width)) differs")
        }
    }
}

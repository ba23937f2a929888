// SPDX-License-Identifier: Apache-2.0
import LedeModel
@testable import LedeUI
import Testing

@Suite("Derived views: layouts, sidebar rows and mention lists kept as values in the state")
struct DerivedViewsTests {
    @Test("after an event, the article on screen has its layout kept at the current width")
    func layoutKeptAfterEvents() throws {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["}"], into: &state)
        let article = try #require(state.article)
        let key = DerivedViews.LayoutKey(article: article, width: state.screenLayout.readerText.width, visibleParagraphs: nil)
        #expect(state.derived.layout(for: key) != nil)
        state.apply(.resize(width: 80, height: 24))
        let narrower = DerivedViews.LayoutKey(article: article, width: state.screenLayout.readerText.width, visibleParagraphs: nil)
        #expect(narrower.width != key.width)
        #expect(state.derived.layout(for: narrower) != nil)
    }

    @Test("read-ahead keeps the next and previous articles' layouts before } or { is pressed")
    func readAheadKeepsNeighbours() throws {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["}"], into: &state)
        let position = try #require(state.articlePosition)
        state.readAhead()
        for neighbour in [position - 1, position + 1] {
            let id = try #require(state.corpus.articleID(at: neighbour))
            let key = DerivedViews.LayoutKey(article: id, width: state.screenLayout.readerText.width, visibleParagraphs: nil)
            #expect(state.derived.layout(for: key) != nil, "article at \(neighbour) was not read ahead")
        }
    }

    @Test("a field changed without an event still reads fresh rows and lines, never the kept ones")
    func readsAreNeverStale() throws {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        let keptRows = state.sidebarModel.visibleEntities
        state.sidebar.filter = "deeps"
        #expect(state.sidebarModel.visibleEntities == SidebarModel(state: state).visibleEntities)
        #expect(state.sidebarModel.visibleEntities.count < keptRows.count)
        state.width = 70
        let article = try #require(state.currentArticle)
        let fresh = ReaderLayout.make(article: article, width: state.screenLayout.readerText.width, visibleParagraphs: nil)
        #expect(state.readerLayout.lines == fresh.lines)
    }

    @Test("no more layouts are kept than the capacity, and the one on screen stays")
    func layoutCapacity() throws {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        // Every width from 60 to 99 makes another layout of the same article.
        for width in 60..<100 { state.apply(.resize(width: width, height: 30)) }
        let article = try #require(state.article)
        var kept: Set<DerivedViews.LayoutKey> = []
        var made: Set<DerivedViews.LayoutKey> = []
        for width in 60..<100 {
            state.width = width
            let key = DerivedViews.LayoutKey(article: article, width: state.screenLayout.readerText.width, visibleParagraphs: nil)
            made.insert(key)
            if state.derived.layout(for: key) != nil { kept.insert(key) }
        }
        // Several screen widths give one reader width: the test needs more reader widths than the capacity.
        #expect(made.count > DerivedViews.layoutCapacity)
        #expect(kept.count <= DerivedViews.layoutCapacity)
        state.width = 99
        let onScreen = DerivedViews.LayoutKey(article: article, width: state.screenLayout.readerText.width, visibleParagraphs: nil)
        #expect(state.derived.layout(for: onScreen) != nil)
    }

    @Test("the dossier's entity has its mention list kept while the dossier is open")
    func dossierListKept() throws {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["<Tab>", "<Enter>"], into: &state)
        guard case .dossier(let dossier) = state.overlay else { Issue.record("Tab Enter opened no dossier"); return }
        #expect(state.derived.mentionList(of: dossier.entity, generation: state.corpus.generation) != nil)
    }
}

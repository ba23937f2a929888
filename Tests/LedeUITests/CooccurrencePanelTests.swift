// SPDX-License-Identifier: Apache-2.0
import LedeModel
import LedeTestSupport
@testable import LedeUI
import Testing

@Suite("Co-occurrence panel")
struct CooccurrencePanelTests {
    /// The sidebar focused on the samples' most-mentioned entity of the first article.
    static func stateOnBusiestEntity() throws -> (BrowserState, EntityID) {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["e"], into: &state)
        let busiest = try #require(state.sidebarModel.visibleEntities.max { Fixture.samples.mentionCount(of: $0) < Fixture.samples.mentionCount(of: $1) })
        state.sidebar.selectedEntity = busiest
        return (state, busiest)
    }

    @Test("c lists the entities that share paragraphs with the selected one, in the corpus's order, with count and lift")
    func opens() throws {
        var (state, subject) = try Self.stateOnBusiestEntity()
        Fixture.type(["c"], into: &state)
        let expected = Fixture.samples.cooccurrences(of: subject, unit: .paragraph, order: .lift)
        #expect(expected.rows.count > 5)
        #expect(state.sidebarModel.cooccurrence?.entity == subject)
        #expect(state.sidebarModel.visibleEntities == expected.rows.prefix(SidebarModel.partnerLimit).map(\.entity))
        #expect(state.sidebar.selectedEntity == expected.rows.first?.entity)
        let label = try #require(Fixture.samples.entity(subject)?.label)
        let lines = BrowserView.render(state).lines
        #expect(lines.contains { $0.contains("¶ by lift · with \(label.prefix(4))") })
        let first = expected.rows[0]
        let firstLabel = try #require(Fixture.samples.entity(first.entity)?.label)
        #expect(lines.contains { $0.contains(firstLabel.prefix(12)) && $0.contains(SidebarPane.partnerFigures(first)) })
        #expect(state.message?.text.contains("share paragraphs, by lift") == true)
    }

    @Test("s ranks by count, p counts sentences; the filter narrows the partners; Esc and c come back to the article's entities")
    func changes() throws {
        var (state, subject) = try Self.stateOnBusiestEntity()
        let scroll = state.sidebar.scroll
        Fixture.type(["c", "s"], into: &state)
        let byCount = Fixture.samples.cooccurrences(of: subject, unit: .paragraph, order: .count)
        #expect(state.sidebarModel.visibleEntities == byCount.rows.prefix(SidebarModel.partnerLimit).map(\.entity))
        let shared = state.sidebarModel.visibleEntities.compactMap { state.sidebarModel.partners[$0]?.shared }
        #expect(shared == shared.sorted(by: >))
        Fixture.type(["p"], into: &state)
        #expect(state.sidebarModel.cooccurrence?.unit == .sentence)
        #expect(state.sidebarModel.visibleEntities == Fixture.samples.cooccurrences(of: subject, unit: .sentence, order: .count).rows.map(\.entity))
        // The filter keeps only partners whose name matches.
        let target = try #require(state.sidebarModel.visibleEntities.dropFirst(2).first)
        let name = try #require(Fixture.samples.entity(target)?.label)
        Fixture.type(["/", name, "<Enter>"], into: &state)
        #expect(state.sidebarModel.visibleEntities.contains(target))
        #expect(state.sidebarModel.visibleEntities.count < Fixture.samples.cooccurrences(of: subject, unit: .sentence).rows.count)
        #expect(state.sidebar.cooccurrence != nil, "Enter in the filter keeps the view")
        // Esc clears the filter, a second Esc leaves the view, with the selection it had.
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.sidebar.filter.isEmpty)
        #expect(state.sidebar.cooccurrence != nil)
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.sidebar.cooccurrence == nil)
        #expect(state.sidebar.selectedEntity == subject)
        #expect(state.sidebar.scroll == scroll)
    }

    @Test("Enter on a partner lists the paragraphs both are named in; Enter there opens one with both marked")
    func sharedParagraphs() throws {
        var (state, subject) = try Self.stateOnBusiestEntity()
        Fixture.type(["c", "s"], into: &state)
        let partner = try #require(state.sidebar.selectedEntity)
        Fixture.type(["<Enter>"], into: &state)
        guard case .corpusSearch(let list) = state.overlay else { Issue.record("no list of shared paragraphs"); return }
        let expected = Fixture.samples.sharedUnits(of: subject, and: partner, unit: .paragraph)
        #expect(list.hits == expected)
        #expect(list.hits?.count == state.sidebarModel.partners[partner]?.shared)
        #expect(list.title?.contains("\(expected.count) shared paragraph") == true)
        let lines = BrowserView.render(state).lines
        #expect(lines.contains { $0.contains(list.title ?? "?") })
        Fixture.type(["<Enter>"], into: &state)
        #expect(state.overlay == nil)
        let hit = expected[0]
        #expect(state.article == hit.article)
        #expect(state.reader.search?.matches.count == expected.filter { $0.article == hit.article }.reduce(0) { $0 + $1.matches.count })
    }

    @Test("p and s outside the view say how to open it")
    func outsideTheView() throws {
        var (state, _) = try Self.stateOnBusiestEntity()
        let rows = state.sidebarModel.visibleEntities
        Fixture.type(["s"], into: &state)
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("c opens it") == true)
        #expect(state.sidebarModel.visibleEntities == rows)
    }
}

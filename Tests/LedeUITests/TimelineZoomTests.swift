// SPDX-License-Identifier: Apache-2.0
import LedeModel
import LedeTestSupport
@testable import LedeUI
import Testing

/// The reference article with hundreds of releases on its timeline: what
/// issue 12 found crowded into a solid run of dots.
final class ManyReleasesCorpus: ForwardingCorpus {
    let base: any Corpus = Fixture.reference
    let releases: [Release]

    /// `count` releases every nine days from 2019, organisations from busy to rare.
    init(count: Int = 240) {
        let organisations = ["OpenAI", "OpenAI", "OpenAI", "Google", "Google", "Anthropic", "Anthropic", "Alibaba", "DeepSeek",
                             "Mistral", "Baidu", "Zhipu", "Moonshot AI"]
        let start = CalendarDate(year: 2019, month: 1, day: 1).dayNumber
        releases = (0..<count).map { index in
            let name = ["Nova", "Atlas", "Orion", "Lumen", "Quill", "Sable"][index % 6] + "-\(index)"
            return Release(model: EntityID(Int64(10_000 + index)), modelName: index % 17 == 0 ? name + " Extended Preview" : name,
                           organisation: index % 29 == 5 ? nil : organisations[(index * 7) % organisations.count],
                           date: CalendarDate(dayNumber: start + index * 9), basis: .catalog)
        }
    }
}

@Suite("Timeline with hundreds of releases")
struct TimelineZoomTests {
    static let corpus = ManyReleasesCorpus()

    static func state(width: Int = 120, height: Int = 40) -> BrowserState {
        var state = Fixture.state(corpus, width: width, height: height)
        Fixture.type(["t", "g"], into: &state)
        for _ in 0..<120 { Fixture.type(["l"], into: &state) }
        return state
    }

    static func layout(_ state: BrowserState) -> TimelineAxisLayout {
        TimelineAxisLayout(state: state, model: state.timelineModel, area: state.screenLayout.timeline)
    }

    static func window(_ state: BrowserState) -> DayWindow {
        state.timelineModel.window(for: state.timeline)!
    }

    @Test("+ narrows the visible days around the selection, h and l scroll to keep it shown, 0 fits all")
    func zoom() {
        var state = Self.state()
        let selected = state.timelineSelection
        let all = Self.window(state)
        Fixture.type(["+"], into: &state)
        let once = Self.window(state)
        #expect(once.span < all.span && once.span >= all.span / 2 - 1)
        Fixture.type(["="], into: &state)
        let twice = Self.window(state)
        #expect(twice.span < once.span)
        #expect(state.timelineSelection == selected)
        #expect(Self.layout(state).positions[selected] != nil)
        #expect(Self.layout(state).ticks.count >= 3)
        // Releases outside the days shown are counted at the edges of their lane.
        let rows = Self.layout(state).rows
        #expect(rows.map(\.before).reduce(0, +) > 0 && rows.map(\.after).reduce(0, +) > 0)
        #expect(BrowserView.render(state).lines.contains { $0.contains("Model releases · \(twice.description) · zoom ×4") })
        for key in Array(repeating: "l", count: 60) + Array(repeating: "h", count: 90) {
            Fixture.type([key], into: &state)
            #expect(Self.layout(state).positions[state.timelineSelection] != nil, "selection \(state.timelineSelection) off the axis")
        }
        #expect(Self.window(state).first < twice.first)
        Fixture.type(["-"], into: &state)
        #expect(Self.window(state).span == once.span)
        Fixture.type(["+", "+", "0"], into: &state)
        #expect(Self.window(state) == all)
        #expect(Self.layout(state).positions.allSatisfy { $0 != nil })
        #expect(state.message?.text.hasPrefix("All 240 releases") == true)
    }

    @Test("zooming in stops at about a month")
    func deepestZoom() {
        var state = Self.state()
        for _ in 0..<20 { Fixture.type(["+"], into: &state) }
        #expect((30...40).contains(Self.window(state).span))
        #expect(state.message?.text.contains("as far as it goes") == true)
        #expect(Self.layout(state).positions[state.timelineSelection] != nil)
    }

    @Test("lanes per organisation when the pane is tall enough, one axis when it is not")
    func lanes() {
        let tall = Self.state(width: 120, height: 40)
        let tallLayout = Self.layout(tall)
        #expect(tallLayout.hasLanes)
        #expect(tallLayout.rows.map(\.name) == ["OpenAI", "Anthropic", "Google", "Alibaba", "other"])
        let screen = BrowserView.render(tall).lines
        #expect(tallLayout.rows.allSatisfy { screen[$0.y].dropFirst(1).hasPrefix(TextFit.pad($0.name!, to: tallLayout.nameWidth)) })
        let short = Self.state(width: 120, height: 30)
        #expect(!Self.layout(short).hasLanes)
        #expect(Self.layout(short).rows.count == 1)
    }

    @Test("j and k move between lanes onto the release nearest in time")
    func laneKeys() {
        var state = Self.state()
        let model = state.timelineModel
        let lanes = model.lanes(for: state)
        func lane() -> Int? { lanes.firstIndex { $0.releases.contains(state.timelineSelection) } }
        Fixture.type(["k", "k", "k", "k", "k"], into: &state)
        #expect(lane() == 0)
        let day = model.day(of: state.timelineSelection)!
        Fixture.type(["j"], into: &state)
        #expect(lane() == 1)
        let nearest = lanes[1].releases.map { abs(model.day(of: $0)! - day) }.min()!
        #expect(abs(model.day(of: state.timelineSelection)! - day) == nearest)
        Fixture.type(["j", "j", "j"], into: &state)
        #expect(lane() == 4)
        Fixture.type(["j"], into: &state)
        #expect(lane() == 4)
        #expect(state.message?.text == "Already on the last lane")
        // Without lanes, j is the next release.
        var short = Self.state(width: 120, height: 30)
        let before = short.timelineSelection
        Fixture.type(["j"], into: &short)
        #expect(short.timelineSelection == before + 1)
    }

    @Test("v and v again keep the selected release, and the list shows it")
    func listKeepsPosition() {
        var state = Self.state()
        Fixture.type(["+", "+", "l", "l", "l"], into: &state)
        let selected = state.timelineSelection
        let name = Self.corpus.releases[selected].modelName
        Fixture.type(["v"], into: &state)
        #expect(state.timelineSelection == selected)
        let area = state.screenLayout.timeline
        var rows = BrowserView.render(state).lines[area.y..<area.maxY]
        #expect(rows.contains { $0.contains(" \(name) ") })
        Fixture.type(["j", "v"], into: &state)
        #expect(state.timelineSelection == selected + 1)
        #expect(Self.layout(state).labels.contains { $0.release == selected + 1 })
        // A selection made elsewhere (another article, a click on the axis) is shown too.
        state.timelineSelection = 200
        Fixture.type(["v"], into: &state)
        rows = BrowserView.render(state).lines[area.y..<area.maxY]
        #expect(rows.contains { $0.contains(" \(Self.corpus.releases[200].modelName) ") })
        Fixture.type(["k"], into: &state)
        #expect(state.timelineSelection == 199)
        rows = BrowserView.render(state).lines[area.y..<area.maxY]
        #expect(rows.contains { $0.contains(" \(Self.corpus.releases[199].modelName) ") })
    }

    @Test("labels never overlap, the selected release is labelled, markers stay in the pane",
          arguments: [(118, 7), (118, 5), (80, 7), (60, 4)])
    func labels(width: Int, height: Int) {
        for zoom in 0...4 {
            for selection in [0, 37, 120, 201, 239] {
                var state = Fixture.state(Self.corpus, width: 120, height: 40)
                state.timelineSelection = selection
                state.timeline.zoom = zoom
                let area = Rect(x: 1, y: 2, width: width, height: height)
                var buffer = ScreenBuffer(width: width + 2, height: height + 4)
                TimelineView.render(Frame(state), into: &buffer, area: area)
                let layout = TimelineAxisLayout(state: state, model: state.timelineModel, area: area)
                let context = "\(width)×\(height) zoom \(zoom) selection \(selection)"
                #expect(layout.hasLanes == (height >= 7), "\(context)")
                for position in layout.positions.compactMap({ $0 }) {
                    #expect(area.contains(x: position.x, y: position.y), "\(context): marker at \(position)")
                }
                // Each label reads whole on screen, a cell clear of the next on its row.
                let lines = buffer.lines.map(Array.init)
                for label in layout.labels {
                    #expect(String(lines[label.y][label.x..<(label.x + label.width)]) == label.text, "\(context): \(label.text) overwritten")
                    #expect(label.x >= area.x && label.x + label.width <= area.maxX, "\(context): \(label.text) outside")
                }
                for (offset, label) in layout.labels.enumerated() {
                    for other in layout.labels.dropFirst(offset + 1) where other.y == label.y {
                        #expect(!((label.x - 1)..<(label.x + label.width + 1)).overlaps(other.cells), "\(context): \(label.text) touches \(other.text)")
                    }
                }
                let selected = layout.labels.first { $0.release == selection }
                #expect(selected != nil, "\(context): selection unlabelled")
                if let selected, let marker = layout.positions[selection] {
                    #expect(selected.y == marker.y || !layout.hasLanes)
                    // Whole, not abbreviated like a crowded neighbour's.
                    #expect(selected.text == Self.corpus.releases[selection].modelName || !layout.hasLanes, "\(context): \(selected.text)")
                    #expect(abs(selected.x - marker.x) <= DisplayWidth.of(selected.text) + 1 || selected.x == layout.scaleX)
                }
                // Releases that are shown but not labelled are counted in the details row.
                let shown = layout.positions.compactMap { $0 }.count
                #expect(layout.labels.count + layout.unlabelled == shown)
                let details = String(lines[area.maxY - 1])
                #expect(details.contains("\(selection + 1)/240"), "\(context): \(details)")
            }
        }
    }
}

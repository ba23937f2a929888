// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// The releases the timeline shows: all of them, or one organisation's;
/// and what the axis derives from them: the days they span, the window a
/// zoom level shows, the organisation lanes. Made in one place, the derived
/// views (`BrowserState.timelineModel`), when its inputs change.
public struct TimelineModel: Sendable {
    /// Releases in timeline order (dated ones by date, undated last), as the corpus gives them.
    public let releases: [Release]
    public let organisations: [String]
    /// Model entities the current article mentions (from its own mentions,
    /// so the cost does not grow with the corpus).
    public let modelsInArticle: Set<EntityID>
    /// Each shown release's index, by its model (the timeline has one release per model).
    private let indexOfModel: [EntityID: Int]
    /// The first and last day of the dated releases (every zoom and window asks for them).
    let dayBounds: ClosedRange<Int>?

    /// What the model is made from: the corpus's releases now, the article on screen, the filters.
    struct Inputs: Hashable, Sendable {
        var generation: Int
        var article: ArticleID?
        var organisationFilter: String?
        var onlyCurrentArticle: Bool

        init(state: BrowserState) {
            generation = state.corpus.generation
            article = state.article
            organisationFilter = state.timeline.organisationFilter
            onlyCurrentArticle = state.timeline.onlyCurrentArticle
        }
    }

    init(state: BrowserState) {
        let modelsInArticle = Set(state.currentMentions.map(\.entity))
        let all = state.corpus.releases
        var shown = all
        if let filter = state.timeline.organisationFilter { shown = shown.filter { $0.organisation == filter } }
        if state.timeline.onlyCurrentArticle { shown = shown.filter { modelsInArticle.contains($0.model) } }
        releases = shown
        organisations = Array(Set(all.compactMap(\.organisation))).sorted()
        self.modelsInArticle = modelsInArticle
        indexOfModel = Dictionary(shown.enumerated().map { ($0.element.model, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let days = shown.compactMap { $0.date?.firstDay.dayNumber }
        dayBounds = days.min().flatMap { low in days.max().map { low...$0 } }
    }

    public func isMentionedHere(_ release: Release) -> Bool { modelsInArticle.contains(release.model) }

    /// The index of the selected release among those shown; 0, the first, when none is selected or it is not shown.
    public func index(of selected: EntityID?) -> Int { selected.flatMap { indexOfModel[$0] } ?? 0 }

    /// The day a release sits on (its first possible day), nil when undated.
    func day(of index: Int) -> Int? { releases[safe: index]?.date?.firstDay.dayNumber }

    // MARK: - Zoom

    /// Each zoom step divides the days shown by this.
    static let zoomFactor = 2
    /// Zooming in stops at about a month.
    static let narrowestSpan = 30

    /// Days shown at a zoom level: all of them at 0, a factor fewer each step, never under about a month.
    func span(atZoom zoom: Int) -> Int {
        guard let bounds = dayBounds else { return 0 }
        var span = bounds.upperBound - bounds.lowerBound
        for _ in 0..<max(0, zoom) { span = max(Self.narrowestSpan, span / Self.zoomFactor) }
        return span
    }

    /// The deepest zoom that still narrows the window.
    var maximumZoom: Int {
        var level = 0
        while span(atZoom: level + 1) < span(atZoom: level) { level += 1 }
        return level
    }

    /// The days the axis shows: every release at zoom 0; else a window of
    /// `span(atZoom:)` days from `start`, moved as little as it takes (with a
    /// tenth of the window as context) to show the day `focus`, and kept
    /// within the releases' days.
    func window(zoom: Int, start: Int?, showing focus: Int?) -> DayWindow? {
        guard let bounds = dayBounds else { return nil }
        guard zoom > 0 else { return DayWindow(first: bounds.lowerBound, last: bounds.upperBound) }
        let span = span(atZoom: zoom)
        var first = start ?? (focus.map { $0 - span / 2 } ?? bounds.lowerBound)
        if let focus {
            let context = span / 10
            if focus < first { first = focus - context }
            if focus > first + span { first = focus - span + context }
        }
        first = clamp(first, bounds.lowerBound, bounds.upperBound - span)
        return DayWindow(first: first, last: first + span)
    }

    /// The window the timeline state asks for, showing its selection.
    func window(for timeline: TimelineState) -> DayWindow? {
        window(zoom: min(timeline.zoom, maximumZoom), start: timeline.windowStart, showing: day(of: index(of: timeline.selected)))
    }

    // MARK: - Lanes

    /// One row of the axis for an organisation, or for the rest ("other").
    struct Lane: Hashable {
        var name: String
        /// Indices into `releases`, in timeline order.
        var releases: [Int]
    }

    /// Lanes need room for the tick row, the details row and this many lanes.
    static let minimumLanes = 5

    /// Rows the lanes get in a timeline pane this tall; 0 when it is too short for lanes.
    static func laneRows(paneHeight: Int) -> Int {
        paneHeight - 2 >= minimumLanes ? paneHeight - 2 : 0
    }

    /// One lane per organisation, busiest first, when they fit in `rows`;
    /// otherwise the busiest `rows - 1` and an "other" lane for the rest
    /// (and for releases without an organisation). No lanes when there is
    /// no room or only one organisation to show.
    func lanes(rows: Int) -> [Lane] {
        guard rows >= Self.minimumLanes else { return [] }
        var byOrganisation: [String: [Int]] = [:]
        var unassigned: [Int] = []
        for (index, release) in releases.enumerated() {
            if let organisation = release.organisation { byOrganisation[organisation, default: []].append(index) } else { unassigned.append(index) }
        }
        let busiest = byOrganisation.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
        guard busiest.count + (unassigned.isEmpty ? 0 : 1) > 1 else { return [] }
        let needsOther = !unassigned.isEmpty || busiest.count > rows
        let named = busiest.prefix(needsOther ? rows - 1 : rows)
        var lanes = named.map { Lane(name: $0.key, releases: $0.value) }
        if needsOther {
            let rest = busiest.dropFirst(named.count).flatMap(\.value) + unassigned
            lanes.append(Lane(name: "other", releases: rest.sorted()))
        }
        return lanes
    }

    /// The lanes a state's timeline pane shows (none in list view or when short).
    func lanes(for state: BrowserState) -> [Lane] {
        state.timeline.isList ? [] : lanes(rows: Self.laneRows(paneHeight: state.screenLayout.timeline.height))
    }

    // MARK: - List

    /// The list's selection and first row, so that the selection is on screen
    /// in `rows` rows whatever moved it (the axis, a click, another article).
    func listWindow(_ timeline: TimelineState, rows: Int) -> ListState {
        var window = ListState(selection: index(of: timeline.selected), offset: timeline.scroll)
        window.scrollIntoView(row: window.selection, rows: rows, count: releases.count)
        return window
    }
}

/// Days shown on the axis, both ends included (days since 1970-01-01).
struct DayWindow: Hashable {
    var first: Int
    var last: Int
    var span: Int { last - first }
    func contains(_ day: Int) -> Bool { day >= first && day <= last }

    /// `2024-09 … 2025-03`; with days when it spans under three months.
    var description: String {
        let from = CalendarDate(dayNumber: first), to = CalendarDate(dayNumber: last)
        func text(_ date: CalendarDate) -> String {
            span < 90 ? date.description : CalendarDate(year: date.year, month: date.month).description
        }
        return "\(text(from)) … \(text(to))"
    }
}

import Foundation
import LedeModel

/// The releases the timeline shows: all of them, or one organisation's.
public struct TimelineModel {
    public let releases: [Release]
    public let organisations: [String]
    /// Model entities the current article mentions (from its own mentions,
    /// so the cost does not grow with the corpus).
    public let modelsInArticle: Set<EntityID>

    public init(state: BrowserState) {
        let corpus = state.corpus
        modelsInArticle = Set(state.currentMentions.map(\.entity))
        let all = corpus.releases
        organisations = Array(Set(all.compactMap(\.organisation))).sorted()
        var shown = all
        if let filter = state.timeline.organisationFilter { shown = shown.filter { $0.organisation == filter } }
        if state.timeline.onlyCurrentArticle {
            let here = modelsInArticle
            shown = shown.filter { here.contains($0.model) }
        }
        releases = shown
    }

    public func isMentionedHere(_ release: Release) -> Bool { modelsInArticle.contains(release.model) }
}

/// The cells a widget drew for a state, kept until what it depends on
/// changes: drawing is a pure function of state, so equal inputs give equal cells.
final class RegionCache: @unchecked Sendable {
    struct Key: Hashable {
        var generation: Int
        var timeline: TimelineState
        var area: Rect
        var theme: Int
        var article: ArticleID?
        var focus: Pane
    }

    private var last: (key: Key, cells: [Cell])?
    private let lock = NSLock()

    func draw(_ state: BrowserState, area: Rect, into buffer: inout ScreenBuffer, render: (inout ScreenBuffer) -> Void) {
        let key = Key(generation: state.corpus.generation, timeline: state.timeline, area: area, theme: state.themeIndex,
                      article: state.article, focus: state.focus)
        lock.lock()
        let saved = last
        lock.unlock()
        if let saved, saved.key == key {
            buffer.paste(saved.cells, in: area)
            return
        }
        render(&buffer)
        let cells = buffer.cells(in: area)
        lock.lock()
        last = (key, cells)
        lock.unlock()
    }
}

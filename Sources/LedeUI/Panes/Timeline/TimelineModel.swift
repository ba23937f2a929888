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

import LedeModel

/// The releases the timeline shows: all of them, or one organisation's.
public struct TimelineModel {
    public let releases: [Release]
    public let organisations: [String]

    public init(state: BrowserState) {
        let all = state.corpus.releases
        organisations = Array(Set(all.compactMap(\.organisation))).sorted()
        var shown = all
        if let filter = state.timeline.organisationFilter { shown = shown.filter { $0.organisation == filter } }
        if state.timeline.onlyCurrentArticle {
            shown = shown.filter { $0.isMentioned(inArticle: state.article, corpus: state.corpus) }
        }
        releases = shown
    }
}

extension Release {
    public func isMentioned(inArticle article: Int, corpus: Corpus) -> Bool {
        mentions.contains { corpus.mentions[$0].article == article }
    }
}

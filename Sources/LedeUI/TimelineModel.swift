import LedeModel

/// The releases the timeline shows: all of them, or one organisation's.
public struct TimelineModel {
    public let releases: [Release]
    public let organisations: [String]

    public init(state: BrowserState) {
        let all = state.corpus.releases
        organisations = Array(Set(all.compactMap(\.organisation))).sorted()
        if let filter = state.timeline.organisationFilter {
            releases = all.filter { $0.organisation == filter }
        } else {
            releases = all
        }
    }
}

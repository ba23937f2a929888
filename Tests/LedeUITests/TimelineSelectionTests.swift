// SPDX-License-Identifier: Apache-2.0
import LedeModel
import LedeTestSupport
@testable import LedeUI
import Synchronization
import Testing

/// The reference article while a first build links: releases arrive in
/// batches, each new generation holding more of them, in timeline order.
final class GrowingReleasesCorpus: ForwardingCorpus {
    let base: any Corpus = Fixture.reference
    private let published = Mutex<(generation: Int, releases: [Release])>((1_000, []))

    var generation: Int { published.withLock { $0.generation } }
    var releases: [Release] { published.withLock { $0.releases } }

    /// A new generation with these releases (the index committed another chunk).
    func publish(_ releases: [Release]) {
        published.withLock { $0 = ($0.generation + 1, releases) }
    }

    /// A release of model `number`, dated that many days into 2025.
    static func release(_ number: Int, organisation: String = "OpenAI") -> Release {
        Release(model: EntityID(Int64(50_000 + number)), modelName: "Model-\(number)", organisation: organisation,
                date: CalendarDate(dayNumber: CalendarDate(year: 2025, month: 1, day: 1).dayNumber + number), basis: .catalog)
    }
}

@Suite("Timeline selection by release")
struct TimelineSelectionTests {
    @Test("releases added while one is selected: the selection stays on that release")
    func staysOnReleaseAsReleasesArrive() throws {
        let corpus = GrowingReleasesCorpus()
        corpus.publish([10, 20, 30].map { GrowingReleasesCorpus.release($0) })
        var state = Fixture.state(corpus)
        state.apply(.corpusChanged(indexing: IndexingStatus("indexing")))
        Fixture.type(["t", "l"], into: &state)
        #expect(state.selectedRelease?.modelName == "Model-20")
        // The next chunk brings releases before and after the selected one.
        corpus.publish([5, 10, 15, 20, 25, 30].map { GrowingReleasesCorpus.release($0) })
        state.apply(.corpusChanged(indexing: IndexingStatus("indexing")))
        #expect(state.selectedRelease?.modelName == "Model-20")
        #expect(state.timelineSelection == 3)
        // From the reader, too: a release chosen is kept while more arrive.
        Fixture.type(["r"], into: &state)
        corpus.publish([1, 5, 10, 15, 20, 25, 30].map { GrowingReleasesCorpus.release($0) })
        state.apply(.corpusChanged(indexing: nil))
        #expect(state.selectedRelease?.modelName == "Model-20")
        let details = BrowserView.render(state).lines.first { $0.contains("▸ Model-20") }
        #expect(details?.contains("5/7") == true, "\(details ?? "no details row")")
    }

    @Test("a release that leaves the timeline gives the selection to the first one shown")
    func selectedReleaseLeaves() {
        let corpus = GrowingReleasesCorpus()
        corpus.publish([10, 20, 30].map { GrowingReleasesCorpus.release($0) })
        var state = Fixture.state(corpus)
        state.apply(.corpusChanged(indexing: nil))
        Fixture.type(["t", "l", "l"], into: &state)
        #expect(state.selectedRelease?.modelName == "Model-30")
        corpus.publish([10, 20].map { GrowingReleasesCorpus.release($0) })
        state.apply(.corpusChanged(indexing: nil))
        #expect(state.selectedRelease?.modelName == "Model-10")
    }

    @Test("the timeline model is made once per change of its inputs, not per read")
    func modelIsKept() {
        let corpus = GrowingReleasesCorpus()
        corpus.publish([10, 20, 30].map { GrowingReleasesCorpus.release($0) })
        var state = Fixture.state(corpus)
        state.apply(.corpusChanged(indexing: nil))
        let inputs = TimelineModel.Inputs(state: state)
        #expect(state.derived.timelineModel(for: inputs)?.releases.count == 3)
        Fixture.type(["t", "c"], into: &state)
        #expect(state.derived.timelineModel(for: TimelineModel.Inputs(state: state))?.releases.map(\.organisation) == ["OpenAI", "OpenAI", "OpenAI"])
    }

    @Test("the timeline says where each release stands: planned, delayed, cancelled; nothing for one that is out")
    func standingIsShown() {
        let corpus = GrowingReleasesCorpus()
        let statuses: [ReleaseStatus] = [.released, .planned, .delayed, .cancelled]
        corpus.publish(statuses.enumerated().map { number, status in
            var release = GrowingReleasesCorpus.release(10 * (number + 1))
            release.status = status
            release.planned = status == .planned || status == .delayed
            return release
        })
        var state = Fixture.state(corpus)
        state.apply(.corpusChanged(indexing: nil))
        Fixture.type(["t"], into: &state)
        for (number, status) in statuses.enumerated() {
            let details = BrowserView.render(state).lines.first { $0.contains("▸ Model-\(10 * (number + 1))") } ?? ""
            #expect(details.contains("· \(status.rawValue) ·") == (status != .released), "\(status): \(details)")
            Fixture.type(["l"], into: &state)
        }
    }
}

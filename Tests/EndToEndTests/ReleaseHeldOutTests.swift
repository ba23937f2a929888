// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeTestSupport
import Testing

/// The held-out set of fictional releases (`Tests/LedeModelTests/ReleaseHeldOut/`), scored by its
/// own `score.py` on the built binary, without the catalogue. The floors sit just under the scores
/// measured once, after the work on issue 21 (README, "The timeline"): a change that reads
/// releases worse fails here. They are floors to keep, never targets to tune to; a miss seen in
/// this set is not fixed by changing the extractor for it (the set's README says why).
@Suite("Release held-out set (floors)")
struct ReleaseHeldOutTests {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/LedeModelTests/ReleaseHeldOut").path

    struct Scores: Decodable {
        struct Counts: Decodable {
            var precision: Double
            var recall: Double
            var organisation_right: Double
            var date_right: Double
            var planned_right: Double
            var distractors_taken: Int
            var runs_failed: Int
        }
        var whole_folder: Counts
        var per_article_micro: Counts
    }

    @Test("whole folder and each article alone stay at or above the measured floors", .timeLimit(.minutes(5)))
    func floors() throws {
        let result = try spawn(["python3", Self.folder + "/score.py", "--json", TmuxSession.binary], environment: ProcessInfo.processInfo.environment,
                               directory: Self.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let scores = try JSONDecoder().decode(Scores.self, from: Data(result.stdout.utf8))
        let whole = scores.whole_folder, each = scores.per_article_micro
        #expect(whole.runs_failed == 0 && each.runs_failed == 0)
        // Measured: 0.906, 0.923, 0.896, 0.864, 0.979 (whole folder); 0.959, 0.790, 0.920 (each alone).
        #expect(whole.precision >= 0.88, "precision \(whole.precision)")
        #expect(whole.recall >= 0.90, "recall \(whole.recall)")
        #expect(whole.organisation_right >= 0.87, "organisation \(whole.organisation_right)")
        #expect(whole.date_right >= 0.84, "date \(whole.date_right)")
        #expect(whole.planned_right >= 0.95, "planned \(whole.planned_right)")
        #expect(whole.distractors_taken <= 4, "distractors \(whole.distractors_taken)")
        #expect(each.precision >= 0.93, "each alone: precision \(each.precision)")
        #expect(each.recall >= 0.77, "each alone: recall \(each.recall)")
        #expect(each.date_right >= 0.90, "each alone: date \(each.date_right)")
    }
}

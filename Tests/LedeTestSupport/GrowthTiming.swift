// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The fastest of a few runs, in seconds: for tests that compare the time of one input with
/// the time of four times that input (linear growth), never against an absolute time.
public func bestSeconds(runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

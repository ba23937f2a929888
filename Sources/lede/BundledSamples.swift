// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The sample articles shipped inside the executable's resource bundle.
enum BundledSamples {
    static func paths() -> [String] {
        guard let folder = Bundle.module.url(forResource: "Samples", withExtension: nil) else { return [] }
        return [folder.path]
    }
}

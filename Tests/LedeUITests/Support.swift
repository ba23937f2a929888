import Foundation
import LedeModel
import LedeTestSupport
@testable import LedeUI
import Testing

/// Shared state for UI tests: the reference article at a given size.
enum Fixture {
    static let reference = InMemoryCorpus.load(paths: [PackagePaths.fixture("reference.txt")])
    static let samples = InMemoryCorpus.load(paths: [PackagePaths.samples])

    static func state(_ corpus: Corpus = reference, width: Int = 120, height: Int = 40, theme: Theme = .fallback) -> BrowserState {
        BrowserState(corpus: corpus, themes: [theme], width: width, height: height)
    }

    /// Types keys: single characters as themselves, `<Name>` as named keys.
    static func type(_ keys: [String], into state: inout BrowserState) {
        for key in keys {
            if key.hasPrefix("<"), key.hasSuffix(">"), let named = Key(name: String(key.dropFirst().dropLast())) {
                state.apply(.key(named))
            } else {
                for character in key { state.apply(.key(.character(character))) }
            }
        }
    }
}

/// Compares buffer rows with expected lines, reporting each differing row.
func expectLines(_ buffer: ScreenBuffer, _ expected: [String], rows: Range<Int>? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = buffer.lines
    let range = rows ?? 0..<expected.count
    for (offset, y) in range.enumerated() where offset < expected.count {
        #expect(actual[y] == expected[offset], "row \(y) differs", sourceLocation: sourceLocation)
    }
}

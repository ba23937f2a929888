// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

@Suite("Name matcher: sparse automaton against the dense reference")
struct MatcherDifferentialTests {
    /// Pieces that make overlaps, case variants, boundaries and multi-byte
    /// scalars likely: ASCII both cases, digits, separators, accented Latin,
    /// CJK (ideographs are not word characters), emoji, a combining mark.
    static let atoms = ["a", "b", "A", "B", "ab", "Ab", "x", "1", " ", " ", "-", ".", "’", "'", "é", "É", "ß",
                        "中", "国", "🚀", "👩‍💻", "\u{301}", "ña", "Я", "z"]

    static func randomString(_ generator: inout SeededGenerator, atoms: Int) -> String {
        (0..<atoms).map { _ in Self.atoms.randomElement(using: &generator)! }.joined()
    }

    static func caseVariant(_ text: String, _ generator: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return text.uppercased()
        case 1: return text.lowercased()
        case 2: return text.map { Bool.random(using: &generator) ? $0.uppercased() : String($0) }.joined()
        default: return text
        }
    }

    static func randomPatterns(_ generator: inout SeededGenerator) -> [NamePattern] {
        var texts: [String] = []
        for _ in 0..<Int.random(in: 0...24, using: &generator) {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where !texts.isEmpty:  // a prefix of an earlier pattern
                let base = Array(texts.randomElement(using: &generator)!)
                texts.append(String(base[..<Int.random(in: 0...base.count, using: &generator)]))
            case 1 where !texts.isEmpty:  // a suffix of an earlier pattern
                let base = Array(texts.randomElement(using: &generator)!)
                texts.append(String(base[Int.random(in: 0...base.count, using: &generator)...]))
            case 2 where !texts.isEmpty:  // a case variant (or a duplicate)
                texts.append(caseVariant(texts.randomElement(using: &generator)!, &generator))
            case 3 where !texts.isEmpty:  // an extension of an earlier pattern
                texts.append(texts.randomElement(using: &generator)! + randomString(&generator, atoms: Int.random(in: 1...3, using: &generator)))
            default:
                texts.append(randomString(&generator, atoms: Int.random(in: 1...6, using: &generator)))
            }
        }
        let rules: [CaseRule] = [.exact, .firstLetterExact, .anyCase]
        return texts.enumerated().map { index, text in
            NamePattern(text: text, caseRule: rules.randomElement(using: &generator)!, payload: index,
                        priority: Int.random(in: 0...2, using: &generator))
        }
    }

    static func randomText(_ generator: inout SeededGenerator, patterns: [NamePattern]) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...30, using: &generator) {
            if !patterns.isEmpty, Int.random(in: 0..<3, using: &generator) == 0 {
                text += caseVariant(patterns.randomElement(using: &generator)!.text, &generator)
            } else {
                text += randomString(&generator, atoms: Int.random(in: 1...3, using: &generator))
            }
        }
        return text
    }

    /// The production matcher with a few dense-row budgets (1: only the root
    /// is dense, so nearly every step goes through the sparse edges and
    /// failure links) must find exactly what the dense reference finds.
    func expectSame(_ patterns: [NamePattern], _ texts: [String], context: String) {
        let reference = ReferenceDenseMatcher(patterns: patterns)
        for budget in [1, 2, 7, NameMatcher.denseStateBudget] {
            let matcher = NameMatcher(patterns: patterns, denseStateBudget: budget)
            #expect(matcher.stateCount == reference.stateCount)
            #expect(matcher.patterns == reference.patterns)
            for text in texts {
                let expected = reference.allMatches(in: text)
                let found = matcher.allMatches(in: text)
                #expect(found == expected, "\(context), budget \(budget), text \(text.debugDescription)")
                if found != expected { return }
            }
        }
    }

    @Test("random pattern sets and texts: same matches in the same order")
    func randomSets() {
        var generator = SeededGenerator(seed: 2025)
        for round in 0..<150 {
            let patterns = Self.randomPatterns(&generator)
            var texts = (0..<4).map { _ in Self.randomText(&generator, patterns: patterns) }
            texts.append("")
            if let whole = patterns.randomElement(using: &generator) { texts.append(whole.text) }
            expectSame(patterns, texts, context: "round \(round), patterns \(patterns.map(\.text))")
        }
    }

    @Test("states with many children (binary search over their edges)")
    func wideStates() {
        var generator = SeededGenerator(seed: 99)
        let singles = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -.’'é中🚀")
        for round in 0..<40 {
            let prefixes = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                Self.randomString(&generator, atoms: Int.random(in: 1...3, using: &generator))
            }
            var texts: [String] = []
            for _ in 0..<Int.random(in: 5...70, using: &generator) {
                let tail = (0..<Int.random(in: 1...2, using: &generator)).map { _ in String(singles.randomElement(using: &generator)!) }.joined()
                texts.append(prefixes.randomElement(using: &generator)! + tail)
            }
            let rules: [CaseRule] = [.exact, .firstLetterExact, .anyCase]
            let patterns = texts.enumerated().map { NamePattern(text: $1, caseRule: rules.randomElement(using: &generator)!, payload: $0) }
            let text = (0..<40).map { _ in
                Bool.random(using: &generator) ? Self.caseVariant(texts.randomElement(using: &generator)!, &generator)
                    : Self.randomString(&generator, atoms: 2)
            }.joined(separator: Bool.random(using: &generator) ? " " : "")
            expectSame(patterns, [text, texts.joined(separator: " ")], context: "round \(round), patterns \(texts)")
        }
    }

    @Test("the bundled gazetteer's and catalogue's names over a bundled sample")
    func bundledNames() throws {
        let names = Gazetteer.bundled.entries.flatMap(\.allNames)
            + ReleaseCatalogue.bundled.entries.flatMap { $0.names + $0.contextualNames }
        #expect(names.count > 600)
        let patterns = names.enumerated().map { NamePattern(text: $1, caseRule: NameForms.caseRule(for: $1), payload: $0) }
        let sample = try String(contentsOfFile: PackagePaths.samples + "/001_deepseek_r1_selloff.txt", encoding: .utf8)
        expectSame(patterns, [sample], context: "bundled names")
    }

    @Test("arbitrary bytes, invalid UTF-8 included")
    func rawBytes() {
        var generator = SeededGenerator(seed: 7)
        let alphabet: [UInt8] = [0x61, 0x62, 0x41, 0x20, 0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0x80, 0xFF, 0x2D]
        for _ in 0..<60 {
            let patterns = Self.randomPatterns(&generator)
            let reference = ReferenceDenseMatcher(patterns: patterns)
            let matcher = NameMatcher(patterns: patterns, denseStateBudget: 1)
            for _ in 0..<4 {
                var bytes = (0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
                if let pattern = patterns.randomElement(using: &generator) {
                    bytes.insert(contentsOf: Array(pattern.text.utf8), at: Int.random(in: 0...bytes.count, using: &generator))
                }
                let same = bytes.withUnsafeBufferPointer { buffer in
                    matcher.allMatches(in: buffer) == reference.allMatches(in: buffer)
                }
                #expect(same, "patterns \(patterns.map(\.text)), bytes \(bytes)")
            }
        }
    }

    @Test("hand-picked edge cases")
    func edgeCases() {
        let texts = ["", "US", "us", "The US government, the US, meta, Meta’s and METAL.", "aaaa", "a a", "中国🚀 Nvidia 和 Nvidia",
                     "Nvidia’s", "deep-seek", "DeepSeek-R1", "R1", "x R1 y", "é", "éa", "aé", "Ünvidia", "nvidia1", "1nvidia"]
        let patterns = ["US", "US government", "Meta", "a", "aa", "aaa", "Nvidia", "中国", "国", "🚀", "R1", "DeepSeek-R1",
                        "DeepSeek", "Seek", "é", "ea", "nvidia", "NVIDIA", "US"]
        let rules: [CaseRule] = [.exact, .firstLetterExact, .anyCase]
        let set = patterns.enumerated().map { NamePattern(text: $1, caseRule: rules[$0 % 3], payload: $0) }
        expectSame(set, texts + patterns, context: "edge cases")
        expectSame([], texts, context: "no patterns")
        expectSame([NamePattern(text: "", caseRule: .anyCase, payload: 0)], texts, context: "only an empty pattern")
    }

    /// The dense table needed 1 KB per pattern byte (4 MB of labels: 4.3 GB).
    /// 2 MB here keeps a debug build of the test well under a second; the
    /// release benchmark measured 4 MB at about 15 bytes per pattern byte.
    @Test("2 MB of long labels: builds, stays under 40 bytes per pattern byte, still matches")
    func largePatternText() {
        var generator = SeededGenerator(seed: 42)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        var patterns: [NamePattern] = []
        patterns.reserveCapacity(10_000)
        var bytes = [UInt8](repeating: 0, count: 200)
        for index in 0..<10_000 {
            for offset in 0..<200 { bytes[offset] = letters[Int(generator.next() % UInt64(letters.count))] }
            patterns.append(NamePattern(text: String(decoding: bytes, as: UTF8.self), caseRule: .exact, payload: index))
        }
        let patternBytes = patterns.reduce(0) { $0 + $1.text.utf8.count }
        #expect(patternBytes == 2_000_000)
        let matcher = NameMatcher(patterns: patterns)
        #expect(matcher.stateCount > 1_950_000)
        let perByte = Double(matcher.approximateByteCount) / Double(patternBytes)
        #expect(perByte < 40, "\(perByte) bytes per pattern byte")
        let text = "First \(patterns[123].text), then \(patterns[9_999].text.lowercased()) and \(patterns[9_999].text)."
        #expect(matcher.allMatches(in: text).map(\.pattern) == [123, 9_999])
    }

    @Test("nested names a, aa, … (2,000 a's): builds quickly, matches whole words only")
    func nestedNames() {
        let patterns = (1...2000).map { NamePattern(text: String(repeating: "a", count: $0), caseRule: .anyCase, payload: $0) }
        let matcher = NameMatcher(patterns: patterns)
        #expect(matcher.stateCount == 2001)
        // Linear: the pattern text, one entry per state and per pattern, no
        // per-state copies of the 2,000 nested outputs (the dense table held ~12 MB).
        let patternBytes = 2000 * 2001 / 2
        #expect(matcher.approximateByteCount < 3 * patternBytes)
        let text = "b aaa, A. " + String(repeating: "a", count: 300) + " aAaA"
        let found = matcher.allMatches(in: text).map { match in
            (match.byteStart, match.byteEnd, matcher.patterns[match.pattern].payload)
        }
        #expect(found.map(\.0) == [2, 7, 10, 311])
        #expect(found.map(\.1) == [5, 8, 310, 315])
        #expect(found.map(\.2) == [3, 1, 300, 4])
    }
}

// SPDX-License-Identifier: Apache-2.0
import LedeText
import Testing

@Suite("Words and normal forms")
struct WordsTests {
    @Test("letters, marks and digits make words; punctuation and spaces do not")
    func wordScalars() {
        for scalar in "aZ09éß深\u{0301}٣".unicodeScalars { #expect(Words.isWordScalar(scalar), "\(scalar)") }
        for scalar in " -.,’'\u{E000}".unicodeScalars { #expect(!Words.isWordScalar(scalar), "\(scalar)") }
        #expect(Words.isSearchScalar("\u{E000}"))
    }

    @Test("CJK ideographs never glue a name; other letters and combining marks do")
    func nameEdges() {
        var text = "在OpenAI发布 Cafe\u{0301}"
        text.withUTF8 { bytes in
            #expect(!Words.joinsName(endingAt: 3, in: bytes))       // 在
            #expect(!Words.joinsName(startingAt: 9, in: bytes))     // 发
            #expect(Words.joinsName(startingAt: 20, in: bytes))     // U+0301 after `Cafe`
        }
    }

    @Test("search words are folded: case and accents go, offsets stay")
    func searchTokens() {
        let tokens = Words.searchTokens(in: Array("Éclair, DeepSeek’s R1".unicodeScalars)[...])
        #expect(tokens.map(\.word) == ["eclair", "deepseek", "s", "r1"])
        #expect(tokens.map(\.range) == [0..<6, 8..<16, 17..<18, 19..<21])
    }

    @Test("name keys: case, hyphens, spaces and possessives do not matter; version dots do")
    func nameKeys() {
        #expect(Normalisation.nameKey("Zed-9’s") == Normalisation.nameKey("zed 9"))
        #expect(Normalisation.nameKey("Zed  9 Mini") == "zed 9 mini")
        #expect(Normalisation.nameKey("Zed-9.5") == "zed 9.5")
        #expect(Normalisation.nameKey("Zed-9.5") != Normalisation.nameKey("Zed-95"))
        #expect(Normalisation.plainQuote("’") == "'")
    }
}

@testable import LedeUI
import Testing

@Suite("Screen buffer")
struct ScreenBufferTests {
    @Test("wide graphemes take two cells and never straddle the clip edge")
    func wide() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        buffer.put("中文ab", x: 0, y: 0, style: .plain)
        #expect(buffer.line(0) == "中文ab")
        #expect(buffer[1, 0].isContinuation)
        buffer.put("a中文", x: 0, y: 1, style: .plain, clip: Rect(x: 0, y: 1, width: 4, height: 1))
        #expect(buffer.line(1) == "a中   ")
    }

    @Test("overwriting half of a wide grapheme blanks the other half")
    func overwriteHalf() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("中", x: 0, y: 0, style: .plain)
        buffer.put("x", x: 1, y: 0, style: .plain)
        #expect(buffer.line(0) == " x  ")
    }

    @Test("control characters become visible placeholders")
    func controls() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        buffer.put("a\u{1B}[31m\u{07}\u{9B}\tb", x: 0, y: 0, style: .plain)
        #expect(buffer.line(0) == "a␛[31m␇� b")
        #expect(!buffer.cells.contains { cell in cell.grapheme.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }

    @Test("display widths", arguments: [("a", 1), ("中", 2), ("🚀", 2), ("é", 1), ("👍🏽", 2), ("❤️", 2), ("—", 1)])
    func widths(text: String, expected: Int) {
        #expect(DisplayWidth.of(Character(text)) == expected)
    }

    @Test func truncation() {
        #expect(TextFit.truncate("Alibaba Group", to: 8) == "Alibaba…")
        #expect(TextFit.truncate("中文中文", to: 5) == "中文…")
        #expect(TextFit.pad("ab", to: 4) == "ab  ")
    }
}

// SPDX-License-Identifier: Apache-2.0
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

@Suite("Screen diff")
struct ScreenDiffTests {
    static func buffer(_ rows: [String], width: Int = 6) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: rows.count, fill: .plain)
        for (y, row) in rows.enumerated() { buffer.put(row, x: 0, y: y, style: .plain) }
        return buffer
    }

    /// The writes as "x,y:grapheme" for readable failures.
    static func writes(_ diff: ScreenDiff) -> [String] { diff.writes.map { "\($0.x),\($0.y):\($0.cell.grapheme)" } }

    @Test("no previous frame or another size: clear, then every cell but the bottom-right one")
    func full() {
        let next = Self.buffer(["ab", "cd"], width: 2)
        let diff = ScreenDiff(from: nil, to: next, size: (2, 2))
        #expect(diff.clearsFirst)
        #expect(Self.writes(diff) == ["0,0:a", "1,0:b", "0,1:c"])
        #expect(ScreenDiff(from: Self.buffer(["ab"], width: 2), to: next, size: (2, 2)).clearsFirst)
    }

    @Test("only changed cells, in row order; nothing for the same frame")
    func changed() {
        let previous = Self.buffer(["abcdef", "ghijkl", "      "])
        #expect(ScreenDiff(from: previous, to: previous, size: (6, 3)).writes.isEmpty)
        let next = Self.buffer(["abXdef", "ghijkY", "      "])
        let diff = ScreenDiff(from: previous, to: next, size: (6, 3))
        #expect(!diff.clearsFirst)
        #expect(Self.writes(diff) == ["2,0:X", "5,1:Y"])
    }

    @Test("a wide cell is written once, with its second column; rewritten when that column changed")
    func wide() {
        let previous = Self.buffer(["a中b   ", "      "])
        // 中 moves one column right: its old second column now holds b; its new one (the old b) is covered by it.
        let moved = Self.buffer(["ab中   ", "      "])
        #expect(Self.writes(ScreenDiff(from: previous, to: moved, size: (6, 2))) == ["1,0:b", "2,0:中"])
        // Same wide cell, but what it covers changed in the buffer (a narrow cell was drawn over its second half before).
        var covered = previous
        covered.put("x", x: 2, y: 0, style: .plain)
        let diff = ScreenDiff(from: covered, to: previous, size: (6, 2))
        #expect(Self.writes(diff).contains("1,0:中"))
        #expect(!Self.writes(diff).contains { $0.hasPrefix("2,0") })
    }

    @Test("a wide cell whose right half would be the bottom-right cell is not written; cells beyond the terminal neither")
    func edges() {
        let next = Self.buffer(["abc", "d中"], width: 3)
        #expect(Self.writes(ScreenDiff(from: nil, to: next, size: (3, 2))) == ["0,0:a", "1,0:b", "2,0:c", "0,1:d"])
        // On a 2×1 terminal (1,0) is the bottom-right cell.
        #expect(Self.writes(ScreenDiff(from: nil, to: next, size: (2, 1))) == ["0,0:a"])
    }
}

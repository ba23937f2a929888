// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeTestSupport
@testable import LedeUI
import Testing

/// Shared state for UI tests: the reference article at a given size.
enum Fixture {
    static let reference = InMemoryCorpus.load(paths: [PackagePaths.reference])
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

/// Compares buffer rows with expected lines; a differing row is reported by
/// its first differing column, with the cell found there and its style.
func expectLines(_ buffer: ScreenBuffer, _ expected: [String], rows: Range<Int>? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = buffer.lines
    let range = rows ?? 0..<expected.count
    for (offset, y) in range.enumerated() where offset < expected.count && actual[y] != expected[offset] {
        Issue.record(Comment(rawValue: cellDifference(buffer, row: y, expected: expected[offset])), sourceLocation: sourceLocation)
    }
}

/// "row 3, column 12: found 'x' (fg …, bg …, attrs …), expected 'y'" for the first cell that differs.
func cellDifference(_ buffer: ScreenBuffer, row y: Int, expected: String) -> String {
    var column = 0
    var wanted = Array(expected).makeIterator()
    while column < buffer.width {
        let cell = buffer[column, y]
        if cell.isContinuation { column += 1; continue }
        let expectedCharacter = wanted.next()
        if expectedCharacter != cell.grapheme {
            let style = cell.style
            return "row \(y), column \(column): found '\(cell.grapheme)' (fg \(style.foreground.map { "\($0)" } ?? "none"), "
                + "bg \(style.background.map { "\($0)" } ?? "none"), attrs \(style.attributes.rawValue)), "
                + "expected '\(expectedCharacter.map(String.init) ?? "end of line")'\n  found:    \(buffer.line(y))\n  expected: \(expected)"
        }
        column += Int(max(1, cell.width))
    }
    return "row \(y): found \(buffer.line(y)), expected \(expected)"
}

/// Checks a row's styles against a picture of it: under each cell of `marks`
/// that is not a space the cell must satisfy `styled`, under each space it
/// must not. Written under the expected line, the marks show which
/// characters carry the style (`"In January the US widened"` over
/// `"               ^^        "`). A differing cell is reported by column.
func expectStyled(_ buffer: ScreenBuffer, row y: Int, from x: Int = 0, _ marks: String, _ what: String,
                  sourceLocation: SourceLocation = #_sourceLocation, _ styled: (Style) -> Bool) {
    var column = x
    for mark in marks {
        guard column < buffer.width else { break }
        let cell = buffer[column, y]
        if styled(cell.style) != (mark != " ") {
            Issue.record(Comment(rawValue: "row \(y), column \(column) ('\(cell.grapheme)'): \(mark != " " ? "expected" : "did not expect") \(what)"
                + "\n  found:    \(buffer.line(y))\n  marks:    \(String(repeating: " ", count: x))\(marks)"), sourceLocation: sourceLocation)
            return
        }
        column += Int(max(1, cell.width))
    }
}

extension BrowserState {
    /// Whether the reader's `/` prompt is taking keys.
    var isEditingReaderSearch: Bool { if case .readerSearch = prompt { true } else { false } }
}

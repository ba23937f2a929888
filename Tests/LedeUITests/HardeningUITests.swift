// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
@testable import LedeConfig
@testable import LedeUI
import Testing

/// What reaches the screen and how settings files are read, under hostile
/// input (issue 11).
@Suite("Hardening: screen text and settings files")
struct HardeningUITests {
    // MARK: - Graphemes on screen

    @Test("controls in a cell follow the one mapping: TAB is a space, ESC a picture, C1 and bidi a replacement")
    func controlsInCells() {
        #expect(SafeText.displayable("\t") == " ")
        #expect(SafeText.displayable("\u{1B}") == "␛")
        #expect(SafeText.displayable("\u{9B}") == "\u{FFFD}")
        #expect(SafeText.displayable("\u{202E}") == "\u{FFFD}")
        #expect(SafeText.displayable("\u{7F}") == "␡")
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value), let shown = SafeText.displayable(Character(scalar)) else { continue }
            #expect(!shown.unicodeScalars.contains(where: ControlCharacters.needsReplacing), "U+\(String(value, radix: 16)) reaches a cell")
        }
    }

    @Test("a prepended concatenation mark does not swallow the next character")
    func prependedMark() {
        let text = "\u{0600}5 and \u{06DD}7"
        // Unicode joins each mark to the digit after it: 7 graphemes, not 9.
        #expect(Array(text).count == 7)
        var buffer = ScreenBuffer(width: 20, height: 1)
        buffer.put(text, x: 0, y: 0, style: .plain)
        #expect(buffer.lines[0].hasPrefix("5 and 7"))
    }

    @Test("a combining mark with nothing before it sits on a dotted circle; a lone zero-width space takes no cell")
    func orphanMarks() {
        #expect(SafeText.displayable("\u{0301}") == "\u{25CC}\u{0301}")
        #expect(SafeText.displayable("\u{200B}") == nil)
        #expect(SafeText.displayable("\u{FEFF}") == nil)
        let lines = ReaderLayout.wrap("a\u{200B}b", width: 10, kind: .text(paragraph: 0))
        #expect(lines.count == 1 && String(lines[0].graphemes) == "ab")
        #expect(lines[0].offsets == [0, 2])
    }

    @Test("emoji sequences are one grapheme two columns wide: ZWJ families, flags, skin tones, keycaps", arguments: [
        "👨‍👩‍👧‍👦", "🇯🇵", "👍🏽", "1️⃣", "❤️", "🏳️‍🌈",
    ])
    func emojiSequences(emoji: String) {
        #expect(emoji.count == 1)
        let character = emoji.first!
        #expect(SafeText.displayable(character) == character)
        #expect(DisplayWidth.of(character) == 2)
        var buffer = ScreenBuffer(width: 6, height: 1)
        let next = buffer.put("a" + emoji + "b", x: 0, y: 0, style: .plain)
        #expect(next == 4)
        #expect(buffer[1, 0].grapheme == character && buffer[2, 0].isContinuation && buffer[3, 0].grapheme == "b")
        // Wrapping never splits the sequence.
        let lines = ReaderLayout.wrap(String(repeating: emoji, count: 5), width: 3, kind: .text(paragraph: 0))
        #expect(lines.allSatisfy { $0.graphemes.allSatisfy { $0 == character } })
        #expect(lines.count == 5)
    }

    /// glibc's widths for the scalars below (as `wcwidth` gives them under C.UTF-8).
    static func libcWidth(_ value: UInt32) -> Int {
        switch value {
        case 0x200D, 0xFE0F, 0x20E3: 0
        case 0x1F1E6...0x1F1FF: 1
        case 0x2764: 1
        case 0x1F300...0x1F6FF, 0x1F900...0x1F9FF: 2
        case 0x0020...0x007E: 1
        case 0xFFFD: 1
        default: -1
        }
    }

    @Test("curses gets glyphs that fill the cell exactly, whatever the C library thinks of the sequence")
    func glyphsForCurses() {
        func glyphs(_ text: String) -> [TerminalGlyphs.Glyph] {
            TerminalGlyphs.glyphs(for: text.first!, width: DisplayWidth.of(text.first!), measure: Self.libcWidth)
        }
        // A flag: two one-column letters, side by side.
        #expect(glyphs("🇯🇵") == [.init(column: 0, scalars: [0x1F1EF]), .init(column: 1, scalars: [0x1F1F5])])
        // ❤️ is one column to the C library: the second column is cleared.
        #expect(glyphs("❤️") == [.init(column: 0, scalars: [0x2764, 0xFE0F]), .init(column: 1, scalars: [0x20])])
        // A family: its first person, without a dangling joiner.
        #expect(glyphs("👨‍👩‍👧‍👦") == [.init(column: 0, scalars: [0x1F468])])
        // A skin tone is a second two-column scalar to the C library: the hand alone.
        #expect(glyphs("👍🏽") == [.init(column: 0, scalars: [0x1F44D])])
        // Unknown to the C library: a replacement, padded to the cell.
        #expect(TerminalGlyphs.glyphs(for: "\u{E000}", width: 2, measure: Self.libcWidth)
            == [.init(column: 0, scalars: [0xFFFD]), .init(column: 1, scalars: [0x20])])
    }

    // MARK: - Settings files

    @Test("TOML key lines: tables, dotted and quoted keys, first occurrence")
    func keyLines() {
        let lines = TOMLKeyLines("""
        name = "x"
        [ui]
        border = { fg = "red" }
          "quoted.key" = 1
        [timeline.organisations]
        OpenAI = "blue"
        [keys]
        name = "again"
        """)
        #expect(lines.line(of: "name") == 1)
        #expect(lines.line(of: "ui") == 2)
        #expect(lines.line(of: "ui.border") == 3)
        #expect(lines.line(of: "ui.quoted.key") == 4)
        #expect(lines.line(of: "timeline.organisations.OpenAI") == 6)
        #expect(lines.line(of: "keys.name") == 8)
        #expect(lines.line(of: "missing") == nil)
    }

    @Test("8,000 unknown settings are each reported at their own line, in one pass", .timeLimit(.minutes(1)))
    func manyUnknownKeys() {
        let count = 8_000
        let text = (0..<count).map { "unknown\($0) = \($0)" }.joined(separator: "\n") + "\n[keys]\nmoveDown = \"j\"\n"
        let (map, problems) = KeyMap.defaults.applying(configText: text, path: "config.toml")
        #expect(problems.count == count)
        #expect(problems.first == "config.toml:1: unknown setting 'unknown0' (expected theme, remember, accessible, mouse, catalogue, [keys], [clipboard], [ner] or [feeds])")
        #expect(problems.last == "config.toml:\(count): unknown setting 'unknown\(count - 1)' (expected theme, remember, accessible, mouse, catalogue, [keys], [clipboard], [ner] or [feeds])")
        #expect(map.action(for: .character("j"), in: .reader) == .moveDown)
    }

    @Test("bad [keys] values keep the defaults and say where", arguments: [
        ("keys = \"no\"", "config.toml:1: 'keys' must be a table"),
        ("[keys]\nmoveUp = [1, 2]", "config.toml:2: 'moveUp': 1 is not a key name in quotes; the default stays"),
        ("[keys]\nmoveUp = []", "config.toml:2: an empty list would leave 'moveUp' with no key; the default stays"),
        ("[keys]\nmoveUp = 42", "config.toml:2: 'moveUp' needs a key name in quotes or a list of them"),
        ("[keys]\nmoveUp = \"\\u001B\"", "config.toml:2: unknown key name '\u{1B}' for 'moveUp'; the default stays"),
    ])
    func badKeyValues(config: String, message: String) {
        let (map, problems) = KeyMap.defaults.applying(configText: config, path: "config.toml")
        #expect(problems.contains { $0.hasPrefix(message) }, "\(problems)")
        #expect(map.action(for: .character("k"), in: .reader) == .moveUp)
        #expect(map.action(for: .up, in: .reader) == .moveUp)
    }

    @Test("a key bound to two actions in one pane is reported, naming which wins")
    func collisions() {
        let (map, problems) = KeyMap.defaults.applying(configText: "[keys]\nmoveUp = [\"k\", \"n\"]", path: "config.toml")
        #expect(problems == ["config.toml:2: key 'n' is bound to both 'moveUp' and 'searchNext' (reader); 'moveUp' wins"])
        #expect(map.action(for: .character("n"), in: .reader) == .moveUp)
        // The shipped table has no collisions of its own.
        #expect(KeyMap.defaults.collisions(involving: Dictionary(uniqueKeysWithValues: Action.allCases.map { ($0, "x") })).isEmpty)
    }

    @Test("key names from a config are printed as text in `lede keys`")
    func keyTableSanitised() {
        #expect(Key(name: "\u{1B}") == nil)
        #expect(Key(name: "\u{9B}") == nil)
        #expect(Key(name: "\u{202E}") == nil)
        let (map, _) = KeyMap.defaults.applying(configText: "[keys]\nmoveUp = [\"k\", \"|\"]", path: "c.toml")
        let table = KeyTable.markdown(map)
        #expect(table.contains("`\\|`"))
        #expect(!table.unicodeScalars.contains { $0 != "\n" && ControlCharacters.needsReplacing($0) })
    }

    @Test("settings files: a folder, a FIFO, non-UTF-8 and a missing file each get their answer", .timeLimit(.minutes(1)))
    func settingsFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(SettingsFile.read(folder.appendingPathComponent("none.toml").path) == .absent)
        #expect(SettingsFile.read(folder.path) == .problem(line: nil, message: "is a folder, not a TOML file"))
        let fifo = folder.appendingPathComponent("fifo.toml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(SettingsFile.read(fifo) == .problem(line: nil, message: "is a named pipe, not a TOML file; not read"))
        let latin1 = folder.appendingPathComponent("latin1.toml")
        try Data("name = \"ok\"\ndescription = \"caf".utf8 + [0xE9] + Data("\"\n".utf8)).write(to: latin1)
        #expect(SettingsFile.read(latin1.path) == .problem(line: 2, message: "not UTF-8 text"))
        guard case .failure(let problem) = ThemeLoader.load(path: latin1.path) else {
            Issue.record("a Latin-1 theme loaded")
            return
        }
        #expect(problem.description == "\(latin1.path):2: not UTF-8 text")
    }
}

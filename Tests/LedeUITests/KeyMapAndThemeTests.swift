// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeTestSupport
@testable import LedeConfig
@testable import LedeUI
import Testing

@Suite("Keymap")
struct KeyMapTests {
    @Test("the keys the design brief promises are bound", arguments: [
        ("q", Pane.reader, Action.quit), ("?", .reader, .help), ("j", .reader, .moveDown), ("k", .reader, .moveUp),
        ("Down", .reader, .moveDown), ("Up", .reader, .moveUp), ("Space", .reader, .pageDown), ("b", .reader, .pageUp),
        ("PgDn", .reader, .pageDown), ("PgUp", .reader, .pageUp), ("g", .reader, .top), ("G", .reader, .bottom),
        ("Tab", .reader, .nextMention), ("S-Tab", .reader, .previousMention), ("]", .reader, .nextSameEntity),
        ("[", .reader, .previousSameEntity), ("Enter", .reader, .follow), ("Enter", .sidebar, .follow), ("Enter", .timeline, .follow),
        ("Backspace", .reader, .back), ("e", .reader, .focusSidebar), ("t", .reader, .focusTimeline), ("r", .sidebar, .focusReader),
        ("/", .reader, .search), ("/", .sidebar, .filterEntities), ("n", .reader, .searchNext), ("N", .reader, .searchPrevious),
    ])
    func contract(key: String, pane: Pane, action: Action) {
        #expect(KeyMap.defaults.action(for: Key(name: key)!, in: pane) == action)
    }

    @Test("help lists exactly the bindings that work in the focused pane", arguments: [Pane.reader, .sidebar, .timeline])
    func help(pane: Pane) {
        let listed = HelpOverlay.lines(for: pane, keyMap: .defaults)
        let bindings = KeyMap.defaults.bindings(in: pane)
        #expect(listed.count == bindings.count)
        for binding in bindings {
            for key in binding.keys {
                // Every listed key really triggers its action in that pane.
                #expect(KeyMap.defaults.action(for: key, in: pane) == binding.action, "\(key.name) in \(pane)")
            }
        }
        // And nothing from another pane only.
        let actionsHere = Set(bindings.map(\.action))
        let others = KeyMap.defaults.bindings.filter { !$0.panes.contains(pane) && !actionsHere.contains($0.action) }
        for other in others { #expect(!listed.contains { $0.help == other.help }, "\(other.help)") }
        // A key another row takes first is not listed under this one.
        #expect(!(pane == .sidebar && listed.contains { $0.help == "back along the jump history" && $0.keys.contains("Backspace") }))
    }

    @Test("the help overlay draws the focused pane's bindings")
    func helpScreen() {
        var state = Fixture.state(width: 120, height: 50)
        state.focus = .timeline
        state.perform(.help)
        let text = BrowserView.render(state).lines.joined(separator: "\n")
        #expect(text.contains("Keys — Model releases"))
        #expect(text.contains("select the earlier release"))
        #expect(!text.contains("search the text as you type"))
    }

    @Test("rebinding from config; unknown actions and keys reported with line; defaults stay")
    func rebinding() {
        let config = """
        theme = "light"
        [keys]
        moveDown = ["j", "C-j"]
        jumpAround = "x"
        moveUp = ["k", "Hyper-Up"]
        """
        let (map, problems) = KeyMap.defaults.applying(configText: config, path: "config.toml")
        #expect(map.action(for: .control("j"), in: .reader) == .moveDown)
        #expect(problems == ["config.toml:4: unknown action 'jumpAround' (lede keys lists them)",
                             "config.toml:5: unknown key name 'Hyper-Up' for 'moveUp'; the default stays"])
        #expect(map.action(for: .character("k"), in: .reader) == .moveUp)
        #expect(map.action(for: .up, in: .reader) == .moveUp) // unchanged default
        let (_, syntax) = KeyMap.defaults.applying(configText: "[keys\nx = 1", path: "c.toml")
        #expect(syntax.count == 1 && syntax[0].hasPrefix("c.toml:1: TOML syntax error"))
    }
}

/// Found by the `config` fuzz harness (Fuzz/crashers/config): toml++ inside
/// TOMLKit aborted lede on an assertion for these, from config.toml or a theme.
@Suite("TOML that the parser must not see")
struct TOMLPreflightTests {
    @Test("a header without a name, an array element starting with } or U+2028: a syntax error with its line, not an abort", arguments: [
        ("[’]\n", 1), ("[=]", 1), ("x = 1\n\n[é]\ny = 2\n", 3), ("[[[1]]]", 1), ("[\n", 1), ("[ \t#]", 1), ("[[ ,]]", 1),
        ("\u{FEFF}[=]", 1), ("a = \"\"\"x\"\"\"\"\n[=]", 2), ("a = [\n  1,\n]\n  [.]", 4), ("a = \"\"\"\\\n\\\n\"\"\"\n[*]", 4),
        ("x = [}", 1), ("x = [1,\n # c\n }", 3), ("[ui]\ntext = { a = [\"x\", }", 2), ("x = [\u{2028}]", 1), ("x = [\u{85}]", 1),
        ("x = [[}]]", 1),
    ])
    func rejected(text: String, line: Int) {
        let (map, problems) = KeyMap.defaults.applying(configText: text, path: "c.toml")
        #expect(problems.count == 1 && problems[0].hasPrefix("c.toml:\(line): TOML syntax error"), "\(problems)")
        #expect(map.bindings == KeyMap.defaults.bindings)
        switch ThemeLoader.parse(text, path: "t.toml") {
        case .success: Issue.record("accepted \(text.debugDescription)")
        case .failure(let problem): #expect(problem.line == line && problem.message.hasPrefix("TOML syntax error"), "\(problem)")
        }
        #expect(TOMLPreflight.table(text) == nil)
    }

    @Test("brackets that are not table headers, and quoted names, still reach the parser", arguments: [
        "a = \"\"\"\n[=]\n\"\"\"", "a = '''\n[=]\n'''", "a = [\n[1],\n[ \"x\" ],\n]", "# [=]\n", "[\"é\"]\n", "[ 'a b' ]",
        "a = \"[\" # [\n[b]", "[a.\"é\"]", "[[x]]\n[[ x ]]", "[ui]\ntext = { fg = \"#ffffff\" }",
        "x = [ # c\n  1, # d\n  { a = [] },\n  \"]}\",\n]", "x = [1 }", "x = { a = 1 }\n[t]", "x = [\n]\n[t]",
    ])
    func passed(text: String) {
        #expect(TOMLPreflight.check(text) == nil, "\(text.debugDescription)")
    }
}

@Suite("Themes")
struct ThemeTests {
    static let folder = PackagePaths.root.appendingPathComponent("themes").path

    @Test("every shipped theme parses and styles every element")
    func shipped() throws {
        let entries = ThemeDirectory(folders: [(Self.folder, .shipped)]).entries()
        #expect(entries.count >= 5)
        #expect(Set(entries.map(\.name)).isSuperset(of: ["default", "light", "high-contrast", "monochrome", "solarized-dark"]))
        for entry in entries {
            let loaded = try ThemeLoader.load(path: entry.path).get()
            #expect(loaded.missing.isEmpty, "\(entry.name) misses \(loaded.missing)")
            #expect(loaded.theme.styles.count == ThemeElement.allCases.count)
        }
        let mono = try ThemeLoader.load(path: Self.folder + "/monochrome.toml").get().theme
        #expect(mono.styles.values.allSatisfy { $0.foreground == nil && $0.background == nil })
        #expect(try ThemeLoader.load(path: Self.folder + "/solarized-dark.toml").get().theme.source != nil)
    }

    @Test("entity types stay distinguishable at 256 and at 8 colours in every colour theme")
    func distinguishable() throws {
        for name in ["default", "light", "high-contrast", "solarized-dark"] {
            let theme = try ThemeLoader.load(path: Self.folder + "/\(name).toml").get().theme
            for capability in [ColorCapability.palette256, .eight] {
                let looks = [ThemeElement.organisation, .person, .location, .topic, .model].map { element -> String in
                    let style = theme[element]
                    let color = style.foreground.flatMap { ColorMapping.terminalColor($0, capability: capability) }
                    return "\(color ?? -1)/\(style.attributes.rawValue)"
                }
                #expect(Set(looks).count == 5, "\(name) at \(capability): \(looks)")
            }
        }
    }

    /// Prints the fallback table of each theme's entity colours (for the record)
    /// and checks every mapped value is a valid colour for its capability.
    @Test("fallback table: every colour maps into range at 256, 16 and 8 colours")
    func fallbackTable() throws {
        for name in ["default", "light", "high-contrast", "solarized-dark"] {
            let theme = try ThemeLoader.load(path: Self.folder + "/\(name).toml").get().theme
            for element in [ThemeElement.text, .organisation, .person, .location, .topic, .model] {
                guard let color = theme[element].foreground else { continue }
                let mapped = [ColorCapability.palette256, .sixteen, .eight].map { ColorMapping.terminalColor(color, capability: $0)! }
                #expect(mapped[0] >= -1 && mapped[0] < 256 && mapped[1] < 16 && mapped[2] < 8)
                print("fallback \(name) \(element.key) \(color) → 256:\(mapped[0]) 16:\(mapped[1]) 8:\(mapped[2])")
            }
        }
    }

    @Test("bad themes are reported with file, line and key", arguments: [
        ("name = \"x\"\n[ui]\ntext = { fg = \"#12345\" }\n", "bad.toml:3: ui.text: bad colour"),
        ("name = \"x\"\n[ui]\nbogus = { fg = \"red\" }\n", "bad.toml:3: ui.bogus: unknown key"),
        ("name = \"x\"\n[ui\ntext = {}\n", "bad.toml:2: TOML syntax error"),
        ("name = \"x\"\n[entities]\nperson = { attrs = [\"blink\"] }\n", "bad.toml:3: entities.person: unknown attribute"),
    ])
    func bad(text: String, expected: String) {
        switch ThemeLoader.parse(text, path: "bad.toml") {
        case .success: Issue.record("accepted a bad theme")
        case .failure(let problem): #expect(problem.description.hasPrefix(expected), "\(problem)")
        }
    }

    @Test("nearest colours: truecolor to 256, 16 and 8", arguments: [
        (Color.rgb(0xFF, 0x00, 0x00), ColorCapability.palette256, 196), (.rgb(0x5F, 0x87, 0xFF), .palette256, 69),
        (.rgb(0x80, 0x80, 0x80), .palette256, 244), (.rgb(0x5F, 0x87, 0xFF), .eight, 4), (.rgb(0x00, 0xD7, 0x00), .eight, 2),
        (.rgb(0xFF, 0xD7, 0x5F), .eight, 3), (.rgb(0xFF, 0x5F, 0xFF), .eight, 5), (.rgb(0x00, 0xD7, 0xD7), .eight, 6),
        (.rgb(0xD0, 0xD0, 0xD0), .eight, 7), (.rgb(0x10, 0x10, 0x10), .eight, 0), (.indexed(196), .sixteen, 9),
        (.ansi(12), .eight, 4), (.terminalDefault, .eight, -1), (.rgb(1, 2, 3), .direct, 0x010203),
        // A dark, saturated background is black on 8 and 16 colours (found by lede themes --check).
        (.rgb(0x00, 0x2B, 0x36), .eight, 0), (.rgb(0x00, 0x2B, 0x36), .sixteen, 0), (.rgb(0x80, 0x00, 0x00), .eight, 1),
    ])
    func mapping(color: Color, capability: ColorCapability, expected: Int) {
        #expect(ColorMapping.terminalColor(color, capability: capability) == expected)
    }

    @Test("NO_COLOR and no colours: monochrome rendering")
    func noColor() throws {
        #expect(ColorCapability.detect(colors: 256, hasColors: true, environment: ["NO_COLOR": "1"]) == .none)
        #expect(ColorCapability.detect(colors: 256, hasColors: true, environment: [:]) == .palette256)
        #expect(ColorMapping.terminalColor(.rgb(1, 2, 3), capability: .none) == nil)
        let theme = try ThemeLoader.load(path: Self.folder + "/default.toml").get().theme.withoutColors
        #expect(theme.styles.values.allSatisfy { $0.foreground == nil && $0.background == nil })
    }

    @Test("highlighted cells take the theme's entity styles")
    func highlightedCells() throws {
        let theme = try ThemeLoader.load(path: Self.folder + "/default.toml").get().theme
        var state = Fixture.state(width: 120, height: 40, theme: theme)
        state.reader.scroll = 0
        let buffer = BrowserView.render(state)
        let row = try #require((0..<40).first { buffer.line($0).contains("Baidu and Alibaba") })
        let column = Array(buffer.line(row)).firstIndex(of: "A")!
        let line = Array(buffer.line(row))
        let alibaba = (column..<line.count).first { String(line[$0..<min(line.count, $0 + 7)]) == "Alibaba" }!
        #expect(buffer[alibaba, row].style == theme[.organisation].over(theme[.text]))
        #expect(buffer[alibaba, row].style.foreground == .rgb(0x5F, 0x87, 0xFF))
    }
}

@Suite("Documentation")
struct DocumentationTests {
    @Test("the README's key table is the keymap table")
    func readmeKeys() throws {
        let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(KeyTable.markdown(.defaults)))
    }
}

/// Every input the config fuzz harness ever stopped on stays a regression test, as found and minimised.
@Suite("Config fuzz crashers")
struct ConfigCrasherTests {
    static let folder = PackagePaths.root.appendingPathComponent("Fuzz/crashers/config")

    static var files: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []).sorted { $0.path < $1.path }
    }

    @Test("each is a problem naming its file, and neither the keys nor a theme come from it")
    func crashers() throws {
        #expect(Self.files.count >= 3)
        for file in Self.files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let (map, problems) = KeyMap.defaults.applying(configText: text, path: "c.toml")
            #expect(!problems.isEmpty && problems.allSatisfy { $0.hasPrefix("c.toml:") }, "\(file.lastPathComponent): \(problems)")
            #expect(map.bindings == KeyMap.defaults.bindings, "\(file.lastPathComponent)")
            if case .success = ThemeLoader.parse(text, path: "t.toml") { Issue.record("\(file.lastPathComponent) loaded as a theme") }
        }
    }
}

@Suite("Theme check")
struct ThemeCheckTests {
    static func theme(_ name: String) throws -> Theme {
        try ThemeLoader.load(path: ThemeTests.folder + "/\(name).toml", base: Theme(name: "", origin: "", styles: [:])).get().theme
    }

    @Test("every shipped theme passes, and its table has a row per entity type")
    func shipped() throws {
        for name in ["default", "light", "high-contrast", "solarized-dark", "monochrome"] {
            let check = ThemeCheck(try Self.theme(name), fileName: "\(name).toml")
            #expect(check.errors.isEmpty, "\(name): \(check.errors)")
            for element in ["| organisation |", "| person |", "| location |", "| topic |", "| model |"] {
                #expect(check.markdown.contains(element), "\(name) has no row \(element)")
            }
        }
    }

    @Test("two entity types of one colour, a colour in the monochrome theme, an unmarked focused mention: errors")
    func failures() throws {
        var same = try Self.theme("default")
        same.styles[.person] = same.styles[.organisation].map { Style(foreground: $0.foreground) }
        #expect(ThemeCheck(same, fileName: "x.toml").errors.contains { $0.contains("person and organisation look the same") })

        var coloured = try Self.theme("monochrome")
        coloured.styles[.title] = Style(foreground: .ansi(1))
        #expect(ThemeCheck(coloured, fileName: "m.toml").errors.contains("monochrome: ui.title must not set a colour"))

        var plainFocus = try Self.theme("default")
        plainFocus.styles[.focusedMention] = Style(foreground: .ansi(3))
        #expect(ThemeCheck(plainFocus, fileName: "f.toml").errors.contains("focused_mention must use reverse or a bg to stand out"))

        // A type whose 8-colour fallback is the background's colour.
        var onBackground = try Self.theme("default")
        onBackground.styles[.topic] = Style(foreground: .rgb(0x30, 0x30, 0x30))
        #expect(ThemeCheck(onBackground, fileName: "b.toml").errors.contains { $0.hasPrefix("topic: on 8 colours it is black") })
    }

    @Test("contrast is WCAG's: white on black 21, equal colours 1")
    func contrast() {
        #expect(ThemeCheck.format(ThemeCheck.contrast((255, 255, 255), (0, 0, 0))) == "21.00")
        #expect(ThemeCheck.format(ThemeCheck.contrast((0x5F, 0x87, 0xFF), (0x5F, 0x87, 0xFF))) == "1.00")
    }
}

@Suite("Escape sequences curses did not decode")
struct EscapeSequenceTests {
    /// Scans `text` (what followed ESC) as the terminal reads it, character by character.
    static func decode(_ text: String) -> (key: Key?, consumed: Int) {
        let characters = Array(text)
        let introducer = characters[0]
        var body: [Character] = []
        for character in characters.dropFirst() {
            body.append(character)
            if EscapeSequence.scan(introducer: introducer, body: body) == .complete { break }
        }
        return (EscapeSequence.key(introducer: introducer, body: body), 1 + body.count)
    }

    @Test("xterm, vt220 and rxvt Home, End, Delete, page keys, F-keys and modified arrows", arguments: [
        ("[1~", Key.home), ("[4~", .end), ("[7~", .home), ("[8~", .end), ("[H", .home), ("[F", .end), ("OH", .home), ("OF", .end),
        ("[3~", .delete), ("[5~", .pageUp), ("[6~", .pageDown), ("[1;5A", .up), ("[1;2B", .down), ("[1;3C", .right), ("OD", .left),
        ("[Z", .backTab), ("OP", .function(1)), ("OS", .function(4)), ("[15~", .function(5)), ("[17~", .function(6)),
        ("[21~", .function(10)), ("[24~", .function(12)), ("[7^", .home), ("[8$", .end), ("OM", .enter), ("[11~", .function(1)),
    ])
    func known(sequence: String, key: Key) {
        let result = Self.decode(sequence)
        #expect(result.key == key, "\(sequence.debugDescription)")
        #expect(result.consumed == sequence.count, "\(sequence.debugDescription) read \(result.consumed) characters")
    }

    @Test("unknown sequences are read whole and are no key", arguments: ["[2~", "[99~", "[?1;2c", "[200~", "OX", "[1;5Q"])
    func unknown(sequence: String) {
        let result = Self.decode(sequence)
        #expect(result.key == nil)
        #expect(result.consumed == sequence.count)
    }

    @Test("a sequence stops at its final byte: what follows is typed text")
    func stopsAtFinal() {
        #expect(Self.decode("[4~jk").consumed == 3)
        #expect(Self.decode("OAj").consumed == 2)
        // A long sequence is read to its final byte and is no key: none of it is typed.
        let long = Self.decode("[" + String(repeating: "1", count: 40) + "~j")
        #expect(long.key == nil && long.consumed == 42)
        // A run with no final byte ends at the read limit.
        #expect(Self.decode("[" + String(repeating: "1", count: 5000)).consumed == 1 + EscapeSequence.maximumRead)
    }

    @Test("long replies and string sequences are read to their end and are no key", arguments: [
        "[?64;1;2;6;9;15;16;17;18;21;22;28c",        // xterm's device attributes (its `c` toggled co-occurrence)
        "[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20q", // its `q` quit
        "]11;rgb:0000/0000/0000\u{07}",               // OSC 11 (background colour) ended by BEL
        "]11;rgb:ffff/ffff/ffff\u{1B}\\",           // … and by ST
        "P1$r0m\u{1B}\\",                            // DCS (DECRQSS reply)
        "_Gi=1;OK\u{1B}\\",                          // APC (kitty graphics reply)
    ])
    func longAndStringSequences(sequence: String) {
        let result = Self.decode(sequence + "q")
        #expect(result.key == nil, "\(sequence.debugDescription)")
        #expect(result.consumed == sequence.count, "\(sequence.debugDescription) read \(result.consumed) of \(sequence.count)")
    }
}

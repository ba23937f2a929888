// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeTestSupport
import Testing

/// `themes`, `keys` and config.toml from the command line: shipped and hostile themes, broken configs.
@Suite("Command line: themes and config")
struct ConfigCommandTests {
    @Test("themes lists the shipped themes with their source")
    func themes() throws {
        let result = try runLede(["themes"])
        #expect(result.status == 0)
        for name in ["default", "light", "high-contrast", "monochrome", "solarized-dark"] {
            #expect(result.stdout.contains("\(name)\tshipped"))
        }
    }

    @Test("themes --check: the shipped themes pass with their tables; a theme with two look-alike entity types fails")
    func themesCheck() throws {
        let shipped = try runLede(["themes", "--check"])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stdout.components(separatedBy: "| organisation |").count == 6)  // five themes, a row each
        #expect(shipped.stderr.contains("solarized-dark.toml: ok"))

        let folder = NSTemporaryDirectory() + "lede-theme-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var text = try String(contentsOfFile: "Sources/LedeConfig/Themes/default.toml", encoding: .utf8)
        // The person colour made the organisation's.
        let person = try #require(text.range(of: #"person\s*=\s*\{[^}]*\}"#, options: .regularExpression))
        text.replaceSubrange(person, with: "person = { fg = \"#5f87ff\" }")
        try text.write(toFile: folder + "/twins.toml", atomically: true, encoding: .utf8)
        let twins = try runLede(["themes", "--check", folder + "/twins.toml"])
        #expect(twins.status == 1)
        #expect(twins.stderr.contains("ERROR: twins.toml: truecolor colours: person and organisation look the same"), "\(twins.stderr)")
        #expect(try runLede(["themes", "--check", "no-such-theme"]).status == 1)
    }

    /// A config folder of the test's own, with the given files written into it.
    func configFolder(_ files: [String: Data]) throws -> String {
        let folder = NSTemporaryDirectory() + "lede-e2e-hostile-\(UUID().uuidString)"
        for (name, data) in files {
            let path = folder + "/lede/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        }
        return folder
    }

    /// True if the bytes hold ESC, a C1 control or a bidi override: something a terminal would obey.
    func hasTerminalControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && ControlCharacters.needsReplacing($0) }
    }

    @Test("themes prints a hostile theme's name, source and file name as text, never as terminal commands")
    func hostileTheme() throws {
        // OSC 0 (window title) and OSC 52 (clipboard) in the name and source, ESC in the file name.
        let theme = "name = \"evil\\u001B]0;pwned\\u0007\"\nsource = \"\\u001B]52;c;Y3VybCBldmls\\u0007 \\u202Eabc\"\n"
        let config = try configFolder(["themes/evil\u{1B}[2J.toml": Data(theme.utf8)])
        defer { try? FileManager.default.removeItem(atPath: config) }
        let result = try runLede(["themes"], environment: ["XDG_CONFIG_HOME": config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("evil␛]0;pwned␇"))
        #expect(result.stdout.contains("source: ␛]52;c;Y3VybCBldmls␇ \u{FFFD}abc"))
        #expect(result.stdout.contains("evil␛[2J.toml"))
        #expect(!hasTerminalControls(result.stdout) && !hasTerminalControls(result.stderr))
    }

    @Test("keys: a hostile or broken config is reported with file:line, shown as text, and exits 1")
    func hostileKeys() throws {
        let configText = "theme = 42\n[keys]\nmoveUp = [1, 2]\nquit = \"\\u001B]52;c;eA==\\u0007\"\nmoveDown = [\"j\", \"n\"]\n"
        let config = try configFolder(["config.toml": Data(configText.utf8)])
        defer { try? FileManager.default.removeItem(atPath: config) }
        let result = try runLede(["keys"], environment: ["XDG_CONFIG_HOME": config])
        let path = config + "/lede/config.toml"
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):1: 'theme' must be a theme name in quotes"))
        #expect(result.stderr.contains("\(path):3: 'moveUp': 1 is not a key name in quotes; the default stays"))
        #expect(result.stderr.contains("\(path):4: unknown key name '␛]52;c;eA==␇' for 'quit'"))
        #expect(result.stderr.contains("\(path):5: key 'n' is bound to both"))
        #expect(result.stdout.contains("| `k` `Up` `C-p` |"))
        #expect(!hasTerminalControls(result.stdout) && !hasTerminalControls(result.stderr))
    }

    @Test("a config.toml that is a folder, or not UTF-8, is named and the defaults are used")
    func unreadableConfig() throws {
        let notUTF8 = try configFolder(["config.toml": Data([0x74, 0x68, 0x65, 0x6D, 0x65, 0x20, 0x3D, 0x20, 0x22, 0xE9, 0x22, 0x0A])])
        defer { try? FileManager.default.removeItem(atPath: notUTF8) }
        let latin = try runLede(["keys"], environment: ["XDG_CONFIG_HOME": notUTF8])
        #expect(latin.status == 1 && latin.stderr.contains("config.toml:1: not UTF-8 text; using the default settings"))
        let folder = try configFolder(["config.toml/placeholder": Data()])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let directory = try runLede(["keys"], environment: ["XDG_CONFIG_HOME": folder])
        #expect(directory.status == 1 && directory.stderr.contains("config.toml: is a folder, not a TOML file"))
        #expect(directory.stdout.contains("| `j` `Down` `C-n` |"))
    }
}

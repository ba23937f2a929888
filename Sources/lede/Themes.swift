// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import LedeConfig
import LedeModel
import LedeUI

struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the available themes and where each comes from; --check validates them.",
        discussion: """
            --check prints each theme's contrast table (Markdown) on stdout, computed through the colour mapping \
            lede draws with (truecolor, 256, 16 and 8 colours), and its errors and warnings on stderr; exit 1 when \
            a theme has errors. With no names, every theme lede can find.
            """)

    @Flag(help: "Validate themes and print their contrast tables.") var check = false
    @Flag(help: "Print only the theme names, one a line (for scripts and shell completion).") var names = false
    @Argument(help: "Theme names or files to check (with --check).", completion: .custom(themeCompletions)) var themes: [String] = []

    func validate() throws {
        if !themes.isEmpty && !check { throw ValidationError("theme names are for --check; lede themes lists them all") }
        if names && check { throw ValidationError("--names lists the themes; --check validates them: use one of them") }
    }

    func run() throws {
        let directory = Settings.themeDirectory()
        var output = StandardOutput()
        var failed = false
        // Names, sources and file names come from theme files anyone can
        // write: printed as text, never as terminal commands.
        func row(_ fields: [String]) {
            output.write(fields.map { ControlCharacters.visible($0) }.joined(separator: "\t") + "\n")
        }
        if names {
            for entry in directory.entries() { row([entry.name]) }
        } else if check {
            var paths: [String] = []
            if themes.isEmpty {
                paths = directory.entries().map(\.path)
            } else {
                for name in themes {
                    guard let path = directory.resolve(name) else {
                        printError("lede: no theme named '\(ControlCharacters.visible(name))' (lede themes lists them)")
                        failed = true
                        continue
                    }
                    paths.append(path)
                }
            }
            for path in paths {
                let fileName = (path as NSString).lastPathComponent
                // Checked as written: nothing inherited from the default theme hides a missing key.
                switch ThemeLoader.load(path: path, base: Theme(name: "", origin: "", styles: [:])) {
                case .success(let loaded):
                    let result = ThemeCheck(loaded.theme, fileName: fileName)
                    output.write(result.markdown.split(separator: "\n", omittingEmptySubsequences: false).map { ControlCharacters.visible(String($0)) }.joined(separator: "\n") + "\n")
                    output.flush()
                    for warning in result.warnings { printError("  warning: \(fileName): \(warning)") }
                    for error in result.errors { printError("  ERROR: \(fileName): \(error)") }
                    printError("\(fileName): \(result.errors.isEmpty ? "ok" : "FAIL")")
                    if !result.errors.isEmpty { failed = true }
                case .failure(let problem):
                    output.flush()
                    printError("lede: \(problem)")
                    failed = true
                }
            }
        } else {
            for entry in directory.entries() {
                switch ThemeLoader.load(path: entry.path) {
                case .success(let loaded):
                    var fields = [entry.name, entry.kind.rawValue, loaded.theme.name, entry.path]
                    if let source = loaded.theme.source { fields.append("source: \(source)") }
                    row(fields)
                case .failure(let problem):
                    row([entry.name, entry.kind.rawValue, "(broken)", entry.path])
                    output.flush()
                    printError("lede: \(problem)")
                    failed = true
                }
            }
        }
        try output.finish()
        if failed { throw ExitCode(1) }
    }
}

/// Theme names for shell completion (`--theme`, `themes --check`): those the installed lede finds,
/// asked of it when Tab is pressed, so the user's own themes complete too.
@Sendable func themeCompletions(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    Settings.themeDirectory().entries().map(\.name).filter { $0.hasPrefix(prefix) }
}

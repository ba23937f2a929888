// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeConfig
import LedeUI

/// Bytes as TOML → `KeyMap.defaults.applying(configText:path:)` (and the
/// keymap's Markdown table, as `lede keys` prints it) and
/// `ThemeLoader.parse(_:path:)`.
enum ConfigHarness {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        let text = bytes.text
        let (map, problems) = KeyMap.defaults.applying(configText: text, path: "config.toml")
        for problem in problems { require(problem.hasPrefix("config.toml"), "problem without its file: \(problem.debugDescription)") }
        let table = KeyTable.markdown(map)
        Invariants.onlySeparators(table, allowing: ["\n"], "keys Markdown")
        for line in Invariants.lines(table, crlf: false, "keys Markdown") {
            require(ImporterHarness.unescapedPipes(line) == 4, "keys Markdown row \(line.debugDescription)")
        }

        switch ThemeLoader.parse(text, path: "theme.toml") {
        case .success(let loaded):
            require(loaded.theme.origin == "theme.toml", "theme origin \(loaded.theme.origin.debugDescription)")
        case .failure(let problem):
            require(problem.description.hasPrefix("theme.toml"), "theme problem without its file: \(problem)")
        }
    }
}

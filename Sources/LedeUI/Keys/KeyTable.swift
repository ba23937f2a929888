// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// The keymap as a Markdown table, for `lede keys` and the README: the
/// same table that drives key handling, so the documentation cannot drift.
public enum KeyTable {
    public static func markdown(_ keyMap: KeyMap) -> String {
        var lines = ["| keys | action | where |", "| --- | --- | --- |"]
        for binding in keyMap.bindings where !binding.keys.isEmpty {
            // Key names come from the user's config: shown, never obeyed, by the terminal.
            let keys = binding.keys.map { "`\($0.name == "`" ? "``" : ControlCharacters.visible($0.name).replacingOccurrences(of: "|", with: "\\|"))`" }
                .joined(separator: " ")
            let panes = Pane.allCases.filter { binding.panes.contains($0) }.map { $0.title.lowercased() }.joined(separator: ", ")
            lines.append("| \(keys) | \(binding.help.replacingOccurrences(of: "|", with: "\\|")) | \(panes) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

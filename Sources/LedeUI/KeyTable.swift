/// The keymap as a Markdown table, for `lede keys` and the README: the
/// same table that drives key handling, so the documentation cannot drift.
public enum KeyTable {
    public static func markdown(_ keyMap: KeyMap) -> String {
        var lines = ["| keys | action | where |", "| --- | --- | --- |"]
        for binding in keyMap.bindings where !binding.keys.isEmpty {
            let keys = binding.keys.map { "`\($0.name == "`" ? "``" : $0.name)`" }.joined(separator: " ")
            let panes = Pane.allCases.filter { binding.panes.contains($0) }.map { $0.title.lowercased() }.joined(separator: ", ")
            lines.append("| \(keys) | \(binding.help.replacingOccurrences(of: "|", with: "\\|")) | \(panes) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

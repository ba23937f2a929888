// SPDX-License-Identifier: Apache-2.0
/// Where each key of a TOML text is assigned, found in one pass, so that
/// messages can say `file:line` (TOMLKit's tables do not keep positions).
///
/// Looking the line up again for every problem rescanned the file each time:
/// a config with thousands of unknown keys took minutes.
public struct TOMLKeyLines: Sendable {
    /// Dotted path (`keys.moveUp`, `ui.border`) → first line, 1-based.
    private var byPath: [String: Int] = [:]
    /// Last component alone (`moveUp`) → first line, for keys whose table is not known.
    private var byName: [String: Int] = [:]

    public init(_ text: String) {
        var table: [String] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                // `[ui]`, `[[array]]`, `[a.b]`: the rest of the file is in this table.
                let inside = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.components(of: inside)
                record(path: table, line: lineNumber)
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let key = Self.components(of: line[..<equals])
            guard !key.isEmpty else { continue }
            record(path: table + key, line: lineNumber)
        }
    }

    /// The line of `key` (a dotted path, or a bare name), if it was found.
    public func line(of key: String) -> Int? {
        if let line = byPath[key] { return line }
        let last = key.split(separator: ".").last.map(String.init) ?? key
        return byName[last]
    }

    private mutating func record(path: [String], line: Int) {
        guard let last = path.last else { return }
        let dotted = path.joined(separator: ".")
        if byPath[dotted] == nil { byPath[dotted] = line }
        if byName[last] == nil { byName[last] = line }
    }

    /// `a . "b.c"` → ["a", "b.c"]: dots outside quotes separate components.
    static func components(of key: Substring) -> [String] {
        var result: [String] = []
        var current = ""
        var quote: Character?
        for character in key {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                result.append(current.trimmingSpaces())
                current = ""
            } else {
                current.append(character)
            }
        }
        let last = current.trimmingSpaces()
        if !last.isEmpty || !result.isEmpty { result.append(last) }
        return result
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice = slice.dropFirst() }
        while slice.last == " " || slice.last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

import Foundation

/// Data files shipped with the model (chrome phrases, legal forms, catalogues).
/// They are data so that they can grow without code changes.
enum ModelResources {
    /// The lines of a bundled text file, without comments and blank lines.
    static func lines(_ name: String) -> [String] {
        guard let text = text(name) else { return [] }
        return dataLines(text).map(\.text)
    }

    static func text(_ name: String) -> String? {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: nil)
        guard let url else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// Non-blank, non-comment lines with their 1-based line numbers.
    static func dataLines(_ text: String) -> [(number: Int, text: String)] {
        var result: [(Int, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if trimmed.trimmingCharacters(in: .whitespaces).isEmpty || trimmed.hasPrefix("#") { continue }
            result.append((index + 1, trimmed))
        }
        return result
    }
}

/// The page furniture phrases stripped from scraped text.
public enum ChromePhrases {
    public static let bundled: [String] = ModelResources.lines("chrome.txt")
}

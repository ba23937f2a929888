// SPDX-License-Identifier: Apache-2.0
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

    /// Every shipped data file, for fingerprints.
    static let dataFileNames = ["gazetteer.tsv", "releases.tsv", "legal-forms.txt", "places.tsv", "topic-aliases.tsv",
                                "release-words.tsv", "model-words.tsv", "chrome.txt", "model-families.tsv", "model-tiers.txt", "furniture.tsv",
                                "given-names.txt", "chinese-surnames.txt", "pinyin-syllables.txt", "people.tsv", "detection-cues.tsv"]

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

/// What decides how lede reads and links the standard data, without parsing
/// any of it: the shipped data files' bytes, the user's catalogue, and the
/// program itself (its size and modification time, so that a new build never
/// trusts an index an older one wrote).
public enum StandardData {
    /// Bumped when the pipeline's output changes for the same input.
    public static let pipelineVersion = "pipeline-4"

    public static func fingerprint(configDirectory: String?) -> String {
        var parts = [pipelineVersion]
        for name in ModelResources.dataFileNames { parts.append(name + "\n" + (ModelResources.text(name) ?? "")) }
        if let configDirectory {
            let path = (configDirectory as NSString).appendingPathComponent("releases.tsv")
            parts.append("user releases\n" + ((try? String(contentsOfFile: path, encoding: .utf8)) ?? ""))
        }
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            parts.append("program \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
        }
        return parts.joined(separator: "\n\u{1}")
    }
}

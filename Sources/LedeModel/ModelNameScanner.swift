import Foundation

/// Finds AI model names the catalogue does not know, from how news text
/// introduces them: `its new model Zed-9`, `the Zed-9 model`. A name must
/// look like a model name (a capital, then a digit or a hyphenated part),
/// so `the model Anthropic` or `model in 2025` are not taken.
public struct ModelNameScanner: Sendable {
    public init() {}

    static let patterns: [NSRegularExpression] = [
        "\\bmodels?,? (?:called |named |dubbed |known as )?([A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)+)",
        "\\b([A-Z][A-Za-z]*-?[0-9][A-Za-z0-9.-]*) (?:AI |reasoning |language |open-source |open-weight )?(?:model|chatbot|LLM)s?\\b",
    ].map { try! NSRegularExpression(pattern: $0) }

    /// Candidate names in the paragraphs, minus those already known (case-insensitive).
    public func names(in paragraphs: [String], known: Set<String>) -> [String] {
        var found: [String] = []
        var seen = Set(known.map { $0.lowercased() })
        for paragraph in paragraphs where paragraph.containsUTF8("model") || paragraph.containsUTF8("Model")
            || paragraph.containsUTF8("LLM") || paragraph.containsUTF8("chatbot") {
            let text = paragraph as NSString
            for regex in Self.patterns {
                for match in regex.matches(in: paragraph, range: NSRange(location: 0, length: text.length)) {
                    var name = text.substring(with: match.range(at: 1))
                    while let last = name.last, ".-".contains(last) { name.removeLast() }
                    guard Self.looksLikeModelName(name), !seen.contains(name.lowercased()) else { continue }
                    seen.insert(name.lowercased())
                    found.append(name)
                }
            }
        }
        return found
    }

    static func looksLikeModelName(_ name: String) -> Bool {
        guard name.count >= 3, name.first?.isUppercase == true else { return false }
        if let year = Int(name.filter(\.isNumber)), name.allSatisfy({ $0.isNumber }), (1900...2100).contains(year) { return false }
        let hasDigit = name.contains { $0.isNumber }
        let hasInnerCapital = name.dropFirst().contains { $0.isUppercase }
        return hasDigit || (hasInnerCapital && name.contains("-"))
    }
}

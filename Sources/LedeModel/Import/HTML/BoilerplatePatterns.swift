import Foundation

/// What an element's class and id say about it, from `html-boilerplate.tsv`.
struct ClassTraits: Hashable, Sendable {
    /// Furniture (navigation, share bar, comments …): removed before the article is looked for.
    var isFurniture = false
    /// Furniture when short (captions, dates): a long one is text of the article.
    var isShortFurniture = false
    /// A name publishers give the article's body.
    var isContent = false
    /// Readability's class weight: -25 or +25 for the class, and again for the id.
    var weight = 0
}

/// The patterns of `html-boilerplate.tsv` (its header says how they match).
struct BoilerplatePatterns: Sendable {
    /// One pattern's words; `prefix` when its last word ends in `*`.
    struct WordPattern: Sendable {
        var words: [String]
        var isPrefix: Bool
    }

    struct Group: Sendable {
        var words: [WordPattern] = []
        var substrings: [String] = []
    }

    var furniture = Group()
    var shortFurniture = Group()
    var negative = Group()
    var positive = Group()
    var content = Group()
    var roles: Set<String> = []
    /// Paragraph texts dropped, normalised by `lineKey`.
    var lines: Set<String> = []
    /// Starts of short furniture paragraphs, promo phrases and their objects, metadata labels (lower case).
    var starts: [String] = []
    var promo: [String] = []
    var promoObjects: [String] = []
    var metaLabels: [String] = []
    /// The file's text, for the importer's fingerprint.
    var source = ""

    static let bundled = BoilerplatePatterns(text: ModelResources.text("html-boilerplate.tsv") ?? "")

    init(text: String) {
        source = text
        for (_, line) in ModelResources.dataLines(text) {
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard fields.count == 2 else { continue }
            let pattern = fields[1].trimmingCharacters(in: .whitespaces).lowercased()
            switch fields[0] {
            case "remove": Self.add(pattern, to: &furniture)
            case "short": Self.add(pattern, to: &shortFurniture)
            case "negative": Self.add(pattern, to: &negative)
            case "positive": Self.add(pattern, to: &positive)
            case "content": Self.add(pattern, to: &content)
            case "role": roles.insert(pattern)
            case "line": lines.insert(Self.lineKey(pattern))
            case "starts": starts.append(pattern)
            case "promo": promo.append(pattern)
            case "promo-object": promoObjects.append(pattern)
            case "meta-label": metaLabels.append(pattern)
            default: continue
            }
        }
    }

    private static func add(_ pattern: String, to group: inout Group) {
        if pattern.hasPrefix("*"), pattern.hasSuffix("*"), pattern.count > 2 {
            group.substrings.append(String(pattern.dropFirst().dropLast()))
            return
        }
        let isPrefix = pattern.hasSuffix("*")
        let words = (isPrefix ? String(pattern.dropLast()) : pattern).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return }
        group.words.append(WordPattern(words: words, isPrefix: isPrefix))
    }

    /// The traits of an element with this class and id.
    func traits(className: String?, id: String?) -> ClassTraits {
        var traits = ClassTraits()
        for value in [className, id] {
            guard let value, !value.isEmpty else { continue }
            let words = Self.words(value)
            let raw = value.lowercased()
            if matches(furniture, words: words, raw: raw) { traits.isFurniture = true }
            if matches(shortFurniture, words: words, raw: raw) { traits.isShortFurniture = true }
            if matches(content, words: words, raw: raw) { traits.isContent = true }
            if matches(negative, words: words, raw: raw) { traits.weight -= 25 }
            if matches(positive, words: words, raw: raw) { traits.weight += 25 }
        }
        return traits
    }

    func matches(_ group: Group, words: [String], raw: String) -> Bool {
        if group.substrings.contains(where: { raw.contains($0) }) { return true }
        for pattern in group.words where words.count >= pattern.words.count {
            for start in 0...(words.count - pattern.words.count) where Self.matches(pattern, words[start..<(start + pattern.words.count)]) {
                return true
            }
        }
        return false
    }

    private static func matches(_ pattern: WordPattern, _ words: ArraySlice<String>) -> Bool {
        for (offset, word) in zip(pattern.words.indices, words) {
            let expected = pattern.words[offset]
            if offset == pattern.words.count - 1 {
                if pattern.isPrefix { return word.hasPrefix(expected) }
                return word == expected || (word.count == expected.count + 1 && word.hasPrefix(expected) && word.hasSuffix("s"))
            }
            if word != expected { return false }
        }
        return true
    }

    /// `articleBody main-content__x` → `article body main content x`: lower case, split at
    /// anything not a letter or digit and where a lower-case letter meets a capital.
    static func words(_ value: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasLower = false
        for scalar in value.unicodeScalars {
            let isLetterOrDigit = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if !isLetterOrDigit {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
                previousWasLower = false
                continue
            }
            let isUpper = scalar.properties.isUppercase
            if isUpper, previousWasLower, !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
            current.append(contentsOf: isUpper ? String(scalar).lowercased().unicodeScalars : String.UnicodeScalarView([scalar]))
            previousWasLower = scalar.properties.isLowercase || ("0"..."9").contains(scalar)
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// A paragraph's text as the `line` entries are kept: lower case, final punctuation and spaces dropped.
    static func lineKey(_ text: String) -> String {
        var key = text.lowercased().trimmingCharacters(in: .whitespaces)
        while let last = key.unicodeScalars.last, ".:!?…|»›→>-–—".unicodeScalars.contains(last) || last == " " {
            key.unicodeScalars.removeLast()
        }
        return key
    }
}

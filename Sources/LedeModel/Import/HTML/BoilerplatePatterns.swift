// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What an element's class and id say about it, from `html-boilerplate.tsv`.
struct ClassTraits: Hashable, Sendable {
    /// Furniture (navigation, share bar, comments …): removed before the article is looked for.
    var isFurniture = false
    /// Captions, credits, dates, tags: furniture, unless together they are most of the page's text.
    var isCaption = false
    /// A name publishers give the article's body.
    var isContent = false
    /// Readability's class weight: -25 or +25 for the class, and again for the id.
    var weight = 0
    /// Names a byline or author (not an author's biography box or avatar): the metadata reads authors from it.
    var isByline = false
}

/// The patterns of `html-boilerplate.tsv` (its header says how they match),
/// compiled so that an element's class costs one dictionary look-up a word.
struct BoilerplatePatterns: Sendable {
    /// The kinds of class pattern, as bits of a match.
    enum Kind: Int, CaseIterable, Sendable {
        case furniture, caption, negative, positive, content
        var bit: UInt8 { 1 << UInt8(rawValue) }
    }

    /// A pattern of words, filed under its first word: the words after it, and whether the last is a prefix.
    struct WordPattern: Sendable {
        var kind: Kind
        var rest: [String]
        var isPrefix: Bool
    }

    private var byFirstWord: [String: [WordPattern]] = [:]
    /// One-word prefixes (`share*`).
    private var wordPrefixes: [(prefix: String, kind: Kind)] = []
    /// `*text*` patterns as lower-case bytes.
    private var substrings: [(bytes: [UInt8], kind: Kind)] = []
    var roles: Set<String> = []
    /// Paragraph texts dropped, normalised by `lineKey`.
    var lines: Set<String> = []
    /// Starts of short furniture paragraphs, promo phrases and their objects, metadata labels, legal
    /// phrases (lower-case bytes).
    var starts: [[UInt8]] = []
    var promo: [[UInt8]] = []
    var promoObjects: [[UInt8]] = []
    var metaLabels: [[UInt8]] = []
    var legal: [[UInt8]] = []
    /// The file's text, for the importer's fingerprint.
    var source = ""

    static let bundled = BoilerplatePatterns(text: ModelResources.text("html-boilerplate.tsv") ?? "")

    static let kindNames: [String: Kind] = ["remove": .furniture, "caption": .caption, "negative": .negative, "positive": .positive,
                                            "content": .content]

    init(text: String) {
        source = text
        for (_, line) in ModelResources.dataLines(text) {
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard fields.count == 2 else { continue }
            let pattern = fields[1].trimmingCharacters(in: .whitespaces).lowercased()
            if let kind = Self.kindNames[fields[0]] {
                add(pattern, kind: kind)
                continue
            }
            switch fields[0] {
            case "role": roles.insert(pattern)
            case "line": lines.insert(Self.lineKey(pattern))
            case "starts": starts.append(Array(pattern.utf8))
            case "promo": promo.append(Array(pattern.utf8))
            case "promo-object": promoObjects.append(Array(pattern.utf8))
            case "meta-label": metaLabels.append(Array(pattern.utf8))
            case "legal": legal.append(Array(pattern.utf8))
            default: continue
            }
        }
    }

    private mutating func add(_ pattern: String, kind: Kind) {
        if pattern.hasPrefix("*"), pattern.hasSuffix("*"), pattern.count > 2 {
            substrings.append((Array(pattern.dropFirst().dropLast().utf8), kind))
            return
        }
        let isPrefix = pattern.hasSuffix("*")
        let words = (isPrefix ? String(pattern.dropLast()) : pattern).split(separator: " ").map(String.init)
        guard let first = words.first else { return }
        if words.count == 1 && isPrefix {
            wordPrefixes.append((first, kind))
        } else {
            byFirstWord[first, default: []].append(WordPattern(kind: kind, rest: Array(words.dropFirst()), isPrefix: isPrefix))
        }
    }

    /// The traits of an element with this class and id.
    func traits(className: String?, id: String?) -> ClassTraits {
        var traits = ClassTraits()
        for value in [className, id] {
            guard let value, !value.isEmpty else { continue }
            let words = Self.words(value)
            let bits = matches(words: words, raw: value)
            if words.contains(where: { $0.hasPrefix("byline") || $0.hasPrefix("author") }),
               !words.contains(where: { $0.hasPrefix("bio") || $0 == "avatar" || $0 == "box" }) {
                traits.isByline = true
            }
            if bits & Kind.furniture.bit != 0 { traits.isFurniture = true }
            if bits & Kind.caption.bit != 0 { traits.isCaption = true }
            if bits & Kind.content.bit != 0 { traits.isContent = true }
            if bits & Kind.negative.bit != 0 { traits.weight -= 25 }
            if bits & Kind.positive.bit != 0 { traits.weight += 25 }
        }
        return traits
    }

    /// The kinds whose patterns match a class or id value, as bits.
    func matches(words: [String], raw value: String) -> UInt8 {
        var bits: UInt8 = 0
        for (index, word) in words.enumerated() {
            for pattern in byFirstWord[word] ?? [] where Self.matches(pattern, words, after: index) {
                bits |= pattern.kind.bit
            }
            // A plural of a one-word pattern (`comments`).
            if word.utf8.count > 2, word.utf8.last == UInt8(ascii: "s") {
                for pattern in byFirstWord[String(word.dropLast())] ?? [] where pattern.rest.isEmpty { bits |= pattern.kind.bit }
            }
            for (prefix, kind) in wordPrefixes where word.hasPrefix(prefix) { bits |= kind.bit }
        }
        if !substrings.isEmpty {
            let lower = value.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            for (bytes, kind) in substrings where bits & kind.bit == 0 && Self.contains(lower, bytes) { bits |= kind.bit }
        }
        return bits
    }

    /// Whether the words after `index` continue `pattern` (the last one may be a prefix or a plural).
    private static func matches(_ pattern: WordPattern, _ words: [String], after index: Int) -> Bool {
        guard !pattern.rest.isEmpty else { return true }
        guard index + pattern.rest.count < words.count else { return false }
        for (offset, expected) in pattern.rest.enumerated() {
            let word = words[index + 1 + offset]
            if offset == pattern.rest.count - 1 {
                if pattern.isPrefix { return word.hasPrefix(expected) }
                return word == expected || word == expected + "s"
            }
            if word != expected { return false }
        }
        return true
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first, haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }

    /// Whether `phrase` stands in `text` with no letter or digit right before or after it
    /// (bytes of other scripts count as letters).
    static func containsWord(_ text: [UInt8], _ phrase: [UInt8]) -> Bool {
        guard let first = phrase.first, text.count >= phrase.count else { return false }
        func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        var start = 0
        while start + phrase.count <= text.count {
            if text[start] == first, text[start..<(start + phrase.count)].elementsEqual(phrase),
               start == 0 || !isWordByte(text[start - 1]), start + phrase.count == text.count || !isWordByte(text[start + phrase.count]) {
                return true
            }
            start += 1
        }
        return false
    }

    /// `articleBody main-content__x` → `article body main content x`: lower case, split at
    /// anything not a letter or digit and where a lower-case letter meets a capital (ASCII;
    /// other characters are letters without case).
    static func words(_ value: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if previousWasLower { flush() }
                current.append(byte | 0x20)
                previousWasLower = false
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...:
                current.append(byte)
                previousWasLower = true
            default:
                flush()
                previousWasLower = false
            }
        }
        flush()
        return words
    }

    /// A paragraph's text as the `line` entries are kept: lower case, final punctuation and spaces dropped.
    static func lineKey(_ text: String) -> String {
        var scalars = Substring(text.lowercased()).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, ".:!?…|»›→>-–—".unicodeScalars.contains(last) || last.properties.isWhitespace {
            scalars.removeLast()
        }
        return String(scalars)
    }
}

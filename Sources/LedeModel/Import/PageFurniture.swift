// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeText

/// Site furniture on real pages, taken out of paragraphs after they are
/// split: glued phrases (`Learn More`), sign-up lines, blocks of glued
/// headlines (`RECOMMENDED READS…`), photo captions with their credits, and
/// sub-headings glued to the next paragraph (`PerformanceOn public…`). The
/// words are data (`Resources/furniture.tsv`, extendable in the user's
/// config folder); every rule looks only at a paragraph's edges or at the
/// words around a marker, so the work stays linear in the text.
public struct PageFurniture: Sendable {
    public var glued: [String] = []
    public var signupWords: [String] = []
    public var signupObjects: [String] = []
    public var headlineLabels: [String] = []
    public var creditMarkers: [String] = []
    public var agencies: [String] = []
    public var sections: Set<String> = []
    public var starters: Set<String> = []

    public init(tsv: String) { add(tsv: tsv) }

    public mutating func add(tsv: String) {
        for line in ModelResources.dataLines(tsv) {
            let columns = line.text.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard columns.count == 2, !columns[1].isEmpty else { continue }
            let text = String(columns[1])
            switch columns[0] {
            case "glued": glued.append(text)
            case "signup": signupWords.append(text.lowercased())
            case "signup-object": signupObjects.append(text.lowercased())
            case "headlines": headlineLabels.append(text)
            case "credit": creditMarkers.append(text)
            case "agency": agencies.append(text)
            case "section": sections.insert(text)
            case "starter": starters.insert(text)
            default: continue
            }
        }
        glued.sort { $0.count > $1.count }
        agencies.sort { $0.count > $1.count }
    }

    /// The shipped list plus the user's `furniture.tsv`, if there is one.
    public static let bundled: PageFurniture = {
        var furniture = PageFurniture(tsv: ModelResources.text("furniture.tsv") ?? "")
        if let folder = ConfigDirectory.path(),
           let user = try? String(contentsOfFile: (folder as NSString).appendingPathComponent("furniture.tsv"), encoding: .utf8) {
            furniture.add(tsv: user)
        }
        return furniture
    }()

    /// Paragraphs without furniture; headlines of glued blocks go to `related`.
    func clean(_ paragraphs: [String], related: inout [RelatedArticle], isInsideName: ([Character], Int) -> Bool) -> [String] {
        var result: [String] = []
        for paragraph in paragraphs {
            var text = removeGlued(paragraph)
            text = removeCaption(text)
            text = removeHeadlineBlock(text, related: &related, isInsideName: isInsideName)
            text = removeSignup(text)
            text = removeSubheading(text, isInsideName: isInsideName)
            text = text.trimmingWhitespace()
            if text.isEmpty || Self.isStrayLine(text) { continue }
            result.append(text)
        }
        return result
    }

    /// A few words with no sentence end: a category, a button, a heading
    /// (`Product`, `Try Zed 2 in Acme Studio`), never prose.
    static func isStrayLine(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last, text.utf8.count <= 80, text.split(separator: " ").count <= 8 else { return false }
        return !".!?。！？”’\")…:;".unicodeScalars.contains(last) && !(last.properties.isIdeographic)
    }

    /// `Learn More` where it stands glued: at either edge, or between a word
    /// and a capital (`newsletterLearn More`). Works on a view of the
    /// paragraph, so a thousand glued phrases cost one pass.
    func removeGlued(_ paragraph: String) -> String {
        guard glued.contains(where: { paragraph.containsUTF8($0) }) else { return paragraph }
        var text = Self.trimmed(paragraph[...])
        var changed = true
        while changed {
            changed = false
            for phrase in glued {
                if text.hasPrefix(phrase) {
                    let rest = text.dropFirst(phrase.count)
                    if rest.isEmpty || rest.first!.isUppercase || rest.first == " " || rest.first!.isNumber {
                        text = Self.trimmed(rest)
                        changed = true
                    }
                } else if text.hasSuffix(phrase) {
                    let head = text.dropLast(phrase.count)
                    if head.isEmpty || head.last != " " {
                        text = Self.trimmed(head)
                        changed = true
                    }
                }
            }
        }
        return String(text)
    }

    static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }

    /// Sentences at the start holding a sign-up word and its object (`Sign
    /// up for The Prompt, our free weekly newsletter.`): dropped, up to their end.
    func removeSignup(_ paragraph: String) -> String {
        // Only a paragraph whose head holds a sign-up word is looked at closely.
        let head = String(decoding: paragraph.utf8.prefix(300).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        guard signupWords.contains(where: { head.containsUTF8($0) }) else { return paragraph }
        var text = paragraph[...]
        var removed = false
        while !text.isEmpty {
            let end = Sentences.firstEnd(in: text)
            let sentence = text[..<end]
            guard sentence.utf8.count <= 300 else { break }
            let lower = sentence.lowercased()
            guard signupWords.contains(where: { lower.containsUTF8($0) }), signupObjects.contains(where: { lower.containsUTF8($0) }) else { break }
            text = Self.trimmed(text[end...])
            removed = true
        }
        return removed ? String(text) : paragraph
    }


    /// A photo caption at the start of a paragraph and its credit (`Dario
    /// Amodei at a conference. (Photo by A/Getty Images)`, `… © A/Reuters`).
    func removeCaption(_ paragraph: String) -> String {
        var best: (marker: Range<String.Index>, end: String.Index)?
        for marker in creditMarkers {
            guard let range = paragraph.utf8Range(of: marker) else { continue }
            // A caption is short: the credit within its first 60 words.
            guard paragraph[..<range.lowerBound].split(separator: " ").count <= 60 else { continue }
            guard let end = creditEnd(paragraph, after: range.upperBound, marker: marker) else { continue }
            if best == nil || range.lowerBound < best!.marker.lowerBound { best = (range, end) }
        }
        guard let best else { return paragraph }
        return String(paragraph[best.end...])
    }

    /// Where a credit ends: at its agency name, or its closing bracket.
    func creditEnd(_ text: String, after start: String.Index, marker: String) -> String.Index? {
        let window = text[start...].prefix(120)
        guard let slash = window.firstIndex(of: "/") ?? (marker.hasPrefix("(") ? nil : window.firstIndex(of: " ")) else {
            return marker.hasPrefix("(") ? window.firstIndex(of: ")").map { text.index(after: $0) } : nil
        }
        let afterSlash = text.index(after: slash)
        for agency in agencies where text[afterSlash...].hasPrefix(agency) {
            var end = text.index(afterSlash, offsetBy: agency.count)
            if marker.hasPrefix("("), end < text.endIndex, text[end] == ")" { end = text.index(after: end) }
            return end
        }
        if marker.hasPrefix("("), let close = window.firstIndex(of: ")") { return text.index(after: close) }
        return nil
    }

    /// `RECOMMENDED READSHow…timeWhy…pricesThe company said…`: the glued
    /// headlines become related articles; the text after them stays.
    func removeHeadlineBlock(_ paragraph: String, related: inout [RelatedArticle], isInsideName: ([Character], Int) -> Bool) -> String {
        guard let label = headlineLabels.first(where: { paragraph.hasPrefix($0) }) else { return paragraph }
        let characters = Array(paragraph.dropFirst(label.count).prefix(1200))
        var segmentStart = 0
        var index = 1
        var headlines: [String] = []
        while index < characters.count {
            let left = characters[index - 1], right = characters[index]
            // A glue point ends a word of two letters or more (`timeWhy`, not the `iO` of `iOS`).
            let wordEnds = index >= 2 && (characters[index - 2].isLetter || characters[index - 2].isNumber)
            if right.isUppercase, wordEnds, left.isLowercase || left.isNumber || "?!”’\")".contains(left), !isInsideName(characters, index) {
                let segment = String(characters[segmentStart..<index])
                // A headline has no full stop and is short; the first segment that is prose ends the block.
                guard !segment.contains(". "), !segment.hasSuffix("."), segment.split(separator: " ").count <= 16 else { break }
                headlines.append(segment.trimmingWhitespace())
                segmentStart = index
            }
            index += 1
        }
        // A label alone, or with a few words and no sentence (`More from Asia Tech`): all furniture.
        if headlines.isEmpty {
            let rest = String(characters)
            return rest.split(separator: " ").count <= 6 && !rest.contains(".") ? "" : paragraph
        }
        for headline in headlines { related.append(RelatedArticle(brand: label, authors: [], headline: headline)) }
        let consumed = label.count + segmentStart
        return String(paragraph.dropFirst(consumed))
    }

    /// A short sub-heading glued to the paragraph it heads (`How it
    /// comparesOn SWE-bench…`, `Pricing pressureThe launch…`): split off and
    /// dropped when the word after it starts a sentence, or the heading has
    /// two words or more. Camel-case names are never split.
    func removeSubheading(_ paragraph: String, isInsideName: ([Character], Int) -> Bool) -> String {
        // Cheap look first: a lower-case ASCII letter right before a capital, before any punctuation.
        var sawJoin = false
        var previous: UInt8 = 0
        for byte in paragraph.utf8.prefix(120) {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";") { break }
            if byte >= 0x41 && byte <= 0x5A && previous >= 0x61 && previous <= 0x7A { sawJoin = true; break }
            previous = byte
        }
        guard sawJoin else { return paragraph }
        let characters = Array(paragraph.prefix(80))
        var index = 1
        while index < characters.count {
            let left = characters[index - 1], right = characters[index]
            if ".,;:!?".contains(left) { return paragraph }
            if right.isUppercase, left.isLowercase, index >= 2, characters[index - 2].isLetter, !isInsideName(characters, index) {
                let heading = String(characters[0..<index])
                let words = heading.split(separator: " ")
                guard words.count <= 6, words.first?.first?.isUppercase == true else { return paragraph }
                let nextWord = String(characters[index...].prefix { $0.isLetter || $0 == "’" || $0 == "'" })
                let after = characters.indices.contains(index + nextWord.count) ? characters[index + nextWord.count] : " "
                guard after == " " || after == "," else { return paragraph }
                if starters.contains(nextWord) || words.count >= 2 { return String(paragraph.dropFirst(index)) }
                return paragraph
            }
            index += 1
        }
        return paragraph
    }
}

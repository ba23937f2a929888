// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Finds a page's main text: furniture removed (`FurnitureRemoval`), the
/// article's element found by Readability's scoring (`ContentScoring`), what
/// inside it is not the article cleaned away (`ContentCleaning`), and the
/// rest written as paragraphs (`BlockWriter`).
///
/// When that finds under 250 characters, it tries again, as Readability
/// does, with less taken away: keeping what only class names call furniture,
/// then without the cleaning inside the article; and then in the markup of
/// a `<script type="text/template">`, where some blogs keep their posts
/// until a script shows them. Failing all, the longest text wins.
struct MainText {
    var text = ExtractedText()
    /// The strict pass's removal, and the class traits it read (the metadata reads bylines from them).
    var removal: FurnitureRemoval

    static let enough = 250

    enum Pass: CaseIterable {
        case strict, keepingClassedFurniture, template, withoutCleaning
    }

    init(_ tree: PageTree, patterns: BoilerplatePatterns, readingTemplates: Bool = true) {
        removal = FurnitureRemoval(tree, patterns: patterns)
        guard tree.count > 0 else { return }
        let body = (0..<tree.count).first { tree[$0].tag == .body } ?? 0
        var longest: ExtractedText?
        var lenient: FurnitureRemoval?
        for pass in Pass.allCases {
            let found: ExtractedText
            switch pass {
            case .strict:
                found = Self.extract(tree, removal: removal, body: body, cleaning: true)
            case .keepingClassedFurniture, .withoutCleaning:
                let lenientRemoval = lenient ?? FurnitureRemoval(tree, patterns: patterns, byClass: false)
                lenient = lenientRemoval
                found = Self.extract(tree, removal: lenientRemoval, body: body, cleaning: pass == .keepingClassedFurniture)
            case .template:
                guard readingTemplates, let markup = Self.largestTemplate(tree), let document = HTMLDocument(Data(markup.utf8)) else { continue }
                found = MainText(PageTree(document), patterns: patterns, readingTemplates: false).text
            }
            let length = found.characterCount
            if length >= Self.enough {
                text = found
                return
            }
            if length > longest?.characterCount ?? -1 { longest = found }
        }
        text = longest ?? ExtractedText()
    }

    /// The longest template script holding paragraphs (`<script type="text/template">…<p>…`).
    static func largestTemplate(_ tree: PageTree) -> String? {
        var best: String?
        for index in 0..<tree.count where tree[index].tag == .script {
            guard let type = tree.attribute("type", of: index)?.lowercased(), type.contains("template") || type == "text/html" else { continue }
            let markup = tree.subtree(index).dropFirst().filter { tree[$0].tag == .text }.map { tree.text($0) }.joined()
            if markup.utf8.count > best?.utf8.count ?? 200, markup.contains("<p") { best = markup }
        }
        return best
    }

    static func extract(_ tree: PageTree, removal: FurnitureRemoval, body: Int, cleaning: Bool) -> ExtractedText {
        let measures = PageMeasures(tree, removed: removal.removed)
        let runs = TextRun.runs(tree, measures: measures, removed: removal.removed, root: body)
        let scoring = ContentScoring(tree: tree, measures: measures, traits: removal.traits, removed: removal.removed, runs: runs)
        let roots = scoring.article(body: body)
        var skipped = removal.removed
        if cleaning {
            ContentCleaning(tree: tree, measures: measures, traits: removal.traits, scores: scoring).clean(roots: roots, skipped: &skipped)
        }
        var writer = BlockWriter()
        for root in roots { writer.write(tree, root: root, skipped: skipped) }
        var text = ExtractedText(writer.builder)
        // The headline the article opens with is its title, shown apart.
        if writer.headlines.first == 0 { text.filter { $0 != 0 } }
        return text
    }
}

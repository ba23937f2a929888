// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The first step of finding the article: what is certainly not it goes.
///
/// - never text: scripts, styles, media, form controls, the head, and the
///   code after a self-closed `<script/>`;
/// - hidden: the `hidden` attribute and `aria-hidden="true"` (not `display:
///   none`: galleries keep their later pages so, and that text is the article's);
/// - furniture by tag (`nav`, `aside`, `footer`, `form`), by ARIA role, or by
///   a class or id from `html-boilerplate.tsv` (share bars, comments, related
///   lists, cookie banners, bylines, captions …).
///
/// Furniture (and hidden parts) is kept when it holds half the page's prose or an element named
/// as the article's body: pages wrap everything in `<form>` (ASP.NET) or in
/// `<div class="has-sidebar">`, and removing the wrapper would remove the article.
struct FurnitureRemoval {
    /// Per node: removed with its subtree.
    var removed: [Bool]
    /// Per node: what its class and id say (empty for text nodes).
    var traits: [ClassTraits]

    /// `byClass` false leaves class and id patterns out (the retry when the strict pass finds too little).
    init(_ tree: PageTree, patterns: BoilerplatePatterns, byClass: Bool = true) {
        let count = tree.count
        removed = [Bool](repeating: false, count: count)
        traits = [ClassTraits](repeating: ClassTraits(), count: count)
        var candidates: [Int] = []
        var captions: [Int] = []
        var cache: [String: ClassTraits] = [:]
        for index in 0..<count {
            let tag = tree[index].tag
            guard tag != .text else {
                // `<script type="text/javascript"/>` closes at once for libxml2, not for a browser: the code after it is script.
                if index > 0, [.script, .style].contains(tree[index - 1].tag), tree[index - 1].end == Int32(index),
                   tree[index - 1].parent == tree[index].parent {
                    removed[index] = true
                }
                continue
            }
            if tag.isNeverText {
                removed[index] = true
                continue
            }
            let className = tree.attribute("class", of: index)
            let id = tree.attribute("id", of: index)
            if className != nil || id != nil {
                let key = (className ?? "") + "\u{1}" + (id ?? "")
                if let known = cache[key] {
                    traits[index] = known
                } else {
                    let found = patterns.traits(className: className, id: id)
                    cache[key] = found
                    traits[index] = found
                }
            }
            if let itemprop = tree.attribute("itemprop", of: index), itemprop.lowercased().contains("articlebody") {
                traits[index].isContent = true
            }
            let role = tree.attribute("role", of: index)?.lowercased()
            if traits[index].isContent || tag == .html || tag == .body || tag == .main || tag == .article || role == "main" { continue }
            if byClass && traits[index].isFurniture || [.nav, .aside, .footer, .form, .menu].contains(tag) || role.map(patterns.roles.contains) == true
                || Self.isHidden(tree, index) {
                candidates.append(index)
            } else if byClass && traits[index].isCaption || tag == .figcaption {
                captions.append(index)
            }
        }
        protectAndRemove(candidates, captions, tree)
    }

    /// Removes the candidates, except those holding half the prose or an article body. Captions
    /// (and dates, tags) that are together most of the page's text are a gallery's text, and stay.
    private mutating func protectAndRemove(_ candidates: [Int], _ captions: [Int], _ tree: PageTree) {
        guard !candidates.isEmpty || !captions.isEmpty, tree.count > 0 else { return }
        let measures = PageMeasures(tree, removed: removed)
        var prose = [Int32](repeating: 0, count: tree.count)
        for run in TextRun.runs(tree, measures: measures, removed: removed, root: 0) where run.characters >= 80 {
            prose[run.owner] += run.characters - run.linkCharacters
        }
        var holdsContent = traits.map(\.isContent)
        for index in stride(from: tree.count - 1, through: 1, by: -1) {
            let parent = Int(tree[index].parent)
            guard parent >= 0 else { continue }
            prose[parent] += prose[index]
            if holdsContent[index] { holdsContent[parent] = true }
        }
        let total = prose[0]
        let captionText = captions.reduce(Int32(0)) { $0 + measures.text[$1] }
        let removable = captionText * 5 < measures.text[0] * 2 ? candidates + captions : candidates
        for index in removable where !holdsContent[index] {
            if total > 0, prose[index] * 2 >= total { continue }
            removed[index] = true
        }
    }

    static func isHidden(_ tree: PageTree, _ index: Int) -> Bool {
        if tree.attribute("hidden", of: index) != nil { return true }
        return tree.attribute("aria-hidden", of: index)?.lowercased() == "true"
    }
}

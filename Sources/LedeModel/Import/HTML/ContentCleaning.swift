// SPDX-License-Identifier: Apache-2.0
/// Inside the article, the blocks that are not part of it: Readability's
/// conditional cleaning of `div`, `section`, `table`, lists and forms (a
/// negative score, more images than paragraphs, form controls, a few words
/// with no image, too many links, embedded players), and trafilatura's test
/// of short link lists (link text over 80 %, or most links a word or two).
/// Prose with ten commas or more always stays.
struct ContentCleaning {
    let tree: PageTree
    let measures: PageMeasures
    let traits: [ClassTraits]
    let scores: ContentScoring

    /// Marks what to leave out under `roots` (never a root itself, nor an element holding the best candidate).
    func clean(roots: [Int], skipped: inout [Bool]) {
        var holdsBest = Set<Int>()
        var ancestor = scores.best ?? -1
        while ancestor >= 0 {
            holdsBest.insert(ancestor)
            ancestor = Int(tree[ancestor].parent)
        }
        for root in roots {
            var position = root + 1
            let end = Int(tree[root].end)
            while position < end {
                let node = tree[position]
                if skipped[position] {
                    position = Int(node.end)
                    continue
                }
                if !holdsBest.contains(position), isBoilerplate(position) {
                    skipped[position] = true
                    position = Int(node.end)
                    continue
                }
                position += 1
            }
        }
    }

    func isBoilerplate(_ index: Int) -> Bool {
        let tag = tree[index].tag
        switch tag {
        case .div, .section, .table, .ul, .ol, .dl, .form, .fieldset, .header, .center: break
        case .h1, .h2: return traits[index].weight < 0
        default: return false
        }
        let weight = Double(traits[index].weight)
        if weight + (scores.scores[index] ?? 0) < 0 { return true }
        if isLinkList(index) { return true }
        guard measures.commas[index] < 10 else { return false }
        let isList = tag == .ul || tag == .ol || tag == .dl
        let paragraphs = Double(measures.paragraphs[index])
        let images = Double(measures.images[index])
        let listItems = Double(measures.listItems[index]) - 100
        let inputs = Double(measures.inputs[index])
        let embeds = measures.embeds[index]
        let length = measures.text[index]
        let linkDensity = measures.linkDensity(index)
        let headingDensity = length == 0 ? 0 : Double(measures.headingText[index]) / Double(length)
        if images > 1 && paragraphs / images < 0.5 { return true }
        if !isList && listItems > paragraphs { return true }
        if inputs > (paragraphs / 3).rounded(.down) { return true }
        if !isList && paragraphs == 0 && headingDensity < 0.9 && length < 25 && (images == 0 || images > 2) { return true }
        if !isList && weight < 25 && linkDensity > 0.2 { return true }
        if weight >= 25 && linkDensity > 0.5 { return true }
        if (embeds == 1 && length < 75) || embeds > 1 { return true }
        return false
    }

    /// A short block that is mostly links (trafilatura: under 100 characters, or 300 for the
    /// last block; link text over 80 %, or over 80 % of its links shorter than 10 characters).
    func isLinkList(_ index: Int) -> Bool {
        let length = measures.text[index]
        guard length > 0, measures.linkText[index] > 0 else { return false }
        let limit: Int32 = isLast(index) ? 300 : 100
        guard length < limit else { return false }
        if Double(measures.linkText[index]) > 0.8 * Double(length) { return true }
        let links = measures.links[index]
        let short = measures.shortLinks[index]
        return links > 1 && Double(short) / Double(links) > 0.8
    }

    /// No node with text follows it in its parent.
    func isLast(_ index: Int) -> Bool {
        let parent = Int(tree[index].parent)
        return parent < 0 || measures.lastChildWithText[parent] <= Int32(index)
    }
}

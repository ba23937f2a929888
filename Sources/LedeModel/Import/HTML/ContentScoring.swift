// SPDX-License-Identifier: Apache-2.0
/// Finds the element that holds the article, as Mozilla's Readability does:
/// every run of text of 25 characters or more scores `1 + commas +
/// min(characters / 100, 3)`, given whole to the element around its
/// paragraph, half to the one above, a third of a level's share beyond (five
/// levels). Elements start from a score by tag (`div` +5, lists and forms -3,
/// headings -5) and by class (`BoilerplatePatterns` weights); the best,
/// scaled by `1 - link density`, wins. Then, as Readability: an ancestor that
/// three near-best candidates share is taken instead, a parent scoring higher
/// is climbed to, an only child gives way to its parent, and siblings that
/// score well or are plain paragraphs join it.
struct ContentScoring {
    let tree: PageTree
    let measures: PageMeasures
    let traits: [ClassTraits]
    let removed: [Bool]
    /// Content scores of the candidates (after link density).
    private(set) var scores: [Int: Double] = [:]
    /// Per element: characters of prose (runs of 40 or more, mostly not links) and of the rest.
    private(set) var prose: [Int32]
    private(set) var noise: [Int32]

    init(tree: PageTree, measures: PageMeasures, traits: [ClassTraits], removed: [Bool], runs: [TextRun]) {
        self.tree = tree
        self.measures = measures
        self.traits = traits
        self.removed = removed
        prose = [Int32](repeating: 0, count: tree.count)
        noise = prose
        var raw: [Int: Double] = [:]
        for run in runs where run.characters >= 25 && Self.scoresAsParagraph(tree[run.owner].tag) && !isInListItem(run.owner) {
            let score = 1 + Double(run.commas) + min(Double(run.characters / 100), 3)
            var ancestor = Int(tree[run.owner].parent)
            var level = 0
            while ancestor >= 0, level < 5 {
                if raw[ancestor] == nil { raw[ancestor] = initialScore(ancestor) }
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                raw[ancestor]! += score / divider
                ancestor = Int(tree[ancestor].parent)
                level += 1
            }
        }
        for (index, score) in raw { scores[index] = score * (1 - measures.linkDensity(index)) }
        for run in runs {
            if run.characters >= 40, run.linkCharacters * 10 < run.characters * 3 {
                prose[run.owner] += run.characters - run.linkCharacters
                noise[run.owner] += run.linkCharacters
            } else {
                noise[run.owner] += run.characters
            }
        }
        for index in stride(from: tree.count - 1, through: 1, by: -1) {
            let parent = Int(tree[index].parent)
            guard parent >= 0 else { continue }
            prose[parent] += prose[index]
            noise[parent] += noise[index]
        }
    }

    static let noiseCost = 1.0

    func gain(_ index: Int) -> Double { Double(prose[index]) - Self.noiseCost * Double(noise[index]) }

    /// The ancestor (up to the body) with the most prose for its noise, when it has more than `top`:
    /// an article split into many blocks (intro, a table, sections) is one element further up.
    func widen(_ top: Int, body: Int) -> Int {
        var best = top
        var ancestor = Int(tree[top].parent)
        while ancestor >= 0 {
            if gain(ancestor) > gain(best) { best = ancestor }
            if ancestor == body { break }
            ancestor = Int(tree[ancestor].parent)
        }
        return best
    }

    /// A paragraph in a list item is an item (a reference, a teaser), not prose of the article.
    func isInListItem(_ index: Int) -> Bool {
        let parent = Int(tree[index].parent)
        return parent >= 0 && [.li, .dd, .dt].contains(tree[parent].tag)
    }

    /// Text straight inside these is a paragraph (Readability scores `p`, `pre`,
    /// `td` and `div`s without blocks; list items and headings are not prose).
    static func scoresAsParagraph(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .li, .dt, .dd, .h1, .h2, .h3, .h4, .h5, .h6, .th, .caption, .figcaption, .nav, .header, .footer, .address, .legend, .summary,
             .hgroup, .ul, .ol, .dl, .table, .tr, .thead, .tbody, .tfoot: false
        default: true
        }
    }

    func initialScore(_ index: Int) -> Double {
        var score = Double(traits[index].weight)
        switch tree[index].tag {
        case .div: score += 5
        case .pre, .td, .blockquote: score += 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score -= 3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score -= 5
        default: break
        }
        return score
    }

    /// The best candidate before any climbing (nil when nothing scored).
    var best: Int? {
        scores.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// The article's elements in reading order: the best candidate and the siblings that join it.
    func article(body: Int) -> [Int] {
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard var top = ranked.first?.key, top != body else { return [body] }
        let topScore = scores[top]!
        top = sharedAncestor(of: top, ranked: ranked, topScore: topScore, body: body) ?? top
        top = climb(from: top, body: body)
        top = widen(top, body: body)
        return top == body ? [body] : withSiblings(top, body: body)
    }

    /// An ancestor that three of the next best candidates (within 75 % of the best) share with it.
    private func sharedAncestor(of top: Int, ranked: [(key: Int, value: Double)], topScore: Double, body: Int) -> Int? {
        let close = ranked.dropFirst().prefix(4).filter { topScore > 0 && $0.value / topScore >= 0.75 }.map(\.key)
        guard close.count >= 3 else { return nil }
        var ancestor = Int(tree[top].parent)
        while ancestor >= 0, ancestor != body {
            let containing = close.filter { tree.subtree(ancestor).contains($0) }.count
            if containing >= 3 { return ancestor }
            ancestor = Int(tree[ancestor].parent)
        }
        return nil
    }

    /// Climbs to a parent that scores higher; then past parents with no other element child.
    private func climb(from start: Int, body: Int) -> Int {
        var top = start
        var lastScore = scores[top] ?? 0
        let threshold = lastScore / 3
        var parent = Int(tree[top].parent)
        while parent >= 0, parent != body {
            guard let parentScore = scores[parent] else {
                parent = Int(tree[parent].parent)
                continue
            }
            if parentScore < threshold { break }
            if parentScore > lastScore {
                top = parent
                break
            }
            lastScore = parentScore
            parent = Int(tree[parent].parent)
        }
        parent = Int(tree[top].parent)
        while parent >= 0, parent != body, elementChildren(of: parent).count == 1 {
            top = parent
            parent = Int(tree[top].parent)
        }
        return top
    }

    func elementChildren(of index: Int) -> [Int] {
        var children: [Int] = []
        var child = index + 1
        while child < Int(tree[index].end) {
            if tree[child].tag != .text, !removed[child] { children.append(child) }
            child = Int(tree[child].end)
        }
        return children
    }

    /// The candidate with the siblings Readability lets join: scoring a fifth of it (at least 10), or
    /// paragraphs of prose.
    private func withSiblings(_ top: Int, body: Int) -> [Int] {
        let parent = Int(tree[top].parent)
        guard parent >= 0 else { return [top] }
        let topScore = scores[top] ?? 0
        let threshold = max(10, topScore * 0.2)
        let topClass = tree.attribute("class", of: top) ?? ""
        var kept: [Int] = []
        for sibling in elementChildren(of: parent) {
            if sibling == top {
                kept.append(sibling)
                continue
            }
            var bonus = 0.0
            if !topClass.isEmpty, tree.attribute("class", of: sibling) == topClass { bonus = topScore * 0.2 }
            if let score = scores[sibling], score + bonus >= threshold {
                kept.append(sibling)
            } else if tree[sibling].tag == .p {
                let length = measures.text[sibling]
                let density = measures.linkDensity(sibling)
                if length > 80 && density < 0.25 {
                    kept.append(sibling)
                } else if length > 0, length <= 80, density == 0, tree.plainText(sibling).hasSuffix(".") {
                    kept.append(sibling)
                }
            }
        }
        return kept
    }
}

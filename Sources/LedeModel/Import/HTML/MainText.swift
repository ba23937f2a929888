/// Finds a page's main text: furniture removed (`FurnitureRemoval`), the
/// article's element found by Readability's scoring (`ContentScoring`), what
/// inside it is not the article cleaned away (`ContentCleaning`), and the
/// rest written as paragraphs (`BlockWriter`).
struct MainText {
    var text: ExtractedText
    /// What the first step removed, and the class traits it read (the metadata reads bylines from them).
    var removal: FurnitureRemoval

    init(_ tree: PageTree, patterns: BoilerplatePatterns) {
        removal = FurnitureRemoval(tree, patterns: patterns)
        guard tree.count > 0 else {
            text = ExtractedText()
            return
        }
        let measures = PageMeasures(tree, removed: removal.removed)
        let body = (0..<tree.count).first { tree[$0].tag == .body } ?? 0
        let runs = TextRun.runs(tree, measures: measures, removed: removal.removed, root: body)
        let scoring = ContentScoring(tree: tree, measures: measures, traits: removal.traits, removed: removal.removed, runs: runs)
        let roots = scoring.article(body: body)
        for root in roots { HTMLTrace.log("root \(HTMLTrace.describe(tree, root)) score \(scoring.scores[root] ?? 0)") }
        for (index, score) in scoring.scores.sorted(by: { $0.value > $1.value }).prefix(5) { HTMLTrace.log("candidate \(HTMLTrace.describe(tree, index)) \(score)") }
        var skipped = removal.removed
        ContentCleaning(tree: tree, measures: measures, traits: removal.traits, scores: scoring).clean(roots: roots, skipped: &skipped)
        var writer = BlockWriter()
        for root in roots { writer.write(tree, root: root, skipped: skipped) }
        text = ExtractedText(writer.builder)
    }
}

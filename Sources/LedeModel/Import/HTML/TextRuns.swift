// SPDX-License-Identifier: Apache-2.0
/// A run of inline text between two block boundaries: what a reader sees as
/// one paragraph (a `<p>`, or text straight inside a `<div>` between `<br>`s
/// and blocks), with the block element it stands in.
struct TextRun {
    var owner: Int
    var characters: Int32 = 0
    var linkCharacters: Int32 = 0
    var commas: Int32 = 0
}

extension TextRun {
    /// Every run of text under `root`, in reading order, leaving out removed subtrees.
    static func runs(_ tree: PageTree, measures: PageMeasures, removed: [Bool], root: Int) -> [TextRun] {
        var runs: [TextRun] = []
        var current: TextRun?
        // Open block elements, innermost last, with where their subtree ends.
        var blocks: [(index: Int, end: Int)] = []
        func flush() {
            if let run = current, run.characters > 0 { runs.append(run) }
            current = nil
        }
        var position = root
        let end = Int(tree[root].end)
        while position < end {
            while let last = blocks.last, last.end <= position {
                blocks.removeLast()
                flush()
            }
            let node = tree[position]
            if removed[position] || node.tag.isNeverText {
                if node.tag.isBlock { flush() }
                position = Int(node.end)
                continue
            }
            if node.tag == .text {
                if measures.text[position] > 0 {
                    if current == nil { current = TextRun(owner: blocks.last?.index ?? root) }
                    current!.characters += measures.text[position]
                    current!.linkCharacters += measures.linkText[position]
                    current!.commas += measures.commas[position]
                }
            } else if node.tag.isBlock {
                flush()
                blocks.append((position, Int(node.end)))
            }
            position += 1
        }
        flush()
        return runs
    }
}

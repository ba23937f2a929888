import Foundation

/// Writes the kept parts of a page as lede paragraphs: block elements end
/// paragraphs, headings are flagged, list items get a bullet, table rows
/// keep their cells apart, `<pre>` keeps its lines, links become spans over
/// their text. White space collapses as a browser collapses it.
struct BlockWriter {
    private(set) var builder = ParagraphBuilder()

    /// Writes the subtree at `root`, leaving out every node whose `skipped` flag is set (and its subtree).
    mutating func write(_ tree: PageTree, root: Int, skipped: [Bool]) {
        // Elements still open, innermost last, with where their subtree ends.
        var open: [(index: Int, end: Int)] = []
        var position = root
        let end = Int(tree[root].end)
        while position < end {
            while let last = open.last, last.end <= position {
                close(tree, last.index)
                open.removeLast()
            }
            let node = tree[position]
            if skipped[position] || node.tag.isNeverText {
                position = Int(node.end)
                continue
            }
            if node.tag == .text {
                if inPre(open, tree) { appendPreformatted(tree.text(position)) } else { builder.append(tree.text(position).unicodeScalars) }
                position += 1
                continue
            }
            openElement(tree, position)
            open.append((position, Int(node.end)))
            position += 1
        }
        while let last = open.popLast() { close(tree, last.index) }
        builder.endParagraph()
    }

    private func inPre(_ open: [(index: Int, end: Int)], _ tree: PageTree) -> Bool {
        open.contains { tree[$0.index].tag == .pre }
    }

    private mutating func openElement(_ tree: PageTree, _ index: Int) {
        let tag = tree[index].tag
        if tag.isHeading {
            builder.startHeading()
        } else if tag.isBlock {
            builder.endParagraph()
        }
        switch tag {
        case .li:
            builder.append("•".unicodeScalars)
            builder.append(" ")
        case .td, .th:
            builder.append(" ")
        case .a:
            if let address = tree.attribute("href", of: index), Self.isLinkAddress(address) { builder.openLink(address) }
        default:
            break
        }
    }

    private mutating func close(_ tree: PageTree, _ index: Int) {
        let tag = tree[index].tag
        if tag == .a {
            builder.closeLink()
        } else if tag.isBlock {
            builder.endParagraph()
        }
    }

    /// `<pre>` text: each line a paragraph of its own, its spaces kept.
    private mutating func appendPreformatted(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            if number > 0 { builder.endParagraph() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }.trimmingTrailing()
            if !trimmed.isEmpty { builder.appendVerbatim(String(trimmed)) }
        }
    }

    /// Addresses worth keeping as links: not in-page anchors or scripts.
    static func isLinkAddress(_ address: String) -> Bool {
        let trimmed = address.trimmingCharacters(in: .whitespaces).lowercased()
        return !trimmed.isEmpty && !trimmed.hasPrefix("#") && !trimmed.hasPrefix("javascript:") && !trimmed.hasPrefix("data:")
    }
}

extension Substring {
    func trimmingTrailing() -> Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}

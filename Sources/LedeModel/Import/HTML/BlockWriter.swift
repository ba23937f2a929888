// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Writes the kept parts of a page as lede paragraphs: block elements end
/// paragraphs, headings are flagged, list items get a bullet, table rows
/// keep their cells apart, `<pre>` keeps its lines, links become spans over
/// their text. White space collapses as a browser collapses it.
struct BlockWriter {
    private(set) var builder = ParagraphBuilder()
    /// Paragraphs written from `<h1>`s: the page's headline, which lede shows as the title.
    private(set) var headlines: [Int] = []

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
            // Cells of a row apart: `Setup | Median build`.
            builder.append(" ")
            if builder.hasText { builder.append("|".unicodeScalars) }
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
            let before = builder.paragraphs.count
            builder.endParagraph()
            if tag == .h1, builder.paragraphs.count > before { headlines.append(before) }
        }
    }

    /// `<pre>` text: each line a paragraph of its own, its indentation kept.
    private mutating func appendPreformatted(_ text: String) {
        // Lines end at LF, CR LF or CR, read as scalars: `"\r\n"` is one Character, never equal to `"\n"`.
        var lines = [String.UnicodeScalarView()]
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" && previous == "\r" { continue }
            if scalar == "\n" || scalar == "\r" {
                lines.append(String.UnicodeScalarView())
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        for (number, line) in lines.enumerated() {
            if number > 0 { builder.endParagraph() }
            // A tab would show as a control picture: four spaces instead.
            let kept = String(line).replacingOccurrences(of: "\t", with: "    ")
            let trimmed = Substring(kept).trimmingTrailing()
            if trimmed.contains(where: { $0 != " " }) { builder.appendVerbatim(String(trimmed)) }
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

// SPDX-License-Identifier: Apache-2.0
import CLibXML2

/// Sizes of every subtree of a `PageTree`, leaving out what is removed:
/// characters of text (white space not counted), characters inside links,
/// commas, and counts of the elements the cleaning rules ask about. One
/// backward pass, linear in the page.
struct PageMeasures {
    var text: [Int32]
    var linkText: [Int32]
    var commas: [Int32]
    var paragraphs: [Int32]
    var images: [Int32]
    var listItems: [Int32]
    var inputs: [Int32]
    var embeds: [Int32]
    var headingText: [Int32]
    /// Links with text, and those of them shorter than 10 characters.
    var links: [Int32]
    var shortLinks: [Int32]
    /// Per element: its last child with text (-1 when none).
    var lastChildWithText: [Int32]

    init(_ tree: PageTree, removed: [Bool]) {
        let count = tree.count
        text = [Int32](repeating: 0, count: count)
        linkText = text
        commas = text
        paragraphs = text
        images = text
        listItems = text
        inputs = text
        embeds = text
        headingText = text
        links = text
        shortLinks = text
        lastChildWithText = [Int32](repeating: -1, count: count)
        // Which nodes sit inside a link or a heading (forward: parents come first).
        var inLink = [Bool](repeating: false, count: count)
        var inHeading = inLink
        for index in 0..<count {
            let node = tree[index]
            let parent = Int(node.parent)
            inLink[index] = node.tag == .a || (parent >= 0 && inLink[parent])
            inHeading[index] = node.tag.isHeading || (parent >= 0 && inHeading[parent])
        }
        for index in stride(from: count - 1, through: 0, by: -1) where !removed[index] {
            let node = tree[index]
            switch node.tag {
            case .text:
                let (characters, commaCount) = (node.characters, node.commas)
                text[index] = characters
                commas[index] = commaCount
                if inLink[index] { linkText[index] = characters }
                if inHeading[index] { headingText[index] = characters }
            case .p: paragraphs[index] += 1
            case .img: images[index] += 1
            case .li: listItems[index] += 1
            case .input, .textarea, .select, .button: inputs[index] += 1
            case .iframe, .embed, .object, .video, .audio: embeds[index] += 1
            default: break
            }
            if node.tag == .a, text[index] > 0 {
                links[index] += 1
                if text[index] < 10 { shortLinks[index] += 1 }
            }
            let parent = Int(node.parent)
            guard parent >= 0 else { continue }
            if text[index] > 0, lastChildWithText[parent] < 0 { lastChildWithText[parent] = Int32(index) }
            links[parent] += links[index]
            shortLinks[parent] += shortLinks[index]
            text[parent] += text[index]
            linkText[parent] += linkText[index]
            commas[parent] += commas[index]
            paragraphs[parent] += paragraphs[index]
            images[parent] += images[index]
            listItems[parent] += listItems[index]
            inputs[parent] += inputs[index]
            embeds[parent] += embeds[index]
            headingText[parent] += headingText[index]
        }
    }

    /// The share of a subtree's text that is link text (0 without text).
    func linkDensity(_ index: Int) -> Double {
        text[index] == 0 ? 0 : Double(linkText[index]) / Double(text[index])
    }

    /// Characters (UTF-8 lead bytes that are not white space) and commas of a text node.
    static func measure(_ node: xmlNodePtr) -> (Int32, Int32) {
        guard var byte = node.pointee.content else { return (0, 0) }
        var characters: Int32 = 0
        var commas: Int32 = 0
        while byte.pointee != 0 {
            let value = byte.pointee
            switch value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C: break
            case 0x2C: characters += 1; commas += 1
            // `，` (EF BC 8C) and `،` (D8 8C) count as commas too.
            case 0xEF where byte[1] == 0xBC && byte[2] == 0x8C: characters += 1; commas += 1
            case 0xD8 where byte[1] == 0x8C: characters += 1; commas += 1
            default: if value & 0xC0 != 0x80 { characters += 1 }
            }
            byte += 1
        }
        return (characters, commas)
    }
}

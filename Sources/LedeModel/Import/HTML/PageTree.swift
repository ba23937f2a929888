// SPDX-License-Identifier: Apache-2.0
import CLibXML2

/// libxml2's tree flattened into an array in document order: each element
/// and text node with its parent and the end of its subtree, so every later
/// pass is a loop over indices (a subtree is `index ..< end`), never a
/// recursion. A page of 100,000 nested `<div>`s costs no stack.
struct PageTree {
    struct Node {
        let pointer: xmlNodePtr
        let tag: HTMLTag
        let parent: Int32
        /// One past the last node of this one's subtree.
        var end: Int32
        /// A text node's characters (white space not counted) and commas, measured once; 0 for elements.
        var characters: Int32 = 0
        var commas: Int32 = 0
    }

    private(set) var nodes: [Node] = []
    /// The owner of the pointers: the tree lives as long as this value.
    let document: HTMLDocument

    init(_ document: HTMLDocument) {
        self.document = document
        guard let root = document.root else { return }
        var current: xmlNodePtr? = root
        var parent: Int32 = -1
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = HTMLTag(name: Self.name(of: node))
                nodes.append(Node(pointer: node, tag: tag, parent: parent, end: Int32(nodes.count + 1)))
                descend = node.pointee.children != nil
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let (characters, commas) = PageMeasures.measure(node)
                nodes.append(Node(pointer: node, tag: .text, parent: parent, end: Int32(nodes.count + 1),
                                  characters: characters, commas: commas))
            default:
                break
            }
            if descend {
                parent = Int32(nodes.count - 1)
                current = node.pointee.children
                continue
            }
            // The next sibling, or the next sibling of the nearest ancestor that has one.
            var climbing = node
            current = nil
            while true {
                if let next = climbing.pointee.next {
                    current = next
                    break
                }
                guard parent >= 0 else { break }
                nodes[Int(parent)].end = Int32(nodes.count)
                climbing = nodes[Int(parent)].pointer
                parent = nodes[Int(parent)].parent
            }
        }
    }

    var count: Int { nodes.count }

    subscript(index: Int) -> Node { nodes[index] }

    /// The subtree of a node, itself included.
    func subtree(_ index: Int) -> Range<Int> { index..<Int(nodes[index].end) }

    static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// A text node's text (entities already decoded by libxml2).
    func text(_ index: Int) -> String {
        guard let content = nodes[index].pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// An attribute's value (names are lower case in HTML documents), nil when absent.
    func attribute(_ name: String, of index: Int) -> String? {
        var attribute = nodes[index].pointer.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, Self.equals(attributeName, name) {
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Compares a libxml2 name with a Swift string without making a string of it.
    static func equals(_ bytes: UnsafePointer<xmlChar>, _ name: String) -> Bool {
        var index = 0
        for byte in name.utf8 {
            guard bytes[index] == byte else { return false }
            index += 1
        }
        return bytes[index] == 0
    }

    /// The text of a subtree, white space collapsed (titles, bylines, dates).
    func plainText(_ index: Int) -> String {
        var parts: [String] = []
        var position = index
        let end = Int(nodes[index].end)
        while position < end {
            let node = nodes[position]
            if node.tag.isNeverText, position != index {
                position = Int(node.end)
                continue
            }
            if node.tag == .text { parts.append(text(position)) }
            if node.tag.isBlock, position != index { parts.append(" ") }
            position += 1
        }
        return ImportText.line(parts.joined())
    }
}

import Foundation

// TEMPORARY development trace (LEDE_HTML_TRACE=1); removed before the work is done.
enum HTMLTrace {
    static let on = ProcessInfo.processInfo.environment["LEDE_HTML_TRACE"] != nil
    static func log(_ text: @autoclosure () -> String) {
        if on { FileHandle.standardError.write((text() + "\n").data(using: .utf8)!) }
    }
    static func describe(_ tree: PageTree, _ index: Int) -> String {
        let node = tree[index]
        return "#\(index) <\(PageTree.name(of: node.pointer)) class=\(tree.attribute("class", of: index) ?? "") id=\(tree.attribute("id", of: index) ?? "")> depth \(node.depth)"
    }
}

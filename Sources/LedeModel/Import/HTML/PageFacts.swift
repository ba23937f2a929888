// SPDX-License-Identifier: Apache-2.0
/// Everything a page says about itself, gathered in one walk of its tree:
/// `<title>`, `<meta>` (by `name`, `property`, `itemprop` and `http-equiv`),
/// `<link rel=canonical>`, `<html lang>`, JSON-LD scripts, microdata
/// (`itemprop` author and date), `<time datetime>`, `rel=author` links,
/// the first `<h1>` and short byline elements.
struct PageFacts {
    var titleElement: String?
    /// Lower-case key → contents in page order.
    var meta: [String: [String]] = [:]
    var canonical: String?
    var base: String?
    var language: String?
    var jsonLD: [String] = []
    var firstHeading: String?
    var times: [String] = []
    var microdataDates: [String] = []
    var microdataAuthors: [String] = []
    var authorLinks: [String] = []
    var bylines: [String] = []

    /// `removed` says which parts are furniture: a heading there (a site logo) is not the article's.
    init(_ tree: PageTree, removed: [Bool], traits: [ClassTraits]) {
        var insideRemoved = [Bool](repeating: false, count: tree.count)
        for index in 0..<tree.count {
            let node = tree[index]
            let parent = Int(node.parent)
            insideRemoved[index] = parent >= 0 && (insideRemoved[parent] || (removed[parent] && !tree[parent].tag.isNeverText))
            switch node.tag {
            case .title where titleElement == nil: titleElement = tree.plainText(index)
            case .meta: readMeta(tree, index)
            case .link: readLink(tree, index)
            case .base where base == nil: base = tree.attribute("href", of: index)
            case .html: language = tree.attribute("lang", of: index) ?? tree.attribute("xml:lang", of: index)
            case .script:
                if tree.attribute("type", of: index)?.lowercased().contains("ld+json") == true, jsonLD.count < 20 {
                    jsonLD.append(scriptText(tree, index))
                }
            case .h1 where firstHeading == nil && !insideRemoved[index]:
                firstHeading = tree.plainText(index)
            case .time:
                if let value = tree.attribute("datetime", of: index), times.count < 20 { times.append(value) }
            case .a where tree.attribute("rel", of: index)?.lowercased().split(separator: " ").contains("author") == true:
                authorLinks.append(tree.plainText(index))
            default:
                break
            }
            guard node.tag != .text else { continue }
            readMicrodata(tree, index)
            if traits[index].isFurniture, traits[index].isByline, bylines.count < 10 {
                let text = tree.plainText(index)
                if text.count <= 160 { bylines.append(text) }
            }
        }
    }

    func first(_ keys: String...) -> String? {
        for key in keys {
            if let value = meta[key]?.first(where: { !$0.isEmpty }) { return value }
        }
        return nil
    }

    private mutating func readMeta(_ tree: PageTree, _ index: Int) {
        guard let content = tree.attribute("content", of: index) else { return }
        let value = ImportText.line(content)
        for attribute in ["name", "property", "itemprop", "http-equiv"] {
            guard let key = tree.attribute(attribute, of: index)?.lowercased(), !key.isEmpty else { continue }
            if meta[key, default: []].count < 50 { meta[key, default: []].append(value) }
        }
    }

    private mutating func readLink(_ tree: PageTree, _ index: Int) {
        let rel = tree.attribute("rel", of: index)?.lowercased().split(separator: " ") ?? []
        if rel.contains("canonical"), canonical == nil { canonical = tree.attribute("href", of: index) }
    }

    private mutating func readMicrodata(_ tree: PageTree, _ index: Int) {
        guard let itemprop = tree.attribute("itemprop", of: index)?.lowercased() else { return }
        let words = itemprop.split(separator: " ")
        if words.contains("datepublished"), microdataDates.count < 10,
           let value = tree.attribute("content", of: index) ?? tree.attribute("datetime", of: index) ?? Optional(tree.plainText(index)) {
            microdataDates.append(value)
        }
        if words.contains("author") || words.contains("creator"), microdataAuthors.count < 10 {
            if let content = tree.attribute("content", of: index) {
                microdataAuthors.append(content)
            } else if let name = (tree.subtree(index).dropFirst().first { tree[$0].tag != .text && tree.attribute("itemprop", of: $0) == "name" }) {
                microdataAuthors.append(tree.plainText(name))
            } else {
                let text = tree.plainText(index)
                if text.count <= 80 { microdataAuthors.append(text) }
            }
        }
    }

    private func scriptText(_ tree: PageTree, _ index: Int) -> String {
        tree.subtree(index).dropFirst().filter { tree[$0].tag == .text }.map { tree.text($0) }.joined()
    }
}

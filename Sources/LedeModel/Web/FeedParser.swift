// SPDX-License-Identifier: Apache-2.0
import CLibXML2
import Foundation

/// One entry of a feed: what `lede fetch` needs to fetch and file its page.
public struct FeedItem: Hashable, Sendable {
    public var title: String?
    public var link: String?
    /// RSS `guid`, Atom `id`, RSS 1.0 `rdf:about`.
    public var guid: String?
    /// `pubDate`, `dc:date`, Atom `published` (else `updated`).
    public var published: FeedDate?
    public var authors: [String] = []
    /// The description or summary as plain text (tags dropped), cut to `FetchMetadata.maximumSummaryLength`.
    public var summary: String?

    public init(title: String? = nil, link: String? = nil, guid: String? = nil, published: FeedDate? = nil, authors: [String] = [], summary: String? = nil) {
        self.title = title
        self.link = link
        self.guid = guid
        self.published = published
        self.authors = authors
        self.summary = summary
    }

    /// What identifies the item from one fetch to the next: its guid or id, else its link.
    public var key: String? { guid ?? link }
}

/// A parsed RSS 2.0, RSS 1.0 (RDF) or Atom feed.
public struct Feed: Hashable, Sendable {
    public enum Kind: String, Sendable { case rss2 = "RSS 2.0", rss1 = "RSS 1.0", atom = "Atom" }
    public var kind: Kind
    public var title: String?
    public var link: String?
    public var items: [FeedItem]
}

/// Why bytes are not a feed.
public enum FeedError: Error, Hashable, Sendable, CustomStringConvertible {
    case notXML
    case notAFeed(root: String)
    case tooLarge(bytes: Int)

    public var description: String {
        switch self {
        case .notXML: "not a feed: not well-formed XML"
        case .notAFeed(let root): "not a feed: the document is <\(ControlCharacters.visible(root))>, not <rss>, <feed> or <rdf:RDF>"
        case .tooLarge(let bytes): "feed is \(ArticleFileReader.size(bytes)), over the limit of \(ArticleFileReader.size(FeedParser.maximumBytes))"
        }
    }
}

/// Reads feeds with libxml2's XML parser: no network, no external entities,
/// no entity substitution (a reference to an entity the feed declares is
/// left out unless it is a short plain string), no DTD loading, libxml2's
/// own limits on size and depth. One parser per format behind one item type
/// (as newsboat's `rss/` does): `rss2`, `rss1`, `atom`.
public enum FeedParser {
    /// Larger feeds are refused before parsing (a real feed is well under a megabyte; 50 MB ones exist).
    public static let maximumBytes = 64 << 20
    /// Items read from one feed; the rest are dropped.
    public static let maximumItems = 10_000

    static let atomNamespace = "http://www.w3.org/2005/Atom"
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Parses a feed; `baseURL` (the feed's address) resolves relative links.
    public static func parse(_ data: Data, baseURL: String? = nil) -> Result<Feed, FeedError> {
        guard data.count <= maximumBytes else { return .failure(.tooLarge(bytes: data.count)) }
        LibXML.ready
        let document: xmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, nil, options)
        }
        guard let document else { return .failure(.notXML) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return .failure(.notXML) }
        let base = baseURL.flatMap { URL(string: $0) }
        let rootName = Node(root).name
        switch rootName.lowercased() {
        case "rss": return .success(rss2(Node(root), base: base))
        case "rdf": return .success(rss1(Node(root), base: base))
        case "feed": return .success(atom(Node(root), base: base))
        default:
            let prefix = root.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) + ":" } } ?? ""
            return .failure(.notAFeed(root: String((prefix + rootName).prefix(40))))
        }
    }

    /// Whether the start of a response looks like a feed rather than a page: an XML document
    /// whose first element is `rss`, `feed` or `rdf:RDF` (comments, processing instructions and a DOCTYPE may come first).
    public static func looksLikeFeed(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        var rest = Substring(head)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") || rest.hasPrefix("!") {
                guard let close = rest.firstIndex(of: ">") else { return false }
                rest = rest[rest.index(after: close)...]
                continue
            }
            let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            let local = name.split(separator: ":").last.map(String.init) ?? ""
            return ["rss", "feed", "rdf"].contains(local)
        }
        return false
    }

    // MARK: - The three formats

    static func rss2(_ root: Node, base: URL?) -> Feed {
        let channel = root.children.first { $0.name == "channel" } ?? root
        var feed = Feed(kind: .rss2, title: cleanTitle(channel.child("title")?.text), link: resolve(channel.child("link")?.text, base), items: [])
        for node in channel.children where node.name == "item" {
            guard feed.items.count < maximumItems else { break }
            feed.items.append(rssItem(node, base: base))
        }
        return feed
    }

    static func rss1(_ root: Node, base: URL?) -> Feed {
        let channel = root.children.first { $0.name == "channel" }
        var feed = Feed(kind: .rss1, title: cleanTitle(channel?.child("title")?.text), link: resolve(channel?.child("link")?.text, base), items: [])
        for node in root.children where node.name == "item" {
            guard feed.items.count < maximumItems else { break }
            var item = rssItem(node, base: base)
            if item.guid == nil { item.guid = clean(node.attribute("about")) }
            feed.items.append(item)
        }
        return feed
    }

    static func rssItem(_ node: Node, base: URL?) -> FeedItem {
        var item = FeedItem()
        item.title = cleanTitle(node.child("title")?.text)
        item.link = resolve(node.child("link")?.text, base)
        if let guid = node.child("guid") {
            item.guid = clean(guid.text)
            // A permalink guid is the page when there is no link.
            if item.link == nil, guid.attribute("isPermaLink")?.lowercased() != "false", let value = item.guid,
               value.hasPrefix("http://") || value.hasPrefix("https://") {
                item.link = resolve(value, base)
            }
        }
        let date = node.child("pubDate") ?? node.child("date") ?? node.child("issued") ?? node.child("modified")
        item.published = date.flatMap { FeedDate($0.text) }
        var authors: [String] = []
        for child in node.children where child.name == "creator" || child.name == "author" {
            authors += authorNames(child.text)
        }
        item.authors = unique(authors)
        item.summary = summary(node.child("description")?.text ?? node.child("encoded")?.text)
        return item
    }

    static func atom(_ root: Node, base feedBase: URL?) -> Feed {
        let base = root.base(feedBase)
        var feed = Feed(kind: .atom, title: cleanTitle(root.child("title").map(atomText)), link: atomLink(root, base: base), items: [])
        let feedAuthors = root.children.filter { $0.name == "author" }.compactMap { clean($0.child("name")?.text) }
        for node in root.children where node.name == "entry" {
            guard feed.items.count < maximumItems else { break }
            let entryBase = node.base(base)
            var item = FeedItem()
            item.title = cleanTitle(node.child("title").map(atomText))
            item.link = atomLink(node, base: entryBase)
            item.guid = clean(node.child("id")?.text)
            item.published = (node.child("published") ?? node.child("updated") ?? node.child("issued") ?? node.child("modified")).flatMap { FeedDate($0.text) }
            let authors = node.children.filter { $0.name == "author" }.compactMap { clean($0.child("name")?.text) }
            item.authors = unique(authors.isEmpty ? feedAuthors : authors)
            item.summary = summary((node.child("summary") ?? node.child("content")).map(atomText))
            feed.items.append(item)
        }
        return feed
    }

    /// Atom text constructs: `type="html"` is escaped markup, `xhtml` a div of elements, `text` text.
    static func atomText(_ node: Node) -> String {
        let type = node.attribute("type")?.lowercased() ?? "text"
        return type == "html" || type == "text/html" ? HTMLText.plain(node.text) : node.text
    }

    /// `<link rel="alternate" href>` (no rel means alternate), else the first link with an href.
    static func atomLink(_ node: Node, base: URL?) -> String? {
        let links = node.children.filter { $0.name == "link" }
        let alternate = links.first { ($0.attribute("rel") ?? "alternate").lowercased() == "alternate" && $0.attribute("href") != nil }
        return resolve((alternate ?? links.first { $0.attribute("href") != nil })?.attribute("href"), base)
    }

    // MARK: - Text

    /// White space collapsed, control and bidi characters dropped, cut to `limit` scalars; nil when empty.
    static func clean(_ text: String?, limit: Int = FetchMetadata.maximumTitleLength) -> String? {
        guard let text else { return nil }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        var count = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 0x20 {
                pendingSpace = !result.isEmpty
                continue
            }
            if ControlCharacters.needsReplacing(scalar) || scalar.value == 0xFEFF { continue }
            if pendingSpace { result.append(" "); count += 1; pendingSpace = false }
            guard count < limit else { break }
            result.append(scalar)
            count += 1
        }
        return result.isEmpty ? nil : String(result)
    }

    /// Titles are text, but many feeds escape them twice (`&amp;amp;`): entities are decoded, `<` stays.
    static func cleanTitle(_ text: String?) -> String? {
        guard let text else { return nil }
        return clean(text.contains("&") ? HTMLText.decodeEntities(text) : text)
    }

    static func summary(_ html: String?) -> String? {
        guard let html else { return nil }
        return clean(HTMLText.plain(String(html.prefix(FetchMetadata.maximumSummaryLength * 8))), limit: FetchMetadata.maximumSummaryLength)
    }

    /// `jane@example.org (Jane Doe)` → Jane Doe; `A and B`, `A, B` stay one string each part.
    static func authorNames(_ text: String) -> [String] {
        guard var name = clean(text, limit: 200) else { return [] }
        if let open = name.firstIndex(of: "("), name.hasSuffix(")"), name[..<open].contains("@") {
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        } else if name.contains("@"), !name.contains(" ") {
            return []
        }
        return clean(name, limit: 200).map { [$0] } ?? []
    }

    static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }.prefix(20).map { $0 }
    }

    /// An absolute http(s) address, resolved against the base; nil for anything else (javascript:, data:, mailto:).
    static func resolve(_ text: String?, _ base: URL?) -> String? {
        guard let text = clean(text, limit: 4096), !text.contains(" ") else { return nil }
        guard let url = URL(string: text, relativeTo: base)?.absoluteURL, let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else { return nil }
        // A scheme is case-insensitive: `HTTPS://…` and `htTps://…` are stored as `https://…`.
        let absolute = url.absoluteString
        return scheme + absolute.dropFirst(url.scheme?.count ?? 0)
    }

    // MARK: - The tree

    /// A libxml2 element, read-only, valid while its document is.
    struct Node {
        let pointer: xmlNodePtr
        init(_ pointer: xmlNodePtr) { self.pointer = pointer }

        /// The local name (no prefix).
        var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

        var children: [Node] {
            var result: [Node] = []
            var child = pointer.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE { result.append(Node(node)) }
                child = node.pointee.next
            }
            return result
        }

        func child(_ name: String) -> Node? {
            var child = pointer.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE, let raw = node.pointee.name, strcmp(raw, name) == 0 { return Node(node) }
                child = node.pointee.next
            }
            return nil
        }

        /// An attribute by local name, whatever its namespace.
        func attribute(_ name: String) -> String? {
            var property = pointer.pointee.properties
            while let attribute = property {
                if let raw = attribute.pointee.name, strcmp(raw, name) == 0 {
                    var text = TextGatherer()
                    text.gather(attribute.pointee.children)
                    return text.result
                }
                property = attribute.pointee.next
            }
            return nil
        }

        /// The text inside, elements included (XHTML content), entity references left out.
        var text: String {
            var gatherer = TextGatherer()
            gatherer.gather(pointer.pointee.children)
            return gatherer.result
        }

        /// `xml:base` resolved against the base above.
        func base(_ outer: URL?) -> URL? {
            guard let value = attribute("base"), let url = URL(string: value, relativeTo: outer) else { return outer }
            return url.absoluteURL
        }
    }

    /// Text of a subtree with a bound on its size and on the nodes visited,
    /// so no document can make it slow or large; no recursion (a deep tree cannot exhaust the stack).
    struct TextGatherer {
        static let maximumBytes = 1 << 20
        static let maximumNodes = 200_000
        var bytes: [UInt8] = []
        var visited = 0

        var result: String { String(decoding: bytes, as: UTF8.self) }

        mutating func gather(_ first: xmlNodePtr?) {
            var stack: [xmlNodePtr] = []
            var current = first
            while true {
                guard let node = current else {
                    guard let parent = stack.popLast() else { return }
                    current = parent.pointee.next
                    continue
                }
                visited += 1
                if visited > Self.maximumNodes || bytes.count >= Self.maximumBytes { return }
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content { append(content) }
                case XML_ENTITY_REF_NODE:
                    // A declared entity's text when it is short and plain; never expanded further.
                    if let entity = UnsafeMutableRawPointer(node.pointee.children)?.assumingMemoryBound(to: xmlEntity.self),
                       entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY, let content = entity.pointee.content,
                       strlen(content) <= 64, strchr(content, 0x26) == nil, strchr(content, 0x3C) == nil {
                        append(content)
                    }
                case XML_ELEMENT_NODE:
                    if let children = node.pointee.children {
                        stack.append(node)
                        current = children
                        continue
                    }
                default: break
                }
                current = node.pointee.next
            }
        }

        mutating func append(_ content: UnsafePointer<xmlChar>) {
            let length = min(strlen(content), Self.maximumBytes - bytes.count)
            bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What a page's JSON-LD (`<script type="application/ld+json">`) says about
/// its article: the first object typed as an article (`NewsArticle`,
/// `BlogPosting` …, also inside `@graph` or a list), else a `WebPage`.
struct LinkedData {
    var headline: String?
    var authors: [String] = []
    var published: CalendarDate?
    var publisher: String?
    var articleBody: String?
    var url: String?
    var language: String?
    var genre: String?
    var keywords: [String] = []
    /// `about` and `mentions`: name, type, predicate.
    var entities: [(name: String, type: EntityType, predicate: String)] = []

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "opinionnewsarticle", "analysisnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "scholarlyarticle", "techarticle", "report",
        "socialmediaposting", "liveblogposting", "review", "creativework", "medicalwebpage", "howto", "recipe",
    ]

    /// Reads every script's JSON; scripts that are not JSON are skipped.
    init(scripts: [String]) {
        var objects: [JSONDocument] = []
        for script in scripts {
            guard let root = Self.parse(script) else { continue }
            Self.collectObjects(root, into: &objects)
        }
        let article = objects.first { Self.types(of: $0).contains(where: Self.articleTypes.contains) }
            ?? objects.first { Self.types(of: $0).contains { $0.hasSuffix("webpage") } }
        guard let article else { return }
        read(article)
    }

    private mutating func read(_ article: JSONDocument) {
        headline = Self.text(article["headline"]) ?? Self.text(article["name"])
        authors = Self.names(article["author"])
        if authors.isEmpty { authors = Self.names(article["creator"]) }
        published = (Self.text(article["datePublished"]) ?? Self.text(article["dateCreated"])).flatMap(DateText.parse)
        publisher = Self.names(article["publisher"]).first ?? Self.names(article["sourceOrganization"]).first
        articleBody = article["articleBody"]?.string.map(BodyXMLReader.decodeEntities) ?? article["text"]?.string
        url = Self.text(article["url"]) ?? Self.text(article["mainEntityOfPage"]) ?? Self.text(article["mainEntityOfPage"]?["@id"])
        language = Self.text(article["inLanguage"])
        let type = Self.types(of: article).first ?? ""
        genre = Self.text(article["genre"]) ?? Self.genre(forType: type)
        keywords = Self.keywords(article["keywords"])
        for predicate in ["about", "mentions"] {
            for item in Self.items(article[predicate]) {
                guard let name = Self.text(item["name"]) ?? Self.text(item) else { continue }
                let itemType = Self.types(of: item).first ?? ""
                entities.append((name, Self.entityType(itemType), predicate))
            }
        }
    }

    /// JSON as pages write it: raw line breaks and tabs inside strings (not JSON) become spaces,
    /// and an HTML comment or CDATA wrapper is dropped.
    static func parse(_ script: String) -> JSONDocument? {
        var bytes = script.utf8.map { $0 < 0x20 ? UInt8(ascii: " ") : $0 }[...]
        func trim() {
            while bytes.first == UInt8(ascii: " ") { bytes.removeFirst() }
            while bytes.last == UInt8(ascii: " ") || bytes.last == UInt8(ascii: ";") { bytes.removeLast() }
        }
        trim()
        for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] where bytes.starts(with: wrapper.utf8) { bytes.removeFirst(wrapper.utf8.count) }
        for wrapper in ["-->", "//]]>", "]]>"] where bytes.reversed().starts(with: wrapper.utf8.reversed()) {
            bytes.removeLast(wrapper.utf8.count)
        }
        trim()
        return try? JSONDocument.parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Objects in a document, `@graph` lists and plain lists, breadth first (at most 200).
    static func collectObjects(_ root: JSONDocument, into objects: inout [JSONDocument]) {
        var queue = [root]
        var next = 0
        while next < queue.count, objects.count < 200 {
            let value = queue[next]
            next += 1
            if let list = value.array {
                queue += list.prefix(200)
            } else if value.isObject {
                objects.append(value)
                if let graph = value["@graph"]?.array { queue += graph.prefix(200) }
            }
        }
    }

    /// `@type` in lower case (a string or a list).
    static func types(of object: JSONDocument) -> [String] {
        if let type = object["@type"]?.string { return [type.lowercased()] }
        return object["@type"]?.array?.compactMap { $0.string?.lowercased() } ?? []
    }

    static func text(_ value: JSONDocument?) -> String? {
        guard let string = value?.string else { return nil }
        let line = ImportText.line(BodyXMLReader.decodeEntities(string))
        return line.isEmpty ? nil : line
    }

    static func items(_ value: JSONDocument?) -> [JSONDocument] {
        guard let value else { return [] }
        return value.array.map { Array($0.prefix(500)) } ?? [value]
    }

    /// Names of people or organisations: a string, an object with `name`, or a list of either.
    static func names(_ value: JSONDocument?) -> [String] {
        items(value).compactMap { text($0["name"]) ?? text($0) }
    }

    /// `keywords`: a list, or one string of comma-separated words.
    static func keywords(_ value: JSONDocument?) -> [String] {
        if let list = value?.array { return list.prefix(500).compactMap(text) }
        guard let string = text(value) else { return [] }
        return string.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func genre(forType type: String) -> String? {
        switch type {
        case "opinionnewsarticle": "Opinion"
        case "analysisnewsarticle": "Analysis"
        case "reviewnewsarticle", "review": "Review"
        case "backgroundnewsarticle": "Explainer"
        case "liveblogposting": "Live"
        default: nil
        }
    }

    static func entityType(_ type: String) -> EntityType {
        switch type {
        case "person": .person
        case "organization", "corporation", "newsmediaorganization", "governmentorganization", "educationalorganization",
             "ngo", "localbusiness", "sportsteam", "sportsorganization": .organisation
        case "place", "country", "city", "state", "administrativearea", "continent", "landmarksorhistoricalbuildings": .location
        case "product", "softwareapplication": .product
        default: .topic
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The article's metadata, decided from the page's facts (`PageFacts`,
/// `LinkedData`), the page's own word first and the context's after.
struct PageMetadata {
    var title: String?
    var authors: [String] = []
    var published: CalendarDate?
    var url: String?
    var site: String?
    var language: String?
    var genre: String?
    var annotations: [Annotation] = []
    /// The JSON-LD `articleBody`, for when the page's markup holds less.
    var articleBody: String?

    init(_ facts: PageFacts, context: PageContext, limits: ImportLimits) {
        let linked = LinkedData(scripts: facts.jsonLD)
        site = facts.first("og:site_name") ?? linked.publisher ?? facts.first("application-name")
        url = Self.address(facts, linked: linked, context: context)
        title = chooseTitle(facts, linked: linked) ?? context.title.map(ImportText.line).flatMap { $0.isEmpty ? nil : $0 }
        // A page naming no site still says it in its title (`Post title – Blog name`).
        if site == nil, let element = facts.titleElement, let title, element.hasPrefix(title) {
            let rest = element.dropFirst(title.count).drop { " |-–—:·•/".contains($0) }
            if !rest.isEmpty, rest.count <= 60 { site = String(rest) }
        }
        authors = Self.authors(facts, linked: linked)
        if authors.isEmpty { authors = context.authors.map(ImportText.line).filter { !$0.isEmpty } }
        published = Self.published(facts, linked: linked, url: url ?? context.url) ?? context.published
        language = [facts.language, facts.first("content-language", "og:locale", "language"), linked.language]
            .lazy.compactMap { $0.flatMap(Self.languageTag) }.first
        genre = linked.genre
        articleBody = linked.articleBody
        annotations = Self.annotations(facts, linked: linked, limits: limits)
    }

    /// `en_GB` → `en-GB`; nil for anything that is not a language tag (letters, digits, hyphens).
    static func languageTag(_ value: String) -> String? {
        let tag = value.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "_", with: "-")
        guard (2...35).contains(tag.count), tag.first!.isLetter,
              tag.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }) else {
            return nil
        }
        return tag
    }

    // MARK: - Title

    /// `og:title`, `twitter:title` or JSON-LD `headline`; else the `<h1>` when `<title>`
    /// holds it; else `<title>`; each without the site's name around it.
    func chooseTitle(_ facts: PageFacts, linked: LinkedData) -> String? {
        if let stated = (facts.first("og:title", "twitter:title") ?? linked.headline).flatMap({ Self.withoutSiteName($0, site: site, cutUnknown: false) }) {
            return stated
        }
        let element = facts.titleElement.flatMap { Self.withoutSiteName($0, site: site, cutUnknown: true) }
        let heading = facts.firstHeading.flatMap { $0.isEmpty ? nil : $0 }
        if let heading, element == nil || facts.titleElement?.contains(heading) == true { return heading }
        return element ?? heading
    }

    static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // "]

    /// `Title | Site`, `Site - Title`: the site's part goes. Without a known site name
    /// (`cutUnknown`), a short last part after a separator is taken for it.
    static func withoutSiteName(_ title: String, site: String?, cutUnknown: Bool) -> String? {
        var text = ImportText.line(title)
        let siteKey = site.map(key)
        for _ in 0..<2 {
            guard let (separator, range) = titleSeparators.compactMap({ separator in
                text.range(of: separator, options: .backwards).map { (separator, $0) }
            }).max(by: { $0.1.lowerBound < $1.1.lowerBound }) else { break }
            let last = String(text[range.upperBound...])
            let firstSeparator = text.range(of: separator)!
            let first = String(text[..<firstSeparator.lowerBound])
            if let siteKey, !siteKey.isEmpty {
                if key(last) == siteKey || siteKey.contains(key(last)) && !key(last).isEmpty {
                    text = String(text[..<range.lowerBound])
                    continue
                }
                if key(first) == siteKey {
                    text = String(text[firstSeparator.upperBound...])
                    continue
                }
            }
            if cutUnknown, last.split(separator: " ").count <= 4, last.count < text.count / 2 {
                text = String(text[..<range.lowerBound])
                continue
            }
            break
        }
        let line = ImportText.line(text)
        // Punctuation alone (`|`) is no title.
        return line.contains(where: { $0.isLetter || $0.isNumber }) ? line : nil
    }

    /// Letters and digits in lower case: `The Coastal Ledger` and `coastal-ledger` are nearly one.
    static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    // MARK: - Authors

    static func authors(_ facts: PageFacts, linked: LinkedData) -> [String] {
        let sources: [[String]] = [
            linked.authors,
            ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "twitter:creator"].flatMap { facts.meta[$0] ?? [] },
            facts.microdataAuthors,
            facts.authorLinks,
            facts.bylines,
        ]
        for source in sources {
            let names = cleanNames(source)
            if !names.isEmpty { return names }
        }
        return []
    }

    /// `By Ana Ruiz and Tom Becker, 6 November 2024` → `Ana Ruiz`, `Tom Becker`; addresses and handles dropped.
    static func cleanNames(_ values: [String]) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        // `By Ana Ruiz · 6 November 2024 | Opinion`: the names come before the separators.
        let parts = values.flatMap { $0.split(whereSeparator: { "·|•".contains($0) }).map(String.init) }
        for value in parts {
            var text = ImportText.line(value)
            for prefix in ["by ", "written by ", "words by ", "von ", "par ", "de "] where text.lowercased().hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count))
            }
            for part in ScrapedArticleImporter.splitNames(text) {
                let name = part.trimmingCharacters(in: CharacterSet(charactersIn: " |•·:;-–—"))
                let lower = name.lowercased()
                guard !name.isEmpty, name.count <= 60, !lower.hasPrefix("http"), !lower.hasPrefix("@"), !lower.contains("www."),
                      !name.contains("/"), DateText.parse(name) == nil, name.contains(where: \.isLetter),
                      name.split(separator: " ").count <= 5, seen.insert(lower).inserted else { continue }
                names.append(name)
            }
            if names.count >= 20 { break }
        }
        return names
    }

    // MARK: - Date and address

    static let dateKeys = ["article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
                           "publication_date", "parsely-pub-date", "sailthru.date", "article.published", "dc.date.issued", "dc.date",
                           "dcterms.created", "dcterms.date", "date", "citation_publication_date", "citation_date"]

    static func published(_ facts: PageFacts, linked: LinkedData, url: String?) -> CalendarDate? {
        if let date = linked.published { return date }
        for key in dateKeys {
            for value in facts.meta[key] ?? [] {
                if let date = DateText.parse(value) { return date }
            }
        }
        for value in facts.microdataDates + facts.times + facts.bylines {
            if let date = DateText.parse(value) { return date }
        }
        return url.flatMap(DateText.inAddress)
    }

    /// `<link rel=canonical>`, `og:url`, JSON-LD `url`, else the context's; relative ones resolved.
    static func address(_ facts: PageFacts, linked: LinkedData, context: PageContext) -> String? {
        let base = facts.base ?? context.url
        for candidate in [facts.canonical, facts.first("og:url"), linked.url, context.url] {
            guard let candidate, let resolved = resolve(candidate, against: base) else { continue }
            return resolved
        }
        return nil
    }

    /// An http(s) address, relative ones resolved against `base`; nil for anything else.
    static func resolve(_ address: String, against base: String?) -> String? {
        // As browsers do: tabs and line breaks inside an address are dropped; other spaces and controls make it no address.
        let trimmed = String(String.UnicodeScalarView(address.unicodeScalars.filter { !"\t\n\r".unicodeScalars.contains($0) }))
            .trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 2048, trimmed.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            return nil
        }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return trimmed }
        guard let base, let baseURL = URL(string: base), let url = URL(string: trimmed, relativeTo: baseURL)?.absoluteString else {
            return nil
        }
        let resolved = url.lowercased()
        return resolved.hasPrefix("https://") || resolved.hasPrefix("http://") ? url : nil
    }

    // MARK: - Entities

    /// JSON-LD `about` and `mentions` as annotations of their type; keywords (`keywords`,
    /// `news_keywords`, `article:tag`, JSON-LD `keywords`) as display tags, as Markdown tags are.
    static func annotations(_ facts: PageFacts, linked: LinkedData, limits: ImportLimits) -> [Annotation] {
        var rows: [Annotation] = []
        for entity in linked.entities where entity.name.unicodeScalars.count <= limits.maximumLabelLength {
            rows.append(Annotation(type: entity.type, predicate: entity.predicate, label: entity.name,
                                   id: "jsonld:" + EntityKey.normalise(entity.name)))
        }
        var keywords = linked.keywords
        for key in ["keywords", "news_keywords", "article:tag"] {
            for value in facts.meta[key] ?? [] { keywords += value.split(separator: ",").map(String.init) }
        }
        // A keyword naming an entity already listed adds nothing.
        var seen = Set(rows.map { EntityKey.normalise($0.label) })
        for keyword in keywords {
            let label = ImportText.line(keyword)
            let id = "tag:" + EntityKey.normalise(label)
            guard !label.isEmpty, label.unicodeScalars.count <= limits.maximumLabelLength, seen.insert(EntityKey.normalise(label)).inserted else {
                continue
            }
            rows.append(Annotation(type: .topic, predicate: "hasDisplayTag", label: label, id: id))
        }
        return Array(rows.prefix(limits.maximumAnnotations))
    }
}

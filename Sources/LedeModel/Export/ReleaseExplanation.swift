// SPDX-License-Identifier: Apache-2.0
/// Why a release has its date: every sentence that stated one, what it did
/// (agrees, conflicts, only bounds, speaks of a plan), and the rule that won.
/// Behind `lede timeline --explain MODEL`.
import LedeText

public struct ReleaseExplanation: Sendable {
    public struct Line: Sendable {
        public var path: String
        public var paragraph: Int
        public var start: Int
        public var end: Int
        public var date: String
        public var phrase: String
        public var role: String
        public var sentence: String
    }

    public var release: Release
    public var lines: [Line]

    /// Releases whose model name matches (case, spaces and hyphens aside: `deepseek r1` finds DeepSeek-R1).
    public static func releases(named query: String, in corpus: any Corpus) -> [Release] {
        func key(_ text: String) -> String { text.lowercased().filter { $0 != " " && $0 != "-" } }
        let wanted = key(query)
        return corpus.releases.filter { key($0.modelName) == wanted }
    }

    public init(release: Release, corpus: any Corpus) {
        self.release = release
        var lines: [Line] = []
        var mentionsOfArticle: [ArticleID: [Mention]] = [:]
        var articles: [ArticleID: Article] = [:]
        for item in release.evidence {
            let articleID = item.mention.article
            if mentionsOfArticle[articleID] == nil { mentionsOfArticle[articleID] = corpus.mentions(in: articleID) }
            if articles[articleID] == nil, let article = corpus.article(articleID) { articles[articleID] = article }
            guard let mentions = mentionsOfArticle[articleID], mentions.indices.contains(Int(item.mention.ordinal)),
                  let article = articles[articleID] else { continue }
            let mention = mentions[Int(item.mention.ordinal)]
            guard article.paragraphs.indices.contains(mention.paragraph) else { continue }
            let scalars = Array(article.paragraphs[mention.paragraph].unicodeScalars)
            let sentence = Sentences.ranges(in: scalars).first { $0.contains(mention.start) } ?? 0..<scalars.count
            lines.append(Line(path: article.path, paragraph: mention.paragraph, start: mention.start, end: mention.end,
                              date: item.date?.description ?? "", phrase: item.phrase,
                              role: item.role == .bound ? "bounds" : (item.role == .plan ? "plan" : item.role.rawValue),
                              sentence: String(String.UnicodeScalarView(scalars[sentence]))))
        }
        self.lines = lines
    }

    /// Plain text for a terminal (control characters made visible).
    public func write(to output: inout some TextOutputStream) {
        let visible = ControlCharacters.visible
        var head = "\(release.modelName)"
        if let organisation = release.organisation { head += " (\(organisation))" }
        head += ": \(release.dateText.isEmpty ? "undated" : release.dateText)"
        if release.status != .released { head += ", \(release.status.rawValue)" }
        head += " — " + release.explanation
        output.write(visible(head) + "\n")
        if let source = release.source, release.basis == .catalog || release.source != nil { output.write("  catalogue: \(visible(source))\n") }
        for conflict in release.conflicts { output.write("  conflict: \(visible(conflict))\n") }
        if lines.isEmpty { output.write("  no sentence states a date for it\n") }
        for line in lines {
            output.write("  \(line.role) \(line.date.isEmpty ? "" : line.date + " ")“\(visible(line.phrase))” \(visible(line.path))#\(line.paragraph):\(line.start)-\(line.end)\n")
            output.write("    \(visible(line.sentence))\n")
        }
    }

    public var json: JSONValue {
        .object([
            "model": .string(release.modelName), "organisation": .optional(release.organisation), "date": .optional(release.date?.calendarText),
            "period": .optional(release.date?.span == nil ? nil : release.date?.description),
            "basis": .string(release.basis.rawValue), "explanation": .string(release.explanation), "planned": .bool(release.planned),
            "status": .string(release.status.rawValue),
            "conflicts": .strings(release.conflicts), "source": .optional(release.source),
            "sentences": .array(lines.map { line in
                .object(["path": .string(line.path), "paragraph": .int(line.paragraph), "start": .int(line.start), "end": .int(line.end),
                         "date": .string(line.date), "phrase": .string(line.phrase), "role": .string(line.role), "sentence": .string(line.sentence)])
            }),
        ])
    }
}

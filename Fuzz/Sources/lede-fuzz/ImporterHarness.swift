// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// `importer`: bytes → `ScrapedArticleImporter().parse(_:path:)` and the
/// article's own invariants; thousands of inputs a second.
///
/// `linker`: the same, then the linker (`CorpusBuilder(threads: 1).buildInMemory`),
/// every export and a search, so the whole model path runs. Building the
/// vocabulary (gazetteer, catalogue, automaton) for each corpus costs a few
/// milliseconds, so this one runs about a hundred inputs a second.
enum ImporterHarness {
    static let importer = ScrapedArticleImporter()
    static let builder = CorpusBuilder(threads: 1)
    static let path = "fuzz/article.txt"

    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard case .success(let article) = importer.parse(Data(bytes), path: path) else { return }
        check(article)
    }

    static func runThroughLinker(_ bytes: UnsafeRawBufferPointer) {
        guard case .success(let article) = importer.parse(Data(bytes), path: path) else { return }
        check(article)
        let corpus = builder.buildInMemory(articles: [article])
        check(corpus, article: article)
        checkSearch(corpus, article: article)
    }

    static func check(_ article: Article) {
        require(!article.title.contains("\n"), "title spans lines: \(article.title.debugDescription)")
        require(article.paragraphs.count <= importer.limits.maximumParagraphs, "\(article.paragraphs.count) paragraphs kept")
        require(article.annotations.count <= importer.limits.maximumAnnotations, "\(article.annotations.count) annotations kept")
        require(article.annotations.allSatisfy { $0.label.count <= importer.limits.maximumLabelLength }, "a label over the limit was kept")
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\n" nor "\r".
        require(article.paragraphs.allSatisfy { !$0.unicodeScalars.contains { $0 == "\n" || $0 == "\r" } }, "a paragraph spans lines")
    }

    static func check(_ corpus: InMemoryCorpus, article: Article) {
        require(corpus.articleIDs.count == 1, "\(corpus.articleIDs.count) articles from one")
        let id = corpus.articleIDs[0]
        let paragraphs = article.paragraphs.map { Array($0.unicodeScalars) }

        // Mentions: in bounds, `text` is the slice, reading order, ordinal = index, entity known.
        var previous: (Int, Int)?
        for (index, mention) in corpus.mentions(in: id).enumerated() {
            require(Int(mention.id.ordinal) == index && mention.id.article == id, "mention \(index) has id \(mention.id)")
            require(paragraphs.indices.contains(mention.paragraph), "mention in paragraph \(mention.paragraph) of \(paragraphs.count)")
            require(mention.start < mention.end, "empty or reversed mention \(mention.start)..<\(mention.end)")
            let slice = Invariants.slice(paragraphs[mention.paragraph], mention.start, mention.end)
            require(slice != nil, "mention \(mention.start)..<\(mention.end) outside paragraph \(mention.paragraph) "
                        + "(\(paragraphs[mention.paragraph].count) scalars)")
            require(Invariants.sameScalars(slice!, mention.text),
                    "mention text \(mention.text.debugDescription) is not its slice \(slice!.debugDescription)")
            require(corpus.entity(mention.entity) != nil, "mention of unknown entity \(mention.entity)")
            if let previous { require(previous <= (mention.paragraph, mention.start), "mentions out of reading order") }
            previous = (mention.paragraph, mention.start)
        }
        for release in corpus.releases {
            require(corpus.entity(release.model) != nil, "release of unknown model \(release.modelName)")
        }

        // JSON exports: valid for Foundation and for lede's reader; what goes in comes out.
        let parsed = Invariants.validJSON(CorpusExport.parseJSON(corpus), "parse JSON")
        if let row = parsed["articles"]?.array?.first {
            require(row["title"]?.string.map { Invariants.sameScalars($0, article.title) } == true, "title changed on the way to JSON")
            let exported = row["paragraphs"]?.array?.compactMap(\.string) ?? []
            require(exported.count == article.paragraphs.count
                        && zip(exported, article.paragraphs).allSatisfy { Invariants.sameScalars($0, $1) },
                    "paragraphs changed on the way to JSON")
        } else {
            require(false, "parse JSON has no article")
        }
        Invariants.validJSON(CorpusExport.entitiesJSON(corpus), "entities JSON")
        Invariants.validJSON(CorpusExport.timelineJSON(corpus), "timeline JSON")

        // Text exports: no control characters but the separators, a field per column.
        let tsv = CorpusExport.entitiesTSV(corpus)
        Invariants.onlySeparators(tsv, allowing: ["\t", "\n"], "entities TSV")
        for line in Invariants.lines(tsv, crlf: false, "entities TSV") {
            require(line.split(separator: "\t", omittingEmptySubsequences: false).count == 5, "TSV line \(line.debugDescription)")
        }
        let csv = CorpusExport.timelineCSV(corpus)
        Invariants.onlySeparators(csv, allowing: ["\r", "\n"], "timeline CSV")
        for line in Invariants.lines(csv, crlf: true, "timeline CSV") {
            require(csvFieldCount(line) == CorpusExport.timelineColumns.count, "CSV line \(line.debugDescription)")
        }
        let markdown = CorpusExport.timelineMarkdown(corpus)
        Invariants.onlySeparators(markdown, allowing: ["\n"], "timeline Markdown")
        // Every row has the header's cell borders: text from an article never adds or removes a cell.
        let markdownLines = Invariants.lines(markdown, crlf: false, "timeline Markdown")
        let borders = markdownLines.first.map(unescapedPipes) ?? 0
        require(borders >= 2, "timeline Markdown has no header row")
        for line in markdownLines {
            require(unescapedPipes(line) == borders, "Markdown row \(line.debugDescription) has \(unescapedPipes(line)) cell borders, the header \(borders)")
        }
    }

    /// Search as `lede search` does, for the title and the first words of the
    /// first paragraph: hits in bounds, exports valid, snippets on one line.
    static func checkSearch(_ corpus: InMemoryCorpus, article: Article) {
        var queries = [article.title]
        if let first = article.paragraphs.first { queries.append(first.split(separator: " ").prefix(3).joined(separator: " ")) }
        for text in queries {
            guard let query = try? SearchQuery(text) else { continue }
            let hits = corpus.search(query, limit: 50)
            for hit in hits {
                let searched = hit.paragraph.map { article.paragraphs[$0] } ?? article.title
                let count = searched.unicodeScalars.count
                require(hit.matches.allSatisfy { $0.upperBound <= count && !$0.isEmpty }, "search hit \(hit.matches) in \(count) scalars")
                if let row = SearchResultRow(hit, corpus: corpus) {
                    require(!row.snippet.contains("\n") && !row.snippet.contains("\r"), "snippet on two lines: \(row.snippet.debugDescription)")
                }
            }
            var json = ""
            CorpusExport.writeSearchJSON(hits, corpus: corpus, to: &json)
            Invariants.validJSON(json, "search JSON")
            var tsv = ""
            CorpusExport.writeSearchTSV(hits, corpus: corpus, to: &tsv)
            Invariants.onlySeparators(tsv, allowing: ["\t", "\n"], "search TSV")
            for line in Invariants.lines(tsv, crlf: false, "search TSV") {
                require(line.split(separator: "\t", omittingEmptySubsequences: false).count == 4, "search TSV line \(line.debugDescription)")
            }
        }
    }

    /// Fields of one RFC 4180 record (quoted fields may hold commas and doubled quotes).
    static func csvFieldCount(_ line: Substring) -> Int {
        var count = 1
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == "," && !quoted { count += 1 }
        }
        return quoted ? -1 : count
    }

    /// `|` that GitHub Markdown reads as a cell border (not `\|`).
    static func unescapedPipes(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }
}

// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import LedeModel

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the parsed articles.")
    @Option(help: "Output format.") var format: ParseFormat = .json
    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
    }

    func run() throws {
        let corpus = loadCorpus(corpusOptions)
        try export(corpus) { CorpusExport.writeParseJSON(corpus, to: &$0) }
    }
}

struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print entities with their mentions.")
    @Option(help: "Output format.") var format: EntitiesFormat = .json
    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
    }

    func run() throws {
        let corpus = loadCorpus(corpusOptions)
        try export(corpus) { output in
            if format == .json { CorpusExport.writeEntitiesJSON(corpus, to: &output) } else { CorpusExport.writeEntitiesTSV(corpus, to: &output) }
        }
    }
}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print AI model releases, oldest first.",
        discussion: """
            Each release says how its date is known (explanation): from the catalogue (and how many articles confirm it), \
            stated by N articles, bounded by a relative phrase, or bounded by publication; conflicts name their articles. \
            --explain MODEL lists every sentence that took part, with what it did (agrees, conflicts, bounds, plan).
            """)
    @Option(help: "Output format: json, csv or markdown for the timeline; json or text with --explain.") var format: TimelineFormat = .json
    @Option(help: "Explain one model's date: every sentence that stated one.") var explain: String?
    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        if explain == nil && format == .text { throw ValidationError("--format text goes with --explain; the timeline is json, csv or markdown") }
        if explain != nil && (format == .csv || format == .markdown) { throw ValidationError("--explain writes json or text") }
    }

    func run() throws {
        let corpus = loadCorpus(corpusOptions)
        if let explain {
            let releases = ReleaseExplanation.releases(named: explain, in: corpus)
            guard !releases.isEmpty else {
                printError("lede: no release of a model named “\(ControlCharacters.visible(explain))” in these articles")
                throw ExitCode(corpus.errors.isEmpty ? 2 : 1)
            }
            try export(corpus) { output in
                let explanations = releases.map { ReleaseExplanation(release: $0, corpus: corpus) }
                if format == .json {
                    JSONValue.object(["releases": .array(explanations.map(\.json))]).write(to: &output)
                    output.write("\n")
                } else {
                    for explanation in explanations { explanation.write(to: &output) }
                }
            }
            return
        }
        try export(corpus) { output in
            switch format {
            case .json: CorpusExport.writeTimelineJSON(corpus, to: &output)
            case .csv: CorpusExport.writeTimelineCSV(corpus, to: &output)
            case .markdown, .text: CorpusExport.writeTimelineMarkdown(corpus, to: &output)
            }
        }
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the paragraphs (and titles) that match a query, in reading order.",
        discussion: """
            QUERY holds words, "quoted phrases" and prefix* terms; a paragraph matches when it holds every one, \
            compared without case or accents. The snippet marks matched words with [ and ].
            """)
    @Option(help: "Output format.") var format: SearchFormat = .json
    @Option(help: "List at most this many results (default: all).") var limit: Int?
    @Argument(help: "What to look for.") var query: String
    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery(query)
        } catch {
            printError("lede: cannot search for “\(query)”: \(error)")
            throw ExitCode(2)
        }
        let corpus = loadCorpus(corpusOptions, needsSearch: true)
        let hits = corpus.search(parsed, limit: limit)
        try export(corpus) { output in
            if format == .json {
                CorpusExport.writeSearchJSON(hits, corpus: corpus, to: &output)
            } else {
                CorpusExport.writeSearchTSV(hits, corpus: corpus, to: &output)
            }
        }
    }
}

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the entity network: entities that share paragraphs (or sentences), as DOT, JSON or GraphML.",
        discussion: """
            Nodes are entities (id, label, type, mentions); an undirected edge joins two that are named in the same \
            paragraph, weighted by how many paragraphs name both, with lift (weight × all units ÷ the product of each \
            one's units: 1 is chance) and PMI (log2 of lift). Only entities with a kept edge are listed. \
            The DOT renders as it is: lede graph --format dot | dot -Tsvg > graph.svg
            """)
    @Option(help: "Output format: dot, json or graphml.") var format: GraphFormat = .dot
    @Option(help: "Keep edges whose weight (shared paragraphs or sentences) is at least this.") var minWeight: Int = 1
    @Option(help: "Only these entity types, comma-separated (organisation,person,location,topic,model,product …).") var types: String?
    @Option(help: "What two entities share to be joined: paragraph or sentence.") var unit: GraphUnit = .paragraph
    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        if minWeight < 1 { throw ValidationError("--min-weight must be 1 or more") }
        _ = try parsedTypes()
    }

    /// Type names as `lede entities` prints them, their short tags, any case.
    func parsedTypes() throws -> Set<EntityType>? {
        guard let types else { return nil }
        var result: Set<EntityType> = []
        for word in types.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).uppercased() }) where !word.isEmpty {
            guard let type = EntityType.allCases.first(where: { $0.rawValue == word || $0.accessibleTag == word }) else {
                let known = EntityType.allCases.map { $0.rawValue.lowercased() }.joined(separator: ", ")
                throw ValidationError("--types: no entity type “\(ControlCharacters.visible(word.lowercased()))”; types are \(known)")
            }
            result.insert(type)
        }
        if result.isEmpty { throw ValidationError("--types needs at least one type") }
        return result
    }

    func run() throws {
        let corpus = loadCorpus(corpusOptions)
        let graph = CooccurrenceGraph(corpus: corpus, unit: unit.value, types: try parsedTypes(), minimumWeight: minWeight)
        try export(corpus) { output in GraphExport.write(graph, format: format.value, to: &output) }
    }
}

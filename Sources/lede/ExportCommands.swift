import ArgumentParser
import LedeModel

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the parsed articles.")
    @Option(help: "Output format: json.") var format: ExportFormat = .json
    @Argument(help: "Article files or folders (read recursively).") var paths: [String] = []

    func validate() throws {
        guard format == .json else { throw ValidationError("parse supports --format json") }
    }

    func run() throws {
        let corpus = loadCorpus(paths)
        print(CorpusExport.parseJSON(corpus))
        try finish(corpus)
    }
}

struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print entities with their mentions.")
    @Option(help: "Output format: json or tsv.") var format: ExportFormat = .json
    @Argument(help: "Article files or folders (read recursively).") var paths: [String] = []

    func validate() throws {
        guard format == .json || format == .tsv else { throw ValidationError("entities supports --format json or tsv") }
    }

    func run() throws {
        let corpus = loadCorpus(paths)
        print(format == .json ? CorpusExport.entitiesJSON(corpus) : CorpusExport.entitiesTSV(corpus), terminator: format == .json ? "\n" : "")
        try finish(corpus)
    }
}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print AI model releases, oldest first.")
    @Option(help: "Output format: json, csv or markdown.") var format: ExportFormat = .json
    @Argument(help: "Article files or folders (read recursively).") var paths: [String] = []

    func validate() throws {
        guard format != .tsv else { throw ValidationError("timeline supports --format json, csv or markdown") }
    }

    func run() throws {
        let corpus = loadCorpus(paths)
        switch format {
        case .json: print(CorpusExport.timelineJSON(corpus))
        case .csv: print(CorpusExport.timelineCSV(corpus), terminator: "")
        case .markdown, .tsv: print(CorpusExport.timelineMarkdown(corpus), terminator: "")
        }
        try finish(corpus)
    }
}

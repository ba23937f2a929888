import ArgumentParser
import LedeModel

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Browse articles in the terminal (the default).")

    @Option(help: "Theme name or path to a theme file.") var theme: String?
    @Flag(help: "Draw without colours (as NO_COLOR does).") var noColor = false
    @Argument(help: "Article files or folders (none: the bundled samples).") var paths: [String] = []

    func run() throws {
        let corpus = loadCorpus(paths)
        print("\(corpus.articles.count) articles")
        try finish(corpus)
    }
}

struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the available themes.")
    func run() throws {}
}

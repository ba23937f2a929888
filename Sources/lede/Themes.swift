import ArgumentParser
import LedeConfig
import LedeModel
import LedeUI

struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the available themes and where each comes from.")

    func run() throws {
        let directory = Settings.themeDirectory()
        var output = StandardOutput()
        var failed = false
        // Names, sources and file names come from theme files anyone can
        // write: printed as text, never as terminal commands.
        func row(_ fields: [String]) {
            output.write(fields.map { ControlCharacters.visible($0) }.joined(separator: "\t") + "\n")
        }
        for entry in directory.entries() {
            switch ThemeLoader.load(path: entry.path) {
            case .success(let loaded):
                var fields = [entry.name, entry.kind.rawValue, loaded.theme.name, entry.path]
                if let source = loaded.theme.source { fields.append("source: \(source)") }
                row(fields)
            case .failure(let problem):
                row([entry.name, entry.kind.rawValue, "(broken)", entry.path])
                output.flush()
                printError("lede: \(problem)")
                failed = true
            }
        }
        try output.finish()
        if failed { throw ExitCode(1) }
    }
}

import ArgumentParser
import LedeUI

struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the available themes and where each comes from.")

    func run() throws {
        let directory = Settings.themeDirectory()
        var failed = false
        for entry in directory.entries() {
            switch ThemeLoader.load(path: entry.path) {
            case .success(let loaded):
                var line = "\(entry.name)\t\(entry.kind.rawValue)\t\(loaded.theme.name)\t\(entry.path)"
                if let source = loaded.theme.source { line += "\tsource: \(source)" }
                print(line)
            case .failure(let problem):
                print("\(entry.name)\t\(entry.kind.rawValue)\t(broken)\t\(entry.path)")
                printError("lede: \(problem)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

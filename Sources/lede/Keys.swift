import ArgumentParser
import LedeModel
import LedeUI

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the key bindings (with your config.toml applied) as a Markdown table.")

    func run() throws {
        let settings = Settings.load(themeOption: nil, noColor: true)
        for problem in settings.problems { printError("lede: \(problem)") }
        print(KeyTable.markdown(settings.keyMap), terminator: "")
    }
}

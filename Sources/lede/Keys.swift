// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import LedeConfig
import LedeModel
import LedeUI

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the key bindings (with your config.toml applied) as a Markdown table.")

    func run() throws {
        let settings = Settings.load(themeOption: nil, noColor: true)
        for problem in settings.problems { printError("lede: \(problem)") }
        var output = StandardOutput()
        // KeyTable shows key names from the config as visible text.
        output.write(KeyTable.markdown(settings.keyMap))
        try output.finish()
        // The table is printed either way; a config that could not be fully read is bad input (exit 1, as README "Command line" says).
        if settings.configProblemCount > 0 { throw ExitCode(1) }
    }
}

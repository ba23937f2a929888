import ArgumentParser
import LedeModel

struct Lede: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "A terminal browser for annotated news articles.",
        discussion: "With no subcommand, browses PATHs (files or folders; none: the bundled samples).",
        subcommands: [Browse.self, Parse.self, Entities.self, Timeline.self, Search.self, Themes.self, Keys.self],
        defaultSubcommand: Browse.self)
}

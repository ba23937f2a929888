import ArgumentParser
import LedeModel

/// The version, in one place (the changelog's latest entry names it).
enum LedeVersion {
    static let number = "0.2.0"
}

struct Lede: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "A terminal browser for annotated news articles.",
        discussion: "With no subcommand, browses PATHs (files or folders; none: the bundled samples).",
        version: LedeVersion.number,
        subcommands: [Browse.self, Parse.self, Entities.self, Timeline.self, Search.self, Themes.self, Keys.self],
        defaultSubcommand: Browse.self)
}

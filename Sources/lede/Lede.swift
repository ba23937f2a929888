// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import LedeModel

/// The version, in one place: the changelog's latest entry names this number and date (a test checks both).
enum LedeVersion {
    static let number = "0.2.0"
    static let date = "2026-11-30"

    /// The commit `make install` stamped beside the binary (`lede.commit`), nil for a plain
    /// `swift build`: SwiftPM has no way to pass a value into the code without a build plugin.
    static var commit: String? {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        let stamp = executable.deletingLastPathComponent().appendingPathComponent("lede.commit")
        guard let data = try? Data(contentsOf: stamp), data.count < 200,
              let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !text.isEmpty, text.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0.asciiValue! >= 0x20 })
        else { return nil }
        return text
    }

    /// What `lede --version` prints: `0.2.0`, or `0.2.0 (commit 1a2b3c4d5e6f)` when the build knows its commit.
    static var description: String { commit.map { "\(number) (commit \($0))" } ?? number }
}

struct Lede: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "A terminal browser for annotated news articles.",
        discussion: "With no subcommand, browses PATHs (files or folders; none: the bundled samples).",
        version: LedeVersion.description,
        subcommands: [Browse.self, Parse.self, Entities.self, Timeline.self, Search.self, Graph.self, Fetch.self, Themes.self, Keys.self, Manual.self],
        defaultSubcommand: Browse.self)
}

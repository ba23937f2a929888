// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeTestSupport
import Testing

/// Whether a program is on PATH: the lint tests need man-db and groff (`.ci/run` installs them).
func onPath(_ program: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
}

/// lede(1) as `lede manual` writes it (and `make install` installs it), the version, and the completion scripts.
@Suite("Man page, version, completions")
struct ManualPageTests {
    /// The page in a file of its own, for man and groff to read.
    static func writtenPage() throws -> (path: String, text: String) {
        let result = try spawn([TmuxSession.binary, "manual"])
        guard result.status == 0, !result.stdout.isEmpty else { throw E2EError("lede manual failed: \(result.stderr)") }
        let path = NSTemporaryDirectory() + "lede-\(UUID().uuidString).1"
        try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, result.stdout)
    }

    @Test("lede --version and the man page's header name the changelog's latest release")
    func versionMatchesChangelog() throws {
        let release = try Changelog.latestRelease()
        let version = try spawn([TmuxSession.binary, "--version"])
        #expect(version.status == 0)
        // A plain build prints the version alone; one installed by make adds its commit.
        #expect(version.stdout == "\(release.version)\n" || version.stdout.hasPrefix("\(release.version) (commit "), "lede --version: \(version.stdout)")
        let page = try Self.writtenPage()
        defer { try? FileManager.default.removeItem(atPath: page.path) }
        #expect(page.text.contains(".TH LEDE 1 \(release.date) \"lede \(release.version)\" \"User Commands\"\n"))
    }

    /// Runs a linter on the written page; it must succeed and print nothing on stderr.
    func lint(_ command: [String], environment: [String: String]? = nil) throws -> String {
        let page = try Self.writtenPage()
        defer { try? FileManager.default.removeItem(atPath: page.path) }
        let result = try spawn(["/usr/bin/env"] + command + [page.path], environment: environment)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(command.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    @Test("man renders the page without a warning",
          .enabled(if: onPath("man"), "man is not installed (apt-get install man-db), so the page is not linted with man --warnings"))
    func manLint() throws {
        let rendered = try lint(["man", "--warnings", "-l"], environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "MANPAGER": "cat"])
        #expect(rendered.contains("EXIT STATUS"))
    }

    @Test("groff -ww finds nothing to warn about",
          .enabled(if: onPath("groff"), "groff is not installed (apt-get install groff-base), so the page is not linted with groff -ww"))
    func groffLint() throws {
        _ = try lint(["groff", "-z", "-ww", "-man"])
    }

    @Test("the lint sees a broken page: an unknown request is a warning",
          .enabled(if: onPath("groff"), "groff is not installed (apt-get install groff-base), so the lint itself is not checked"))
    func lintCanFail() throws {
        let path = NSTemporaryDirectory() + "lede-broken-\(UUID().uuidString).1"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ".TH BROKEN 1\n.SH NAME\n.NotAMacro\nbroken\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try spawn(["/usr/bin/env", "groff", "-z", "-ww", "-man", path])
        #expect(!result.stderr.isEmpty)
    }

    @Test("the page's ENVIRONMENT names every variable the code reads")
    func everyVariable() throws {
        let page = try Self.writtenPage()
        defer { try? FileManager.default.removeItem(atPath: page.path) }
        let section = page.text.components(separatedBy: ".SH \"ENVIRONMENT\"\n").last?.components(separatedBy: ".SH ").first ?? ""
        var read: Set<String> = []
        let sources = PackagePaths.root.appendingPathComponent("Sources")
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: #/environment\["([A-Z0-9_]+)"\]/#) { read.insert(String(match.1)) }
        }
        #expect(read.isSuperset(of: ["NO_COLOR", "TERM", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "LEDE_THEMES", "LEDE_THREADS", "LEDE_MAX_FILE_MB"]))
        for name in read.sorted() {
            #expect(section.contains("\\fB\(name)\\fR"), "lede reads $\(name), and the man page's ENVIRONMENT does not say so")
        }
    }

    @Test("themes --names prints the theme names alone, the ones the completions offer")
    func themeNames() throws {
        let names = try spawn([TmuxSession.binary, "themes", "--names"], environment: ["XDG_CONFIG_HOME": NSTemporaryDirectory() + "lede-no-config", "PATH": "/usr/bin:/bin"])
        #expect(names.status == 0)
        #expect(names.stdout == "default\nhigh-contrast\nlight\nmonochrome\nsolarized-dark\n")
    }

    /// The shell reads lede's completion script for it without an error, and the script asks lede for theme names.
    func checkCompletionScript(shell: String, fileName: String, syntaxCheck: [String]) throws {
        let script = try spawn([TmuxSession.binary, "--generate-completion-script", shell])
        let path = NSTemporaryDirectory() + "\(UUID().uuidString)-\(fileName)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try script.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try spawn(["/usr/bin/env", shell] + syntaxCheck + [path])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(shell) \(syntaxCheck.joined(separator: " ")): \(check.stderr)")
        #expect(script.stdout.contains("---completion browse -- --theme"))
    }

    @Test("the zsh completion script is valid zsh",
          .enabled(if: onPath("zsh"), "zsh is not installed, so its completion script is not checked with zsh -n"))
    func zshScript() throws { try checkCompletionScript(shell: "zsh", fileName: "_lede", syntaxCheck: ["-n"]) }

    @Test("the fish completion script is valid fish",
          .enabled(if: onPath("fish"), "fish is not installed, so its completion script is not checked with fish --no-execute"))
    func fishScript() throws { try checkCompletionScript(shell: "fish", fileName: "lede.fish", syntaxCheck: ["--no-execute"]) }
}

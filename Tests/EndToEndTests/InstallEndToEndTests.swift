// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeTestSupport
import Testing

/// `make install` into a temporary prefix: the installed lede works from outside the checkout, with its
/// bundles (samples, data, themes), its man page and its shell completions; `make uninstall` leaves
/// nothing behind.
@Suite("Install")
struct InstallEndToEndTests {
    func make(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try spawn(["/usr/bin/env", "make", "-s", "-C", PackagePaths.root.path] + arguments)
    }

    static let installedFiles = [
        "bin/lede", "share/man/man1/lede.1", "share/bash-completion/completions/lede",
        "share/zsh/site-functions/_lede", "share/fish/vendor_completions.d/lede.fish",
    ]

    @Test("install, use from elsewhere (version, themes, parse, completion, the browser), uninstall")
    func installAndUninstall() throws {
        let prefix = NSTemporaryDirectory() + "lede-prefix-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        // The debug build the tests run against, as it is (make would otherwise build release).
        let install = try make(["install", "PREFIX=\(prefix)", "CONFIGURATION=debug", "NO_BUILD=1"])
        #expect(install.status == 0, "make install: \(install.stderr)")
        for file in Self.installedFiles {
            #expect(FileManager.default.isReadableFile(atPath: prefix + "/" + file), "not installed: \(file)")
        }
        let lede = prefix + "/bin/lede"
        #expect(FileManager.default.isExecutableFile(atPath: lede))

        let outside = NSTemporaryDirectory()
        // The changelog's version, and the checkout's commit that make stamped beside the binary.
        let version = try spawn([lede, "--version"], directory: outside)
        let release = try Changelog.latestRelease()
        let commit = try spawn(["/usr/bin/env", "git", "-C", PackagePaths.root.path, "describe", "--always", "--dirty", "--abbrev=12", "--exclude=*"])
        let expected = commit.status == 0 ? "\(release.version) (commit \(commit.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))\n" : "\(release.version)\n"
        #expect(version.status == 0 && version.stdout == expected)
        let themes = try spawn([lede, "themes"], directory: outside)
        let listed = themes.stdout.split(separator: "\n")
        #expect(listed.count >= 5)
        // Every shipped theme comes from the installed bundle, none from the checkout.
        #expect(listed.filter { $0.contains("\tshipped\t") }.allSatisfy { $0.contains(prefix + "/lib/lede/") })
        #expect(!themes.stdout.contains(PackagePaths.root.path))
        let parsed = try spawn([lede, "parse", "--no-index", "--format", "json", PackagePaths.samples + "/004_meta_llama4.txt"], directory: outside)
        #expect(parsed.status == 0 && parsed.stdout.contains("\"title\""))

        // The installed bash completion loads in a plain bash and completes theme names by asking the installed lede.
        let completion = try spawn(["/bin/bash", "--norc", "--noprofile", "-c", """
            source "$0" || exit 3
            complete -p lede
            complete_line() { COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; read -r -a COMP_WORDS <<< "$COMP_LINE"
                [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()
                _lede lede "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; echo "$1|${COMPREPLY[*]}"; }
            complete_line "lede browse --theme li"
            complete_line "lede themes --check "
            complete_line "lede ti"
            """, prefix + "/share/bash-completion/completions/lede"],
            environment: ["PATH": "\(prefix)/bin:/usr/bin:/bin", "HOME": outside, "XDG_CONFIG_HOME": outside + "lede-no-config"], directory: outside)
        #expect(completion.status == 0, "bash: \(completion.stderr)")
        #expect(completion.stderr.isEmpty)
        #expect(completion.stdout == """
            complete -o filenames -F _lede lede
            lede browse --theme li|light
            lede themes --check |default high-contrast light monochrome solarized-dark
            lede ti|timeline

            """)

        // The browser on the bundled samples, from a folder that is not the checkout.
        let session = try TmuxSession(width: 100, height: 30)
        try session.run("cd \(outside) && \(lede); echo EXIT:$((1000+$?))")
        let screen = try session.waitFor("the browser") { $0.contains("READ") && $0.contains("1/6") }
        #expect(screen.contains("Why Chinese AI groups are handing"))
        try session.type("q")
        try session.waitFor("exit") { $0.contains("EXIT:1000") }

        let uninstall = try make(["uninstall", "PREFIX=\(prefix)"])
        #expect(uninstall.status == 0)
        // Only the shared folders stay, empty: no file, link or bundle of lede's.
        let left = FileManager.default.enumerator(atPath: prefix)?.allObjects as? [String] ?? []
        let files = left.filter { path in
            var isFolder: ObjCBool = false
            return !FileManager.default.fileExists(atPath: prefix + "/" + path, isDirectory: &isFolder) || !isFolder.boolValue
        }
        #expect(files.isEmpty, "left behind: \(files)")
        #expect(!left.contains("lib/lede"), "left behind: lib/lede")
    }
}

/// The latest release entry of CHANGELOG.md (`## [0.2.0] - 2026-11-30`, after `## [Unreleased]`).
enum Changelog {
    static func latestRelease() throws -> (version: String, date: String) {
        let text = try String(contentsOf: PackagePaths.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        guard let match = text.firstMatch(of: #/(?m)^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/#) else {
            throw E2EError("CHANGELOG.md has no '## [x.y.z] - YYYY-MM-DD' entry")
        }
        return (String(match.1), String(match.2))
    }
}

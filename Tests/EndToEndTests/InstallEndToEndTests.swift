import Foundation
import LedeTestSupport
import Testing

/// `make install` into a temporary prefix: the installed lede works from outside the checkout, with its
/// bundles (samples, data, themes); `make uninstall` leaves nothing behind.
@Suite("Install")
struct InstallEndToEndTests {
    func make(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let result = try spawn(["/usr/bin/env", "make", "-s", "-C", PackagePaths.root.path] + arguments)
        return (result.status, result.stdout)
    }

    @Test("install, use from elsewhere (version, themes, parse, the browser), uninstall")
    func installAndUninstall() throws {
        let prefix = NSTemporaryDirectory() + "lede-prefix-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        // The debug build the tests run against, as it is (make would otherwise build release).
        let install = try make(["install", "PREFIX=\(prefix)", "CONFIGURATION=debug", "NO_BUILD=1"])
        #expect(install.status == 0)
        let lede = prefix + "/bin/lede"
        #expect(FileManager.default.isExecutableFile(atPath: lede))

        let outside = NSTemporaryDirectory()
        let version = try spawn([lede, "--version"], directory: outside)
        #expect(version.status == 0 && version.stdout.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil)
        let themes = try spawn([lede, "themes"], directory: outside)
        let listed = themes.stdout.split(separator: "\n")
        #expect(listed.count >= 5)
        // Every shipped theme comes from the installed bundle, none from the checkout.
        #expect(listed.filter { $0.contains("\tshipped\t") }.allSatisfy { $0.contains(prefix + "/lib/lede/") })
        #expect(!themes.stdout.contains(PackagePaths.root.path))
        let parsed = try spawn([lede, "parse", "--no-index", "--format", "json", PackagePaths.samples + "/004_meta_llama4.txt"], directory: outside)
        #expect(parsed.status == 0 && parsed.stdout.contains("\"title\""))

        // The browser on the bundled samples, from a folder that is not the checkout.
        let session = try TmuxSession(width: 100, height: 30)
        try session.run("cd \(outside) && \(lede); echo EXIT:$((1000+$?))")
        let screen = try session.waitFor("the browser") { $0.contains("READ") && $0.contains("1/6") }
        #expect(screen.contains("Why China is suddenly flooding"))
        try session.type("q")
        try session.waitFor("exit") { $0.contains("EXIT:1000") }

        let uninstall = try make(["uninstall", "PREFIX=\(prefix)"])
        #expect(uninstall.status == 0)
        let left = FileManager.default.enumerator(atPath: prefix)?.allObjects as? [String] ?? []
        // Only the shared folders stay, empty: no file, link or bundle.
        #expect(left.sorted() == ["bin", "lib"], "left behind: \(left)")
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeTestSupport
import Testing

/// `Tests/feed-server.py` on 127.0.0.1 (a free port it picks), started and stopped by the test.
final class FeedServer {
    let process = Process()
    let base: String
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "lede-feeds-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let portFile = folder + "/port"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", PackagePaths.root.appendingPathComponent("Tests/feed-server.py").path, "--port-file", portFile, "--lifetime", "300"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: portFile) {
            guard Date() < deadline, process.isRunning else { throw E2EError("the feed server did not start (python3 Tests/feed-server.py)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        base = "http://127.0.0.1:" + (try String(contentsOfFile: portFile, encoding: .utf8))
    }

    deinit {
        // SIGKILL: the test runner blocks signals in its threads and a child inherits the mask, so SIGTERM would wait.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The paths requested so far, with the If-None-Match and If-Modified-Since each carried.
    func log() throws -> [[String?]] {
        let rows = try JSONSerialization.jsonObject(with: Data(try get("/_log").utf8)) as? [[Any]] ?? []
        return rows.map { $0.map { $0 as? String } }.filter { $0.first != "/_log" }
    }

    /// A GET from outside lede (Foundation's Data(contentsOf:) reads no http on Linux).
    @discardableResult
    func get(_ path: String) throws -> String {
        let result = try spawn(["/usr/bin/env", "python3", "-c", "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())", base + path])
        guard result.status == 0 else { throw E2EError("GET \(path): \(result.stderr)") }
        return result.stdout
    }
}

/// `lede fetch` against a local server: feeds and pages stored with their
/// metadata, conditional requests, and every way a server can fail.
@Suite("lede fetch end to end", .serialized)
struct FetchEndToEndTests {
    let home = NSTemporaryDirectory() + "lede-fetch-home-\(UUID().uuidString)"

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home + "/config"
        environment["XDG_DATA_HOME"] = home + "/data"
        environment["XDG_CACHE_HOME"] = home + "/cache"
        environment["XDG_STATE_HOME"] = home + "/state"
        environment.removeValue(forKey: "LEDE_FETCH_TIMEOUT")
        environment.removeValue(forKey: "http_proxy")
        environment.removeValue(forKey: "HTTP_PROXY")
        return environment
    }

    func fetch(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try spawn([TmuxSession.binary, "fetch"] + arguments, environment: environment.merging(extra) { $1 })
    }

    func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    func metadata(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    @Test("RSS: each item's page stored with its .meta; a second fetch sends the validators and gets a 304; new items only after that")
    func rssConditional() throws {
        let server = try FeedServer()
        let folder = home + "/news"
        let first = try fetch([server.base + "/rss.xml", "--into", folder])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(files(folder) == ["2025-03-19-harbour-lab-opens-its-weights.html", "2025-03-19-harbour-lab-opens-its-weights.meta",
                                  "2025-03-20-chip-exports-face-new-paperwork.html", "2025-03-20-chip-exports-face-new-paperwork.meta"])
        #expect(first.stderr.contains("2 new articles in \(folder)"))
        let meta = try metadata(folder + "/2025-03-20-chip-exports-face-new-paperwork.meta")
        #expect(meta["title"] as? String == "Chip exports face new paperwork")
        #expect(meta["guid"] as? String == "harbour-2")
        #expect(meta["published"] as? String == "2025-03-20T08:30:00+01:00")
        #expect(meta["authors"] as? [String] == ["Ana Ruiz"])
        #expect(meta["feed"] as? String == server.base + "/rss.xml")
        #expect(meta["url"] as? String == server.base + "/articles/2.html")
        // Sent gzip-encoded, stored as the page itself.
        let page = try String(contentsOfFile: folder + "/2025-03-20-chip-exports-face-new-paperwork.html", encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("second licence"))

        let second = try fetch([server.base + "/rss.xml", "--into", folder])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("not modified"))
        #expect(files(folder).count == 4)
        let conditional = try server.log().filter { $0.first == "/rss.xml" }
        #expect(conditional.count == 2)
        #expect(conditional.last?[1] == "\"rss-2\"" && conditional.last?[2] == "Thu, 20 Mar 2025 07:30:00 GMT")

        try server.get("/_publish")
        let third = try fetch([server.base + "/rss.xml", "--into", folder])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stderr.contains("1 new article in") && third.stderr.contains("2 items already stored"))
        let pages = try server.log().compactMap { $0.first ?? nil }.filter { $0.hasPrefix("/articles/") }
        #expect(pages == ["/articles/1.html", "/articles/2.html", "/articles/3.html"])
        #expect(files(folder).count == 6)

        // The stored folder reads as articles: the feed's authors and dates, the page's text.
        let parsed = try spawn([TmuxSession.binary, "parse", "--no-index", folder], environment: environment)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any]
        let articles = json?["articles"] as? [[String: Any]] ?? []
        #expect(articles.count == 3)
        #expect(articles.map { $0["format"] as? String } == ["html", "html", "html"])
        #expect(articles.map { $0["published"] as? String } == ["2025-03-19", "2025-03-20", "2025-03-21"])
        #expect(articles.map { ($0["authors"] as? [String]) ?? [] } == [["Mei Lin"], ["Ana Ruiz"], ["Jon Park"]])
    }

    @Test("Atom and RSS 1.0: relative links resolved; a page linked twice is stored once; a page URL fetches that page")
    func atomAndRDF() throws {
        let server = try FeedServer()
        let folder = home + "/atom"
        let result = try fetch([server.base + "/atom.xml", server.base + "/rdf.xml", server.base + "/moved", "--into", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(files(folder).filter { $0.hasSuffix(".html") } == ["2025-03-19-harbour-lab-opens-its-weights.html",
                                                                   "2025-03-22-an-atom-entry-about-benchmarks.html"]
                + files(folder).filter { $0.hasSuffix("-chip-exports-face-new-paperwork.html") })
        #expect(result.stderr.contains("/moved: already stored"))
        let meta = try metadata(folder + "/2025-03-22-an-atom-entry-about-benchmarks.meta")
        #expect(meta["url"] as? String == server.base + "/articles/4.html")
        #expect(meta["authors"] as? [String] == ["Tessa Marlow"])
    }

    @Test("failures name the URL and exit 1: 404, 500, not a feed, a redirect loop, a stalling server, a gzip bomb; what was fetched is kept")
    func failures() throws {
        let server = try FeedServer()
        let folder = home + "/failures"
        for (path, words) in [("/missing.xml", "HTTP 404"), ("/broken", "HTTP 500"), ("/data.json", "not a feed (RSS or Atom) nor an HTML page"),
                              ("/loop-a", "redirect loop: \(server.base)/loop-a → \(server.base)/loop-b → \(server.base)/loop-a")] {
            let result = try fetch([server.base + path, "--into", folder])
            #expect(result.status == 1, "\(path): \(result.stderr)")
            #expect(result.stderr.contains("lede: \(server.base)\(path): \(words)"), "\(path): \(result.stderr)")
        }
        let started = Date()
        let stalled = try fetch(["--timeout", "1", server.base + "/stall", "--into", folder])
        #expect(stalled.status == 1)
        #expect(stalled.stderr.contains("/stall: timed out"), "\(stalled.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)
        let bomb = try fetch([server.base + "/bomb.html", "--into", folder], environment: ["LEDE_MAX_FILE_MB": "1"])
        #expect(bomb.status == 1)
        #expect(bomb.stderr.contains("once decompressed (a gzip bomb?)"), "\(bomb.stderr)")
        #expect(files(folder).isEmpty)

        let mixed = try fetch([server.base + "/mixed.xml", "--into", folder])
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("\(server.base)/articles/404.html: HTTP 404"))
        #expect(mixed.stderr.contains("\(server.base)/logo.png: not an HTML page (Content-Type image/png)"))
        // The good item is kept (an item without a date is named by the day it was fetched).
        #expect(files(folder).count == 2 && files(folder).allSatisfy { $0.hasSuffix("-harbour-lab-opens-its-weights.html") || $0.hasSuffix("-harbour-lab-opens-its-weights.meta") })
    }

    @Test("hostile titles: no control sequence reaches stderr, the .meta or a file name")
    func hostileTitles() throws {
        let server = try FeedServer()
        let folder = home + "/hostile"
        let result = try fetch([server.base + "/hostile.xml", "--into", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        for name in files(folder) {
            #expect(name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 })
            if name.hasSuffix(".meta") {
                let title = try metadata(folder + "/" + name)["title"] as? String ?? ""
                #expect(!title.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E }, "\(title)")
                #expect(title.count <= 1000)
            }
        }
    }

    @Test("a name already taken is never overwritten: the page gets the next one")
    func neverOverwrites() throws {
        let server = try FeedServer()
        let folder = home + "/taken"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "mine".write(toFile: folder + "/2025-03-19-harbour-lab-opens-its-weights.html", atomically: true, encoding: .utf8)
        let result = try fetch([server.base + "/rss.xml", "--into", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: folder + "/2025-03-19-harbour-lab-opens-its-weights.html", encoding: .utf8) == "mine")
        #expect(FileManager.default.fileExists(atPath: folder + "/2025-03-19-harbour-lab-opens-its-weights-2.html"))
        #expect(FileManager.default.fileExists(atPath: folder + "/2025-03-19-harbour-lab-opens-its-weights-2.meta"))
    }

    @Test("no URL: the [feeds] urls of config.toml into its folder; none configured is a usage error")
    func subscriptions() throws {
        let none = try fetch([])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no URL given and no [feeds] urls in config.toml"))
        let server = try FeedServer()
        try FileManager.default.createDirectory(atPath: home + "/config/lede", withIntermediateDirectories: true)
        try "[feeds]\nurls = [\"\(server.base)/rdf.xml\"]\nfolder = \"~/subscribed\"\n".write(toFile: home + "/config/lede/config.toml", atomically: true, encoding: .utf8)
        let result = try fetch([])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(files(home + "/subscribed").count == 2)
        // And the default folder when config.toml names none.
        try "[feeds]\nurls = [\"\(server.base)/rdf.xml\"]\n".write(toFile: home + "/config/lede/config.toml", atomically: true, encoding: .utf8)
        #expect(try fetch([]).status == 0)
        #expect(files(home + "/data/lede/articles").count == 2)
    }
}

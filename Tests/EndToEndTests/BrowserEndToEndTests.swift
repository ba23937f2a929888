import Foundation
import LedeModel
import LedeTestSupport
import Testing

/// The real binary under tmux, typed at and read like a person would.
@Suite("End to end under tmux", .serialized)
struct BrowserEndToEndTests {
    let referencePath = PackagePaths.referenceRelative

    func start(_ arguments: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession(width: width, height: height, environment: environment)
        // Under `sh -c`, not the interactive bash: bash restores its own terminal modes when a job dies of a
        // signal or stops, which would hide a terminal lede left raw. (A core from SIGQUIT is not wanted here.)
        try session.run("ulimit -c 0; sh -c 'stty -g > /tmp/\(session.socket).before; \(TmuxSession.binary) \(arguments); "
            + "echo EXIT:$((1000+$?)); stty -g > /tmp/\(session.socket).after'")
        // The index fills in the background on a first run: wait until it is done.
        try session.waitFor("the browser") { screen in
            screen.contains("READ") && !BrowserEndToEndTests.indexingMarkers.contains { screen.contains($0) }
        }
        return session
    }

    static let indexingMarkers = ["indexing…", "reading ", "linking ", "finishing the index", "building the search index"]

    /// The typed command shows `EXIT:$((1000+$?))`; its output `EXIT:1000` means status 0.
    func expectRestored(_ session: TmuxSession, status: Int = 0) throws {
        let screen = try session.waitFor("exit") { $0.range(of: "EXIT:1[0-9]{3}", options: .regularExpression) != nil }
        #expect(screen.contains("EXIT:\(1000 + status)"))
        try session.waitFor("stty") { _ in FileManager.default.fileExists(atPath: "/tmp/\(session.socket).after") }
        Thread.sleep(forTimeInterval: 0.2)
        let before = try String(contentsOfFile: "/tmp/\(session.socket).before", encoding: .utf8)
        let after = try String(contentsOfFile: "/tmp/\(session.socket).after", encoding: .utf8)
        #expect(before == after, "terminal modes not restored")
        #expect(try terminalModes(session) == TerminalModes.shell, "alternate screen, cursor or mouse reporting not restored")
        // The shell answers normally afterwards.
        try session.run("echo usable-$((40+2))")
        try session.waitFor("shell") { $0.contains("usable-42") }
    }

    @Test("opens the reference: title, sidebar, timeline, status; scrolls; resizes; quits cleanly")
    func reference() throws {
        let session = try start(referencePath)
        var lines = try session.lines()
        #expect(lines[0].hasPrefix("┌─ Why Chinese AI groups are handing out their best models for free"))
        #expect(lines[0].contains("Entities"))
        #expect(lines.contains { $0.contains("Alibaba") && $0.hasSuffix("3│") })
        #expect(lines.contains { $0.hasPrefix("├─ Model releases") })
        #expect(lines.contains { $0.contains("DeepSeek-R1") })
        #expect(lines[39].contains("READ"))
        #expect(lines[3].contains("A tit-for-tat answer looked inevitable.") || lines[4].contains("A tit-for-tat answer looked inevitable."))

        try session.press("Space")
        try session.waitFor("page down") { !$0.contains("A tit-for-tat answer looked inevitable.") }
        try session.press("g")
        try session.waitFor("top") { $0.contains("A tit-for-tat answer looked inevitable.") }

        try session.resize(width: 80, height: 24)
        // tmux cuts the old screen to 80 columns before lede redraws: wait for lede's own frame (its
        // status line at the new bottom row and the right border at column 80), not just the narrower pane.
        let small = try session.waitFor("resize") { screen in
            let rows = screen.components(separatedBy: "\n")
            return rows.count >= 24 && rows[0].count == 80 && rows[0].hasSuffix("┐") && rows[23].contains("READ")
        }
        lines = small.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix("┌─ Why Chinese AI"))
        #expect(lines.contains { $0.hasPrefix("├─ Model releases") })
        #expect(lines[23].contains("READ"))

        try session.press("q")
        try expectRestored(session)
    }

    @Test("filter the sidebar to Alibaba, follow it, next mention, back")
    func filterFollowBack() throws {
        let session = try start(referencePath)
        try session.type("e/ali")
        var screen = try session.waitFor("filter") { $0.contains("/ali") }
        // Rows of the upper panes have three borders: │ reader │ sidebar │.
        let sidebarRows = screen.components(separatedBy: "\n").filter { $0.filter { $0 == "│" }.count == 3 }
            .map { String($0.split(separator: "│", omittingEmptySubsequences: false)[2]) }
        #expect(sidebarRows.count > 10)
        #expect(sidebarRows.contains { $0.contains("▸ Alibaba") })
        #expect(!sidebarRows.contains { $0.contains("Baidu") || $0.contains("OpenAI") })
        try session.press("Enter")
        screen = try session.waitFor("jump") { $0.contains("Alibaba: mention 1 of 3") }
        try session.type("]")
        screen = try session.waitFor("next") { $0.contains("Alibaba: mention 2 of 3") }
        try session.press("BSpace")
        screen = try session.waitFor("back") { !$0.contains("mention 2 of 3") }
        #expect(screen.contains("▸ Alibaba (organisation)"))
        try session.type("q")
        try expectRestored(session)
    }

    @Test("Enter on a mention opens the dossier; help lists the pane's keys")
    func dossierAndHelp() throws {
        let session = try start("Sources/lede/Samples")
        try session.press("Tab")
        try session.press("Enter")
        let dossier = try session.waitFor("dossier") { $0.contains("DOSSIER") }
        #expect(dossier.contains("mentions in"))
        try session.press("Escape")
        try session.type("?")
        let help = try session.waitFor("help") { $0.contains("Keys — Reader") }
        #expect(help.contains("focus the next mention in reading order"))
        #expect(!help.contains("select the earlier release"))
        try session.type("qq")
        try expectRestored(session)
    }

    @Test("c in the sidebar lists what travels with an entity; Enter lists the shared paragraphs; c comes back")
    func cooccurrencePanel() throws {
        let session = try start("Sources/lede/Samples")
        try session.type("e")
        try session.type("c")
        let panel = try session.waitFor("co-occurrence view") { $0.contains("¶ by lift · with") }
        #expect(panel.contains("share paragraphs, by lift"))
        // Each partner row ends in its shared count and lift: `9 ×2.4`.
        #expect(panel.range(of: #"\d+ ×\d+(\.\d)?│"#, options: .regularExpression) != nil)
        try session.press("Enter")
        let shared = try session.waitFor("shared paragraphs") { $0.contains("shared paragraph") }
        #expect(shared.contains(" with "))
        try session.press("Escape")
        try session.type("c")
        let back = try session.waitFor("the article's entities") { $0.contains("This article's entities") }
        #expect(!back.contains("¶ by lift"))
        try session.type("q")
        try expectRestored(session)
    }

    @Test("keys terminfo does not describe (xterm's under TERM=xterm-256color in tmux, rxvt's) are one key each, never typed text")
    func undecodedSequences() throws {
        let session = try start("Sources/lede/Samples", width: 100, height: 30, environment: ["TERM": "xterm-256color"])
        // End as vt220/xterm send it (ESC [ 4 ~): the bottom of the article, no other article, no key "does nothing".
        try session.tmux(["send-keys", "-t", session.name, "-H", "1b", "5b", "34", "7e"])
        var screen = try session.waitFor("End") { $0.contains("100%") }
        #expect(screen.contains(" 1/6 "), "another article was opened")
        #expect(!screen.contains("does nothing"))
        // Home as rxvt sends it (ESC [ 7 ~), then an unknown sequence (ESC [ 2 0 0 ~), then a real key.
        try session.tmux(["send-keys", "-t", session.name, "-H", "1b", "5b", "37", "7e"])
        screen = try session.waitFor("Home") { !$0.contains("100%") }
        try session.tmux(["send-keys", "-t", session.name, "-H", "1b", "5b", "32", "30", "30", "7e"])
        try session.type("}")
        screen = try session.waitFor("next article") { $0.contains(" 2/6 ") }
        #expect(!screen.contains("does nothing"))
        try session.type("q")
        try expectRestored(session)
    }

    @Test("Ctrl-C typed is a plain quit: exit 0, terminal restored")
    func controlC() throws {
        let session = try start(referencePath)
        try session.press("C-c")
        try expectRestored(session)
    }

    @Test("colours with a theme, none with NO_COLOR")
    func colours() throws {
        let colourful = try start("\(referencePath) --theme default")
        let escaped = try colourful.screen(colors: true)
        #expect(escaped.contains("\u{1B}[38;5;") || escaped.contains("\u{1B}[3"), "no colour escapes in capture")
        try colourful.type("q")
        let plain = try start(referencePath, environment: ["NO_COLOR": "1"])
        let noColour = try plain.screen(colors: true)
        #expect(!noColour.contains("[38;5;") && !noColour.contains("[38;2;"))
        #expect(!(30...37).contains { noColour.contains("\u{1B}[\($0)m") })
        #expect(noColour.contains("\u{1B}[1m") || noColour.contains("\u{1B}[7m")) // attributes remain
        try plain.type("q")
    }

    @Test("control bytes in an article are shown as placeholders; CJK takes two columns")
    func hostileText() throws {
        let session = try start("Tests/LedeModelTests/Fixtures/control_chars.txt", width: 100, height: 30)
        let screen = try session.waitFor("placeholders") { $0.contains("␛[31m") }
        #expect(screen.contains("␇"))
        #expect(!(try session.screen(colors: true)).contains("\u{1B}[31m"))
        try session.type("q")
        let cjk = try start("Tests/LedeModelTests/Fixtures/cjk.txt", width: 80, height: 24)
        let lines = try cjk.waitFor("cjk") { $0.contains("农历新年前夕") }.components(separatedBy: "\n")
        for line in lines.prefix(22) where line.hasPrefix("│") {
            let columns = line.reduce(0) { $0 + (($1.unicodeScalars.first!.value >= 0x2E80 && $1.unicodeScalars.first!.value < 0xFFEF) || $1.unicodeScalars.first!.value >= 0x1F300 ? 2 : 1) }
            #expect(columns == 80, "line is \(columns) columns: \(line)")
        }
        try cjk.type("q")
    }

    @Test("S searches every article: the hit list, Enter opens the match, n goes on into the next article")
    func corpusSearch() throws {
        let session = try start("Sources/lede/Samples")
        try session.type("S")
        try session.waitFor("search prompt") { $0.contains("S/") && $0.contains("FIND") }
        try session.type("\"open source\"")
        try session.press("Enter")
        let list = try session.waitFor("hits") { $0.contains("paragraphs") && $0.contains("▸") }
        #expect(list.range(of: "Search all articles — [0-9]+ paragraphs", options: .regularExpression) != nil)
        try session.press("Enter")
        let opened = try session.waitFor("opened") { $0.contains("match 1 of") && $0.contains("READ") }
        let position = opened.range(of: "[0-9]+/6", options: .regularExpression).map { String(opened[$0]) }
        // n walks this article's matches, then goes on to the next article with one.
        var moved = false
        var before = opened
        for _ in 0..<8 {
            try session.type("n")
            // Each n changes the status line (the match number, or the article): wait for lede to take it.
            let screen = try session.waitFor("n taken") { $0 != before }
            before = screen
            if let now = screen.range(of: "[0-9]+/6", options: .regularExpression).map({ String(screen[$0]) }), now != position {
                moved = true
                break
            }
        }
        #expect(moved, "n never left the first article")
        try session.type("S")
        try session.type("zzzqqq")
        try session.press("Enter")
        try session.waitFor("no match") { $0.contains("No paragraph matches") }
        try session.press("Escape")
        try session.press("Escape")
        try session.type("q")
        try expectRestored(session)
    }

    @Test("Ctrl-C while a folder is first indexed restores the terminal and leaves an index that the next run completes")
    func interruptIndexing() throws {
        let folder = SyntheticCorpus.temporaryFolder("e2e-interrupt")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SyntheticCorpus.write(count: 1500, to: folder)
        let session = try TmuxSession(width: 120, height: 40)
        try session.run("stty -g > /tmp/\(session.socket).before; \(TmuxSession.binary) \(folder); echo EXIT:$((1000+$?)); stty -g > /tmp/\(session.socket).after")
        try session.waitFor("indexing") { $0.contains("reading ") || $0.contains("linking ") }
        try session.press("C-c")
        try expectRestored(session)
        // The same cache, as the session's shell had it: the next run completes the index.
        let cache = NSTemporaryDirectory() + "lede-e2e-cache-\(session.socket)"
        let indexed = try runLede(["timeline", "--format", "csv", folder], environment: ["XDG_CACHE_HOME": cache])
        let memory = try runLede(["timeline", "--no-index", "--format", "csv", folder])
        #expect(indexed.status == 0 && memory.status == 0)
        #expect(indexed.stderr.isEmpty, "\(indexed.stderr)")
        #expect(indexed.stdout == memory.stdout)
        #expect(indexed.stdout.contains("Zed-"))
    }

    func runShell(_ command: String) throws -> String {
        try spawn(["/bin/sh", "-c", command]).stdout
    }

    /// The lede running in this session's terminal, not any other on the machine.
    func ledePID(_ session: TmuxSession) throws -> String {
        let tty = try session.tmux(["display-message", "-p", "-t", session.name, "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let pids = try runShell("pgrep -t \(tty.replacingOccurrences(of: "/dev/", with: "")) -x lede")
        return String(try #require(pids.split(separator: "\n").first, "no lede on \(tty)"))
    }

    /// What tmux knows of the pane's modes: alternate screen, cursor shown, mouse reporting.
    struct TerminalModes: Equatable, CustomStringConvertible {
        var alternateScreen: Bool
        var cursorVisible: Bool
        var mouseReporting: Bool
        static let shell = TerminalModes(alternateScreen: false, cursorVisible: true, mouseReporting: false)
        static let browser = TerminalModes(alternateScreen: true, cursorVisible: false, mouseReporting: true)
        var description: String { "alternate screen \(alternateScreen), cursor \(cursorVisible), mouse \(mouseReporting)" }
    }

    func terminalModes(_ session: TmuxSession) throws -> TerminalModes {
        let flags = try session.tmux(["display-message", "-p", "-t", session.name, "#{alternate_on} #{cursor_flag} #{mouse_any_flag}"])
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }
        guard flags.count == 3 else { throw E2EError("tmux flags: \(flags)") }
        return TerminalModes(alternateScreen: flags[0], cursorVisible: flags[1], mouseReporting: flags[2])
    }
}

/// The command-line contract, run without a terminal.
@Suite("Command line")
struct CommandLineTests {
    @Test("parse: exit 0 on good input, JSON on stdout")
    func parseGood() throws {
        let result = try runLede(["parse", "--format", "json", PackagePaths.referenceRelative])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((object?["articles"] as? [Any])?.count == 1)
    }

    @Test("a bad file: named on stderr, exit 1, the rest still processed")
    func parseBad() throws {
        let bad = NSTemporaryDirectory() + "lede-bad-\(UUID().uuidString).txt"
        try "no title here".write(toFile: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        for command in ["parse", "entities", "timeline"] {
            let result = try runLede([command, PackagePaths.referenceRelative, bad])
            #expect(result.status == 1)
            #expect(result.stderr.contains(bad) && result.stderr.contains("no title line"))
            #expect(result.stdout.contains("DeepSeek"))
        }
    }

    @Test("usage errors exit 2 with a readable message; nothing usable at all is 2 too; --version")
    func usage() throws {
        #expect(try runLede(["parse", "--format", "xml", "x"]).status == 2)
        #expect(try runLede(["timeline", "--format", "tsv", "x"]).status == 2)
        #expect(try runLede(["entities", "--format", "csv", "x"]).status == 2)
        #expect(try runLede(["timeline", "--format", "text", "x"]).status == 2)
        #expect(try runLede(["timeline", "--format", "csv", "--explain", "o1", "x"]).status == 2)
        // Each subcommand's help lists the formats it writes, and only those.
        for (command, formats) in [("parse", "json"), ("entities", "json, tsv"), ("timeline", "json, csv, markdown, text"), ("search", "json, tsv")] {
            let help = try runLede([command, "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
            #expect(help.contains("(values: \(formats);"), "\(command): \(help)")
        }
        let bogus = try runLede(["--bogus"])
        #expect(bogus.status == 2)
        #expect(bogus.stderr.contains("\nUsage:") && !bogus.stderr.contains("␊"))
        let nothing = try runLede(["timeline", "/nonexistent/lede"])
        #expect(nothing.status == 2 && nothing.stderr.contains("no such file or folder"))
        let version = try runLede(["--version"])
        #expect(version.status == 0 && version.stdout.range(of: "^[0-9]+\\.[0-9]+\\.[0-9]+\n$", options: .regularExpression) != nil)
    }

    @Test("timeline CSV and markdown")
    func timelineFormats() throws {
        let csv = try runLede(["timeline", "--format", "csv", PackagePaths.referenceRelative])
        #expect(csv.stdout.hasPrefix("model,organisation,date,precision,basis,planned,conflicts,mentions,first_mention,source,explanation,stated_by,status,period\r\n"))
        let markdown = try runLede(["timeline", "--format", "markdown", PackagePaths.referenceRelative])
        #expect(markdown.stdout.contains("| DeepSeek-R1 | DeepSeek | 2025-01-20 | catalog | catalogue, confirmed by 1 article |"))
    }

    @Test("timeline --explain lists every sentence behind a date, as text or JSON")
    func timelineExplain() throws {
        let reference = PackagePaths.referenceRelative
        let text = try runLede(["timeline", "--no-index", "--format", "text", "--explain", "deepseek r1", reference])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("DeepSeek-R1 (DeepSeek): 2025-01-20 — catalogue, confirmed by 1 article\n"))
        #expect(text.stdout.contains("  agrees 2025-01 “in January” "))
        let json = try runLede(["timeline", "--no-index", "--format", "json", "--explain", "DeepSeek-R1", reference])
        #expect(json.stdout.contains("\"sentences\" : [") && json.stdout.contains("\"role\" : \"agrees\""))
        #expect(try runLede(["timeline", "--no-index", "--explain", "Nope-1", reference]).status == 2)
    }

    @Test("the evaluation set's timeline is byte-identical with one thread or many, indexed or not")
    func timelineDeterministic() throws {
        let folder = "Tests/LedeModelTests/DevelopmentSet/articles"
        let cache = NSTemporaryDirectory() + "lede-e2e-cache-determinism-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let many = try runLede(["timeline", "--no-index", "--format", "json", folder])
        let one = try runLede(["timeline", "--no-index", "--format", "json", folder], environment: ["LEDE_THREADS": "1"])
        let indexed = try runLede(["timeline", "--format", "json", folder], environment: ["XDG_CACHE_HOME": cache])
        #expect(many.status == 0)
        #expect(many.stdout == one.stdout)
        #expect(many.stdout == indexed.stdout)
        #expect(many.stdout.contains("\"explanation\" : \"catalogue, confirmed by"))
    }

    @Test("themes lists the shipped themes with their source")
    func themes() throws {
        let result = try runLede(["themes"])
        #expect(result.status == 0)
        for name in ["default", "light", "high-contrast", "monochrome", "solarized-dark"] {
            #expect(result.stdout.contains("\(name)\tshipped"))
        }
    }

    @Test("themes --check: the shipped themes pass with their tables; a theme with two look-alike entity types fails")
    func themesCheck() throws {
        let shipped = try runLede(["themes", "--check"])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stdout.components(separatedBy: "| organisation |").count == 6)  // five themes, a row each
        #expect(shipped.stderr.contains("solarized-dark.toml: ok"))

        let folder = NSTemporaryDirectory() + "lede-theme-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var text = try String(contentsOfFile: "Sources/LedeConfig/Themes/default.toml", encoding: .utf8)
        // The person colour made the organisation's.
        let person = try #require(text.range(of: #"person\s*=\s*\{[^}]*\}"#, options: .regularExpression))
        text.replaceSubrange(person, with: "person = { fg = \"#5f87ff\" }")
        try text.write(toFile: folder + "/twins.toml", atomically: true, encoding: .utf8)
        let twins = try runLede(["themes", "--check", folder + "/twins.toml"])
        #expect(twins.status == 1)
        #expect(twins.stderr.contains("ERROR: twins.toml: truecolor colours: person and organisation look the same"), "\(twins.stderr)")
        #expect(try runLede(["themes", "--check", "no-such-theme"]).status == 1)
    }

    @Test("search: JSON and TSV, reading order, matches marked; nothing to search for is a usage error")
    func search() throws {
        let json = try runLede(["search", "\"open source\"", "Sources/lede/Samples"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let results = try #require(object?["results"] as? [[String: Any]])
        #expect(results.count >= 2)
        for result in results {
            for key in ["path", "title", "paragraph", "snippet"] { #expect(result[key] != nil) }
            // A phrase matches its words with any separator between them: `open source`, `open-source`.
            let snippet = (result["snippet"] as? String ?? "").lowercased()
            #expect(snippet.contains("[open source]") || snippet.contains("[open-source]"), "\(snippet)")
        }
        let tsv = try runLede(["search", "--format", "tsv", "--limit", "1", "deepseek", "Sources/lede/Samples"])
        #expect(tsv.stdout.split(separator: "\n").count == 2)
        #expect(tsv.stdout.hasPrefix("path\ttitle\tparagraph\tsnippet\n"))
        let nothing = try runLede(["search", "***", "Sources/lede/Samples"])
        #expect(nothing.status == 2 && nothing.stderr.contains("no letters or digits"))
        let unbalanced = try runLede(["search", "\"open source", "Sources/lede/Samples"])
        #expect(unbalanced.status == 0 && unbalanced.stdout.contains("[open-source]"))
    }

    @Test("output that cannot be written is an error: exit 1 and a message")
    func fullOutput() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let result = try spawn(["/bin/sh", "-c", "\(TmuxSession.binary) timeline --no-index --format json Sources/lede/Samples > /dev/full"],
                               directory: PackagePaths.root.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write the output"))
    }

    @Test("the index: a second run reads it; --no-index leaves the cache empty")
    func indexCache() throws {
        let cache = NSTemporaryDirectory() + "lede-e2e-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let first = try runLede(["entities", "--format", "tsv", "Sources/lede/Samples"], environment: ["XDG_CACHE_HOME": cache])
        let files = try FileManager.default.contentsOfDirectory(atPath: cache + "/lede")
        #expect(files.contains { $0.hasPrefix("index-") && $0.hasSuffix(".sqlite") })
        let second = try runLede(["entities", "--format", "tsv", "Sources/lede/Samples"], environment: ["XDG_CACHE_HOME": cache])
        #expect(first.stdout == second.stdout && !first.stdout.isEmpty)
        let empty = NSTemporaryDirectory() + "lede-e2e-cache-\(UUID().uuidString)"
        let memory = try runLede(["entities", "--no-index", "--format", "tsv", "Sources/lede/Samples"], environment: ["XDG_CACHE_HOME": empty])
        #expect(memory.stdout == first.stdout)
        #expect(!FileManager.default.fileExists(atPath: empty))
    }

    @Test("closed stderr and closed pipes: no trap; a cut output is exit 1 with SIGPIPE ignored, 141 with it")
    func closedStreams() throws {
        let lede = TmuxSession.binary
        // stderr closed while a message is due: the exit status still says what happened (nothing usable: 2).
        let closed = try spawn(["/bin/sh", "-c", "\(lede) parse --no-index --format json /nonexistent/lede.txt 2>&-; echo \"status $?\""],
                               directory: PackagePaths.root.path)
        #expect(closed.stdout.hasSuffix("status 2\n"), "\(closed.stdout.suffix(200))")
        let full = try spawn(["/bin/sh", "-c", "\(lede) parse --format xml x 2>/dev/full; echo \"status $?\""], directory: PackagePaths.root.path)
        #expect(full.stdout == "status 2\n")
        // A reader that goes away at once: every write fails.
        let ignored = try spawn(["/bin/bash", "-c", "trap '' PIPE; \(lede) parse --no-index --format json Sources/lede/Samples | true; echo \"status ${PIPESTATUS[0]}\""],
                                directory: PackagePaths.root.path)
        #expect(ignored.stdout == "status 1\n")
        #expect(ignored.stderr.contains("cannot write the output: Broken pipe"))
        let killed = try spawn(["/bin/bash", "-c", "\(lede) parse --no-index --format json Sources/lede/Samples | true; echo \"status ${PIPESTATUS[0]}\""],
                               directory: PackagePaths.root.path)
        #expect(killed.stdout == "status 141\n")
    }

    /// A config folder of the test's own, with the given files written into it.
    func configFolder(_ files: [String: Data]) throws -> String {
        let folder = NSTemporaryDirectory() + "lede-e2e-hostile-\(UUID().uuidString)"
        for (name, data) in files {
            let path = folder + "/lede/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        }
        return folder
    }

    /// True if the bytes hold ESC, a C1 control or a bidi override: something a terminal would obey.
    func hasTerminalControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && ControlCharacters.needsReplacing($0) }
    }

    @Test("themes prints a hostile theme's name, source and file name as text, never as terminal commands")
    func hostileTheme() throws {
        // OSC 0 (window title) and OSC 52 (clipboard) in the name and source, ESC in the file name.
        let theme = "name = \"evil\\u001B]0;pwned\\u0007\"\nsource = \"\\u001B]52;c;Y3VybCBldmls\\u0007 \\u202Eabc\"\n"
        let config = try configFolder(["themes/evil\u{1B}[2J.toml": Data(theme.utf8)])
        defer { try? FileManager.default.removeItem(atPath: config) }
        let result = try runLede(["themes"], environment: ["XDG_CONFIG_HOME": config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("evil␛]0;pwned␇"))
        #expect(result.stdout.contains("source: ␛]52;c;Y3VybCBldmls␇ \u{FFFD}abc"))
        #expect(result.stdout.contains("evil␛[2J.toml"))
        #expect(!hasTerminalControls(result.stdout) && !hasTerminalControls(result.stderr))
    }

    @Test("keys: a hostile or broken config is reported with file:line, shown as text, and exits 1")
    func hostileKeys() throws {
        let configText = "theme = 42\n[keys]\nmoveUp = [1, 2]\nquit = \"\\u001B]52;c;eA==\\u0007\"\nmoveDown = [\"j\", \"n\"]\n"
        let config = try configFolder(["config.toml": Data(configText.utf8)])
        defer { try? FileManager.default.removeItem(atPath: config) }
        let result = try runLede(["keys"], environment: ["XDG_CONFIG_HOME": config])
        let path = config + "/lede/config.toml"
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):1: 'theme' must be a theme name in quotes"))
        #expect(result.stderr.contains("\(path):3: 'moveUp': 1 is not a key name in quotes; the default stays"))
        #expect(result.stderr.contains("\(path):4: unknown key name '␛]52;c;eA==␇' for 'quit'"))
        #expect(result.stderr.contains("\(path):5: key 'n' is bound to both"))
        #expect(result.stdout.contains("| `k` `Up` `C-p` |"))
        #expect(!hasTerminalControls(result.stdout) && !hasTerminalControls(result.stderr))
    }

    @Test("a config.toml that is a folder, or not UTF-8, is named and the defaults are used")
    func unreadableConfig() throws {
        let notUTF8 = try configFolder(["config.toml": Data([0x74, 0x68, 0x65, 0x6D, 0x65, 0x20, 0x3D, 0x20, 0x22, 0xE9, 0x22, 0x0A])])
        defer { try? FileManager.default.removeItem(atPath: notUTF8) }
        let latin = try runLede(["keys"], environment: ["XDG_CONFIG_HOME": notUTF8])
        #expect(latin.status == 1 && latin.stderr.contains("config.toml:1: not UTF-8 text; using the default settings"))
        let folder = try configFolder(["config.toml/placeholder": Data()])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let directory = try runLede(["keys"], environment: ["XDG_CONFIG_HOME": folder])
        #expect(directory.status == 1 && directory.stderr.contains("config.toml: is a folder, not a TOML file"))
        #expect(directory.stdout.contains("| `j` `Down` `C-n` |"))
    }

    @Test("folders: symbolic links are followed, broken ones named with exit 1; a huge file is refused by size")
    func foldersAndLimits() throws {
        let folder = NSTemporaryDirectory() + "lede-e2e-links-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/top", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: PackagePaths.reference, toPath: folder + "/real/a.txt")
        try FileManager.default.createSymbolicLink(atPath: folder + "/top/linked", withDestinationPath: folder + "/real")
        try FileManager.default.createSymbolicLink(atPath: folder + "/top/gone.txt", withDestinationPath: "/nonexistent/lede.txt")
        let result = try runLede(["parse", "--no-index", folder + "/top"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Why Chinese AI groups are handing"))
        #expect(result.stderr.contains("gone.txt: broken symbolic link"))
        let huge = folder + "/huge.txt"
        #expect(FileManager.default.createFile(atPath: huge, contents: Data("# T\n\nx".utf8)))
        #expect(truncate(huge, 3 << 20) == 0)
        let limited = try runLede(["parse", "--no-index", huge, folder + "/real"], environment: ["LEDE_MAX_FILE_MB": "2"])
        #expect(limited.status == 1)
        #expect(limited.stderr.contains("huge.txt: file is 3 MB, over the limit of 2 MB; not read (LEDE_MAX_FILE_MB raises it)"))
    }

    @Test("the browser without a terminal says so and exits 2")
    func noTerminal() throws {
        let result = try runLede([PackagePaths.referenceRelative])
        #expect(result.status == 2)
        #expect(result.stderr.contains("needs a terminal"))
    }
}

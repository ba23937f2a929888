// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeConfig
import LedeModel
import LedeTestSupport
@testable import LedeUI
import Testing

@Suite("o, y and C-l: effects for the loop to perform")
struct HandoffTests {
    @Test("o in the reader asks the loop to open the article's page, built from the content id")
    func openArticlePage() throws {
        var state = Fixture.state()
        let contentID = try #require(state.currentArticle?.contentID)
        let effects = state.apply(.key(.character("o")))
        #expect(effects.contains(.openAddress("https://www.ft.com/content/" + contentID)))
        #expect(state.message?.text.contains("Opening the article's page") == true)
    }

    @Test("o on a timeline release opens its source; on a sidebar entity, the entity's page")
    func openReleaseAndEntity() throws {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["t"], into: &state)
        let releases = state.timelineModel.releases
        let withSource = try #require(releases.firstIndex { $0.source.map(WebAddress.isOpenable) == true })
        state.timelineSelection = withSource
        #expect(state.apply(.key(.character("o"))).contains(.openAddress(releases[withSource].source!)))

        Fixture.type(["e"], into: &state)
        let entity = try #require(state.sidebar.selectedEntity.flatMap(state.corpus.entity))
        let url = try #require(entity.url)
        #expect(state.apply(.key(.character("o"))).contains(.openAddress(url)))
    }

    @Test("an article without a content id has no page: o says so and asks for nothing")
    func noAddress() throws {
        let corpus = InMemoryCorpus.load(paths: [PackagePaths.fixture("no_annotations.txt")])
        var state = Fixture.state(corpus)
        let effects = state.apply(.key(.character("o")))
        #expect(!effects.contains { if case .openAddress = $0 { return true } else { return false } })
        #expect(state.message?.isError == true)
    }

    @Test("only http and https addresses of printable ASCII are ever opened")
    func openableAddresses() {
        #expect(WebAddress.isOpenable("https://example.com/a?b=c"))
        #expect(WebAddress.isOpenable("HTTP://example.com"))
        for bad in ["file:///etc/passwd", "javascript:alert(1)", "-xhttps://a", "https://a b", "https://a\u{1b}]52;c;eA==\u{07}", "https://ü.example", ""] {
            #expect(!WebAddress.isOpenable(bad), "\(bad.debugDescription) should not be opened")
        }
    }

    @Test("y on a focused mention copies the sentence that holds it")
    func copySentence() throws {
        var state = Fixture.state()
        Fixture.type(["<Tab>"], into: &state)
        let mention = try #require(state.reader.focusedMention.flatMap(state.corpus.mention))
        let effects = state.apply(.key(.character("y")))
        let copied = try #require(effects.compactMap { if case .copy(let text) = $0 { return text } else { return nil } }.first)
        let paragraph = try #require(state.currentArticle?.paragraphs[mention.paragraph])
        #expect(copied.contains(mention.text))
        #expect(paragraph.contains(copied))
        #expect(copied.count < paragraph.count)
    }

    @Test("y never copies a control character: no ESC, C0 but tab and newline, C1 or bidi control reaches the clipboard")
    func copyIsSanitised() throws {
        let folder = NSTemporaryDirectory() + "lede-copy-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A bracketed-paste end, Ctrl-O, a C1 CSI, a bidi override and a BEL around a mention.
        let text = "OpenAI shipped it; touch /tmp/PWNED \u{1b}[201~\u{0f} then \u{9b}31m \u{202e}gnp.exe\u{202c} \u{07}done."
        let line = try JSONSerialization.data(withJSONObject: ["title": "Attack", "text": text, "date": "2025-01-02"])
        try (String(decoding: line, as: UTF8.self) + "\n").write(toFile: folder + "/a.jsonl", atomically: true, encoding: .utf8)
        var state = Fixture.state(InMemoryCorpus.load(paths: [folder]))
        Fixture.type(["<Tab>"], into: &state)
        let effects = state.apply(.key(.character("y")))
        let copied = try #require(effects.compactMap { if case .copy(let text) = $0 { return text } else { return nil } }.first)
        #expect(copied.contains("OpenAI") && copied.contains("touch /tmp/PWNED"))
        for scalar in copied.unicodeScalars {
            #expect(scalar == "\t" || scalar == "\n" || !ControlCharacters.needsReplacing(scalar), "U+\(String(scalar.value, radix: 16)) copied")
        }
        #expect(!copied.unicodeScalars.contains("\u{1b}") && !copied.unicodeScalars.contains("\u{9b}") && !copied.unicodeScalars.contains("\u{202e}"))
    }

    @Test("c and C step through the organisations forwards and back, with all of them between the ends")
    func organisationSteps() throws {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["t"], into: &state)
        let organisations = state.timelineModel.organisations
        try #require(organisations.count >= 2)
        Fixture.type(["c"], into: &state)
        #expect(state.timeline.organisationFilter == organisations[0])
        Fixture.type(["c"], into: &state)
        #expect(state.timeline.organisationFilter == organisations[1])
        Fixture.type(["C", "C"], into: &state)
        #expect(state.timeline.organisationFilter == nil)
        Fixture.type(["C"], into: &state)
        #expect(state.timeline.organisationFilter == organisations.last)
    }

    @Test("C-z asks the loop to suspend, from a pane and from inside a prompt")
    func suspend() {
        var state = Fixture.state()
        #expect(state.apply(.key(.control("z"))) == [.suspend])
        Fixture.type(["/", "chi"], into: &state)
        #expect(state.isEditingReaderSearch)
        #expect(state.apply(.key(.control("z"))) == [.suspend])
        #expect(state.isEditingReaderSearch && state.reader.search?.query == "chi")
    }

    @Test("C-l redraws every cell")
    func redraw() {
        var state = Fixture.state()
        #expect(state.apply(.key(.control("l"))) == [.repaintAll])
    }
}

@Suite("Read marks and places kept between sessions")
struct SessionTests {
    @Test("opening an article marks it read, keeps the place of the one left, and asks for a save")
    func marksAndPlaces() throws {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        state.apply(.key(.character("d")))
        state.apply(.key(.character("d")))
        let firstPath = try #require(state.currentArticle?.path)
        let firstTop = try #require(state.topParagraph)
        #expect(firstTop > 0)
        let effects = state.apply(.key(.character("}")))
        #expect(effects.contains(.saveSession))
        let record = state.sessionRecord()
        let secondPath = try #require(state.currentArticle?.path)
        #expect(record.lastArticle == secondPath)
        #expect(record.places[firstPath] == firstTop)
        #expect(record.read.isSuperset(of: [secondPath]))
    }

    @Test("a new session resumes at the last article and its place, and the article list marks the unopened N")
    func resume() throws {
        var first = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["}", "}", "d", "d"], into: &first)
        let record = first.sessionRecord()
        let place = try #require(record.places[record.lastArticle ?? ""])

        var second = Fixture.state(Fixture.samples, width: 100, height: 30)
        second.resume(record)
        #expect(second.currentArticle?.path == record.lastArticle)
        #expect(second.topParagraph == place)
        #expect(second.message?.text.contains("Back where you left off: article 3 of") == true)
        Fixture.type(["A"], into: &second)
        let rows = BrowserView.render(second).lines.filter { $0.contains("undated") || $0.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil }
        // Opened: the first article (where the first session started), the second and the third (on screen, ●).
        #expect(rows.filter { $0.contains("│ N ") }.count == Fixture.samples.articleCount - 3, "\(rows.joined(separator: "\n"))")
        #expect(rows.filter { $0.contains("│ ● ") }.count == 1)
    }

    @Test("the session file is written whole and read back; a broken one is reported, not trusted")
    func sessionFile() throws {
        let folder = NSTemporaryDirectory() + "lede-session-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = SessionFile.path(in: folder + "/lede")
        #expect(SessionFile.load(path) == .absent)
        let record = SessionRecord(lastArticle: "/a/b.txt", places: ["/a/b.txt": 3], read: ["/a/b.txt", "/c.txt"], theme: "light")
        try SessionFile.save(record, to: path)
        #expect(SessionFile.load(path) == .record(record))
        try "{\"lastArticle\": 3".write(toFile: path, atomically: true, encoding: .utf8)
        guard case .problem(let message) = SessionFile.load(path) else { Issue.record("a broken file was read"); return }
        #expect(message.hasPrefix(path) && message.contains("start afresh"))
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard case .problem = SessionFile.load(path) else { Issue.record("a folder was read as a session"); return }
    }

    @Test("[clipboard] and remember in config.toml: read when right, reported with their line when wrong")
    func clipboardConfig() {
        let good = Config.parse("remember = false\n[clipboard]\nosc52 = true\ncommand = \"wl-copy\"\n", path: "c.toml")
        #expect(good.problems.isEmpty)
        #expect(good.clipboard == ClipboardSetting(osc52: true, command: "wl-copy"))
        #expect(good.remember == false)
        let bad = Config.parse("remember = \"no\"\n[clipboard]\nosc52 = 1\nprogram = \"x\"\n", path: "c.toml")
        #expect(bad.problems.contains { $0.hasPrefix("c.toml:1:") && $0.contains("remember") })
        #expect(bad.problems.contains { $0.hasPrefix("c.toml:3:") && $0.contains("osc52") })
        #expect(bad.problems.contains { $0.hasPrefix("c.toml:4:") && $0.contains("program") })
        #expect(bad.clipboard == ClipboardSetting())
    }
}

@Suite("Accessible mode")
struct AccessibleModeTests {
    @Test("entity types are written after each mention, in the mention's style")
    func typeTags() throws {
        var state = Fixture.state(width: 100, height: 30)
        state.accessible = true
        let text = state.readerLayout.lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("cutting\nChina [LOC]’s labs off"))
        #expect(text.contains("Alibaba [ORG]"))
        state.accessible = false
        #expect(!state.readerLayout.lines.map(\.text).joined().contains("[ORG]"))
    }
}

@Suite("The : command line")
struct CommandLineTests {
    @Test(": article 3 opens the third article; a bad number says what it takes")
    func article() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type([":", "article 3", "<Enter>"], into: &state)
        #expect(state.articlePosition == 2 && state.commandLine == nil)
        Fixture.type([":", "article 99", "<Enter>"], into: &state)
        #expect(state.articlePosition == 2)
        #expect(state.message?.isError == true && state.message?.text.contains("from 1 to") == true)
    }

    @Test("Tab completes the command, then its argument; again, the next candidate; a prefix is enough to run")
    func completion() {
        var state = BrowserState(corpus: Fixture.samples, themes: [.fallback, Theme(name: "Light", origin: "l", styles: [:]), Theme(name: "Lagoon", origin: "g", styles: [:])], width: 120, height: 40)
        Fixture.type([":", "th", "<Tab>"], into: &state)
        #expect(state.commandLine?.text == "theme ")
        Fixture.type(["<Tab>"], into: &state)
        #expect(state.commandLine?.text == "theme built-in")
        #expect(state.commandLine?.completions.count == 3)
        Fixture.type(["<C-u>", "theme "], into: &state)
        Fixture.type(["l", "<Tab>"], into: &state)
        #expect(state.commandLine?.text == "theme Light")
        Fixture.type(["<Tab>"], into: &state)
        #expect(state.commandLine?.text == "theme Lagoon")
        Fixture.type(["<Enter>"], into: &state)
        #expect(state.theme.name == "Lagoon")
        Fixture.type([":", "fil deeps", "<Enter>"], into: &state)
        #expect(state.sidebar.filter == "deeps")
        Fixture.type([":", "s", "<Enter>"], into: &state)
        #expect(state.message?.isError == true && state.message?.text.contains("could be") == true)
    }

    @Test(":search finds in the article, :set nomouse leaves the mouse to the terminal, Esc closes the prompt unrun")
    func searchSetAndCancel() {
        var state = Fixture.state()
        Fixture.type([":", "search chips", "<Enter>"], into: &state)
        #expect(state.reader.search?.query == "chips" && !(state.reader.search?.matches.isEmpty ?? true))
        let effects = { () -> [Effect] in
            Fixture.type([":", "set nomouse"], into: &state)
            return state.apply(.key(.enter))
        }()
        #expect(effects.contains(.mouseCapture(false)) && !state.mouseCapture)
        state.apply(.mouse(MouseEvent(kind: .click, x: 100, y: 5)))
        #expect(state.focus == .reader, "a click reached lede with the mouse left to the terminal")
        Fixture.type([":", "quit", "<Esc>"], into: &state)
        #expect(state.commandLine == nil)
        #expect(state.apply(.key(.character("q"))) == [.quit])
    }
}

@Suite("Counts and marks")
struct CountsAndMarksTests {
    @Test("5j scrolls five lines, 12j twelve; 3] goes three mentions of the entity on")
    func counts() throws {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["5", "j"], into: &state)
        #expect(state.reader.scroll == 5)
        Fixture.type(["1", "2", "j"], into: &state)
        #expect(state.reader.scroll == 17)
        #expect(state.pendingCount == nil)

        var stepped = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["<Tab>"], into: &stepped)
        var once = stepped
        Fixture.type(["3", "]"], into: &stepped)
        Fixture.type(["]", "]", "]"], into: &once)
        #expect(stepped.reader.focusedMention == once.reader.focusedMention)
        #expect(stepped.reader.focusedMention != nil)
    }

    @Test("a digit that is a key of its own stays that key: 1 in the sidebar hides organisations")
    func digitsThatAreKeys() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["e", "1"], into: &state)
        #expect(state.sidebar.hiddenTypes.contains(.organisations))
        #expect(state.pendingCount == nil)
    }

    @Test("a count stops where the action fails: 99} ends at the last article")
    func countStopsAtTheEnd() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["9", "9", "}"], into: &state)
        #expect(state.articlePosition == Fixture.samples.articleCount - 1)
        #expect(state.message?.text == "This is the last article")
    }

    @Test("ma marks the place; from another article 'a comes back to it; the mark is kept in the session")
    func marks() throws {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["d", "d"], into: &state)
        let path = try #require(state.currentArticle?.path)
        let paragraph = try #require(state.topParagraph)
        Fixture.type(["m", "a"], into: &state)
        #expect(state.sessionRecord().marks["a"]?.paragraph == paragraph)
        Fixture.type(["}", "}", "'", "a"], into: &state)
        #expect(state.currentArticle?.path == path)
        #expect(state.topParagraph == paragraph)
        Fixture.type(["'", "z"], into: &state)
        #expect(state.message?.isError == true && state.message?.text.contains("No mark z") == true)
        Fixture.type(["<Backspace>"], into: &state)
        #expect(state.currentArticle?.path != path, "Backspace goes back to where 'a jumped from")
    }

    @Test("a session file without the fields a newer lede writes still reads")
    func olderSessionFile() throws {
        let record = try JSONDecoder().decode(SessionRecord.self, from: Data("{\"read\":[\"/a.txt\"]}".utf8))
        #expect(record.read == ["/a.txt"] && record.marks.isEmpty && record.places.isEmpty)
    }
}

@Suite("s and |: the article as text or Markdown")
struct ArticleOutputTests {
    @Test("s proposes a file named after the title; Enter asks the loop to write Markdown for .md")
    func save() throws {
        var state = Fixture.state()
        Fixture.type(["s"], into: &state)
        #expect(state.commandLine?.text == "save why-chinese-ai-groups-are-handing-out-their-best-models-for.md")
        let effects = state.apply(.key(.enter))
        guard case .writeFile(let path, let contents) = effects.first else { Issue.record("no file written: \(effects)"); return }
        #expect(path == "why-chinese-ai-groups-are-handing-out-their-best-models-for.md")
        #expect(contents.hasPrefix("# Why Chinese AI groups are handing out their best models for free\n\n*Tessa Marlow · 2025-03-19*\n\nA tit-for-tat answer looked inevitable."))
    }

    @Test("| with a command asks the loop to pipe the plain text; without one, says what it needs")
    func pipe() {
        var state = Fixture.state()
        Fixture.type(["|", "wc -w", "<Enter>"], into: &state)
        #expect(state.commandLine == nil)
        Fixture.type([":", "pipe", "<Enter>"], into: &state)
        #expect(state.message?.isError == true)
        let effects = { () -> [Effect] in
            Fixture.type([":", "pipe wc -w"], into: &state)
            return state.apply(.key(.enter))
        }()
        guard case .pipe(let command, let input) = effects.first else { Issue.record("no pipe: \(effects)"); return }
        #expect(command == "wc -w" && input.hasPrefix("Why Chinese AI groups are handing") && !input.contains("# "))
    }

    @Test("Markdown escapes what would become syntax, and no control character gets through")
    func escaping() {
        let article = Article(path: "x", title: "A *bold* claim", authors: ["Ann"], paragraphs: ["# not a heading", "see [this](x) \u{1b}[31mred\u{7}", "- not a list"])
        let markdown = ArticleText.markdown(article)
        #expect(markdown == "# A \\*bold\\* claim\n\n*Ann*\n\n\\# not a heading\n\nsee \\[this\\](x) \\[31mred\n\n\\- not a list\n")
        #expect(!ArticleText.plain(article).unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}

@Suite("Article list: order and filter")
struct ArticleListOrderTests {
    @Test("s orders newest first and keeps the selected article selected; / narrows as you type; Enter opens the row")
    func orderAndFilter() throws {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["A", "j"], into: &state)
        guard case .articles(let before) = state.overlay else { Issue.record("no list"); return }
        let selected = try #require(before.article(at: before.selection, in: state.corpus))
        Fixture.type(["s"], into: &state)
        guard case .articles(let byDate) = state.overlay else { Issue.record("no list"); return }
        #expect(byDate.order == .date)
        #expect(byDate.article(at: byDate.selection, in: state.corpus) == selected)
        let dates = (0..<byDate.count(in: state.corpus)).compactMap { byDate.article(at: $0, in: state.corpus).flatMap { state.corpus.summary(of: $0)?.published } }
        #expect(dates == dates.sorted(by: >) && dates.count == Fixture.samples.articleCount)

        Fixture.type(["/", "llama"], into: &state)
        guard case .articles(let filtered) = state.overlay else { Issue.record("no list"); return }
        #expect(filtered.count(in: state.corpus) == 1)
        Fixture.type(["<Enter>", "<Enter>"], into: &state)
        #expect(state.overlay == nil)
        #expect(state.currentArticle?.title.contains("Llama 4") == true)
    }
}

@Suite("Dossier names")
struct DossierNamesTests {
    @Test("the dossier lists a name once whatever its case (issue 12, defect 10)")
    func namesOnce() throws {
        var state = Fixture.state(Fixture.samples, width: 120, height: 40)
        let topic = try #require(state.corpus.entity(labelled: "Artificial intelligence"))
        #expect(topic.names.contains("artificial intelligence"), "the linker keeps both cases; the screen shows one")
        state.overlay = .dossier(DossierState(entity: topic.id))
        let namesLine = try #require(BrowserView.render(state).lines.first { $0.contains("Names:") })
        #expect(namesLine.lowercased().components(separatedBy: "artificial intelligence").count == 2, "\(namesLine)")
    }
}

@Suite("Dossier filter")
struct DossierFilterTests {
    @Test("/ in the dossier keeps the articles whose title contains the text; Enter jumps into one of them; Esc shows all again")
    func filter() throws {
        var state = Fixture.state(Fixture.samples, width: 120, height: 40)
        let deepseek = try #require(state.corpus.entity(labelled: "DeepSeek"))
        DossierOverlay.open(&state, entity: deepseek.id, selection: 0)
        let all = state.mentionList(of: deepseek.id)
        try #require(all.articleCount > 1)
        Fixture.type(["/", "wall street"], into: &state)
        guard case .dossier(let dossier) = state.overlay else { Issue.record("the dossier closed"); return }
        let kept = state.dossierList(dossier)
        #expect(kept.articleCount == 1 && kept.count < all.count)
        #expect(state.corpus.summary(of: kept.postings[0].article)?.title.contains("Wall Street") == true)
        Fixture.type(["<Enter>", "j", "<Enter>"], into: &state)
        #expect(state.overlay == nil)
        #expect(state.currentArticle?.title.contains("Wall Street") == true)
        DossierOverlay.open(&state, entity: deepseek.id, selection: 0)
        Fixture.type(["/", "x", "<Esc>"], into: &state)
        guard case .dossier(let cleared) = state.overlay else { Issue.record("the dossier closed"); return }
        #expect(cleared.keptPostings == nil && state.dossierList(cleared).count == all.count)
    }
}

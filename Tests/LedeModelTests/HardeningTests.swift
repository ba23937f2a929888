// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

/// Inputs built to make lede slow, stuck or wrong (issue 11). Each large
/// input is one that took tens of seconds when the code was quadratic; the
/// time limit is a guard against a hang, not a speed target (those are in
/// Benchmarks/).
@Suite("Hardening: hostile articles and files")
struct HardeningTests {
    let importer = ScrapedArticleImporter()

    @Test("a run of regional-indicator symbols in a body imports in linear time (4× the run, well under 16× the time)")
    func regionalIndicatorRunIsLinear() throws {
        func seconds(_ count: Int) throws -> Double {
            let text = "# R\n\n" + String(repeating: "\u{1F1FA}", count: count) + " OpenAI wrote to tessa@example.com\n"
            return try bestSeconds {
                let article = try importer.parse(text, path: "ri.txt").get()
                #expect(article.paragraphs.joined().contains("OpenAI"))
            }
        }
        let small = try seconds(8_000), large = try seconds(32_000)
        // Linear is about 4×; walking Characters backwards over the run was about 16× and more.
        #expect(large < max(small, 0.002) * 10, "8,000 symbols: \(small) s; 32,000: \(large) s")
    }

    func page(_ body: String, annotations: String = "{\"annotations\":[]}") -> String {
        "# A title\n\nAna RuizPublishedMar 3 20254\(body)\(annotations)"
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-hard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    // MARK: - Linear in the size of the input

    @Test("one sentence with 32,000 dated model mentions links and dates every one", .timeLimit(.minutes(1)))
    func longDatedSentence() throws {
        let repeats = 32_000
        let body = "OpenAI released " + String(repeating: "GPT-4o and o1 on 5 May 2024 and ", count: repeats) + "more."
        let article = try importer.parse(page(body), path: "long.txt").get()
        #expect(article.paragraphs.count == 1)
        let corpus = InMemoryCorpus(articles: [article])
        let gpt = try #require(corpus.entity(labelled: "GPT-4o"))
        #expect(corpus.mentionCount(of: gpt.id) == repeats)
        // Every date phrase goes to its nearest model, and the model has its release in 2024.
        let release = try #require(corpus.releases.first { $0.model == gpt.id })
        #expect(release.date?.year == 2024)
    }

    @Test("32,000 glued furniture phrases and sign-up lines in one paragraph are removed in one pass", .timeLimit(.minutes(1)))
    func longFurniture() throws {
        let glued = String(repeating: "Learn More", count: 32_000)
        let signups = String(repeating: "Sign up for our weekly newsletter. ", count: 32_000)
        let start = Date()
        let article = try importer.parse(page("The end." + glued + "Acme said hello." + signups + "Acme said goodbye."), path: "f.txt").get()
        #expect(article.paragraphs.contains("Acme said hello."))
        #expect(article.paragraphs.contains("Acme said goodbye."))
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test("a chrome phrase repeated 32,000 times is stripped in one pass", .timeLimit(.minutes(1)))
    func repeatedChrome() throws {
        let body = String(repeating: "Print this page", count: 32_000) + "Alibaba released a model. It was fast."
            + String(repeating: "Print this page", count: 32_000)
        let article = try importer.parse(page(body), path: "chrome.txt").get()
        let text = article.paragraphs.joined(separator: "\n")
        #expect(!text.contains("Print this page"))
        #expect(text.contains("Alibaba released a model. It was fast."))
    }

    @Test("32,000 related-article teasers are cut in one pass", .timeLimit(.minutes(1)))
    func manyTeasers() throws {
        let teaser = "RecommendedBusiness InsightTessa MarlowA headline about chips"
        let body = "First paragraph here." + String(repeating: teaser + "Words follow it.", count: 32_000)
        let article = try importer.parse(page(body), path: "teasers.txt").get()
        #expect(article.related.count == 32_000)
        #expect(!article.paragraphs.joined().contains("Recommended"))
    }

    @Test("a megabyte of dotted words before an @ is not taken for an e-mail address", .timeLimit(.minutes(1)))
    func longAddress() throws {
        let body = "The end." + String(repeating: "a.", count: 500_000) + "b@example.com"
        let article = try importer.parse(page(body), path: "mail.txt").get()
        // Booleans only: a failure must not print a megabyte.
        let shortAddress = (article.email?.count ?? 0) <= 200
        let textKept = article.paragraphs.first?.hasPrefix("The end.a.a.") == true
        #expect(shortAddress)
        #expect(textKept)
    }

    // MARK: - Line endings and titles

    @Test("classic Mac line endings (CR alone) split the title from the text")
    func carriageReturns() throws {
        let text = "# A title\r\rAna RuizPublishedMar 3 20254Alibaba met Tencent.\rA second paragraph.{\"annotations\":[]}"
        let article = try importer.parse(text, path: "cr.txt").get()
        #expect(article.title == "A title")
        #expect(article.paragraphs == ["Alibaba met Tencent.", "A second paragraph."])
        #expect(article.paragraphs.allSatisfy { !$0.contains("\r") })
    }

    @Test("a combining mark right after '# ' still makes a title line")
    func combiningTitle() throws {
        let article = try importer.parse("# \u{0301}Accent first\n\nAna RuizPublishedMar 3 20254Text here.", path: "accent.txt").get()
        #expect(article.title == "\u{0301}Accent first")
    }

    // MARK: - Files

    @Test("a sparse 1 GB file is refused by its size, before anything is read")
    func hugeSparseFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("# Title\n\n".utf8)))
        #expect(truncate(path, 1 << 30) == 0)
        guard case .failure(let error) = ArticleFileReader.read(path) else {
            Issue.record("a 1 GB file was read")
            return
        }
        #expect(error.message.contains("file is 1024 MB, over the limit of \(ImportLimits.defaultFileMegabytes) MB"))
        #expect(error.message.contains("LEDE_MAX_FILE_MB"))
    }

    @Test("binary is found in the first block; a limit of a few bytes refuses a longer file")
    func sniffing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = folder.appendingPathComponent("binary.txt").path
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0x23, 0x20, 0x41, 0x00] + [UInt8](repeating: 0x41, count: 100_000)))
        guard case .failure(let error) = ArticleFileReader.read(binary) else { Issue.record("binary read"); return }
        #expect(error.message.contains("binary"))
        var small = ImportLimits()
        small.maximumFileBytes = 8
        let text = folder.appendingPathComponent("text.txt").path
        _ = FileManager.default.createFile(atPath: text, contents: Data("# Title\n\nMore than eight bytes.".utf8))
        guard case .failure(let tooLong) = ArticleFileReader.read(text, limits: small) else { Issue.record("over the limit read"); return }
        #expect(tooLong.message.contains("file is 31 bytes, over the limit of 8 bytes"))
        #expect(throws: Never.self) { try ArticleFileReader.read(text).get() }
        // A NUL past the first block is binary too, not a brat pair (`# La` was once an organisation).
        let late = folder.appendingPathComponent("late.txt").path
        _ = FileManager.default.createFile(atPath: late, contents: Data("# La\n\n".utf8 + [UInt8](repeating: 0x61, count: 8_000) + [0] + Array(" tail".utf8)))
        guard case .failure(let lateError) = ArticleFileReader.read(late) else { Issue.record("a NUL after 4 KB was read"); return }
        #expect(lateError.message.contains("binary"))
    }

    @Test("a named pipe called x.txt is refused at once, given directly or found in a folder", .timeLimit(.minutes(1)))
    func namedPipe() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        guard case .failure(let error) = ArticleFileReader.read(fifo) else { Issue.record("a FIFO was read"); return }
        #expect(error.message.contains("named pipe"))
        let (files, errors) = ArticleFiles.expand([folder.path])
        #expect(files.isEmpty)
        #expect(errors.map(\.message) == ["is not a regular file; not read"])
    }

    @Test("a folder named x.txt is walked, not reported as a file that cannot be read")
    func folderNamedTxt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let odd = folder.appendingPathComponent("odd.txt")
        try FileManager.default.createDirectory(at: odd, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: PackagePaths.reference, toPath: odd.appendingPathComponent("a.txt").path)
        let (files, errors) = ArticleFiles.expand([odd.path])
        #expect(files == [odd.appendingPathComponent("a.txt").path])
        #expect(errors.isEmpty)
        let corpus = loadInMemory([folder.path])
        #expect(corpus.articleCount == 1 && corpus.errors.isEmpty)
    }

    @Test("symbolic links to folders are followed; a link loop ends and loads each file once; broken links are named")
    func symbolicLinks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let elsewhere = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.copyItem(atPath: PackagePaths.reference, toPath: elsewhere.appendingPathComponent("linked.txt").path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("shelf").path, withDestinationPath: elsewhere.path)
        // A loop: the shelf links back to the folder above it.
        try FileManager.default.createSymbolicLink(atPath: elsewhere.appendingPathComponent("back").path, withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.txt").path, withDestinationPath: "/nonexistent/lede.txt")
        let (files, errors) = ArticleFiles.expand([folder.path])
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["linked.txt"])
        #expect(errors.map { "\(($0.path as NSString).lastPathComponent): \($0.message)" } == ["gone.txt: broken symbolic link"])
    }

    @Test("an unreadable subfolder is named; its siblings still load", .enabled(if: getuid() != 0, "root reads every folder"))
    func unreadableSubfolder() throws {
        let folder = try temporaryFolder()
        defer {
            chmod(folder.appendingPathComponent("locked").path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("locked"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: PackagePaths.reference, toPath: folder.appendingPathComponent("ok.txt").path)
        #expect(chmod(folder.appendingPathComponent("locked").path, 0) == 0)
        let (files, errors) = ArticleFiles.expand([folder.path])
        #expect(files.count == 1)
        #expect(errors.count == 1 && errors[0].path.hasSuffix("/locked") && errors[0].message.hasPrefix("cannot read folder"))
        let (_, direct) = ArticleFiles.expand([folder.appendingPathComponent("locked").path])
        #expect(direct.map(\.message).allSatisfy { $0.hasPrefix("cannot read folder") && !$0.contains("no .txt") })
    }

    // MARK: - One sanitiser

    @Test("every output that escapes or replaces controls agrees on which scalars those are")
    func oneSanitiser() {
        var scalars = (0..<0x3000).compactMap(Unicode.Scalar.init)
        scalars += [0x1F600, 0xE0041].compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let text = String(scalar)
            let visible = ControlCharacters.visible(text)
            let replaced = ControlCharacters.needsReplacing(scalar)
            #expect((visible != text) == replaced, "visible() and needsReplacing disagree on U+\(String(scalar.value, radix: 16))")
            var json = ""
            JSONValue.writeString(text, to: &json)
            let escaped = json.contains("\\u") || json.contains("\\t") || json.contains("\\n") || json.contains("\\r")
            if scalar != "\"" && scalar != "\\" {
                #expect(escaped == replaced, "JSON and the terminal disagree on U+\(String(scalar.value, radix: 16))")
            }
            #expect(!visible.unicodeScalars.contains(where: ControlCharacters.needsReplacing))
        }
        #expect(ControlCharacters.visible("a\tb\u{1B}[31m\u{9B}\u{202E}\u{61C}") == "a b␛[31m\u{FFFD}\u{FFFD}\u{FFFD}")
    }
}

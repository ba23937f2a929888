// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

/// WARC archives as containers: which records are articles, how entries are
/// named and read, and what damage does. Archives are written by the tests.
@Suite("WARC archives")
struct WARCTests {
    static let pageA = WARCFixture.html(title: "Lab ships a small model", paragraphs: ["The lab said the model runs on one chip.", "Its weights are open."])
    static let pageB = WARCFixture.html(title: "Chip rules tighten", paragraphs: ["Export rules changed on Monday."])

    /// warcinfo, request, response (HTML), metadata, response (chunked + gzip), response (404), response (image), revisit.
    static var mixedRecords: [Data] {
        [
            WARCFixture.warcinfo(id: 1),
            WARCFixture.request(uri: "https://news.example/a", id: 2),
            WARCFixture.page(uri: "https://news.example/a", html: pageA, id: 3),
            WARCFixture.metadata(uri: "https://news.example/a", id: 4),
            WARCFixture.page(uri: "https://news.example/b", html: pageB, id: 5, chunked: true, gzip: true),
            WARCFixture.page(uri: "https://news.example/missing", html: "<html><body>Not here</body></html>", id: 6, status: 404),
            WARCFixture.record(type: "response", uri: "https://news.example/logo.png",
                               block: WARCFixture.httpResponse(contentType: "image/png", body: Data([0x89, 0x50, 0x4E, 0x47])), id: 7),
            WARCFixture.record(type: "revisit", uri: "https://news.example/a", block: Data("HTTP/1.1 200 OK\r\n\r\n".utf8), id: 8),
        ]
    }

    func write(_ data: Data, name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-warc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func page(_ path: String) throws -> (metadata: FetchMetadata, html: String) {
        let framed = try ArticleFileReader.read(path).get()
        let (metadata, page) = try #require(PageFrame.split(framed)).get()
        return (metadata, String(decoding: page, as: UTF8.self))
    }

    @Test("gzipped, one member a record: two pages are entries named by member offset; six records are skipped and counted once")
    func gzippedMembers() throws {
        let (data, offsets) = WARCFixture.gzipMembers(Self.mixedRecords)
        let path = try write(data, name: "crawl.warc.gz")
        _ = ContainerNotices.shared.take(under: [path])
        let (files, errors) = ArticleFiles.expand([path])
        #expect(errors.isEmpty, "\(errors)")
        #expect(files == ["\(path):\(offsets[2])", "\(path):\(offsets[4])"])
        // A load of other paths (another test, a refresh) does not take this archive's notice.
        _ = ContainerNotices.shared.take(under: [NSTemporaryDirectory() + "lede-elsewhere"])
        let notices = ContainerNotices.shared.take(under: [path]).filter { $0.hasPrefix(path) }
        #expect(notices == ["\(path): 6 records are not articles (1 request, 1 metadata, 1 warcinfo, 1 revisit, 1 not 2xx, 1 not HTML); skipped"])
        // Listed again: the table is kept, the notice is not repeated.
        _ = ArticleFiles.expand([path])
        #expect(ContainerNotices.shared.take(under: [path]).filter { $0.hasPrefix(path) }.isEmpty)

        let a = try page(files[0])
        #expect(a.html == Self.pageA)
        #expect(a.metadata.url == "https://news.example/a")
        #expect(a.metadata.fetched == "2025-03-19T10:00:00Z")
        #expect(a.metadata.contentType == "text/html; charset=utf-8")
        // Chunked transfer coding and gzip content coding undone.
        #expect(try page(files[1]).html == Self.pageB)
    }

    @Test("uncompressed: entries are record offsets; the same pages come out")
    func plainArchive() throws {
        let (data, offsets) = WARCFixture.plain(Self.mixedRecords)
        let path = try write(data, name: "crawl.warc")
        let (files, errors) = ArticleFiles.expand([path])
        #expect(errors.isEmpty, "\(errors)")
        #expect(files == ["\(path):\(offsets[2])", "\(path):\(offsets[4])"])
        #expect(try page(files[1]).html == Self.pageB)
    }

    @Test("an archive gzipped whole is one member of many records: entries are OFFSET+INNER and read by streaming")
    func wholeFileGzip() throws {
        let plain = WARCFixture.plain(Self.mixedRecords)
        let path = try write(GzipCompression.compress(plain.data), name: "whole.warc.gz")
        let (files, errors) = ArticleFiles.expand([path])
        #expect(errors.isEmpty, "\(errors)")
        #expect(files == ["\(path):0+\(plain.offsets[2])", "\(path):0+\(plain.offsets[4])"])
        #expect(try page(files[0]).html == Self.pageA)
        #expect(try page(files[1]).html == Self.pageB)
    }

    @Test("an entry named on the command line is read with one seek, without listing the archive")
    func namedEntry() throws {
        let (data, offsets) = WARCFixture.gzipMembers(Self.mixedRecords)
        let path = try write(data, name: "named.warc.gz")
        let entry = "\(path):\(offsets[4])"
        #expect(ArticleFiles.expand([entry]).files == [entry])
        #expect(try page(entry).metadata.url == "https://news.example/b")
        // Not a record start, a request, a 404: errors naming the entry.
        for (offset, words) in [(offsets[4] + 3, "no WARC record"), (offsets[1], "request record"), (offsets[5], "status 404")] {
            let result = ArticleFileReader.read("\(path):\(offset)")
            guard case .failure(let error) = result else { Issue.record("\(offset) read"); continue }
            #expect(error.path == "\(path):\(offset)")
            #expect(error.message.contains(words), "\(error.message)")
        }
    }

    @Test("damage: a truncated member, garbage between members, a lying Content-Length, a huge header")
    func damage() throws {
        let records = Self.mixedRecords
        var (data, offsets) = WARCFixture.gzipMembers(Array(records[0..<5]))
        // Garbage between the second and third member.
        var damaged = data.prefix(offsets[2])
        damaged.append(Data("this is not gzip".utf8))
        let shifted = damaged.count - offsets[2]
        damaged.append(data.suffix(from: offsets[2]))
        // A last member cut in half.
        let last = GzipCompression.compress(records[2])
        damaged.append(last.prefix(last.count / 2))
        let path = try write(damaged, name: "damaged.warc.gz")
        let (files, errors) = ArticleFiles.expand([path])
        #expect(files == ["\(path):\(offsets[2] + shifted)", "\(path):\(offsets[4] + shifted)"])
        #expect(errors.map(\.message).contains { $0.contains("not one; skipped") }, "\(errors)")
        #expect(errors.map(\.message).contains { $0.contains("truncated") }, "\(errors)")
        #expect(errors.allSatisfy { $0.path.hasPrefix(path + ":") })

        // Uncompressed: a Content-Length that is too short and one that is too long; the records after them are found again.
        let lying = WARCFixture.record(type: "response", uri: "https://news.example/lie",
                                       block: WARCFixture.httpResponse(body: Data(Self.pageA.utf8)), id: 20, contentLength: 40)
        let tooLong = WARCFixture.record(type: "response", uri: "https://news.example/long",
                                         block: WARCFixture.httpResponse(body: Data(Self.pageA.utf8)), id: 21, contentLength: 100_000)
        let huge = Data(("WARC/1.1\r\nWARC-Type: response\r\n" + String(repeating: "X-Padding: " + String(repeating: "a", count: 1000) + "\r\n", count: 80)).utf8)
        plain: do {
            let parts = [lying, records[2], huge, records[4], tooLong]
            let (data, offsets) = WARCFixture.plain(parts)
            let path = try write(data, name: "lying.warc")
            let (files, errors) = ArticleFiles.expand([path])
            #expect(files == ["\(path):\(offsets[1])", "\(path):\(offsets[3])"], "\(errors)")
            let messages = errors.map(\.message)
            #expect(messages.contains { $0.contains("does not end the record") }, "\(messages)")
            #expect(messages.contains { $0.contains("over 64 KB") }, "\(messages)")
            #expect(messages.contains { $0.contains("truncated record") }, "\(messages)")
        }
        _ = data
        data = Data()
    }

    @Test("an archive that grows: the old records keep their stat, only the new ones are read")
    func growth() throws {
        let records = Self.mixedRecords
        let first = WARCFixture.gzipMembers(Array(records[0..<3]))
        let path = try write(first.data, name: "growing.warc.gz")
        let before = ArticleFiles.expandWithInfo([path]).files
        #expect(before.count == 1)
        var grown = first.data
        grown.append(WARCFixture.gzipMembers(Array(records[3...])).data)
        try grown.write(to: URL(fileURLWithPath: path))
        let after = ArticleFiles.expandWithInfo([path]).files
        #expect(after.count == 2)
        #expect(after[0].path == before[0].path)
        #expect(after[0].info.st_size == before[0].info.st_size && after[0].info.st_mtim.tv_sec == before[0].info.st_mtim.tv_sec)
        let snapshotBefore = FolderSnapshot(stamps: [before[0].path: .init(size: Int64(before[0].info.st_size), seconds: before[0].info.st_mtim.tv_sec, nanoseconds: 0)])
        let changes = snapshotBefore.changes(to: FolderSnapshot.scan([path]))
        #expect(changes.added.count == 1 && changes.changed.isEmpty && changes.removed.isEmpty)
    }

    @Test("names: file.warc.gz:OFFSET and OFFSET+INNER, nothing else")
    func names() {
        #expect(WARCArchive.split("a/b.warc.gz:123")! == ("a/b.warc.gz", 123, 0))
        #expect(WARCArchive.split("b.WARC:0+77")! == ("b.WARC", 0, 77))
        #expect(WARCArchive.split("b.warc.gz:") == nil)
        #expect(WARCArchive.split("b.warc.gz:1+0") == nil)
        #expect(WARCArchive.split("b.warc.gz:-1") == nil)
        #expect(WARCArchive.split("b.jsonl:3") == nil)
    }

    @Test("gzip bodies: decoded, bounded (a bomb is an error), concatenated members joined, damage reported")
    func contentDecoding() throws {
        let text = Data(String(repeating: "lede ", count: 1000).utf8)
        #expect(try ContentDecoding.decode(GzipCompression.compress(text), encoding: "gzip", limit: 1 << 20).get() == text)
        var two = GzipCompression.compress(text)
        two.append(GzipCompression.compress(text))
        #expect(try ContentDecoding.decode(two, encoding: "x-gzip", limit: 1 << 20).get().count == 2 * text.count)
        let bomb = GzipCompression.compress(Data(count: 64 << 20), level: 9)
        #expect(bomb.count < 100_000)
        #expect(ContentDecoding.decode(bomb, encoding: "gzip", limit: 1 << 20) == .failure(.tooLarge(limit: 1 << 20)))
        guard case .failure(.damaged) = ContentDecoding.decode(GzipCompression.compress(text).prefix(30), encoding: "gzip", limit: 1 << 20) else {
            Issue.record("a cut body decoded"); return
        }
        #expect(ContentDecoding.decode(text, encoding: "br", limit: 1 << 20) == .failure(.unsupported("br")))
    }

    @Test("a page frame round-trips its metadata; a broken frame is an error")
    func frame() throws {
        let metadata = FetchMetadata(url: "https://news.example/a", fetched: "2025-03-19T10:00:00Z", title: "Tab\u{1B}[31m title", authors: ["Ana Ruiz"],
                                    published: "2025-03-18T09:00:00+01:00", feedURL: "https://news.example/feed", guid: "a-1")
        let framed = PageFrame.frame(metadata, page: Data("<html></html>".utf8))
        let (back, page) = try #require(PageFrame.split(framed)).get()
        #expect(back == metadata)
        #expect(page == Data("<html></html>".utf8))
        #expect(back.publishedDay == CalendarDate(year: 2025, month: 3, day: 18))
        // The stored JSON escapes the control character.
        #expect(metadata.jsonText.contains("\\u001b"))
        #expect(PageFrame.split(Data("\0\0lede-page 1 99\n{}".utf8)).map { (try? $0.get()) == nil } == true)
        #expect(PageFrame.split(Data("<html>".utf8)) == nil)
    }
}

/// WARC records and fetched pages through the sniffing router into articles.
@Suite("Pages with metadata")
struct PageImportTests {
    @Test("a WARC record imports as an HTML article: its target as the address, WARC-Date as the fallback date; parse works on file:OFFSET")
    func warcArticle() throws {
        let html = WARCFixture.html(title: "Lab ships a small model", paragraphs: ["The lab said the model runs on one chip."])
        let (data, offsets) = WARCFixture.gzipMembers([WARCFixture.request(uri: "https://news.example/a", id: 1),
                                                        WARCFixture.page(uri: "https://news.example/a", html: html, id: 2, date: "2025-03-19T23:00:00Z")])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("crawl.warc.gz").path
        try data.write(to: URL(fileURLWithPath: path))
        let article = try FormatSniffer().importFile(at: "\(path):\(offsets[1])").get()
        #expect(article.format == .html)
        #expect(article.title == "Lab ships a small model")
        #expect(article.contentID == "https://news.example/a")
        #expect(article.published == CalendarDate(year: 2025, month: 3, day: 19))
        #expect(article.paragraphs.contains("The lab said the model runs on one chip."))
        let corpus = CorpusBuilder(threads: 1).buildInMemory(paths: [folder.path])
        #expect(corpus.articleCount == 1 && corpus.errors.isEmpty)
    }

    @Test("a fetched page and its .meta: the feed's title fills a page without one, the feed's date and authors are the article's")
    func fetchedPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-fetched-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("2025-03-18-rules.html")
        try "<html><body><p>Export rules changed on Monday, officials said.</p></body></html>".write(to: page, atomically: true, encoding: .utf8)
        let metadata = FetchMetadata(url: "https://news.example/rules", finalURL: "https://news.example/2025/rules", fetched: "2025-03-20T08:00:00Z",
                                    title: "Rules tighten", authors: ["Ana Ruiz"], published: "2025-03-18T09:00:00+01:00", feedURL: "https://news.example/feed", guid: "r-1")
        try metadata.jsonText.write(to: folder.appendingPathComponent("2025-03-18-rules.meta"), atomically: true, encoding: .utf8)
        let (files, errors) = ArticleFiles.expand([folder.path])
        #expect(files == [page.path] && errors.isEmpty)
        let article = try FormatSniffer().importFile(at: page.path).get()
        #expect(article.title == "Rules tighten")
        #expect(article.authors == ["Ana Ruiz"])
        #expect(article.published == CalendarDate(year: 2025, month: 3, day: 18))
        #expect(article.contentID == "https://news.example/2025/rules")
        // A broken .meta is an error naming it; the page is not read without it.
        try "{not json".write(to: folder.appendingPathComponent("2025-03-18-rules.meta"), atomically: true, encoding: .utf8)
        guard case .failure(let error) = FormatSniffer().importFile(at: page.path) else { Issue.record("read with a broken .meta"); return }
        #expect(error.message.contains("metadata"))
    }
}

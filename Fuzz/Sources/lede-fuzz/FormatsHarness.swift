// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// `formats`: bytes → the sniffing router (`FormatSniffer`), as the default
/// `CorpusBuilder` reads every file. The first byte picks the path the bytes
/// are read under (the extension is the router's hint; an entry path makes
/// it JSON Lines); a NUL in the rest makes a brat pair. The article's
/// invariants, then headings, links and given spans inside their paragraphs;
/// an article with given spans also goes through the linker, which must
/// place every mention on its slice.
enum FormatsHarness {
    static let router = FormatSniffer()
    static let builder = CorpusBuilder(threads: 1)
    static let paths = ["fuzz/a.txt", "fuzz/a.md", "fuzz/a.json", "fuzz/news.jsonl:7", "fuzz/a.markdown", "fuzz/a"]

    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first else { return }
        let path = paths[Int(first) % paths.count]
        let data = Data(bytes.dropFirst())
        guard case .success(let article) = router.parse(data, path: path) else { return }
        ImporterHarness.check(article)
        let lengths = article.paragraphs.map { $0.unicodeScalars.count }
        func inside(_ paragraph: Int, _ start: Int, _ end: Int) -> Bool {
            lengths.indices.contains(paragraph) && start >= 0 && start < end && end <= lengths[paragraph]
        }
        require(article.headings.allSatisfy { lengths.indices.contains($0) }, "a heading outside the paragraphs")
        require(article.headings == article.headings.sorted(), "headings out of order")
        for link in article.links { require(inside(link.paragraph, link.start, link.end), "link \(link) outside its paragraph") }
        for given in article.givenMentions { require(inside(given.paragraph, given.start, given.end), "given span \(given) outside its paragraph") }
        require(!article.authors.contains { $0.contains("\n") }, "an author spans lines")
        guard !article.givenMentions.isEmpty else { return }
        let corpus = builder.buildInMemory(articles: [article])
        ImporterHarness.check(corpus, article: article)
    }
}

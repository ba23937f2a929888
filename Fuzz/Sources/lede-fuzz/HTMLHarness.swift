// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// `html`: bytes → `HTMLArticleImporter().parse(_:path:context:)` (libxml2's
/// parser, the main-text search, the metadata) with a context that fills
/// what the page leaves out. The article's invariants, its headings and
/// links inside its paragraphs, no empty paragraph, metadata on one line, an
/// address only when it is http(s). (The exports are the linker harness's:
/// building a corpus for every input would cost most of the time.)
enum HTMLHarness {
    static let importer = HTMLArticleImporter()
    static let context = PageContext(url: "https://fuzz.example/page", title: "Context title", authors: ["Context Author"])

    static func run(_ bytes: UnsafeRawBufferPointer) {
        guard case .success(let article) = importer.parse(Data(bytes), path: "fuzz/page.html", context: context) else { return }
        ImporterHarness.check(article)
        let lengths = article.paragraphs.map { $0.unicodeScalars.count }
        require(article.headings == article.headings.sorted() && article.headings.allSatisfy { lengths.indices.contains($0) },
                "headings \(article.headings) outside \(lengths.count) paragraphs or out of order")
        for link in article.links {
            require(lengths.indices.contains(link.paragraph) && link.start >= 0 && link.start < link.end && link.end <= lengths[link.paragraph],
                    "link \(link) outside its paragraph")
        }
        require(article.paragraphs.allSatisfy { !$0.isEmpty }, "an empty paragraph")
        for field in [article.title, article.site ?? "", article.language ?? "", article.pageAddress ?? ""] + article.authors {
            require(!field.contains("\n") && !field.contains("\r"), "a metadata field spans lines: \(field.debugDescription)")
        }
        require(!article.title.isEmpty, "an empty title")
        if let address = article.pageAddress { require(address.hasPrefix("http://") || address.hasPrefix("https://"), "address \(address)") }
    }
}

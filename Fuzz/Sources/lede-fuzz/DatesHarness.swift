// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeText

/// Bytes as a sentence → `DatePhraseFinder().phrases(in:published:direction:)`
/// (published 19 March 2025, every direction), the sentence splitter, and the
/// model-name finder and release reader on it as one paragraph.
enum DatesHarness {
    static let finder = DatePhraseFinder()
    static let published = CalendarDate(year: 2025, month: 3, day: 19)
    static let linker = EntityLinker(catalogue: .empty)

    static func run(_ bytes: UnsafeRawBufferPointer) {
        let sentence = bytes.text
        let scalars = Array(sentence.unicodeScalars)
        _ = finder.speaksOfFuture(sentence)
        for direction in [DatePhraseFinder.Direction.past, .future, .nearest] {
            var taken: [Range<Int>] = []
            for phrase in finder.phrases(in: sentence, published: published, direction: direction) {
                require(phrase.start < phrase.end, "empty date phrase at \(phrase.start)")
                let slice = Invariants.slice(scalars, phrase.start, phrase.end)
                require(slice.map { Invariants.sameScalars($0, phrase.text) } == true,
                        "date phrase \(phrase.text.debugDescription) is not its slice \(phrase.start)..<\(phrase.end)")
                let range = phrase.start..<phrase.end
                require(!taken.contains { $0.overlaps(range) }, "date phrases overlap at \(range)")
                taken.append(range)
                let date = phrase.date
                require(CalendarDate(iso: date.description) == date, "impossible date \(date) from \(phrase.text.debugDescription)")
            }
        }

        // Sentences cover the text in order, without overlapping.
        var end = 0
        for range in Sentences.ranges(in: sentence) {
            require(range.lowerBound >= end && range.lowerBound < range.upperBound && range.upperBound <= scalars.count,
                    "sentence \(range) after \(end) in \(scalars.count) scalars")
            end = range.upperBound
        }

        // Found names are in the text; statements point at model mentions of their article.
        let article = Article(path: "fuzz.md", title: "fuzz", published: published, paragraphs: [sentence])
        for name in linker.discoveries(in: article).models {
            // Bytes, not Characters: a name may end before a combining mark (`Zed-9` + U+07F3).
            require(sentence.containsUTF8(name), "found name \(name.debugDescription) is not in the text")
        }
        let corpus = InMemoryCorpus(articles: [article], linker: linker)
        for release in corpus.releases {
            require(corpus.entity(release.model)?.type == .model, "release of \(release.modelName) is not a model")
            if let date = release.date { require(CalendarDate(iso: date.description) == date, "impossible release date \(date)") }
        }
    }
}

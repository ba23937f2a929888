// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import LedeTestSupport
import Testing

@Suite("Entity linker")
struct LinkerTests {
    static let reference = InMemoryCorpus.load(paths: [PackagePaths.reference])

    func count(_ label: String, in corpus: any Corpus = reference) -> Int { corpus.mentionCount(labelled: label) }

    @Test("reference: the mention counts of the sample article", arguments: [
        ("Alibaba", 3), ("Baidu Inc", 2), ("Tencent Holdings Ltd", 2), ("DeepSeek", 3), ("OpenAI", 3),
        ("Deepmind Technologies Ltd", 1), ("Anthropic", 1), ("Microsoft Corp", 1), ("Nvidia", 1), ("Donald Trump", 1),
        ("US Government", 1), ("US", 9),
    ])
    func referenceCounts(label: String, expected: Int) {
        #expect(count(label) == expected)
    }

    @Test("reference: China at least 13, Government of China at least 1")
    func referenceMinimums() {
        #expect(count("China") >= 13)
        #expect(count("Government of China") >= 1)
    }

    @Test("reference: Google is detected, not annotated; related block contributes nothing")
    func referenceDetected() throws {
        let corpus = Self.reference
        let google = try #require(corpus.entity(labelled: "Google"))
        let mentions = corpus.mentions(of: google.id)
        #expect(mentions.count == 1)
        #expect(mentions.allSatisfy { $0.isDetected })
        #expect(!corpus.annotatedEntities(in: corpus.articleIDs[0]).contains(google.id))
        // `Google DeepMind` is DeepMind's mention, not Google's.
        let deepMind = corpus.allMentions.first { corpus.entity($0.entity)?.label == "Deepmind Technologies Ltd" }
        #expect(deepMind?.text == "Google DeepMind")
    }

    @Test("reference: US government is US Government, not US; US-China holds a US mention")
    func leftmostLongest() {
        let corpus = Self.reference
        let paragraph = corpus.article(at: 0)!.paragraphs[2]
        let inParagraph = corpus.allMentions.filter { $0.paragraph == 2 && corpus.entity($0.entity)?.type != .model }
        let government = inParagraph.first { $0.text == "US government" }
        #expect(government.flatMap { corpus.entity($0.entity)?.label } == "US Government")
        let insideGovernment = inParagraph.filter { mention in
            mention.text == "US" && government.map { mention.start >= $0.start && mention.end <= $0.end } == true
        }
        #expect(insideGovernment.isEmpty)
        #expect(paragraph.contains("US government"))
        let compound = corpus.allMentions.filter { $0.paragraph == 5 && ($0.text == "US" || $0.text == "China") }
        #expect(compound.count >= 2)
    }

    @Test("every mention slices back to its text (all bundled samples and fixtures)")
    func slices() {
        let corpus = InMemoryCorpus.load(paths: [PackagePaths.samples, PackagePaths.fixture("")])
        #expect(corpus.allMentions.count > 300)
        for mention in corpus.allMentions {
            let scalars = Array(corpus.paragraph(of: mention)!.unicodeScalars)
            let slice = String(String.UnicodeScalarView(scalars[mention.start..<mention.end]))
            #expect(slice == mention.text, "\(corpus.summary(of: mention.article)!.path) ¶\(mention.paragraph) \(mention.start)")
        }
    }

    @Test("a file without annotations gets detected organisations")
    func detectedOnly() {
        let corpus = InMemoryCorpus.load(paths: [PackagePaths.fixture("no_annotations.txt")])
        let labels = Set(corpus.allMentions.compactMap { corpus.entity($0.entity)?.label })
        #expect(labels.isSuperset(of: ["Google", "Nvidia", "Anthropic"]))
        #expect(corpus.allMentions.allSatisfy { $0.isDetected })
    }

    @Test("rules on small texts", arguments: [
        // text, entity label, expected mention texts
        ("The US said us and USB are not US-China.", "US", ["US", "US"]),
        ("AI is said to be everywhere; SAID is not AI.", "Artificial intelligence", ["AI", "AI"]),
        ("Deepmind and DeepMind and Google DeepMind; deepmind is not.", "Deepmind Technologies Ltd", ["Deepmind", "DeepMind", "Google DeepMind"]),
        ("OpenAI’s and OpenAI's models, not OpenAIs.", "OpenAI", ["OpenAI", "OpenAI"]),
        ("Trump spoke. Then Donald Trump and Trump again; Trumpet no.", "Donald Trump", ["Donald Trump", "Trump"]),
        ("Tencent Holdings and Tencent said so.", "Tencent Holdings Ltd", ["Tencent Holdings", "Tencent"]),
        ("The Chinese government and Chinese firms.", "Government of China", ["Chinese government"]),
    ])
    func rules(text: String, label: String, expected: [String]) {
        let annotations = [
            ("US", "LOCATION", "mentions"), ("Artificial intelligence", "TOPIC", "about"), ("Deepmind Technologies Ltd", "ORGANISATION", "mentions"),
            ("OpenAI", "ORGANISATION", "mentions"), ("Donald Trump", "PERSON", "mentions"), ("Tencent Holdings Ltd", "ORGANISATION", "mentions"),
            ("Government of China", "ORGANISATION", "mentions"), ("China", "LOCATION", "mentions"),
        ].enumerated().map { index, row in
            Annotation(type: EntityType(annotationType: row.1), predicate: row.2, label: row.0, id: "id-\(index)")
        }
        let article = Article(path: "t.txt", title: "t", paragraphs: [text], annotations: annotations)
        let corpus = InMemoryCorpus(articles: [article])
        let found = corpus.allMentions.filter { corpus.entity($0.entity)?.label == label }.map(\.text)
        #expect(found == expected)
    }

    /// Hand-labelled fixtures: every true mention marked `{{surface|label}}`.
    @Test("labelled fixtures: precision and recall")
    func labelled() throws {
        let folder = PackagePaths.fixture("labelled")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count == 3)
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var misses: [String] = []
        for file in files {
            let marked = try String(contentsOfFile: (folder as NSString).appendingPathComponent(file), encoding: .utf8)
            let (plain, labels) = LabelledText.strip(marked)
            let article = try ScrapedArticleImporter().parse(plain, path: file).get()
            let corpus = InMemoryCorpus(articles: [article])
            // Expected spans: find each paragraph inside the plain text.
            var expected: Set<LabelledText.Span> = []
            let plainScalars = Array(plain.unicodeScalars)
            var searchFrom = 0
            for (index, paragraph) in article.paragraphs.enumerated() {
                let needle = Array(paragraph.unicodeScalars)
                guard let start = LabelledText.find(needle, in: plainScalars, from: searchFrom) else { continue }
                searchFrom = start + needle.count
                for label in labels where label.start >= start && label.end <= start + needle.count {
                    expected.insert(.init(paragraph: index, start: label.start - start, end: label.end - start, label: label.label))
                }
            }
            let found = Set(corpus.allMentions.compactMap { mention -> LabelledText.Span? in
                guard let entity = corpus.entity(mention.entity) else { return nil }
                guard !entity.type.isModelLayer, entity.type != .topic else { return nil }
                return .init(paragraph: mention.paragraph, start: mention.start, end: mention.end, label: entity.label)
            })
            truePositives += found.intersection(expected).count
            falsePositives += found.subtracting(expected).count
            falseNegatives += expected.subtracting(found).count
            misses += expected.subtracting(found).map { "\(file) missed \($0)" } + found.subtracting(expected).map { "\(file) extra \($0)" }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        print("labelled fixtures: \(truePositives) correct, \(falsePositives) extra, \(falseNegatives) missed; precision \(precision), recall \(recall)")
        for miss in misses { print("  \(miss)") }
        #expect(truePositives + falseNegatives >= 60)
        #expect(precision >= 0.95)
        #expect(recall >= 0.95)
    }
}

/// `{{surface|label}}` marks: stripped text plus the marked spans in scalars.
enum LabelledText {
    struct Span: Hashable, CustomStringConvertible {
        var paragraph: Int
        var start: Int
        var end: Int
        var label: String
        var description: String { "¶\(paragraph) \(start)-\(end) \(label)" }
    }

    static func strip(_ text: String) -> (String, [(start: Int, end: Int, label: String)]) {
        var output = String.UnicodeScalarView()
        var labels: [(Int, Int, String)] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{",
               let close = (index..<scalars.count - 1).first(where: { scalars[$0] == "}" && scalars[$0 + 1] == "}" }) {
                let inner = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
                let parts = inner.split(separator: "|", maxSplits: 1).map(String.init)
                let start = output.count
                output.append(contentsOf: parts[0].unicodeScalars)
                labels.append((start, output.count, parts.count > 1 ? parts[1] : parts[0]))
                index = close + 2
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return (String(output), labels)
    }

    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var position = from
        while position + needle.count <= haystack.count {
            if haystack[position] == needle[0], Array(haystack[position..<position + needle.count]) == needle { return position }
            position += 1
        }
        return nil
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// Where the parent package's sample articles live, found from this file's
/// own path so that the benchmarks run from any working directory.
public enum BenchPaths {
    /// `/…/main` (this file is `main/Benchmarks/Sources/LedeBenchSupport/Support.swift`).
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static var samplesFolder: String { repositoryRoot + "/Sources/lede/Samples" }
    public static var referenceArticle: String { repositoryRoot + "/Sources/lede/Samples/000_china_open_models.txt" }

    /// The bundled sample files, sorted.
    public static var sampleFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: samplesFolder)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { samplesFolder + "/" + $0 }
    }

    /// A fresh folder under the system temp folder.
    public static func makeTemporaryFolder(_ prefix: String) -> String {
        let path = NSTemporaryDirectory() + "/\(prefix)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// SplitMix64: a small seeded generator, so generated corpora are the same every run.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One scraped-format file, taken apart just enough to rebuild variants of it.
public struct ScrapedText {
    public var raw: String
    public init(contentsOf path: String) {
        raw = try! String(contentsOfFile: path, encoding: .utf8)
    }
    public init(raw: String) { self.raw = raw }

    /// The annotations JSON glued at the end (`{"contentId"…` or `{"annotations"…`).
    public var annotationsJSON: String {
        for marker in ["{\"contentId\"", "{\"annotations\"", "{ \"contentId\"", "{ \"annotations\""] {
            if let range = raw.range(of: marker) { return String(raw[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        return ""
    }

    /// The text of the `# title` line.
    public var title: String {
        let firstLine = raw.prefix { $0 != "\n" }
        return String(firstLine.dropFirst(2)).trimmingCharacters(in: .whitespaces)
    }

    /// The same file with another title.
    public func retitled(_ newTitle: String) -> String {
        guard let newline = raw.firstIndex(of: "\n") else { return "# \(newTitle)\n" }
        return "# \(newTitle)" + raw[newline...]
    }
}

public enum CorpusGenerator {
    /// Paragraphs of the reference article and the bundled samples, as the importer reads them.
    public static func paragraphPool() -> [String] {
        let importer = ScrapedArticleImporter()
        var pool: [String] = []
        for path in [BenchPaths.referenceArticle] + BenchPaths.sampleFiles {
            if case .success(let article) = importer.importFile(at: path) { pool += article.paragraphs }
        }
        return pool
    }

    public struct LargeCorpus {
        public var folder: String
        public var files: [String]
        /// Bytes written, whole files.
        public var fileBytes: Int
    }

    /// Writes `count` scraped-format files of at least `bodyBytes` each:
    /// `# title\n\n` + pool paragraphs (shuffled, repeated, glued as scraped
    /// pages glue them) + the reference's annotations JSON, so that the
    /// reference's entities are annotated in every file.
    public static func writeLargeCorpus(to folder: String, count: Int, bodyBytes: Int, seed: UInt64) -> LargeCorpus {
        var generator = SeededGenerator(seed: seed)
        let pool = paragraphPool()
        let reference = ScrapedText(contentsOf: BenchPaths.referenceArticle)
        let json = reference.annotationsJSON
        let titleWords = reference.title.split(separator: " ").map(String.init)
        var files: [String] = []
        var total = 0
        var order: [Int] = []
        for index in 0..<count {
            var title = "Generated \(index + 1):"
            for _ in 0..<6 { title += " " + titleWords.randomElement(using: &generator)! }
            var text = "# \(title)\n\n"
            var body = 0
            while body < bodyBytes {
                if order.isEmpty { order = Array(pool.indices).shuffled(using: &generator) }
                let paragraph = pool[order.removeLast()]
                text += paragraph
                body += paragraph.utf8.count
            }
            text += json + "\n"
            let path = folder + "/" + String(format: "%05d.txt", index)
            try! text.write(toFile: path, atomically: false, encoding: .utf8)
            files.append(path)
            total += text.utf8.count
        }
        return LargeCorpus(folder: folder, files: files, fileBytes: total)
    }

    /// Scraped texts of `count` articles: the bundled samples in turn, each
    /// with its own title (`<sample title> — 17: <word> <word>`).
    public static func variedTexts(count: Int, seed: UInt64 = 7) -> [(path: String, text: String)] {
        var generator = SeededGenerator(seed: seed)
        let samples = BenchPaths.sampleFiles.map(ScrapedText.init(contentsOf:))
        let words = ["markets", "chips", "Beijing", "open weights", "investors", "regulators", "labs", "benchmarks",
                     "talent", "compute", "Washington", "startups", "pricing", "energy", "agents", "safety"]
        return (0..<count).map { index in
            let sample = samples[index % samples.count]
            let title = "\(sample.title) — \(index + 1): \(words.randomElement(using: &generator)!) and \(words.randomElement(using: &generator)!)"
            return (String(format: "generated/%05d.txt", index), sample.retitled(title))
        }
    }

    /// `count` articles in memory: the same texts as `variedTexts`, but each
    /// sample is parsed once and copied with the new title and path (the
    /// importer is slow enough that parsing 1,000 copies would dominate setup).
    public static func variedArticles(count: Int) -> [Article] {
        let importer = ScrapedArticleImporter()
        let parsed = BenchPaths.sampleFiles.map { path -> Article in
            guard case .success(let article) = importer.importFile(at: path) else { fatalError("cannot parse \(path)") }
            return article
        }
        return variedTexts(count: count).enumerated().map { index, item in
            var article = parsed[index % parsed.count]
            article.path = item.path
            article.title = ScrapedText(raw: item.text).title
            return article
        }
    }

    /// Writes `variedTexts` to a folder, for load benchmarks.
    public static func writeVaried(count: Int, to folder: String) {
        for item in variedTexts(count: count) {
            let path = folder + "/" + (item.path as NSString).lastPathComponent
            try! item.text.write(toFile: path, atomically: false, encoding: .utf8)
        }
    }
}

/// Median and percentiles of durations.
public struct DurationStats {
    public var samples: [Duration]
    public init(_ samples: [Duration]) { self.samples = samples.sorted() }
    public func percentile(_ p: Double) -> Duration {
        guard !samples.isEmpty else { return .zero }
        let index = min(samples.count - 1, max(0, Int((p / 100 * Double(samples.count)).rounded(.up)) - 1))
        return samples[index]
    }
    public var median: Duration { percentile(50) }
}

extension Duration {
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

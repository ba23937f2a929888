// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

/// The main-text extraction on the shared development set of real pages
/// (`../shared/html-dev`, third-party pages that are never copied into the
/// repository): the snippets each page's text must and must not contain,
/// scored as `score.py` scores them. The floor is the F1 measured when it
/// was set; a change that loses main text or lets furniture in fails here.
@Suite("HTML dev set")
struct HTMLDevSetTests {
    static let folder = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared/html-dev")
    static let floor = 0.95

    struct Entry: Decodable {
        var file: String
        var with: [String]
        var without: [String]
    }

    /// The pages are third-party and never in the repository: where the checkout has no
    /// `../shared/html-dev` beside it (a clone elsewhere), the test is skipped and says why.
    static var isPresent: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("snippets.json").path) }

    @Test("F1 over the dev set's snippets stays at or above the measured floor", .timeLimit(.minutes(5)),
          .enabled(if: HTMLDevSetTests.isPresent, "../shared/html-dev is not beside this checkout"))
    func devSetF1() throws {
        let snippetsFile = Self.folder.appendingPathComponent("snippets.json")
        let entries = try JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: snippetsFile))
        let importer = HTMLArticleImporter()
        var (truePositives, falsePositives, falseNegatives) = (0, 0, 0)
        for entry in entries.values.sorted(by: { $0.file < $1.file }) {
            let page = try Self.gunzip(Self.folder.appendingPathComponent("pages/" + entry.file + ".gz"))
            let text: String
            switch importer.parse(page, path: entry.file) {
            case .success(let article): text = Self.normalised(([article.title] + article.paragraphs).joined(separator: " "))
            case .failure: text = ""
            }
            for snippet in entry.with {
                if text.contains(Self.normalised(snippet)) { truePositives += 1 } else { falseNegatives += 1 }
            }
            for snippet in entry.without where text.contains(Self.normalised(snippet)) { falsePositives += 1 }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        #expect(f1 >= Self.floor, "dev-set F1 \(f1) (precision \(precision), recall \(recall)) fell below \(Self.floor)")
    }

    /// White space collapsed, lower case: `score.py`'s normalisation.
    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    /// The page's bytes (`gzip -dc`; the pages are stored compressed).
    static func gunzip(_ file: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        return data
    }
}

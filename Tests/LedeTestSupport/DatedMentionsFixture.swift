// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// Six small articles with known publication dates and known counts of one
/// annotated organisation, Quillmark (written for these tests):
///
/// | file | published | Quillmark |
/// | --- | --- | --- |
/// | a.txt | 2025-01-06 (Monday, ISO 2025-W02) | 0 (names Ferrowind only) |
/// | b.txt | 2025-03-03 (Monday, W10) | 2 |
/// | c.txt | 2025-03-09 (Sunday, still W10) | 1 |
/// | d.txt | 2025-03-12 (W11) | 3 |
/// | e.txt | none | 2 |
/// | f.txt | 2025-04-01 (W14) | 1 |
public enum DatedMentionsFixture {
    static func annotations(_ labels: [String]) -> String {
        let items = labels.enumerated().map { index, label in
            "{\"type\":\"ORGANISATION\",\"predicate\":\"http://x/about\",\"prefLabel\":\"\(label)\",\"id\":\"org-\(label.lowercased())\"}"
        }
        return "{\"annotations\":[" + items.joined(separator: ",") + "]}"
    }

    static func file(title: String, published: String?, body: String, labels: [String] = ["Quillmark", "Ferrowind"]) -> String {
        "# \(title)\n\nAna Ruiz" + (published.map { "Published\($0)" } ?? "") + body + annotations(labels)
    }

    public static let files: [(name: String, text: String)] = [
        ("a.txt", file(title: "Ferrowind opens a lab", published: "Jan 6 20254",
                       body: "Ferrowind opened a lab in the north.The company hired forty people.")),
        ("b.txt", file(title: "Quillmark grows", published: "Mar 3 20253",
                       body: "Quillmark hired more engineers this quarter.Analysts said Quillmark could double again.")),
        ("c.txt", file(title: "A quiet week", published: "Mar 9 20252",
                       body: "Quillmark said little this week.Ferrowind said less.")),
        ("d.txt", file(title: "Three notes", published: "Mar 12 20257",
                       body: "Quillmark raised money.Quillmark bought a rival.Then Quillmark hired its founders.")),
        ("e.txt", file(title: "Undated note", published: nil,
                       body: "Quillmark has an office in Lisbon.The office belongs to Quillmark alone.")),
        ("f.txt", file(title: "April", published: "Apr 1 20251",
                       body: "Quillmark shipped a tool.Nobody else did.")),
    ]

    /// Writes the six files into a new temporary folder and returns it.
    public static func write() throws -> String {
        let folder = SyntheticCorpus.temporaryFolder("dated-mentions")
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        return folder
    }

    /// The six files read in memory (the folder is gone again afterwards).
    public static func inMemory() throws -> InMemoryCorpus {
        let folder = try write()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return InMemoryCorpus.load(paths: [folder])
    }
}

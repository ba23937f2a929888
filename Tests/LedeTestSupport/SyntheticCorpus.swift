// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// Articles in the scraped format, written from our own templates with a
/// seeded generator: the same seed gives the same bytes. Concept ids are
/// derived from labels, so one concept has one id in every article, as the
/// publisher's have.
/// SplitMix64: a small seeded generator, so generated input and failures reproduce.
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

public enum SyntheticCorpus {
    public struct Generator {
        private var random: SeededGenerator

        public init(seed: UInt64) { random = SeededGenerator(seed: seed &+ 0x9E37_79B9_7F4A_7C15) }

        mutating func next() -> UInt64 { random.next() }

        mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }
        mutating func chance(_ percent: Int) -> Bool { Int(next() % 100) < percent }

        static let organisations = ["OpenAI", "Alibaba", "DeepSeek", "Baidu Inc", "Tencent Holdings Ltd", "Anthropic", "Nvidia",
                                    "Microsoft Corp", "Meta Platforms Inc", "Mistral", "Moonshot AI", "Zhipu", "Quarrel Labs",
                                    "Ironbark Networks", "Halden Robotics"]
        static let people = ["Sam Altman", "Liang Wenfeng", "Robin Li", "Dario Amodei", "Lisa Okafor", "Tomas Brandt", "Mei Lin Zhao"]
        static let places = ["China", "US", "EU", "Japan", "India", "Hong Kong"]
        static let models = [("DeepSeek R1", "DeepSeek"), ("QwQ-32B", "Alibaba"), ("GPT-4o", "OpenAI"), ("o1", "OpenAI"),
                             ("Kimi K2", "Moonshot AI"), ("Claude 3.7 Sonnet", "Anthropic"), ("Llama 4", "Meta Platforms Inc"),
                             ("Zed-9", "Quarrel Labs"), ("Harrow-2", "Halden Robotics")]
        static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                             "November", "December"]
        static let topics = ["Artificial intelligence", "Technology sector", "Semiconductors"]

        mutating func sentence() -> String {
            let organisation = pick(Self.organisations).replacingOccurrences(of: " Inc", with: "")
                .replacingOccurrences(of: " Holdings Ltd", with: "").replacingOccurrences(of: " Corp", with: "")
            let person = pick(Self.people)
            let place = pick(Self.places)
            let (model, maker) = pick(Self.models)
            let month = pick(Self.months)
            let day = Int(next() % 27) + 1
            switch next() % 10 {
            case 0: return "\(maker) released \(model) in \(month), and rivals took note."
            case 1: return "Analysts in \(place) said \(organisation) would struggle to keep pace."
            case 2: return "\(person), who runs \(organisation), said the company had no plans to slow down."
            case 3: return "The launch of \(model) on \(day) \(month) 2025 moved shares across the sector."
            case 4: return "Regulators in \(place) asked \(organisation) for details of its chips and data centres."
            case 5: return "Its new model Zed-\(day) was built by a small team in \(place)."
            case 6: return "Investors have poured money into \(organisation) this year, betting on cheaper inference."
            case 7: return "Few expected \(maker) to open its weights, but \(model) is now free to download."
            case 8: return "“We are still early,” said \(person) at a conference in \(place)."
            default: return "Demand for accelerators from \(organisation) kept rising through the quarter."
            }
        }

        /// The text of one file.
        public mutating func fileText(index: Int) -> String {
            let title = "\(pick(Self.organisations)) bets on \(pick(["open weights", "cheaper chips", "new data centres", "agents"])) \(index)"
            let author = pick(Self.people.suffix(3))
            let month = String(pick(Self.months).prefix(3))
            let day = Int(next() % 27) + 1
            var body = "\(author)Published\(month) \(day) 2025\(Int(next() % 300))Print this page"
            let paragraphCount = Int(next() % 6) + 3
            var usedOrganisations: Set<String> = []
            for _ in 0..<paragraphCount {
                var paragraph = ""
                for _ in 0..<(Int(next() % 4) + 2) {
                    let sentence = sentence()
                    for organisation in Self.organisations where sentence.contains(organisation.split(separator: " ").first!) {
                        usedOrganisations.insert(organisation)
                    }
                    paragraph += (paragraph.isEmpty ? "" : " ") + sentence
                }
                body += paragraph
            }
            if chance(30) { body += "Recommended\(pick(["Business Insight", "Tech Monitor"]))\(pick(Self.people))The quiet race for cheaper chips" }
            body += "The contest is far from over."
            if chance(50) { body += author.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com" }
            var annotations: [(String, String, String)] = [(author, "PERSON", "hasAuthor"), ("Opinion", "GENRE", "isClassifiedBy")]
            for organisation in usedOrganisations.sorted() { annotations.append((organisation, "ORGANISATION", "mentions")) }
            annotations.append((pick(Self.places), "LOCATION", "mentions"))
            annotations.append((pick(Self.people), "PERSON", "mentions"))
            annotations.append((pick(Self.topics), "TOPIC", "about"))
            let rows = annotations.map { label, type, predicate in
                "{\"type\":\"\(type)\",\"predicate\":\"http://example.com/ontology/\(predicate)\",\"prefLabel\":\"\(label)\",\"id\":\"\(Self.id(of: label))\",\"url\":\"https://example.com/\(Self.id(of: label))\"}"
            }
            return "# \(title)\n\n\(body){\"contentId\":\"c\(index)\",\"annotations\":[\(rows.joined(separator: ","))]}"
        }

        static func id(of label: String) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in label.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return String(hash, radix: 16)
        }

        /// One parsed article.
        public mutating func article() -> Article {
            let text = fileText(index: Int(next() % 10_000))
            return try! ScrapedArticleImporter().parse(text, path: "synthetic.txt").get()
        }
    }

    /// Writes `count` files under `folder` (in subfolders of 100); returns their paths in reading order.
    @discardableResult
    public static func write(count: Int, to folder: String, seed: UInt64 = 2025) throws -> [String] {
        var generator = Generator(seed: seed)
        var paths: [String] = []
        for index in 0..<count {
            let subfolder = (folder as NSString).appendingPathComponent(String(format: "%03d", index / 100))
            try FileManager.default.createDirectory(atPath: subfolder, withIntermediateDirectories: true)
            let path = (subfolder as NSString).appendingPathComponent(String(format: "%06d.txt", index))
            try Data(generator.fileText(index: index).utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        return paths
    }

    /// A fresh temporary folder.
    public static func temporaryFolder(_ name: String) -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("lede-\(name)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

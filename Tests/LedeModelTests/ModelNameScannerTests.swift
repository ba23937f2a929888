import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

@Suite("Model name scanner")
struct ModelNameScannerTests {
    /// The shapes as regular expressions: the scanner must capture exactly what they capture.
    func regexCandidates(_ paragraph: String) -> [String] {
        let text = paragraph as NSString
        return ModelNameScanner.patterns.flatMap { pattern in
            try! NSRegularExpression(pattern: pattern).matches(in: paragraph, range: NSRange(location: 0, length: text.length))
                .map { text.substring(with: $0.range(at: 1)) }
        }
    }

    @Test("the scanner captures what the regular expressions capture", arguments: [
        "its new model Zed-9 beat the Zed-9 model.", "models, called Qwen2.5-Max and the GPT-4o chatbot",
        "a model named A-B.C-D and the B-7 open-weight models.", "model called zed-9 but not modelled Zed-1",
        "the X1 LLMs; the Y2 LLMsZ; GPT-4.5 model.", "— model Zed-9 and é model Zed-8 and 中model Zed-7",
        "Foo-1.2. model", "the A1-B2-C3 reasoning model, the D4 AI chatbots", "model  Zed-9", "model Zed-.9",
        "known as model known as Kimi-K2.", "x.GPT4 model and yGPT5 model", "The 2025 model and the V3 model_",
        "", "model", "A1 model", "ÉA1 model", "A1 modèle", "the Llama-3.1-405B model and Llama-3.1-405B-Instruct models",
        // `\b` looks through marks and format characters (Fuzz/crashers/dates).
        "a \u{200C}A-6 model", "a\u{200B}A-6 model", "a \u{301}A-6 model", "a A-6 model\u{200B}", "a A-6 model\u{AD}",
        "x\u{200B}model Zed-9", "\u{200B}model Zed-9", "a A-6 models\u{200C}x", "é\u{301}\u{200D}A1 model", "\u{301}A1 chatbot",
    ])
    func sameAsRegularExpressions(text: String) {
        #expect(ModelNameScanner.candidates(in: text) == regexCandidates(text))
    }

    @Test("on every paragraph of the samples and a generated corpus")
    func sameOnRealisticText() throws {
        let corpus = InMemoryCorpus.load(paths: [PackagePaths.samples])
        var paragraphs = corpus.articles.flatMap(\.paragraphs)
        var generator = SyntheticCorpus.Generator(seed: 7)
        for _ in 0..<60 { paragraphs += generator.article().paragraphs }
        #expect(paragraphs.count > 300)
        for paragraph in paragraphs {
            #expect(ModelNameScanner.candidates(in: paragraph) == regexCandidates(paragraph), "\(paragraph)")
        }
    }

    @Test("random strings of model-ish tokens")
    func sameOnRandomTokens() {
        let tokens = ["model", "models", "models,", "Model", "called", "named", "known as", "dubbed", "AI", "reasoning", "open-source",
                      "chatbot", "chatbots", "LLM", "LLMs", "Zed-9", "GPT-4o", "Qwen2.5", "A.B", "X1", "x1", "—", "é", "the", ".", "-",
                      "Kimi-K2", "2025", "V3-0324", "中", "s", "_", "DeepSeek-R1,"]
        var seed: UInt64 = 42
        func next() -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed >> 33
        }
        for _ in 0..<2000 {
            let count = Int(next() % 9) + 1
            var text = ""
            for _ in 0..<count {
                text += tokens[Int(next() % UInt64(tokens.count))]
                text += next() % 5 == 0 ? "" : " "
            }
            #expect(ModelNameScanner.candidates(in: text) == regexCandidates(text), "\(text)")
        }
    }
}

/// Every input the dates fuzz harness ever stopped on stays a regression test, as found and minimised.
@Suite("Dates fuzz crashers")
struct DatesCrasherTests {
    @Test("the scanner still captures what its regular expressions capture on each")
    func crashers() throws {
        let folder = PackagePaths.root.appendingPathComponent("Fuzz/crashers/dates")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count >= 2)
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            #expect(ModelNameScanner.candidates(in: text) == ModelNameScannerTests().regexCandidates(text), "\(file.lastPathComponent)")
            let published = CalendarDate(year: 2025, month: 3, day: 19)
            for phrase in DatePhraseFinder().phrases(in: text, published: published, future: false) {
                #expect(phrase.start < phrase.end && !phrase.text.isEmpty, "\(file.lastPathComponent)")
            }
        }
    }
}

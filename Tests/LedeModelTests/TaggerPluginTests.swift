// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import LedeTestSupport
import Testing

/// The `[ner]` plug-in protocol against small fake taggers written for the
/// tests (Python 3, which the benchmarks need too): one that works, one that
/// hangs, one that crashes, one that writes garbage, and one that is missing.
/// Whatever the tagger does, the corpus is built from the rules' names.
@Suite("Tagger plug-in")
struct TaggerPluginTests {
    /// Tags `Velda Orrin` as PERSON and `Brackwater` as GPE (spaCy's labels)
    /// wherever they appear, and every `Tuesday` as DATE (a type lede skips).
    static let goodTagger = """
        import json, sys
        for line in sys.stdin:
            request = json.loads(line)
            text = request["text"]
            for name, kind in (("Velda Orrin", "PERSON"), ("Brackwater", "GPE"), ("Tuesday", "DATE")):
                start = text.find(name)
                while start >= 0:
                    print(json.dumps({"id": request["id"], "start": start, "end": start + len(name), "label": kind, "type": kind}))
                    start = text.find(name, start + 1)
        """

    static let paragraphs = ["On Tuesday Velda Orrin opened a café in Brackwater.", "The chief executive Tovan Brezik came too."]

    /// Writes a fake tagger into a fresh folder (the test removes it).
    static func script(_ name: String, _ source: String) throws -> String {
        let folder = SyntheticCorpus.temporaryFolder("tagger")
        let path = folder + "/" + name
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func build(command: String, timeout: Double = 10) -> (labels: Set<String>, problems: [String]) {
        let tagger = ExternalTagger(settings: TaggerSettings(command: command, timeout: timeout))
        let builder = CorpusBuilder(threads: 1, tagger: tagger)
        let corpus = builder.buildInMemory(articles: [Article(path: "t.txt", title: "t", paragraphs: paragraphs)])
        let id = corpus.articleIDs[0]
        let labels = Set(corpus.mentions(in: id).compactMap { corpus.entity($0.entity).map { "\($0.type.rawValue):\($0.label)" } })
        return (labels, tagger.problems.take())
    }

    @Test("a working tagger's spans become detected entities, found wherever the name appears")
    func goodTagger() throws {
        let path = try Self.script("good.py", Self.goodTagger)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let (labels, problems) = Self.build(command: "python3 \(path)")
        #expect(problems.isEmpty, "\(problems)")
        #expect(labels.contains("PERSON:Velda Orrin"))
        #expect(labels.contains("LOCATION:Brackwater"))
        #expect(labels.contains("PERSON:Tovan Brezik"), "the rules still run")
        #expect(!labels.contains { $0.contains("Tuesday") })
    }

    @Test("a tagger that hangs is stopped after the timeout; lede goes on with the rules")
    func slowTagger() throws {
        let path = try Self.script("slow.py", "import sys, time\nsys.stdin.read()\ntime.sleep(60)\n")
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let (labels, problems) = Self.build(command: "python3 \(path)", timeout: 0.5)
        #expect(problems.count == 1 && problems[0].contains("timed out"), "\(problems)")
        #expect(labels.contains("PERSON:Tovan Brezik"))
        #expect(!labels.contains("PERSON:Velda Orrin"))
    }

    @Test("a tagger that crashes or fails is named with what happened")
    func crashingTagger() throws {
        let crash = try Self.script("crash.py", "import os, sys\nsys.stdin.readline()\nos.abort()\n")
        defer { try? FileManager.default.removeItem(atPath: (crash as NSString).deletingLastPathComponent) }
        let crashed = Self.build(command: "python3 \(crash)")
        #expect(crashed.problems.count == 1 && crashed.problems[0].contains("killed by signal 6"), "\(crashed.problems)")
        #expect(crashed.labels.contains("PERSON:Tovan Brezik"))
        let failing = try Self.script("fail.py", "import sys\nsys.stderr.write('model en_core_web_sm is not installed\\n')\nsys.exit(3)\n")
        defer { try? FileManager.default.removeItem(atPath: (failing as NSString).deletingLastPathComponent) }
        let failed = Self.build(command: "python3 \(failing)")
        #expect(failed.problems.count == 1 && failed.problems[0].contains("exited with status 3")
                && failed.problems[0].contains("not installed"), "\(failed.problems)")
    }

    @Test("a missing tagger is told once")
    func missingTagger() {
        let (labels, problems) = Self.build(command: "/nonexistent/lede-tagger --json")
        #expect(problems.count == 1 && problems[0].contains("not found"), "\(problems)")
        #expect(labels.contains("PERSON:Tovan Brezik"))
    }

    @Test("garbage lines are ignored and told; good lines among them still count")
    func garbageTagger() throws {
        let path = try Self.script("garbage.py", """
            import sys
            sys.stdin.read()
            print("hello")
            print('{"id": "0.0", "start": 11, "end": 22, "type": "PERSON"}')
            print('{"id": "0.0", "start": 40, "end": 4000, "type": "PERSON"}')
            print('{"id": "9.9", "start": 0, "end": 2, "type": "PERSON"}')
            print("{not json")
            """)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let (labels, problems) = Self.build(command: "python3 \(path)")
        #expect(problems.count == 1 && problems[0].contains("4 lines that are not spans"), "\(problems)")
        #expect(labels.contains("PERSON:Velda Orrin"))
    }

    @Test("a tagger that writes nothing at all is fine")
    func silentTagger() {
        let (labels, problems) = Self.build(command: "cat >/dev/null")
        #expect(problems.isEmpty)
        #expect(labels.contains("PERSON:Tovan Brezik"))
    }
}

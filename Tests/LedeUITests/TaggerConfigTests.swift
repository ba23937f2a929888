// SPDX-License-Identifier: Apache-2.0
import LedeConfig
import LedeModel
import Testing

/// `[ner]` in config.toml: the external tagger's command and timeout.
@Suite("config.toml [ner]")
struct TaggerConfigTests {
    @Test("command and timeout are read; the timeout defaults to 10 s")
    func reads() {
        let config = Config.parse("[ner]\ncommand = \"python3 contrib/spacy-tagger.py\"\ntimeout = 30\n", path: "c.toml")
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.ner == TaggerSettings(command: "python3 contrib/spacy-tagger.py", timeout: 30))
        #expect(Config.parse("[ner]\ncommand = \"tagger\"\n", path: "c.toml").ner?.timeout == 10)
        #expect(Config.parse("theme = \"dark\"\n", path: "c.toml").ner == nil)
    }

    @Test("a missing command, a bad timeout and unknown keys are problems with their line")
    func problems() {
        let missing = Config.parse("[ner]\ntimeout = 5\n", path: "c.toml")
        #expect(missing.ner == nil)
        #expect(missing.problems.count == 1 && missing.problems[0].contains("needs command"), "\(missing.problems)")
        let bad = Config.parse("[ner]\ncommand = \"t\"\ntimeout = -1\nmodel = \"x\"\n", path: "c.toml")
        #expect(bad.ner == TaggerSettings(command: "t"))
        #expect(bad.problems.contains { $0.hasPrefix("c.toml:3:") && $0.contains("timeout") }, "\(bad.problems)")
        #expect(bad.problems.contains { $0.hasPrefix("c.toml:4:") && $0.contains("unknown setting 'model'") }, "\(bad.problems)")
        #expect(Config.parse("ner = 1\n", path: "c.toml").problems.first?.contains("must be a table") == true)
    }
}

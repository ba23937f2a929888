// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import Testing

/// Each rule class of issue 16 on sentences of our own, with the cases it
/// must leave alone. Articles here carry no annotations: everything found is detected.
@Suite("Entities without annotations")
struct DetectionTests {
    static let linker = EntityLinker()

    static func detected(_ paragraphs: [String]) -> Set<DetectedName> {
        Set(linker.detectedNames(in: Article(path: "t.txt", title: "t", paragraphs: paragraphs)))
    }

    /// Entities with at least one mention in a corpus of the given unannotated paragraphs, as `TYPE:label`.
    static func linked(_ paragraphs: [String]) -> Set<String> {
        let corpus = CorpusBuilder(threads: 1).buildInMemory(articles: [Article(path: "t.txt", title: "t", paragraphs: paragraphs)])
        guard let id = corpus.articleIDs.first else { return [] }
        return Set(corpus.mentions(in: id).compactMap { mention in corpus.entity(mention.entity).map { "\($0.type.rawValue):\($0.label)" } })
    }

    static func person(_ name: String) -> DetectedName { DetectedName(type: .person, name: name) }
    static func organisation(_ name: String) -> DetectedName { DetectedName(type: .organisation, name: name) }

    // MARK: People

    @Test("a given name and a capitalised word is a person; its surname later links to it")
    func givenNameAndSurname() {
        let found = Self.detected(["The lab hired Maya Okonkwo last spring.", "Okonkwo said the team would grow."])
        #expect(found.contains(Self.person("Maya Okonkwo")))
        let mentions = Self.linked(["The lab hired Maya Okonkwo last spring.", "Okonkwo said the team would grow."])
        #expect(mentions.contains("PERSON:Maya Okonkwo"))
    }

    @Test("names with accents, hyphens and name prefixes; CJK text passes through")
    func unicodeNames() {
        let found = Self.detected(["“Yes,” said Tomás Müllner. 中国的公司 said nothing. Dr Óscar Al-Rashid and Ines McAllister agreed."])
        #expect(found.contains(Self.person("Tomás Müllner")))
        #expect(found.contains(Self.person("Óscar Al-Rashid")))
        #expect(found.contains(Self.person("Ines McAllister")))
    }

    @Test("rules alone find people the well-known list also holds: a model named SAM does not hide Sam")
    func rulesWithoutTheList() {
        let rules = DetectionRules.bundled
        let bare = DetectionRules(givenNames: rules.givenNames, chineseSurnames: rules.chineseSurnames, pinyinSyllables: rules.pinyinSyllables,
                                  people: [], cues: rules.cues)
        let linker = EntityLinker(detectionRules: bare)
        let found = Set(linker.detectedNames(in: Article(path: "t", title: "t", paragraphs: [
            "It was a wake-up call. Sam Altman, OpenAI’s chief executive, replied.", "Anthropic released Claude Code.",
        ])))
        #expect(found.contains(Self.person("Sam Altman")))
        #expect(!found.contains(Self.person("Claude Code")))
    }

    @Test("a Chinese name written family name first, with a pinyin given name")
    func chineseNames() {
        #expect(Self.detected(["The founder, Gao Yuting, rarely speaks in public."]).contains(Self.person("Gao Yuting")))
        // Later, the family name alone is the same person.
        let corpus = CorpusBuilder(threads: 1).buildInMemory(articles: [Article(path: "t.txt", title: "t", paragraphs: [
            "The founder, Gao Yuting, rarely speaks.", "Gao said the lab would grow; Yuting is her given name.",
        ])])
        let texts = corpus.mentions(in: corpus.articleIDs[0]).filter { corpus.entity($0.entity)?.label == "Gao Yuting" }.map(\.text)
        #expect(texts == ["Gao Yuting", "Gao"])
        // `Li Auto` is not pinyin after `Li`; `Hong Kong` is a place.
        let negatives = Self.detected(["Shares of Li Auto rose in Hong Kong on Monday."])
        #expect(!negatives.contains(Self.person("Li Auto")))
        #expect(!negatives.contains(Self.person("Hong Kong")))
    }

    @Test("roles, honorifics and speech verbs make two capitalised words a person")
    func roleCues() {
        #expect(Self.detected(["The company's chief executive Tovan Brezik declined to comment."]).contains(Self.person("Tovan Brezik")))
        #expect(Self.detected(["“It works,” said Ozren Halvik on Tuesday."]).contains(Self.person("Ozren Halvik")))
        #expect(Self.detected(["Ozren Halvik said the chips had arrived."]).contains(Self.person("Ozren Halvik")))
        #expect(Self.detected(["Ozren Halvik, the founder of a small lab, disagreed."]).contains(Self.person("Ozren Halvik")))
        #expect(Self.detected(["The report was written by Dr Ilse Quarrington."]).contains(Self.person("Ilse Quarrington")))
    }

    @Test("common words, festivals, products and organisations are not people")
    func notPeople() {
        let text = [
            "Will the market recover? Investors will find out soon.",
            "Chinese New Year fell late in January this year.",
            "Google Cloud and Apple Intelligence were both on show.",
            "Grant funding dried up. A grant is hard to win.",
            "The new GB10 Grace Blackwell chip runs small models.",
            "Anthropic released Claude Code to developers.",
            "Morgan Stanley Capital advised on the deal.",
            "The Highvale Centre for Strategic Studies said costs would rise.",
        ]
        let people = Self.detected(text).filter { $0.type == .person }
        #expect(people.isEmpty, "found \(people)")
        #expect(Self.detected(["Will Smith starred in the film."]).contains(Self.person("Will Smith")))
    }

    @Test("a month that is also a given name is not one after a preposition")
    func months() {
        #expect(Self.detected(["In June Nvidia said sales rose."]).filter { $0.type == .person }.isEmpty)
        #expect(Self.detected(["The column is by June Halloran."]).contains(Self.person("June Halloran")))
    }

    // MARK: Organisations

    @Test("capitalised words before a legal form or industry word are an organisation")
    func organisationSuffixes() {
        let found = Self.detected(["Talvora Labs and Brisk Quill Technologies signed a deal with Nembe Inc on Friday."])
        #expect(found.contains(Self.organisation("Talvora Labs")))
        #expect(found.contains(Self.organisation("Brisk Quill Technologies")))
        #expect(found.contains(Self.organisation("Nembe Inc")))
        // Starting a sentence before a generic word, a name counts once it also appears elsewhere.
        #expect(Self.detected(["Aurelian AI shipped a model. Investors like Aurelian AI."]).contains(Self.organisation("Aurelian AI")))
        #expect(Self.detected(["The Georgia-based Pinecrest Capital declined."]).contains(Self.organisation("Pinecrest Capital")))
        // Tails of longer names and generic phrases are not organisations of their own.
        let negatives = Self.detected(["Alibaba Group Holding Ltd rose. Generative AI is everywhere; generative models too. Chinese AI labs grew."])
        #expect(negatives.filter { $0.type == .organisation }.isEmpty, "found \(negatives)")
        #expect(Self.detected(["The Department of Commerce issued the rule."]).contains(Self.organisation("Department of Commerce")))
    }

    @Test("a capitalised name in an organisation's context is an organisation")
    func organisationContexts() {
        #expect(Self.detected(["The start-up Quellium raised money."]).contains(Self.organisation("Quellium")))
        #expect(Self.detected(["Investors in Quellium were pleased."]).contains(Self.organisation("Quellium")))
        #expect(Self.detected(["Analysts said Quellium’s shares were cheap."]).contains(Self.organisation("Quellium")))
        // A place's possessive is not a company.
        #expect(!Self.detected(["China’s shares in the index rose."]).contains(Self.organisation("China")))
    }

    @Test("generic words before AI, titles, people's possessives and hyphenated adjectives make no names")
    func lookalikes() {
        let text = [
            "Analysts expect Sovereign AI budgets to grow, and sovereign funds agree.",
            "Nvidia’s Chief AI Officer spoke first. Agentic AI was the theme.",
            "Sam Altman spoke later. Altman’s board backed him.",
            "The Zuckerberg-led company hired Ilse Quarrington.",
            "Developers reach it through Google Cloud’s Vertex AI.",
            "Sovereign AI, a phrase coined by a chipmaker, came up often.",
        ]
        let found = Self.detected(text)
        #expect(!found.contains { $0.type == .organisation }, "found \(found)")
        #expect(found.contains(Self.person("Ilse Quarrington")))
        #expect(!found.contains { $0.name.contains("-led") })
    }

    @Test("a place before a specific industry word is a company; research firms are not people")
    func placesInCompanyNames() {
        let found = Self.detected(["Palo Alto Networks rose after Counterpoint Research said demand was strong."])
        #expect(found.contains(Self.organisation("Palo Alto Networks")))
        #expect(found.contains(Self.organisation("Counterpoint Research")))
        #expect(!found.contains(Self.person("Counterpoint Research")))
    }

    // MARK: Places

    @Test("countries, demonyms, short forms, regions, states and cities are places")
    func places() {
        let found = Self.linked(["American and British officials met in Silicon Valley, then flew to Texas and on to Hangzhou. The U.S. and the EU disagreed."])
        for label in ["LOCATION:US", "LOCATION:UK", "LOCATION:Silicon Valley", "LOCATION:Texas", "LOCATION:Hangzhou", "LOCATION:EU"] {
            #expect(found.contains(label), "missing \(label) in \(found)")
        }
    }

    @Test("an ambiguous place name counts only with a cue or when named unambiguously")
    func ambiguousPlaces() {
        #expect(!Self.linked(["Jordan Peele made a film. Turkey sales rose before the holiday. Nice work, said the editor."])
            .contains { $0.hasPrefix("LOCATION:") })
        #expect(Self.linked(["The company opened an office in Jordan."]).contains("LOCATION:Jordan"))
        #expect(Self.linked(["Jordan signed the pact.", "Jordanian officials welcomed it."]).contains("LOCATION:Jordan"))
    }

    @Test("a government named by its country is an organisation")
    func governments() {
        let found = Self.linked(["The Chinese government and the US government both replied."])
        #expect(found.contains("ORGANISATION:Government of China"))
        #expect(found.contains("ORGANISATION:US Government"))
    }

    @Test("an annotated entity wins over a detected one of the same name")
    func annotationWins() throws {
        let json = #"{"contentId":"x","annotations":[{"type":"PERSON","predicate":"http://www.ft.com/ontology/annotation/mentions","prefLabel":"Maya Okonkwo","id":"p1"}]}"#
        let text = "# T\n\nMaya Okonkwo joined Talvora Labs in Jordan.\(json)"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("h16-annotation-wins.txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let corpus = InMemoryCorpus.load(paths: [url.path])
        let maya = corpus.allEntities().filter { $0.label == "Maya Okonkwo" }
        #expect(maya.count == 1)
        #expect(maya.first?.source == .annotation)
        let labs = corpus.allEntities().first { $0.label == "Talvora Labs" }
        #expect(labs?.source == .detected)
    }

    @Test("detected names survive the index's storage form")
    func storedForm() {
        let names = [Self.person("Maya Okonkwo"), Self.organisation("Talvora Labs")]
        let (models, detected) = DetectedName.split(stored: ["Zed-9"] + names.map(\.storedForm))
        #expect(models == ["Zed-9"])
        #expect(detected == names)
    }
}

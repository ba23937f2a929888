// SPDX-License-Identifier: Apache-2.0
import LedeText
import Testing

/// The one sentence splitter, on sentences written for it.
@Suite("Sentences")
struct SentencesTests {
    /// The sentences of a text, as strings.
    static func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return Sentences.ranges(in: text).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test("a stop, a space and a capital, a digit or an opening quote end a sentence")
    func plainEnds() {
        #expect(Self.split("Acme shipped it. Rivals followed! Why? “Because” they could. 2027 was busy.")
            == ["Acme shipped it.", "Rivals followed!", "Why?", "“Because” they could.", "2027 was busy."])
    }

    @Test("tickers, abbreviations, initials, dotted acronyms and decimals end no sentence", arguments: [
        ("Alibaba (9988.HK) shipped it. Then it rained.", 2),
        ("Acme Inc. Chief Jo Bloggs spoke. Then it rained.", 2),
        ("The U.S. Commerce Department spoke. Then it rained.", 2),
        ("Jo K. Bloggs spoke. Then it rained.", 2),
        ("It shipped in 2024. 01.AI followed.", 2),
        ("It costs $2.5 million. Really.", 2),
        ("Dr. Ines Marr spoke on Jan. 4 about it. Then it rained.", 2),
        ("It shipped, e.g. in Europe. Then it rained.", 2),
    ])
    func notEnds(text: String, count: Int) {
        #expect(Self.split(text).count == count)
    }

    @Test("closing quotes and brackets stay with the sentence they close")
    func closers() {
        #expect(Self.split("She said “it works.” Then she left. (It did.) Done.")
            == ["She said “it works.”", "Then she left.", "(It did.)", "Done."])
        #expect(Self.split("He said \"no.\" Then left.") == ["He said \"no.\"", "Then left."])
    }

    @Test("a stop before a lower-case word, or inside a word, ends nothing")
    func lowerCase() {
        #expect(Self.split("Yahoo! said it. version 2.5 shipped.").count == 1)
        // A name written lower case first still starts a sentence.
        #expect(Self.split("It shipped. xAI followed. o3-mini came next. iPhone sales rose.").count == 4)
        #expect(Self.split("It grew… and grew. Then… It stopped.") == ["It grew… and grew.", "Then…", "It stopped."])
    }

    @Test("CJK full stops end a sentence with no space after them")
    func cjk() {
        #expect(Self.split("深度求索发布了模型。阿里巴巴随后跟进！真的吗？是的") == ["深度求索发布了模型。", "阿里巴巴随后跟进！", "真的吗？", "是的"])
    }

    @Test("offsets are Unicode scalars; later sentences start after the spaces")
    func offsets() {
        #expect(Sentences.ranges(in: "Café ouvert.  Élan vital.") == [0..<12, 14..<25])
        #expect(Sentences.ranges(in: "") == [])
        #expect(Sentences.ranges(in: "No stop at all") == [0..<14])
    }

    @Test("the sentence that holds an offset")
    func containing() {
        let ranges = Sentences.ranges(in: "One here. Two here. Three.")
        #expect(Sentences.index(of: 0, in: ranges) == 0)
        #expect(Sentences.index(of: 12, in: ranges) == 1)
        #expect(Sentences.index(of: 25, in: ranges) == 2)
        #expect(Sentences.range(containing: 12, in: Array("One here. Two here. Three.".unicodeScalars)) == 10..<19)
    }

    @Test("a sentence end between two byte offsets, read with what follows")
    func between() {
        var text = "Acme Inc. said Zed-9 shipped. Rivals followed."
        text.withUTF8 { bytes in
            #expect(!Sentences.endsBetween(bytes, from: 0, to: 15))   // `Inc. ` is no end
            #expect(Sentences.endsBetween(bytes, from: 0, to: 31))
            #expect(!Sentences.endsBetween(bytes, from: 10, to: 28))
        }
    }

    @Test("the first sentence's end")
    func first() {
        let text = "Sign up for The Memo, our newsletter. Acme shipped Zed-9."[...]
        #expect(text[..<Sentences.firstEnd(in: text)] == "Sign up for The Memo, our newsletter.")
        #expect(Sentences.firstEnd(in: "No end"[...]) == "No end".endIndex)
    }

    @Test("glued sentence ends are found; camel case, initials and tickers are not")
    func glued() {
        let text = "OpenAI and DeepSeek raced.QwQ followed the U.S.Lead.“Quotes” too.Next (9988.HK) ok, as did 01.AI in 2024.Then"
        let scalars = Array(text.unicodeScalars)
        let starts = Sentences.gluedBreaks(in: scalars).map { String(String.UnicodeScalarView(scalars[$0..<($0 + 3)])) }
        #expect(starts == ["QwQ", "“Qu", "Nex", "The"])
    }

    @Test("the split is linear: a megabyte of stops and capitals")
    func linear() {
        let text = String(repeating: "It rained. A. B. C.D.E. x.y ", count: 40_000)
        #expect(Sentences.ranges(in: text).count == 40_001)  // the last holds only the trailing initials
        #expect(Sentences.gluedBreaks(in: Array(String(repeating: "a.B", count: 100_000).unicodeScalars)).count == 100_000)
    }
}

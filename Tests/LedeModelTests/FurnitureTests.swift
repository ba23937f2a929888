// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import LedeModel
import Testing

/// Site furniture on real pages (issue 10, class 5), on pages written for the tests.
@Suite("Importer: furniture of real pages")
struct FurnitureTests {
    let importer = ScrapedArticleImporter()

    func paragraphs(_ body: String, lineEnd: String = "\n") throws -> (paragraphs: [String], related: [RelatedArticle]) {
        let text = "# A title" + lineEnd + lineEnd + "Ana RuizPublishedMar 3 2025\(body){\"annotations\":[]}"
        let article = try importer.parse(text, path: "t.txt").get()
        return (article.paragraphs, article.related)
    }

    @Test("a related block labelled by a section, with no author, keeps its headline out of the text")
    func sectionLabelledBlock() throws {
        let page = try paragraphs("Acme shipped a model.RecommendedArtificial intelligenceWhy small labs fear the price warThe model costs less.")
        #expect(page.paragraphs == ["Acme shipped a model.", "The model costs less."])
        #expect(page.related.map(\.headline) == ["Why small labs fear the price war"])
        #expect(page.related.first?.brand == "Artificial intelligence")
    }

    @Test("sign-up lines and glued `Learn More` are dropped, never glued into a sentence")
    func signupAndLearnMore() throws {
        let page = try paragraphs("Sign up for The Wire, our free weekly newsletter on chips.Learn MoreAcme released Zed-9 on Monday.It costs less.Get The Wire newsletterLearn More")
        #expect(page.paragraphs == ["Acme released Zed-9 on Monday.", "It costs less."])
    }

    @Test("a block of glued headlines becomes related articles; the paragraph after it stays whole")
    func headlineBlock() throws {
        let page = try paragraphs("Acme shipped a model.RECOMMENDED READSHow chips got cheapWhy the iOS app mattersThe model runs on Claude.ai and phones. It is fast.")
        #expect(page.related.map(\.headline) == ["How chips got cheap", "Why the iOS app matters"])
        #expect(page.paragraphs == ["Acme shipped a model.", "The model runs on Claude.ai and phones. It is fast."])
    }

    @Test("photo captions and their credits are dropped", arguments: [
        "Jo Bloggs at a launch event in Paris. (Photo by Sam Lee/Getty Images)",
        "The headquarters in Lyon. Photo: Sam Lee/AFP via Getty Images",
        "Jo Bloggs said the lab would grow © Sam Lee/Reuters",
    ])
    func captions(caption: String) throws {
        let page = try paragraphs("Acme shipped a model.\(caption)Acme released Zed-9 on Monday.")
        #expect(page.paragraphs == ["Acme shipped a model.", "Acme released Zed-9 on Monday."])
    }

    @Test("sub-headings glued to the next paragraph are split off; camel-case names are not")
    func subheadings() throws {
        let page = try paragraphs("Acme shipped a model.How it comparesOn one test it won.PerformanceThe model is fast.DeepSeek said little.")
        #expect(page.paragraphs == ["Acme shipped a model.", "On one test it won.", "The model is fast.", "DeepSeek said little."])
    }

    @Test("tickers are not sentence ends; CR-only line endings parse like LF")
    func tickersAndCR() throws {
        let page = try paragraphs("Alibaba Group Holding Ltd. (9988.HK) shipped a model.Baidu Inc. (9888.HK, BIDU.O) did too.", lineEnd: "\r")
        #expect(page.paragraphs == ["Alibaba Group Holding Ltd. (9988.HK) shipped a model.", "Baidu Inc. (9888.HK, BIDU.O) did too."])
    }

    @Test("furniture is data: a user's file adds to the shipped one")
    func userFurniture() {
        var furniture = PageFurniture(tsv: "glued\tLearn More\n")
        furniture.add(tsv: "glued\tRead the full story\n")
        #expect(furniture.glued == ["Read the full story", "Learn More"])
        #expect(PageFurniture.bundled.agencies.contains("Getty Images"))
    }
}

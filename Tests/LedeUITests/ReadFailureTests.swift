// SPDX-License-Identifier: Apache-2.0
import LedeModel
import LedeTestSupport
@testable import LedeUI
import Synchronization
import Testing

/// The reference article from a store whose index went bad under it: the
/// text of the article can no longer be read.
final class UnreadableTextCorpus: ForwardingCorpus {
    let base: any Corpus = Fixture.reference
    private let failures = Mutex<[CorpusReadFailure]>([])
    private let broken = Mutex(false)

    func breakIndex() { broken.withLock { $0 = true } }

    func article(_ article: ArticleID) -> Article? {
        guard broken.withLock({ $0 }) else { return base.article(article) }
        failures.withLock { $0.append(CorpusReadFailure(query: "the text of article \(article.raw)", reason: "no such table: article_text")) }
        return nil
    }

    func takeReadFailures() -> [CorpusReadFailure] {
        failures.withLock { taken in
            defer { taken.removeAll() }
            return taken
        }
    }
}

@Suite("Index read failures on screen")
struct ReadFailureTests {
    @Test("a read that fails is said in the status bar, not shown as an empty article")
    func statusBarSaysSo() {
        let corpus = UnreadableTextCorpus()
        var state = Fixture.state(corpus, width: 100, height: 30)
        corpus.breakIndex()
        // A new width needs the article's text again: the layout asks, the store fails.
        state.apply(.resize(width: 90, height: 30))
        let status = BrowserView.render(state).lines.last ?? ""
        #expect(status.contains(" READ  Could not read the index: no such table: article_text"), "\(status)")
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("(the text of article \(state.article!.raw))") == true)
    }

    @Test("a failure while drawing is said at the next tick")
    func failureWhileDrawing() {
        let corpus = UnreadableTextCorpus()
        var state = Fixture.state(corpus, width: 100, height: 30)
        corpus.breakIndex()
        // A frame at a width no layout was kept for reads the text while drawing; the read fails there…
        state.width = 90
        _ = BrowserView.render(state)
        #expect(state.message == nil)
        #expect(state.apply(.tick) == [.repaint])
        #expect(state.message?.text.hasPrefix("Could not read the index") == true)
        // …and a tick with nothing new to say does nothing.
        #expect(state.apply(.tick).isEmpty)
    }
}

// SPDX-License-Identifier: Apache-2.0
import LedeModel
@testable import LedeUI
import Testing

@Suite("Prompts: one at a time, routed by kind")
struct PromptTests {
    @Test("each key that opens a prompt opens its kind, and Esc closes it", arguments: [
        (["/"], Prompt.readerSearch(origin: 0)),
        (["e", "/"], Prompt.filter(.sidebar)),
        (["A", "/"], Prompt.filter(.articles)),
        (["<Tab>", "<Enter>", "/"], Prompt.filter(.dossier)),
        (["S"], Prompt.corpusSearch),
        ([":"], Prompt.command(CommandLineState())),
        (["f"], Prompt.hints(typed: "")),
        (["m"], Prompt.markLetter(.setMark)),
    ])
    func opensAndCloses(keys: [String], expected: Prompt) {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(keys, into: &state)
        #expect(state.prompt == expected)
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.prompt == nil)
    }

    @Test("the one filter prompt: Enter keeps the filter in the sidebar, the article list and the dossier; Esc clears it")
    func filterPrompt() {
        for opening in [["e"], ["A"], ["<Tab>", "<Enter>"]] {
            var state = Fixture.state(Fixture.samples, width: 100, height: 30)
            Fixture.type(opening + ["/", "zzzz"], into: &state)
            #expect(state.message?.isError == true, "\(opening): a filter that keeps nothing says so")
            Fixture.type(["<Backspace>", "<Backspace>", "<Backspace>", "<Backspace>", "ch", "<Enter>"], into: &state)
            #expect(state.prompt == nil)
            let kept: String? = switch state.overlay {
            case .articles(let articles): articles.filter
            case .dossier(let dossier): dossier.filter
            case nil: state.sidebar.filter
            default: nil
            }
            // The sidebar's Enter jumps to the first match and leaves the filter in place.
            #expect(kept == "ch", "\(opening)")
            if state.overlay == nil { continue }
            Fixture.type(["/", "<Esc>"], into: &state)
            let cleared: String? = switch state.overlay {
            case .articles(let articles): articles.filter
            case .dossier(let dossier): dossier.filter
            default: nil
            }
            #expect(cleared == "", "\(opening)")
        }
    }

    @Test("an overlay's prompt closes with the overlay; an overlay opening ends a main pane's prompt")
    func promptsFollowOverlays() throws {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        Fixture.type(["A", "/"], into: &state)
        #expect(state.prompt == .filter(.articles))
        // A click outside the list closes it, and its filter prompt with it.
        state.apply(.mouse(MouseEvent(kind: .click, x: 0, y: 0)))
        #expect(state.overlay == nil && state.prompt == nil)
        // j moves the reader again: no prompt left behind takes it.
        Fixture.type(["j"], into: &state)
        #expect(state.reader.scroll == 1)

        // The sidebar's prompt is open; a click on a mention opens the dossier, which takes the keys.
        Fixture.type(["k", "e", "/"], into: &state)
        #expect(state.prompt == .filter(.sidebar))
        let text = state.screenLayout.readerText
        let click = try #require((text.y..<text.maxY).lazy.flatMap { y in (text.x..<text.maxX).lazy.map { (x: $0, y: y) } }
            .first { ReaderPane.mention(atScreenX: $0.x, y: $0.y, in: state) != nil })
        state.apply(.mouse(MouseEvent(kind: .click, x: click.x, y: click.y)))
        guard case .dossier = state.overlay else { Issue.record("no dossier: \(String(describing: state.overlay))"); return }
        #expect(state.prompt == nil)
        Fixture.type(["q"], into: &state)
        #expect(state.overlay == nil)
    }

    @Test("the status bar's badge names the prompt")
    func badge() {
        var state = Fixture.state(Fixture.samples, width: 100, height: 30)
        for (keys, badge) in [([":"], "COMMAND"), (["f"], "HINT"), (["/"], "SEARCH"), (["e", "/"], "FILTER")] {
            Fixture.type(keys, into: &state)
            #expect(BrowserView.render(state).lines.last?.hasPrefix(" \(badge) ") == true, "\(keys)")
            Fixture.type(["<Esc>", "r"], into: &state)
        }
    }
}

import LedeModel
import LedeTestSupport
@testable import LedeUI
import Testing

/// Defects from the hands-on review (issue 12), each through `update` with keys.
@Suite("Interaction defects")
struct InteractionDefectTests {
    @Test("? in the article list opens its help; ? in the help closes it")
    func helpEverywhere() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["A", "?"], into: &state)
        #expect(state.activePane == .help)
        #expect(state.message == nil)
        guard case .help(_, let pane, _) = state.overlay else { Issue.record("no help"); return }
        #expect(pane == .articles)
        Fixture.type(["?"], into: &state)
        #expect(state.activePane == .articles)
    }

    @Test("Backspace in the dossier and the article list goes back to where they were opened")
    func backspaceCloses() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["<Tab>", "<Enter>"], into: &state)
        #expect(state.activePane == .dossier)
        Fixture.type(["<Backspace>"], into: &state)
        #expect(state.overlay == nil && state.activePane == .reader)
        #expect(state.message == nil)
        Fixture.type(["A", "<Backspace>"], into: &state)
        #expect(state.overlay == nil)
    }

    @Test("Esc in the reader clears the search, then a kept sidebar filter, then says there is nothing to clear")
    func escapeInReader() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["e", "/", "open", "<Enter>"], into: &state)
        #expect(state.sidebar.filter == "open" && state.focus == .reader)
        Fixture.type(["/", "model", "<Enter>"], into: &state)
        #expect(state.reader.search != nil)
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.reader.search == nil && state.sidebar.filter == "open")
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.sidebar.filter.isEmpty)
        #expect(state.message?.text.contains("cleared") == true)
        Fixture.type(["<Esc>"], into: &state)
        #expect(state.message?.text.hasPrefix("Nothing to clear") == true)
    }

    @Test("after a jump from the sidebar filter, ] counts on from the mention it landed on")
    func mentionNumbers() {
        var state = Fixture.state(Fixture.samples)
        Fixture.type(["}", "}", "}", "}", "}", "e", "/", "openai", "<Enter>"], into: &state)
        let landed = state.message?.text ?? ""
        let number = Int(landed.split(separator: " ").drop { $0 != "mention" }.dropFirst().first ?? "") ?? -1
        #expect(number > 0, "\(landed)")
        Fixture.type(["]"], into: &state)
        #expect(state.message?.text.hasPrefix("OpenAI: mention \(number + 1) of") == true, "\(landed) then \(state.message?.text ?? "")")
    }
}

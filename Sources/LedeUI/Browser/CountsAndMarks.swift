// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// Two habits from vi and less: a number before a key repeats it (`5j`,
/// `3]`), and `m` + letter marks the place on screen for `'` + letter to
/// come back to, across articles and sessions.
public enum PendingKey: Hashable, Sendable {
    case setMark, jumpToMark
}

extension Action {
    /// Actions a count repeats; the others ignore it.
    var isRepeatable: Bool {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .halfPageDown, .halfPageUp, .moveLeft, .moveRight,
             .nextMention, .previousMention, .nextSameEntity, .previousSameEntity, .back, .forward,
             .searchNext, .searchPrevious, .nextArticle, .previousArticle:
            true
        default:
            false
        }
    }
}

extension BrowserState {
    /// Most times a count repeats a key.
    static let countLimit = 999

    /// A digit starts or extends a count, unless it is a key of its own here
    /// and no count has started (`1` in the sidebar, `0` in the timeline).
    mutating func takeCountDigit(_ key: Key) -> Bool {
        guard case .character(let character) = key, character.isASCII, let digit = character.wholeNumberValue else { return false }
        guard pendingCount != nil || (digit != 0 && keyMap.action(for: key, in: activePane) == nil) else { return false }
        pendingCount = min(Self.countLimit, (pendingCount ?? 0) * 10 + digit)
        message = StatusMessage("\(pendingCount!) — a key to repeat, Esc cancels")
        return true
    }

    /// Performs an action `times` times (stopping at the first that fails, as at the last article).
    mutating func perform(_ action: Action, times: Int) -> [Effect] {
        guard times > 1, action.isRepeatable else { return perform(action) }
        var effects: [Effect] = []
        for _ in 0..<times {
            for effect in perform(action) where !effects.contains(effect) { effects.append(effect) }
            if message?.isError == true { break }
        }
        return effects
    }

}

/// `m` and `'`: a letter names the place on screen, or brings it back.
enum Marks {
    /// `m` or `'`: the next key is the mark's letter.
    static func awaitLetter(_ state: inout BrowserState, _ pending: PendingKey) {
        state.prompt = .markLetter(pending)
        switch pending {
        case .setMark:
            state.message = StatusMessage("m: a letter names this place")
        case .jumpToMark:
            let names = state.session.marks.keys.sorted().joined(separator: " ")
            state.message = StatusMessage(names.isEmpty ? "No marks yet (m and a letter sets one)" : "': a mark — \(names)")
        }
    }

    /// The letter after `m` or `'` (the prompt has closed).
    static func handleLetter(_ key: Key, _ pending: PendingKey, _ state: inout BrowserState) -> [Effect] {
        guard case .character(let letter) = key, letter.isASCII, letter.isLetter else {
            state.message = key == .escape ? nil : StatusMessage("Marks are letters: \(pending == .setMark ? "m" : "'") then a to z", isError: true)
            return [.repaint]
        }
        let name = String(letter)
        switch pending {
        case .setMark: return set(name, &state)
        case .jumpToMark: return jump(to: name, &state)
        }
    }

    private static func set(_ name: String, _ state: inout BrowserState) -> [Effect] {
        guard let path = state.openedPath, let paragraph = state.topParagraph else {
            state.message = StatusMessage("Nothing to mark here", isError: true)
            return [.repaint]
        }
        state.session.marks[name] = SessionRecord.MarkPlace(path: state.sessionKey(path), paragraph: paragraph)
        state.message = StatusMessage("Mark \(name) set: '\(name) comes back here")
        return [.repaint, .saveSession]
    }

    private static func jump(to name: String, _ state: inout BrowserState) -> [Effect] {
        guard let mark = state.session.marks[name] else {
            state.message = StatusMessage("No mark \(name) — m\(name) sets it", isError: true)
            return [.repaint]
        }
        guard let (id, _) = state.article(atSessionKey: mark.path) else {
            state.message = StatusMessage("Mark \(name) is in an article that is not loaded", isError: true)
            return [.repaint]
        }
        if id != state.article {
            state.open(id)
        } else if let here = state.location {
            state.history.append(here)
            state.future.removeAll()
        }
        state.overlay = nil
        state.focus = .reader
        state.reader.focusedMention = nil
        if let line = state.readerLayout.firstLine[mark.paragraph] { state.reader.scroll = line }
        state.clampScrolls()
        state.message = StatusMessage("Mark \(name)")
        return [.repaint]
    }
}

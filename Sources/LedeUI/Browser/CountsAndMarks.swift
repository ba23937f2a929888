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

    mutating func handlePendingKey(_ pending: PendingKey, _ key: Key) -> [Effect] {
        guard case .character(let letter) = key, letter.isASCII, letter.isLetter else {
            message = key == .escape ? nil : StatusMessage("Marks are letters: \(pending == .setMark ? "m" : "'") then a to z", isError: true)
            return [.repaint]
        }
        let name = String(letter)
        switch pending {
        case .setMark:
            guard let path = openedPath, let paragraph = topParagraph else {
                message = StatusMessage("Nothing to mark here", isError: true)
                return [.repaint]
            }
            session.marks[name] = SessionRecord.MarkPlace(path: sessionKey(path), paragraph: paragraph)
            message = StatusMessage("Mark \(name) set: '\(name) comes back here")
            return [.repaint, .saveSession]
        case .jumpToMark:
            guard let mark = session.marks[name] else {
                message = StatusMessage("No mark \(name) — m\(name) sets it", isError: true)
                return [.repaint]
            }
            guard let (id, _) = article(atSessionKey: mark.path) else {
                message = StatusMessage("Mark \(name) is in an article that is not loaded", isError: true)
                return [.repaint]
            }
            if id != article {
                open(id)
            } else if let here = location {
                history.append(here)
                future.removeAll()
            }
            overlay = nil
            focus = .reader
            reader.focusedMention = nil
            if let line = readerLayout.firstLine[mark.paragraph] { reader.scroll = line }
            clampScrolls()
            message = StatusMessage("Mark \(name)")
            return [.repaint]
        }
    }
}

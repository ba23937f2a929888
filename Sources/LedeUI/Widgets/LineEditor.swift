// SPDX-License-Identifier: Apache-2.0
/// The one line editor behind every prompt: the reader's search, the
/// sidebar filter and the corpus search. It edits the text and says what the
/// key meant; the prompt decides what that does.
public struct LineEditor: Hashable, Sendable {
    public var text: String

    public init(_ text: String = "") { self.text = text }

    public enum Outcome: Equatable, Sendable {
        /// The text changed.
        case edited
        /// Enter.
        case submitted
        /// Esc or Ctrl-C.
        case cancelled
        /// Backspace with nothing left to delete: most prompts close.
        case backspaceOnEmpty
        /// Up or down: the prompt's list moves.
        case moved(by: Int)
        /// A key the editor has no use for.
        case ignored
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape, .control("c"): return .cancelled
        case .enter: return .submitted
        case .backspace:
            guard !text.isEmpty else { return .backspaceOnEmpty }
            text.removeLast()
            return .edited
        case .control("u"):
            guard !text.isEmpty else { return .ignored }
            text = ""
            return .edited
        case .character(let character):
            text.append(character)
            return .edited
        case .down: return .moved(by: 1)
        case .up: return .moved(by: -1)
        default: return .ignored
        }
    }
}

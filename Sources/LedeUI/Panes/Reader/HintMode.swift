// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// `f`: a label on every mention on screen; typing one focuses that mention.
enum HintMode {
    static func start(_ state: inout BrowserState) {
        if HintLabels(state: state).labels.isEmpty {
            state.message = StatusMessage("No mentions on screen", isError: true)
        } else {
            state.prompt = .hints(typed: "")
        }
    }

    static func handle(_ key: Key, typed input: String, _ state: inout BrowserState) {
        switch key {
        case .escape, .control("c"):
            state.prompt = nil
        case .backspace:
            state.prompt = input.isEmpty ? nil : .hints(typed: String(input.dropLast()))
        case .character(let character):
            let typed = input + String(character)
            let labels = HintLabels(state: state).labels
            if let hit = labels.first(where: { $0.label == typed }) {
                state.prompt = nil
                state.reader.focusedMention = hit.mention.id
                state.reader.highlightedSentence = nil
                let label = state.corpus.entity(hit.mention.entity)?.label ?? hit.mention.text
                state.message = StatusMessage("\(label) — Enter opens its dossier")
            } else if labels.contains(where: { $0.label.hasPrefix(typed) }) {
                state.prompt = .hints(typed: typed)
            } else {
                state.prompt = nil
                state.message = StatusMessage("No hint “\(typed)”", isError: true)
            }
        default:
            state.prompt = nil
        }
    }
}

/// One- or two-letter labels for the mentions on screen (hint mode).
public struct HintLabels {
    public struct Label: Hashable {
        public var label: String
        public var mention: Mention
    }

    public let labels: [Label]

    static let alphabet = Array("asdfghjklqwertyuiopzxcvbnm")

    public init(state: BrowserState) {
        let layout = state.readerLayout
        let rows = state.screenLayout.readerText.height
        let visible = state.navigableMentions.filter { mention in
            guard let line = layout.line(paragraph: mention.paragraph, offset: mention.start) else { return false }
            return line >= state.reader.scroll && line < state.reader.scroll + rows
        }
        let alphabet = HintLabels.alphabet
        var names: [String] = []
        if visible.count <= alphabet.count {
            names = alphabet.prefix(visible.count).map { String($0) }
        } else {
            outer: for first in alphabet {
                for second in alphabet {
                    names.append(String([first, second]))
                    if names.count == visible.count { break outer }
                }
            }
        }
        labels = zip(names, visible).map { Label(label: $0, mention: $1) }
    }
}

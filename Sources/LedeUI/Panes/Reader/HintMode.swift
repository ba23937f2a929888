import LedeModel

/// `f`: a label on every mention on screen; typing one focuses that mention.
extension BrowserState {
    mutating func startHintMode() {
        if HintLabels(state: self).labels.isEmpty {
            message = StatusMessage("No mentions on screen", isError: true)
        } else {
            reader.hintInput = ""
        }
    }

    mutating func handleHintKey(_ key: Key) {
        switch key {
        case .escape, .control("c"):
            reader.hintInput = nil
        case .backspace:
            if let input = reader.hintInput, !input.isEmpty { reader.hintInput = String(input.dropLast()) } else { reader.hintInput = nil }
        case .character(let character):
            let typed = (reader.hintInput ?? "") + String(character)
            let labels = HintLabels(state: self).labels
            if let hit = labels.first(where: { $0.label == typed }) {
                reader.hintInput = nil
                reader.focusedMention = hit.mention.id
                reader.highlightedSentence = nil
                let label = corpus.entity(hit.mention.entity)?.label ?? hit.mention.text
                message = StatusMessage("\(label) — Enter opens its dossier")
            } else if labels.contains(where: { $0.label.hasPrefix(typed) }) {
                reader.hintInput = typed
            } else {
                reader.hintInput = nil
                message = StatusMessage("No hint “\(typed)”", isError: true)
            }
        default:
            reader.hintInput = nil
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

// SPDX-License-Identifier: Apache-2.0
import LedeModel

/// A key press as the browser sees it, decoded by the
/// terminal module from curses.
public enum Key: Hashable, Sendable {
    case character(Character)
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, escape, delete
    case function(Int)

    /// Names used in key configuration and help: `j`, `Down`, `PgDn`, `C-o`,
    /// `S-Tab`, `Space`, `Enter`, `Esc`, `Backspace`, `F1`.
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let character): return "C-\(character)"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .escape: return "Esc"
        case .delete: return "Delete"
        case .function(let number): return "F\(number)"
        }
    }

    /// Short symbols for the status bar.
    public var symbol: String {
        switch self {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "⏎"
        case .backspace: return "⌫"
        default: return name
        }
    }

    static let named: [String: Key] = [
        "space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
        "enter": .enter, "return": .enter, "tab": .tab, "s-tab": .backTab, "backtab": .backTab,
        "backspace": .backspace, "bs": .backspace, "esc": .escape, "escape": .escape, "delete": .delete, "del": .delete,
    ]

    /// Parses a key name as `name` writes it (case-insensitive for named keys).
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            // A printable character: an escape or bidi control in a config is not a key name.
            guard !character.unicodeScalars.contains(where: ControlCharacters.needsReplacing) else { return nil }
            self = .character(character)
            return
        }
        if let key = Key.named[name.lowercased()] { self = key; return }
        let lower = name.lowercased()
        if lower.hasPrefix("c-"), name.count == 3, let character = lower.last { self = .control(character); return }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) { self = .function(number); return }
        return nil
    }
}

/// A mouse click or wheel step at a screen cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

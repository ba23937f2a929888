// SPDX-License-Identifier: Apache-2.0
/// Decodes the key sequences terminals send after ESC that curses did not
/// know (its terminfo entry describes another terminal: `TERM=xterm-256color`
/// inside tmux sends `ESC [ 1 ~` for Home and `ESC [ 4 ~` for End, rxvt
/// `ESC [ 7 ~`). Every complete CSI or SS3 sequence is one key or nothing:
/// its bytes are never replayed as typed characters.
public enum EscapeSequence {
    /// Where a sequence after ESC ends: CSI (`[`) runs to a final byte
    /// 0x40–0x7E (or rxvt's `~ ^ $ @`), SS3 (`O`) is one character, and the
    /// string sequences, OSC (`]`), DCS (`P`), APC (`_`), PM (`^`) and SOS
    /// (`X`), run to BEL or ST (ESC `\`). A sequence is read to its end
    /// whatever its length (an xterm device-attributes reply is 30 characters),
    /// so none of it is typed; only past `maximumRead` characters is it cut.
    /// A key's sequence is at most `maximumLength` characters; a longer one is no key.
    public static let maximumLength = 16
    public static let maximumRead = 4096
    public static let stringIntroducers: Set<Character> = ["]", "P", "_", "^", "X"]

    public enum Scan: Equatable {
        /// Read another character.
        case needMore
        /// The sequence ends with the last character read.
        case complete
    }

    /// After ESC and `introducer`, with `body` read so far.
    public static func scan(introducer: Character, body: [Character]) -> Scan {
        guard let last = body.last else { return .needMore }
        if body.count >= maximumRead { return .complete }
        if stringIntroducers.contains(introducer) {
            if last == "\u{07}" { return .complete }
            if last == "\\", body.count >= 2, body[body.count - 2] == "\u{1B}" { return .complete }
            return .needMore
        }
        if introducer == "O" { return .complete }
        guard let value = last.unicodeScalars.first?.value, last.unicodeScalars.count == 1 else { return .complete }
        // Parameter and intermediate bytes continue the sequence; rxvt ends some with ^ $ @ (0x5E 0x24 0x40).
        if value == 0x24 { return .complete }
        return (0x20...0x3F).contains(value) ? .needMore : .complete
    }

    /// The key a complete sequence stands for, nil for one lede has no key for.
    public static func key(introducer: Character, body: [Character]) -> Key? {
        guard let final = body.last, body.count <= maximumLength, !stringIntroducers.contains(introducer) else { return nil }
        if let key = cursorKey(final) { return key }
        if introducer == "O" {
            switch final {
            case "M": return .enter
            case "P", "Q", "R", "S": return .function(Int(final.unicodeScalars.first!.value) - 0x50 + 1)
            default: return nil
            }
        }
        guard introducer == "[" else { return nil }
        let parameters = String(body.dropLast())
        // Modifiers (`1;5A` is Ctrl+Up) do not change which key it is.
        let first = parameters.split(separator: ";").first.flatMap { Int($0) }
        switch final {
        case "Z": return .backTab
        case "~", "^", "$", "@":
            switch first {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            case 11, 12, 13, 14, 15: return .function(first! - 10)
            case 17, 18, 19, 20, 21: return .function(first! - 11)
            case 23, 24: return .function(first! - 12)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Arrows, Home and End: the same final letter after CSI (with any modifiers) and after SS3.
    static func cursorKey(_ final: Character) -> Key? {
        switch final {
        case "A": .up
        case "B": .down
        case "C": .right
        case "D": .left
        case "H": .home
        case "F": .end
        default: nil
        }
    }
}

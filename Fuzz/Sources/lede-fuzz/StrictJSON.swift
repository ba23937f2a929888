// SPDX-License-Identifier: Apache-2.0
/// An independent RFC 8259 recogniser, the oracle for `JSONDocument`:
/// written from the RFC's grammar, it only says whether text is JSON and
/// how deeply its values nest (the top-level value is at depth 0).
/// Foundation's `JSONSerialization` cannot be the oracle: it reads `[1,]`.
struct StrictJSON {
    let bytes: [UInt8]
    var position = 0
    var deepest = 0

    /// Nil when `text` is not JSON; else the depth of its deepest value.
    static func depth(of text: String) -> Int? {
        var recogniser = StrictJSON(bytes: Array(text.utf8))
        recogniser.space()
        guard recogniser.value(depth: 0), { recogniser.space(); return recogniser.position == recogniser.bytes.count }() else { return nil }
        return recogniser.deepest
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func space() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        position += 1
        return true
    }

    mutating func value(depth: Int) -> Bool {
        deepest = max(deepest, depth)
        switch current {
        case UInt8(ascii: "{"):
            position += 1
            space()
            if take(UInt8(ascii: "}")) { return true }
            repeat {
                space()
                guard string() else { return false }
                space()
                guard take(UInt8(ascii: ":")) else { return false }
                space()
                guard value(depth: depth + 1) else { return false }
                space()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}"))
        case UInt8(ascii: "["):
            position += 1
            space()
            if take(UInt8(ascii: "]")) { return true }
            repeat {
                space()
                guard value(depth: depth + 1) else { return false }
                space()
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]"))
        case UInt8(ascii: "\""):
            return string()
        case UInt8(ascii: "t"): return word("true")
        case UInt8(ascii: "f"): return word("false")
        case UInt8(ascii: "n"): return word("null")
        default: return number()
        }
    }

    mutating func word(_ text: String) -> Bool {
        for byte in text.utf8 { guard take(byte) else { return false } }
        return true
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    mutating func number() -> Bool {
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { (0x30...0x39).contains($0) } ?? false }
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
        } else if let byte = current, (0x31...0x39).contains(byte) {
            while isDigit(current) { position += 1 }
        } else {
            return false
        }
        if take(UInt8(ascii: ".")) {
            guard isDigit(current) else { return false }
            while isDigit(current) { position += 1 }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard isDigit(current) else { return false }
            while isDigit(current) { position += 1 }
        }
        return true
    }

    /// `"` (unescaped ≥ U+0020 but `"` `\` | `\` ["\/bfnrt] | `\u` 4 hex)* `"`; any \u escape, surrogate or not, is grammatical.
    mutating func string() -> Bool {
        guard take(UInt8(ascii: "\"")) else { return false }
        while let byte = current {
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return true
            case 0x00..<0x20: return false
            case UInt8(ascii: "\\"):
                guard let escape = current else { return false }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        guard let hex = current, (0x30...0x39).contains(hex) || (0x41...0x46).contains(hex) || (0x61...0x66).contains(hex)
                        else { return false }
                        position += 1
                    }
                default:
                    return false
                }
            default:
                continue
            }
        }
        return false
    }
}

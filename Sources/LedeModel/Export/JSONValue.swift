// SPDX-License-Identifier: Apache-2.0
/// A JSON value written by hand: exports stream row by row without
/// holding the document, keys come out sorted, and characters a terminal
/// could read as a command (C0, DEL, C1, bidi overrides) are escaped as
/// `\uXXXX`, so JSON is safe to print as well as to parse.
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    /// Written with four decimals, so the same value prints the same bytes everywhere.
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// Pretty-printed with two-space indentation, `"key" : value`, keys sorted.
    public func write(to output: inout some TextOutputStream, indent: Int = 0) {
        switch self {
        case .string(let text): JSONValue.writeString(text, to: &output)
        case .int(let value): output.write(String(value))
        case .number(let value): output.write(value.isFinite ? String(format: "%.4f", value) : "null")
        case .bool(let value): output.write(value ? "true" : "false")
        case .null: output.write("null")
        case .array(let values):
            guard !values.isEmpty else { output.write("[\n\n" + JSONValue.spaces(indent) + "]"); return }
            output.write("[\n")
            for (index, value) in values.enumerated() {
                output.write(JSONValue.spaces(indent + 2))
                value.write(to: &output, indent: indent + 2)
                output.write(index == values.count - 1 ? "\n" : ",\n")
            }
            output.write(JSONValue.spaces(indent) + "]")
        case .object(let members):
            guard !members.isEmpty else { output.write("{\n\n" + JSONValue.spaces(indent) + "}"); return }
            output.write("{\n")
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                output.write(JSONValue.spaces(indent + 2))
                JSONValue.writeString(key, to: &output)
                output.write(" : ")
                members[key]!.write(to: &output, indent: indent + 2)
                output.write(index == keys.count - 1 ? "\n" : ",\n")
            }
            output.write(JSONValue.spaces(indent) + "}")
        }
    }

    public var text: String {
        var output = ""
        write(to: &output)
        return output
    }

    static func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    /// Whether any byte needs an escape: quote, backslash, C0, DEL, C1
    /// (`C2 80`…`C2 9F`), the Arabic letter mark (`D8 9C`), LRM/RLM and bidi embeddings (`E2 80 8E/8F/AA…AE`,
    /// `E2 81 A6…A9`).
    static func needsEscaping(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
            if byte == 0xD8, index + 1 < bytes.count, bytes[index + 1] == 0x9C { return true } // U+061C
            if byte == 0xE2, index + 2 < bytes.count {
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)) { return true }
                if second == 0x81 && (0xA6...0xA9).contains(third) { return true }
            }
            index += 1
        }
        return false
    }

    static func writeString(_ text: String, to output: inout some TextOutputStream) {
        guard needsEscaping(text) else { output.write("\"" + text + "\""); return }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                let value = scalar.value
                // The scalars the terminal sanitiser replaces are escaped, so a
                // `jq -r` or a `cat` of the output stays harmless.
                if ControlCharacters.needsReplacing(scalar) {
                    let hex = String(value, radix: 16, uppercase: false)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result += "\""
        output.write(result)
    }
}

/// Writes `{ "key" : [ row, row, … ] }` one row at a time.
public struct JSONArrayWriter {
    private var count = 0

    public init() {}

    /// Opens the document's key (`isFirstKey`: the first key of the top-level object).
    public mutating func begin(key: String, isFirstKey: Bool, output: inout some TextOutputStream) {
        output.write(isFirstKey ? "{\n  " : ",\n  ")
        JSONValue.writeString(key, to: &output)
        output.write(" : [")
        count = 0
    }

    public mutating func append(_ row: JSONValue, output: inout some TextOutputStream) {
        output.write(count == 0 ? "\n    " : ",\n    ")
        row.write(to: &output, indent: 4)
        count += 1
    }

    public func end(output: inout some TextOutputStream) {
        output.write(count == 0 ? "\n\n  ]" : "\n  ]")
    }

    public static func finish(output: inout some TextOutputStream) { output.write("\n}\n") }
}

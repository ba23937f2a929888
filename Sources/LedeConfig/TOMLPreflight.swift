// SPDX-License-Identifier: Apache-2.0
import TOMLKit

/// Finds what the TOML parser inside TOMLKit cannot be given.
///
/// toml++ 3 (bundled by TOMLKit 0.6.0) asserts, aborting the whole program
/// (assert is on in debug and release builds alike), on two kinds of broken
/// TOML:
///
/// - a table header whose name does not start as a key can (`[é]`, `[=]`,
///   `[#]`, `[` at the end of a line, `[[[1]]]`): the header parser calls
///   the key parser without checking (fixed upstream in
///   marzer/tomlplusplus#301);
/// - an array element that starts with `}` or with non-ASCII vertical
///   white space (`x = [}`, `x = [1, }`, `x = [U+2028]`): the array parser
///   calls the value parser, which asserts it is not on a value terminator.
///
/// Such text is not TOML anyway, so it is reported as a syntax error here
/// and never reaches the parser: every parse of lede goes through `check`
/// or `table`. Found by the `config` fuzz harness (Fuzz/crashers/config).
public enum TOMLPreflight {
    /// `TOMLTable(string:)` behind the check; nil for any syntax error.
    public static func table(_ text: String) -> TOMLTable? {
        guard check(text) == nil else { return nil }
        return try? TOMLTable(string: text)
    }

    struct Problem: Error, Equatable {
        /// 1-based, as toml++ counts lines.
        var line: Int
        var message: String
    }

    /// The first place where the parser would assert, if any.
    ///
    /// Table headers are recognised as the parser does: `[` first on a line
    /// outside strings, comments and multi-line values. A header's name
    /// starts with `A-Za-z0-9_-` or a quote; an array element starts as a
    /// TOML value can. Other mistakes are left to the parser to report.
    static func check(_ text: String) -> Problem? {
        var scanner = Scanner(text)
        return scanner.firstProblem()
    }

    /// One pass over the text, byte by byte, knowing just enough of TOML:
    /// strings, comments, brackets, and where a line starts.
    struct Scanner {
        /// What a step of the scan found.
        enum Step {
            /// Go on with the next byte.
            case next
            /// Nothing more to look at: a problem, or nil (the parser reports what comes, an unterminated string say).
            case stop(Problem?)
            /// This byte is still to be read as a value's.
            case value
        }

        let bytes: [UInt8]
        var index = 0
        var line = 1
        /// `[` and `{` of the values being read.
        var open: [UInt8] = []
        var atLineStart = true
        /// Right after an array's `[` or `,`.
        var expectingElement = false

        init(_ text: String) {
            bytes = Array(text.utf8)
            // A byte order mark starts the first line.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        mutating func firstProblem() -> Problem? {
            while index < bytes.count {
                let byte = bytes[index]
                if expectingElement {
                    switch betweenElements(byte) {
                    case .next: continue
                    case .stop(let problem): return problem
                    case .value: break
                    }
                }
                if atLineStart && Self.isSpace(byte) { index += 1; continue }
                if atLineStart && open.isEmpty && byte == UInt8(ascii: "[") {
                    switch header() {
                    case .next, .value: continue
                    case .stop(let problem): return problem
                    }
                }
                atLineStart = false
                if case .stop(let problem) = value(byte) { return problem }
            }
            return nil
        }

        /// Between an array's elements: white space, line breaks and comments, then a value, `]` or `,`.
        mutating func betweenElements(_ byte: UInt8) -> Step {
            if Self.isSpace(byte) || byte == 0x0D { index += 1; return .next }
            if byte == 0x0A { line += 1; index += 1; return .next }
            if byte == UInt8(ascii: "#") { skipComment(); return .next }
            expectingElement = false
            if !Self.startsValue(byte) && byte != UInt8(ascii: "]") && byte != UInt8(ascii: ",") {
                return .stop(Problem(line: line, message: "expected a value, ',' or ']' in the array"))
            }
            return .value
        }

        /// A table header (`[name]`, `[[name]]`) at `index`: its name must start as a key can.
        mutating func header() -> Step {
            var next = index + 1
            var hadSpace = false
            while next < bytes.count, Self.isSpace(bytes[next]) { next += 1; hadSpace = true }
            if next < bytes.count, bytes[next] == UInt8(ascii: "["), !hadSpace {
                next += 1
                while next < bytes.count, Self.isSpace(bytes[next]) { next += 1 }
            }
            // `]` (no name) and `[ [` (spaced brackets) are errors the parser reports itself.
            if next < bytes.count, !Self.startsKey(bytes[next]), bytes[next] != UInt8(ascii: "]"),
               bytes[next] != UInt8(ascii: "[") || !hadSpace {
                return .stop(Problem(line: line, message: "expected a table name (letters, digits, '_', '-' or a quoted name) after '['"))
            }
            // The rest of the header: to the end of its line (quoted names cannot hold a newline).
            atLineStart = false
            index = next
            while index < bytes.count, bytes[index] != 0x0A, bytes[index] != UInt8(ascii: "#") {
                if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    guard skipString() else { return .stop(nil) }
                } else {
                    index += 1
                }
            }
            return .next
        }

        /// A byte of a key or value: line breaks, comments, strings and the brackets that nest.
        mutating func value(_ byte: UInt8) -> Step {
            switch byte {
            case 0x0A:
                line += 1
                atLineStart = true
                index += 1
            case UInt8(ascii: "#"):
                skipComment()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // An unterminated string is a syntax error the parser reports before anything later.
                guard skipString() else { return .stop(nil) }
            case UInt8(ascii: "["):
                open.append(byte)
                expectingElement = true
                index += 1
            case UInt8(ascii: "{"):
                open.append(byte)
                index += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                _ = open.popLast()
                index += 1
            case UInt8(ascii: ","):
                expectingElement = open.last == UInt8(ascii: "[")
                index += 1
            default:
                index += 1
            }
            return .next
        }

        mutating func skipComment() {
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        }

        /// Past a string starting at `index` (its opening quote); false if it does not end.
        mutating func skipString() -> Bool {
            let quote = bytes[index]
            let escapes = quote == UInt8(ascii: "\"")
            if has([quote, quote, quote], at: index) { return skipMultilineString(quote, escapes: escapes) }
            index += 1
            while index < bytes.count, bytes[index] != 0x0A {
                if escapes && bytes[index] == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count, bytes[index + 1] != 0x0A else { return false }
                    index += 2
                    continue
                }
                if bytes[index] == quote { index += 1; return true }
                index += 1
            }
            return false
        }

        /// Past a `"""` or `'''` string; false if it does not end.
        mutating func skipMultilineString(_ quote: UInt8, escapes: Bool) -> Bool {
            let triple = [quote, quote, quote]
            index += 3
            while index < bytes.count {
                if bytes[index] == 0x0A { line += 1 }
                if escapes && bytes[index] == UInt8(ascii: "\\") {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { line += 1 }
                    index += 2
                    continue
                }
                if has(triple, at: index) {
                    index += 3
                    // Up to two quotes may end the content right before the delimiter.
                    for _ in 0..<2 where index < bytes.count && bytes[index] == quote { index += 1 }
                    return true
                }
                index += 1
            }
            return false
        }

        func has(_ delimiter: [UInt8], at position: Int) -> Bool {
            position + delimiter.count <= bytes.count && Array(bytes[position..<(position + delimiter.count)]) == delimiter
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

        static func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
        }

        static func startsKey(_ byte: UInt8) -> Bool {
            isLetterOrDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'")
        }

        /// Strings, numbers, dates, booleans, inf and nan, arrays, inline tables.
        static func startsValue(_ byte: UInt8) -> Bool {
            isLetterOrDigit(byte) || "\"'[{+-".utf8.contains(byte)
        }
    }
}

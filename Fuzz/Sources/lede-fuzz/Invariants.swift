// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// Checks shared by the harnesses.
enum Invariants {
    /// What a terminal could read as a command: C0, DEL, C1, LRM/RLM and bidi
    /// embeddings/overrides/isolates (the set DECISIONS.md promises never
    /// reaches the terminal from an article).
    static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
    }

    /// A text export: no control character but the format's own separators.
    static func onlySeparators(_ text: String, allowing separators: Set<Unicode.Scalar>, _ what: String) {
        for scalar in text.unicodeScalars where isTerminalControl(scalar) && !separators.contains(scalar) {
            require(false, "\(what) holds U+\(String(scalar.value, radix: 16, uppercase: true)): \(text.debugDescription.prefix(400))")
        }
    }

    /// Lines of a text export (`\n`, or `\r\n` for CSV, every line terminated).
    static func lines(_ text: String, crlf: Bool, _ what: String) -> [Substring] {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\r" { require(crlf && index + 1 < scalars.count && scalars[index + 1] == "\n", "\(what): bare CR") }
            if scalar == "\n" && crlf { require(index > 0 && scalars[index - 1] == "\r", "\(what): bare LF") }
        }
        require(text.isEmpty || scalars.last == "\n", "\(what): last line not terminated")
        let separator: Character = crlf ? "\r\n" : "\n"
        return text.split(separator: separator, omittingEmptySubsequences: false).dropLast()
    }

    /// JSON for Foundation, for RFC 8259 (the independent recogniser) and for lede's own reader.
    @discardableResult
    static func validJSON(_ text: String, _ what: String) -> JSONDocument {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            require(false, "\(what) is not JSON for JSONSerialization (\(error)): \(text.debugDescription.prefix(400))")
        }
        require(StrictJSON.depth(of: text) != nil, "\(what) is not JSON: \(text.debugDescription.prefix(400))")
        onlySeparators(text, allowing: ["\n"], what)
        do {
            return try JSONDocument.parse(text)
        } catch {
            require(false, "\(what) is not JSON for JSONDocument (\(error)): \(text.debugDescription.prefix(400))")
            fatalError()
        }
    }

    /// Exactly the same scalars (String == compares canonically equivalent text as equal).
    static func sameScalars(_ a: String, _ b: String) -> Bool { a.unicodeScalars.elementsEqual(b.unicodeScalars) }

    /// `[start, end)` in Unicode scalars of `text`, if in bounds.
    static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String? {
        guard 0 <= start, start <= end, end <= scalars.count else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// Bytes as a String → `JSONDocument.parse`. It must accept exactly what
/// RFC 8259 accepts (an independent recogniser decides) short of the depth
/// limit; and a document it reads, written back out (strings through lede's
/// own JSON string writer), must read back the same.
enum JSONHarness {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        let text = bytes.text
        let depth = StrictJSON.depth(of: text)
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(text)
        } catch {
            require(error.offset >= 0 && error.offset <= text.utf8.count, "error offset \(error.offset) outside the text")
            if let depth {
                require(depth >= JSONDocument.maximumDepth && error.reason == "nested too deeply",
                        "JSONDocument rejects (\(error)) JSON of depth \(depth): \(text.debugDescription.prefix(400))")
            }
            return
        }
        require(depth != nil, "JSONDocument reads what is not JSON: \(text.debugDescription.prefix(400))")
        require(depth! < JSONDocument.maximumDepth, "JSONDocument reads JSON nested \(depth!) deep")

        guard let written = write(document) else { return }
        require(StrictJSON.depth(of: written) != nil, "written document is not JSON: \(written.debugDescription.prefix(400))")
        Invariants.onlySeparators(written, allowing: [], "written JSON")
        do {
            let again = try JSONDocument.parse(written)
            require(again == document, "round trip changed the document: \(text.debugDescription.prefix(200)) → \(written.debugDescription.prefix(200))")
        } catch {
            require(false, "written document does not read back (\(error)): \(written.debugDescription.prefix(400))")
        }
    }

    /// Compact JSON; nil when a number is not finite (JSON has no infinity).
    static func write(_ document: JSONDocument) -> String? {
        switch document {
        case .string(let text):
            return JSONValue.string(text).text
        case .number(let value):
            guard value.isFinite else { return nil }
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        case .bool(let value):
            return value ? "true" : "false"
        case .null:
            return "null"
        case .array(let values):
            var parts: [String] = []
            for value in values { guard let part = write(value) else { return nil }; parts.append(part) }
            return "[" + parts.joined(separator: ",") + "]"
        case .object(let members):
            var parts: [String] = []
            for (key, value) in members { guard let part = write(value) else { return nil }; parts.append(JSONValue.string(key).text + ":" + part) }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }
}

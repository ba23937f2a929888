// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// Reads the small TOML files lede is configured with (`config.toml`,
/// themes): a regular file of UTF-8 text under 1 MB, or a message saying
/// what is wrong with it. A FIFO or device never blocks the start-up.
public enum SettingsFile {
    static let maximumBytes = 1 << 20

    public enum Outcome: Equatable {
        case text(String)
        /// No file at the path: the defaults apply, and nothing is said.
        case absent
        /// What is wrong, without the path (callers put `path:line:` first).
        case problem(line: Int?, message: String)
    }

    public static func read(_ path: String) -> Outcome {
        var info = stat()
        if stat(path, &info) != 0 && errno == ENOENT { return .absent }
        switch ArticleFileReader.read(path, maximumBytes: maximumBytes, what: "a TOML file") {
        case .failure(let error):
            return .problem(line: nil, message: error.message)
        case .success(let data):
            guard let text = String(validating: data, as: UTF8.self) else {
                return .problem(line: firstInvalidLine(data), message: "not UTF-8 text")
            }
            return .text(text)
        }
    }

    /// The line holding the first byte that is not UTF-8, for the message.
    static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(validating: data[start..<end], as: UTF8.self) == nil { return line }
            line += 1
            start = end == data.endIndex ? end : data.index(after: end)
        }
        return line
    }
}

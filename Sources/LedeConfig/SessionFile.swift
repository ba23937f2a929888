// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeUI

/// Where lede keeps what it remembers between sessions: `$XDG_STATE_HOME/lede`,
/// else `~/.local/state/lede` (the XDG base-directory default).
public enum StateDirectory {
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty { return (xdg as NSString).appendingPathComponent("lede") }
        if let home = environment["HOME"], !home.isEmpty { return (home as NSString).appendingPathComponent(".local/state/lede") }
        return nil
    }
}

/// `session.json` in the state directory: read once at start, written
/// whole to a temporary file and renamed over the old one, so a crash or a
/// full disk never leaves half a file. A file that cannot be read is
/// reported and left alone (the next save replaces it).
public enum SessionFile {
    /// More than this is not a file lede wrote; it is not read.
    static let sizeLimit = 64 << 20

    public static func path(in directory: String) -> String { (directory as NSString).appendingPathComponent("session.json") }

    public enum Loaded: Equatable {
        case absent
        case record(SessionRecord)
        case problem(String)
    }

    public static func load(_ path: String) -> Loaded {
        var info = stat()
        guard stat(path, &info) == 0 else { return .absent }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .problem("\(path): not a regular file; read marks and places start afresh") }
        guard Int(info.st_size) <= sizeLimit else { return .problem("\(path): larger than \(sizeLimit >> 20) MB; read marks and places start afresh") }
        guard let data = FileManager.default.contents(atPath: path) else { return .problem("\(path): cannot be read; read marks and places start afresh") }
        do {
            return .record(try JSONDecoder().decode(SessionRecord.self, from: data))
        } catch {
            return .problem("\(path): not a session lede wrote (\(brief(error))); read marks and places start afresh")
        }
    }

    public static func save(_ record: SessionRecord, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // .atomic writes a temporary file beside it and renames it into place.
        try encoder.encode(record).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func brief(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: return "not JSON"
        case DecodingError.keyNotFound(let key, _): return "no '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context): return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: return "unreadable"
        }
    }
}

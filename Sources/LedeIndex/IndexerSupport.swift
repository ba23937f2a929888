// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import Synchronization

/// Size and modification time (nanoseconds) of a file, following symlinks:
/// what the index compares to know a file unchanged.
public struct FileStat: Sendable, Hashable {
    var size: Int64
    var mtime: Int64

    public init(_ info: stat) {
        size = Int64(info.st_size)
        mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// Entries and brat pairs as `ArticleEntry` stats them.
    init?(path: String) {
        guard let info = ArticleEntry.fileStat(path) else { return nil }
        self.init(info)
    }
}

extension ArticleFiles {
    /// `expand`, with each entry's size and time as the walk saw them, so the
    /// index does not stat every file again (nor look for a brat `.ann`
    /// beside every `.txt`): 16 bytes an entry, where a whole `stat` is 144.
    public static func expandWithStates(_ paths: [String]) -> (files: [String], states: [FileStat], errors: [LoadError]) {
        var files: [String] = []
        var states: [FileStat] = []
        let errors = expand(paths) { path, info in
            files.append(path)
            states.append(FileStat(info))
        }
        return (files, states, errors)
    }
}

/// A flag one thread sets and others read.
final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}

/// Phase timings on stderr when `LEDE_TRACE` is set (for profiling the index), kept by the update's own thread.
final class PhaseTrace {
    private let enabled = ProcessInfo.processInfo.environment["LEDE_TRACE"] != nil
    private var last = Date()
    private var step = Date()
    private var parts: [(String, Double)] = []

    func mark(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        let detail = parts.map { "\($0.0) \(String(format: "%.2f", $0.1))" }.joined(separator: ", ")
        let line = "lede-trace: \(phase) \(String(format: "%.3f", now.timeIntervalSince(last))) s \(detail) rss \(Self.residentMegabytes()) MB\n"
        // write(2): FileHandle's old write traps when stderr is a closed pipe or a hung-up terminal; a lost trace line is no loss.
        _ = line.utf8CString.withUnsafeBufferPointer { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
        last = now
        step = now
        parts = []
    }

    static func residentMegabytes() -> Int {
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 128)
        guard fgets(&buffer, 128, file) != nil else { return 0 }
        let fields = String(cString: buffer).split(separator: " ")
        return fields.count > 1 ? ((Int(fields[1]) ?? 0) * Int(getpagesize())) >> 20 : 0
    }

    /// Adds the time since the last step to `part` of the current phase.
    func add(_ part: String) {
        guard enabled else { return }
        let now = Date()
        if let index = parts.firstIndex(where: { $0.0 == part }) { parts[index].1 += now.timeIntervalSince(step) } else {
            parts.append((part, now.timeIntervalSince(step)))
        }
        step = now
    }
}

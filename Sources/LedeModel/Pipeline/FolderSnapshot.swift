// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Article files added, changed or removed between two looks at the folders.
public struct FileChanges: Hashable, Sendable {
    public var added: [String]
    public var changed: [String]
    public var removed: [String]

    public init(added: [String] = [], changed: [String] = [], removed: [String] = []) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
    public var count: Int { added.count + changed.count + removed.count }
}

/// Size and modification time (to the nanosecond) of every article file
/// under the paths lede was given, as `ArticleFiles.expand` finds them: two
/// snapshots compared say what changed on disk, with no file read.
public struct FolderSnapshot: Hashable, Sendable {
    public struct Stamp: Hashable, Sendable {
        public var size: Int64
        public var seconds: Int
        public var nanoseconds: Int
    }

    public private(set) var stamps: [String: Stamp]

    public init(stamps: [String: Stamp] = [:]) { self.stamps = stamps }

    /// Walks the paths now, with the `stat` the walk already made of each file.
    public static func scan(_ paths: [String]) -> FolderSnapshot {
        var stamps: [String: Stamp] = [:]
        for (file, info) in ArticleFiles.expandWithInfo(paths).files {
            stamps[file] = Stamp(size: Int64(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
        }
        return FolderSnapshot(stamps: stamps)
    }

    /// What `newer` has that this one has not, each list sorted by path.
    public func changes(to newer: FolderSnapshot) -> FileChanges {
        var changes = FileChanges()
        for (path, stamp) in newer.stamps {
            if let old = stamps[path] {
                if old != stamp { changes.changed.append(path) }
            } else {
                changes.added.append(path)
            }
        }
        for path in stamps.keys where newer.stamps[path] == nil { changes.removed.append(path) }
        changes.added.sort()
        changes.changed.sort()
        changes.removed.sort()
        return changes
    }
}

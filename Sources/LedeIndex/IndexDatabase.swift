// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import LedeModel

/// Where the index of a set of paths lives, and how it is opened.
///
/// One SQLite file per set of command-line paths (their canonical form,
/// hashed), under `$XDG_CACHE_HOME/lede/` (default `~/.cache/lede/`). The
/// index is a cache: deleting it loses nothing. It is rebuilt when its
/// schema or lede's data (gazetteer, catalogue, name rules) changed, and
/// when it cannot be read; it is bypassed, with one notice, when it cannot
/// be written (read-only or full disk) or another lede is updating it.
public enum IndexLocation {
    /// `$XDG_CACHE_HOME/lede` or `~/.cache/lede`.
    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("lede")
        }
        if let home = environment["HOME"], !home.isEmpty { return (home as NSString).appendingPathComponent(".cache/lede") }
        return nil
    }

    /// The paths as the index knows them: absolute, standardised, in the order given.
    public static func canonicalRoots(_ paths: [String]) -> [String] {
        let current = FileManager.default.currentDirectoryPath
        return paths.map { path in
            let absolute = path.hasPrefix("/") ? path : (current as NSString).appendingPathComponent(path)
            return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
        }
    }

    /// `index-<hash of the roots>.sqlite` in the cache directory (and of the variant, when there is one).
    public static func indexPath(roots: [String], cacheDirectory: String, variant: String? = nil) -> String {
        let hash = Fingerprint.hex(of: roots.joined(separator: "\n") + (variant.map { "\n\u{1}" + $0 } ?? ""))
        return (cacheDirectory as NSString).appendingPathComponent("index-\(hash).sqlite")
    }
}

/// FNV-1a, 64 bits: stable across runs and platforms (Swift's `Hasher` is seeded per process).
public enum Fingerprint {
    public static func hash(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var value = seed
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        return value
    }

    public static func hex(of text: String) -> String {
        let value = hash(text.utf8)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Content hash of a file's bytes, as an SQLite integer.
    public static func content(_ data: Data) -> Int64 {
        Int64(bitPattern: data.withUnsafeBytes { hash($0) })
    }
}

/// Why the index is not used this run (the browser and the exports say it once).
public struct IndexUnavailable: Error, CustomStringConvertible, Sendable {
    public var reason: String
    /// Another lede holds the index for an update: it will be free again.
    public var isBusy: Bool
    public init(_ reason: String, isBusy: Bool = false) {
        self.reason = reason
        self.isBusy = isBusy
    }
    public var description: String { reason }
}

/// An open index file: the SQLite pool, its lock, and the schema.
public final class IndexDatabase: Sendable {
    /// 2: `articles_by_published` (publication days read from an index, not a scan of the article rows);
    /// `article_units` and `entity_units` (co-occurrence).
    /// 3: `articles.markup` (headings, links and given spans of the other formats).
    public static let schemaVersion = 4

    public let path: String
    let pool: DatabasePool
    private let lock: FileLock

    /// Notices about what happened on opening (`rebuilt: …`), for the user.
    public let notices: [String]

    private init(path: String, pool: DatabasePool, lock: FileLock, notices: [String]) {
        self.path = path
        self.pool = pool
        self.lock = lock
        self.notices = notices
    }

    /// Opens (creating, migrating or rebuilding as needed) the index at `path`
    /// for data with `dataFingerprint`; throws `IndexUnavailable` when it
    /// cannot be used this run.
    public static func open(path: String, dataFingerprint: String) throws(IndexUnavailable) -> IndexDatabase {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw IndexUnavailable("cannot create the index folder \(folder)")
        }
        guard let lock = FileLock(path: path + ".lock") else {
            throw IndexUnavailable("cannot create the index lock \(path).lock")
        }
        // Creating or rebuilding the file is an update: it takes the lock for that long.
        func exclusive<T>(_ body: () throws -> T) throws -> T {
            guard lock.tryLock() else { throw IndexUnavailable("another lede is updating the index \(path)", isBusy: true) }
            defer { lock.unlock() }
            return try body()
        }
        var notices: [String] = []
        do {
            let pool = try makePool(path: path)
            do {
                let state = try pool.read { db in try storedState(db) }
                if state.version == schemaVersion && state.fingerprint == dataFingerprint && state.missing.isEmpty {
                    return IndexDatabase(path: path, pool: pool, lock: lock, notices: notices)
                }
                if !state.hasTables {
                    try exclusive { try pool.write { db in try createSchema(db, fingerprint: dataFingerprint) } }
                    return IndexDatabase(path: path, pool: pool, lock: lock, notices: notices)
                }
                notices.append(state.version != schemaVersion
                    ? "the index \(path) is from another version of lede; rebuilding it"
                    : !state.missing.isEmpty
                    ? "the index \(path) is damaged (no \(state.missing.prefix(3).joined(separator: ", "))); rebuilding it"
                    : "lede's data (gazetteer, catalogue or name rules) changed; rebuilding the index")
            } catch {
                if isDiskProblem(error) { throw IndexUnavailable("cannot write the index \(path): \(describe(error))") }
                notices.append("the index \(path) could not be read (\(describe(error))); rebuilding it")
            }
            // try?: this pool is given up for a new file; closing it can only fail on statements still open, which none are.
            try? pool.close()
        } catch let unavailable as IndexUnavailable {
            throw unavailable
        } catch {
            if isDiskProblem(error) { throw IndexUnavailable("cannot open the index \(path): \(describe(error))") }
            notices.append("the index \(path) could not be opened (\(describe(error))); rebuilding it")
        }
        do {
            return try exclusive {
                removeFiles(path)
                let pool = try makePool(path: path)
                try pool.write { db in try createSchema(db, fingerprint: dataFingerprint) }
                return IndexDatabase(path: path, pool: pool, lock: lock, notices: notices)
            }
        } catch let unavailable as IndexUnavailable {
            throw unavailable
        } catch {
            removeFiles(path)
            throw IndexUnavailable("cannot create the index \(path): \(describe(error))")
        }
    }

    /// Runs an update holding the index's lock: one lede writes an index at a time.
    func exclusively<T>(_ body: () throws -> T) throws -> T {
        guard lock.tryLock() else { throw IndexUnavailable("another lede is updating the index \(path)", isBusy: true) }
        defer { lock.unlock() }
        return try body()
    }

    /// Deletes the index files (after a failure, so that the next run starts clean).
    public func discard() {
        // try?: the index is given up after a failure; the files go whether or not the pool closes cleanly.
        try? pool.close()
        IndexDatabase.removeFiles(path)
    }

    static func removeFiles(_ path: String) {
        // try?: any of the four may not exist (no WAL after a clean close, no journal in WAL mode).
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func makePool(path: String) throws -> DatabasePool {
        var configuration = Configuration()
        // Large pages: an article's text takes few of them.
        configuration.prepareDatabase { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0 { try db.execute(sql: "PRAGMA page_size = 16384") }
        }
        configuration.label = "lede-index"
        configuration.busyMode = .timeout(5)
        configuration.maximumReaderCount = 4
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -4000")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return try DatabasePool(path: path, configuration: configuration)
    }

    struct StoredState {
        var version: Int
        var fingerprint: String?
        var hasTables: Bool
        /// Tables, indexes and triggers of the schema the file lacks (`drop table postings` left
        /// every entity with no mentions and said nothing).
        var missing: [String] = []
    }

    /// Every table, index and trigger the schema makes, as `sqlite_master` names them.
    static let schemaObjects: Set<String> = {
        // Made in an in-memory database; should that fail, creating any index fails too, and says so.
        do {
            return Set(try DatabaseQueue().write { db -> [String] in
                try createSchema(db, fingerprint: "")
                return try String.fetchAll(db, sql: "SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
            })
        } catch {
            return []
        }
    }()

    static func storedState(_ db: Database) throws -> StoredState {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        var fingerprint: String?
        if try db.tableExists("meta") {
            fingerprint = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'data_fingerprint'")
        }
        var state = StoredState(version: version, fingerprint: fingerprint, hasTables: tables > 0)
        if state.hasTables {
            let present = Set(try String.fetchAll(db, sql: "SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
            state.missing = schemaObjects.subtracting(present).sorted()
        }
        return state
    }

    static func createSchema(_ db: Database, fingerprint: String) throws {
        try db.execute(sql: """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                position INTEGER NOT NULL DEFAULT 0,
                size INTEGER NOT NULL, mtime INTEGER NOT NULL, hash INTEGER NOT NULL,
                title TEXT NOT NULL, authors BLOB, published TEXT, genre TEXT, brand TEXT,
                related BLOB, email TEXT, content_id TEXT, warnings BLOB,
                paragraph_count INTEGER NOT NULL,
                concepts BLOB, discovered BLOB,
                -- Format, headings, links, given spans (MarkupBlob); NULL for a plain scraped article.
                markup BLOB
            );
            -- What linking found in an article; no row: not linked yet.
            CREATE TABLE links (
                id INTEGER PRIMARY KEY,
                mention_count INTEGER NOT NULL,
                mentions BLOB, annotated BLOB, statements BLOB, model_organisations BLOB
            );
            CREATE INDEX articles_by_position ON articles(position);
            -- (published, id): what mentions over time read, without the wide article rows.
            CREATE INDEX articles_by_published ON articles(published);
            CREATE TABLE failures (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, message TEXT NOT NULL) WITHOUT ROWID;
            -- The text apart from the small, often-updated article rows. The body is
            -- the paragraphs joined by line breaks (a paragraph holds none).
            CREATE TABLE article_text (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
            CREATE VIRTUAL TABLE article_search USING fts5(title, body, content='article_text', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2');
            CREATE TABLE entities (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                type TEXT NOT NULL, label TEXT NOT NULL, names BLOB, url TEXT, organisation TEXT, publisher_id TEXT,
                source TEXT NOT NULL, predicates BLOB,
                mention_count INTEGER NOT NULL DEFAULT 0,
                listed INTEGER NOT NULL DEFAULT 0,
                export_rank INTEGER NOT NULL DEFAULT 0
            );
            -- Per entity, the articles that mention it: (article, mentions, first ordinal) by article id.
            CREATE TABLE postings (entity INTEGER PRIMARY KEY, data BLOB NOT NULL);
            -- Vocabulary input, reference-counted by the articles that bring it.
            CREATE TABLE concept_labels (
                key TEXT NOT NULL, label TEXT NOT NULL, type TEXT NOT NULL,
                looked_for INTEGER NOT NULL, refs INTEGER NOT NULL,
                PRIMARY KEY (key, label, looked_for)
            ) WITHOUT ROWID;
            CREATE TABLE discovered_names (name TEXT PRIMARY KEY, refs INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE releases (rank INTEGER PRIMARY KEY, model INTEGER NOT NULL, data BLOB NOT NULL);
            -- Per linked article, which entities each paragraph and sentence names (co-occurrence reads only these).
            CREATE TABLE article_units (id INTEGER PRIMARY KEY, paragraphs INTEGER NOT NULL, sentences INTEGER NOT NULL, data BLOB NOT NULL);
            -- Per entity, the paragraphs and sentences that name it, corpus-wide.
            CREATE TABLE entity_units (entity INTEGER PRIMARY KEY, paragraphs INTEGER NOT NULL, sentences INTEGER NOT NULL);
            """)
        try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('data_fingerprint', ?)", arguments: [fingerprint])
        try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
    }

    static func isDiskProblem(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM].contains(error.resultCode.primaryResultCode)
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}

/// An advisory lock (flock) taken while an index is written: one lede
/// writes an index at a time; any number read it.
final class FileLock: Sendable {
    private let descriptor: Int32

    init?(path: String) {
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    func tryLock() -> Bool { flock(descriptor, LOCK_EX | LOCK_NB) == 0 }
    func unlock() { flock(descriptor, LOCK_UN) }

    deinit { close(descriptor) }
}

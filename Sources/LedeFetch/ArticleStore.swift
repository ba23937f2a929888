// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// The folder `lede fetch` stores into: each page as it was fetched
/// (`2025-03-19-lab-ships-a-model.html`) with its metadata beside it
/// (`….meta`, JSON: `FetchMetadata`), and `.lede-fetch.json`, the state
/// (validators per URL, what is stored by guid or link). Files are never
/// overwritten: each is written to a hidden temporary file and linked to a
/// name that does not exist yet (a name taken picks the next: `-2`, `-3`).
/// The metadata goes in first, so a page never appears without it. A lock
/// on `.lede-fetch.lock` keeps two fetches into one folder apart.
public final class ArticleStore {
    public let folder: String
    public private(set) var state: FetchState
    private var lockDescriptor: Int32 = -1
    static let stateName = ".lede-fetch.json"
    static let lockName = ".lede-fetch.lock"

    public struct StoreError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Opens (creating it if need be) and locks the folder; waits up to `wait` seconds for another fetch to finish.
    public init(folder: String, wait: TimeInterval = 60) throws(StoreError) {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(description: "\(folder): cannot create the folder (\(error.localizedDescription))")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError(description: "\(folder): not a folder")
        }
        lockDescriptor = open((folder as NSString).appendingPathComponent(Self.lockName), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else { throw StoreError(description: "\(folder): cannot write here (\(String(cString: strerror(errno))))") }
        let deadline = Date().addingTimeInterval(wait)
        while flock(lockDescriptor, LOCK_EX | LOCK_NB) != 0 {
            guard Date() < deadline else {
                close(lockDescriptor)
                throw StoreError(description: "\(folder): another lede fetch is storing into this folder")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        state = FetchState()
        let statePath = (folder as NSString).appendingPathComponent(Self.stateName)
        if case .success(let data) = ArticleFileReader.read(statePath, maximumBytes: 64 << 20, what: "lede's fetch state"),
           let loaded = FetchState(json: String(decoding: data, as: UTF8.self)) {
            state = loaded
        } else {
            // No state (or a broken one): what is stored is known from the metadata files.
            state.stored = Self.storedItems(in: folder)
        }
    }

    deinit {
        if lockDescriptor >= 0 { flock(lockDescriptor, LOCK_UN); close(lockDescriptor) }
    }

    public func isStored(_ key: String) -> Bool { state.stored[key] != nil }

    /// Records `key` (an item's link) as stored under the same page as `existing` (its guid).
    public func markStored(_ key: String, as existing: String) {
        if let page = state.stored[existing], state.stored[key] == nil { state.stored[key] = page }
    }

    public func validators(for url: String) -> FetchState.Validators? { state.validators[url] }

    public func setValidators(_ validators: FetchState.Validators?, for url: String) {
        state.validators[url] = validators
    }

    /// Writes the state (whole, renamed into place).
    public func saveState() throws(StoreError) {
        let path = (folder as NSString).appendingPathComponent(Self.stateName)
        let temporary = path + ".\(getpid()).tmp"
        do {
            try Data(state.jsonText.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else { throw StoreError(description: "\(path): cannot write (\(String(cString: strerror(errno))))") }
        } catch let error as StoreError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw StoreError(description: "\(path): cannot write (\(error.localizedDescription))")
        }
    }

    /// Stores a page and its metadata under new names; the page's path. `key` (guid or link) marks it stored.
    public func store(page: Data, metadata: FetchMetadata, key: String, day: CalendarDate, nameFrom title: String? = nil) throws(StoreError) -> String {
        let base = Self.baseName(day: day, title: metadata.title ?? title, url: metadata.address)
        let metadataBytes = Data(metadata.jsonText.utf8)
        let metadataTemporary = try writeTemporary(metadataBytes)
        defer { unlink(metadataTemporary) }
        let pageTemporary = try writeTemporary(page)
        defer { unlink(pageTemporary) }
        for attempt in 1...10_000 {
            let name = attempt == 1 ? base : "\(base)-\(attempt)"
            let pagePath = (folder as NSString).appendingPathComponent(name + ".html")
            let metadataPath = (folder as NSString).appendingPathComponent(name + ".meta")
            if access(pagePath, F_OK) == 0 { continue }
            // link() never replaces: a name taken meanwhile is EEXIST, and the next name is tried.
            if link(metadataTemporary, metadataPath) != 0 {
                if errno == EEXIST { continue }
                throw StoreError(description: "\(metadataPath): cannot write (\(String(cString: strerror(errno))))")
            }
            if link(pageTemporary, pagePath) != 0 {
                let code = errno
                unlink(metadataPath)
                if code == EEXIST { continue }
                throw StoreError(description: "\(pagePath): cannot write (\(String(cString: strerror(code))))")
            }
            state.stored[key] = name + ".html"
            return pagePath
        }
        throw StoreError(description: "\(folder): no free name for \(base).html")
    }

    /// A hidden temporary file in the folder (the walk skips hidden names) holding `data`, flushed.
    private func writeTemporary(_ data: Data) throws(StoreError) -> String {
        var template = Array(((folder as NSString).appendingPathComponent(".lede-fetch-XXXXXX")).utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw StoreError(description: "\(folder): cannot write (\(String(cString: strerror(errno))))") }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { close(descriptor) }
        // mkstemp makes it 0600; a stored article is as readable as any file the user writes.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        var offset = 0
        let failed: Int32? = data.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 { if errno == EINTR { continue }; return errno }
                offset += written
            }
            return fsync(descriptor) == 0 ? nil : errno
        }
        if let failed {
            unlink(path)
            throw StoreError(description: "\(folder): cannot write (\(String(cString: strerror(failed))))")
        }
        return path
    }

    /// `2025-03-19-lab-ships-a-small-model`: the day, then the title (or the address's last part) in ASCII, at most 60 letters.
    static func baseName(day: CalendarDate, title: String?, url: String?) -> String {
        var words = title ?? ""
        if words.isEmpty, let url, let parsed = URL(string: url) {
            words = parsed.deletingPathExtension().lastPathComponent
            if words == "/" || words.isEmpty { words = parsed.host ?? "" }
        }
        let folded = words.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? words
        var slug = ""
        for scalar in folded.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
            if slug.count >= 60 { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return day.description + "-" + (slug.isEmpty ? "page" : slug)
    }

    /// guid (else address) → page name, read from the `.meta` files of the folder.
    static func storedItems(in folder: String) -> [String: String] {
        var stored: [String: String] = [:]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return stored }
        for name in names where name.hasSuffix(".meta") && !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard case .success(let data) = ArticleFileReader.read(path, maximumBytes: 1 << 20, what: "a page's metadata file"),
                  let metadata = try? FetchMetadata(json: String(decoding: data, as: UTF8.self)) else { continue }
            let page = String(name.dropLast(5)) + ".html"
            for key in [metadata.guid, metadata.url].compactMap({ $0 }) where stored[key] == nil { stored[key] = page }
        }
        return stored
    }
}

/// `.lede-fetch.json`: validators for conditional requests, per URL asked
/// for, and the items stored (guid, else link → page name).
public struct FetchState: Sendable, Hashable {
    public struct Validators: Sendable, Hashable {
        public var etag: String?
        public var lastModified: String?
        public init(etag: String?, lastModified: String?) {
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    public var validators: [String: Validators] = [:]
    public var stored: [String: String] = [:]

    public init() {}

    var jsonText: String {
        let validatorObjects = validators.mapValues { value -> JSONValue in
            var members: [String: JSONValue] = [:]
            if let etag = value.etag { members["etag"] = .string(etag) }
            if let lastModified = value.lastModified { members["last_modified"] = .string(lastModified) }
            return .object(members)
        }
        return JSONValue.object(["version": .int(1), "validators": .object(validatorObjects), "stored": .object(stored.mapValues(JSONValue.string))]).text + "\n"
    }

    init?(json text: String) {
        guard let document = try? JSONDocument.parse(text), case .object(let members) = document else { return nil }
        for (key, value) in members {
            switch (key, value) {
            case ("validators", .object(let entries)):
                for (url, entry) in entries {
                    validators[url] = Validators(etag: entry["etag"]?.string, lastModified: entry["last_modified"]?.string)
                }
            case ("stored", .object(let entries)):
                for (item, page) in entries { if let page = page.string { stored[item] = page } }
            default: continue
            }
        }
    }
}

/// Where fetched articles go unless told otherwise: `$XDG_DATA_HOME/lede/articles`, else `~/.local/share/lede/articles`.
public enum DataDirectory {
    public static func articles(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return (xdg as NSString).appendingPathComponent("lede/articles") }
        if let home = environment["HOME"], !home.isEmpty { return (home as NSString).appendingPathComponent(".local/share/lede/articles") }
        return nil
    }
}

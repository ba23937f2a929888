// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The per-article pipeline: import → (vocabulary) → link → extract.
///
/// Importing and linking run per file on every core; results come back in
/// the input's (path) order, so what is built never depends on the thread
/// count or on which file finished first. The only step that sees the
/// whole corpus is the vocabulary: every article's annotated concepts and
/// discovered model names, from which one automaton is compiled.
public struct CorpusBuilder: Sendable {
    public var importer: any ArticleImporter
    public var linker: EntityLinker
    public var threads: Int
    /// `[ner]`: an external tagger whose names join the rules' detected names.
    public var tagger: ExternalTagger?

    public init(importer: any ArticleImporter = FormatSniffer(), linker: EntityLinker = EntityLinker(),
                threads: Int = Parallel.defaultThreadCount, tagger: ExternalTagger? = nil) {
        self.importer = importer
        self.linker = linker
        self.threads = threads
        self.tagger = tagger
    }

    /// Everything that decides what the pipeline makes of a file.
    public var fingerprint: String { importer.fingerprint + "\n" + linker.fingerprint + (tagger.map { "\n" + $0.settings.fingerprint } ?? "") }

    /// Adds the tagger's names to prepared articles: one run of the tagger for
    /// the batch (starting a tagger and loading its model costs seconds).
    public func tag(_ articles: inout [ImportedArticle]) {
        guard let tagger, !articles.isEmpty else { return }
        let found = tagger.names(in: articles.map(\.article.paragraphs))
        for index in articles.indices where !found[index].isEmpty {
            articles[index].detectedNames = Array(Set(articles[index].detectedNames + found[index])).sorted()
        }
    }

    /// What an article adds to the vocabulary.
    public func prepare(_ article: Article) -> ImportedArticle {
        let discoveries = linker.discoveries(in: article)
        return ImportedArticle(article: article, concepts: linker.contributions(of: article),
                               discoveredModels: discoveries.models, detectedNames: discoveries.detected)
    }

    /// Reads and parses files in parallel; results in the order of `files`.
    public func importFiles(_ files: [String]) -> [Result<ImportedArticle, LoadError>] {
        let importer = self.importer
        var results = Parallel.map(files.count, threads: threads) { index in
            importer.importFile(at: files[index]).map { prepare($0) }
        }
        if tagger != nil {
            let positions = results.indices.filter { if case .success = results[$0] { true } else { false } }
            var articles = positions.compactMap { try? results[$0].get() }
            tag(&articles)
            for (position, article) in zip(positions, articles) { results[position] = .success(article) }
        }
        return results
    }

    public func vocabulary(for articles: some Sequence<ImportedArticle>) -> Vocabulary {
        var input = VocabularyInput()
        for imported in articles {
            input.add(imported.concepts, discoveredModels: imported.discoveredModels, detectedNames: imported.detectedNames)
        }
        return Vocabulary(input: input, linker: linker)
    }

    /// Links articles in parallel; results in input order.
    public func link(_ articles: [ImportedArticle], vocabulary: Vocabulary) -> [LinkedArticle] {
        let linker = self.linker
        return Parallel.map(articles.count, threads: threads) { index in
            linker.link(LinkInput(articles[index]), vocabulary: vocabulary)
        }
    }

    /// Everything in memory: the `--no-index` path and the tests.
    public func buildInMemory(paths: [String]) -> InMemoryCorpus {
        let (files, missing) = ArticleFiles.expand(paths)
        var imported: [ImportedArticle] = []
        var errors = missing
        for result in importFiles(files) {
            switch result {
            case .success(let article): imported.append(article)
            case .failure(let error): errors.append(error)
            }
        }
        return buildInMemory(imported, errors: errors)
    }

    public func buildInMemory(articles: [Article], errors: [LoadError] = []) -> InMemoryCorpus {
        var imported = Parallel.map(articles.count, threads: threads) { prepare(articles[$0]) }
        tag(&imported)
        return buildInMemory(imported, errors: errors)
    }

    func buildInMemory(_ imported: [ImportedArticle], errors: [LoadError]) -> InMemoryCorpus {
        let vocabulary = vocabulary(for: imported)
        let linked = link(imported, vocabulary: vocabulary)
        return InMemoryCorpus(imported: imported, linked: linked, vocabulary: vocabulary, linker: linker, errors: errors)
    }
}

/// Expands command-line paths into article files.
public enum ArticleFiles {
    /// Files given directly are taken whatever their extension (the importer
    /// sniffs the format); folders are walked recursively for article files
    /// (`articleSuffixes`), hidden entries skipped, symbolic
    /// links followed (a folder reached twice, as through a loop, is walked
    /// once). Sorted by path; the same file named twice (or through a folder
    /// and directly) loads once. Every folder or entry that could not be read
    /// is named in `errors`. A JSON Lines container becomes one entry per
    /// non-blank line (`news.jsonl:17`), a `.txt` with a sibling `.ann` one
    /// brat article (`ArticleEntry`).
    public static func expand(_ paths: [String]) -> (files: [String], errors: [LoadError]) {
        // Paths alone: a `stat` is 144 bytes, which for 100k JSON Lines entries is 14 MB.
        var files: [String] = []
        let errors = expand(paths) { path, _ in files.append(path) }
        return (files, errors)
    }

    /// `expand`, with each file's `stat` from the walk (the folder watcher compares them; no second stat).
    public static func expandWithInfo(_ paths: [String]) -> (files: [(path: String, info: stat)], errors: [LoadError]) {
        var files: [(path: String, info: stat)] = []
        let errors = expand(paths) { files.append(($0, $1)) }
        return (files, errors)
    }

    /// Every article path in reading order, with its stat, handed to `found`.
    public static func expand(_ paths: [String], found: (String, stat) -> Void) -> [LoadError] {
        var errors: [LoadError] = []
        var seen: Set<FileIdentity> = []
        var walkedFolders: Set<FileIdentity> = []
        func add(_ file: String, _ info: stat) {
            // A container's lines share its stat (the index compares the container's size and time).
            if info.st_mode & S_IFMT == S_IFREG, ArticleEntry.isContainerName(file) {
                guard seen.insert(FileIdentity(info)).inserted else { return }
                switch ArticleEntry.entries(of: file) {
                case .success(let entries): for entry in entries { found(entry, info) }
                case .failure(let error): errors.append(error)
                }
                return
            }
            // A WARC archive's records each have a stat of their own (`WARCArchive.entryStat(of:container:)`).
            if info.st_mode & S_IFMT == S_IFREG, WARCArchive.isArchiveName(file) {
                guard seen.insert(FileIdentity(info)).inserted else { return }
                switch WARCArchive.entries(of: file) {
                case .success(let (entries, problems)):
                    for (path, entry) in entries { found(path, WARCArchive.entryStat(of: entry, container: info)) }
                    errors += problems
                case .failure(let error): errors.append(error)
                }
                return
            }
            if seen.insert(FileIdentity(info)).inserted { found(file, info) }
        }
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let code = errno
                // `news.jsonl:17` named on the command line: that one entry.
                if let (container, line) = ArticleEntry.split(path), let containerInfo = ArticleEntry.fileStat(container) {
                    if seen.insert(FileIdentity(containerInfo, line: line)).inserted { found(path, containerInfo) }
                    continue
                }
                // `crawl.warc.gz:12345`: that one record (read without listing the archive).
                if let (container, offset, inner) = WARCArchive.split(path), let containerInfo = ArticleEntry.fileStat(container) {
                    if seen.insert(FileIdentity(containerInfo, line: Int(offset) &* 31 &+ Int(inner))).inserted {
                        found(path, containerInfo)
                    }
                    continue
                }
                errors.append(LoadError(path: path, message: code == ENOENT ? "no such file or folder" : "cannot read: \(reason(code))"))
                continue
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                add(path, ArticleEntry.fileStat(path) ?? info)
                continue
            }
            var found: [(String, stat)] = []
            var walkErrors: [LoadError] = []
            guard walk(path, identity: FileIdentity(info), into: &found, errors: &walkErrors, walked: &walkedFolders) else {
                errors += walkErrors
                continue
            }
            errors += walkErrors
            if found.isEmpty && walkErrors.isEmpty { errors.append(LoadError(path: path, message: "no article files (.txt, .json, .md, .jsonl, .html, .warc, brat .txt + .ann) in this folder")) }
            for (file, info) in found.sorted(by: { $0.0 < $1.0 }) { add(file, info) }
        }
        return errors
    }

    /// Device and inode: one file, however it is named.
    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
        /// A JSON Lines entry's line; 0 for a whole file.
        var line = 0
        init(_ info: stat, line: Int = 0) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            self.line = line
        }
    }

    /// Names a folder walk takes (lower case): scraped pages and brat texts,
    /// content-API and spaCy JSON, Markdown, JSON Lines containers, web pages, WARC archives.
    public static let articleSuffixes = [".txt", ".json", ".md", ".markdown", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml", ".warc", ".warc.gz"]

    static func isArticleName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return articleSuffixes.contains { lower.hasSuffix($0) }
    }

    /// Article files under `folder` (readdir, not FileManager: a tenth of the
    /// time on large folders). False if `folder` itself cannot be listed.
    static func walk(_ folder: String, identity: FileIdentity, into found: inout [(String, stat)],
                     errors: inout [LoadError], walked: inout Set<FileIdentity>) -> Bool {
        // A folder already walked (a link loop, or two links to one folder) adds nothing new.
        guard walked.insert(identity).inserted else { return true }
        guard let directory = opendir(folder) else {
            errors.append(LoadError(path: folder, message: "cannot read folder: \(reason(errno))"))
            return false
        }
        defer { closedir(directory) }
        var subfolders: [(String, FileIdentity)] = []
        // `.ann` names seen here: a `.txt` beside one is a brat pair.
        var annotationNames: Set<String> = []
        var texts: [Int] = []
        // `.meta` names seen here: an `.html` beside one is a fetched page (`ArticleEntry.metadataPath`).
        var metadataNames: Set<String> = []
        var pages: [Int] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let type = entry.pointee.d_type
            if name.lowercased().hasSuffix(".ann") { annotationNames.insert(String(name.dropLast(4))) }
            if name.lowercased().hasSuffix(".meta") { metadataNames.insert(String(name.dropLast(5))) }
            let isTextName = isArticleName(name)
            // Plain files that are not `.txt` need no system call at all.
            if type == UInt8(DT_REG) && !isTextName { continue }
            var info = stat()
            // stat follows symbolic links: a link to a folder is walked, a link to a file is that file.
            guard stat(path, &info) == 0 else {
                if type == UInt8(DT_LNK) || isTextName {
                    let code = errno
                    errors.append(LoadError(path: path, message: code == ENOENT ? "broken symbolic link" : "cannot read: \(reason(code))"))
                }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                subfolders.append((path, FileIdentity(info)))
            case S_IFREG where isTextName:
                if name.lowercased().hasSuffix(".txt") { texts.append(found.count) }
                if ArticleEntry.metadataPath(for: name) != nil { pages.append(found.count) }
                found.append((path, info))
            default:
                // Named like an article but a FIFO or device: say so rather than block on it.
                if isTextName { errors.append(LoadError(path: path, message: "is not a regular file; not read")) }
            }
        }
        for index in texts {
            let (path, info) = found[index]
            let name = path.split(separator: "/").last.map(String.init) ?? path
            var annotations = stat()
            if annotationNames.contains(String(name.dropLast(4))), stat(BratImporter.annotationPath(for: path), &annotations) == 0 {
                found[index].1 = ArticleEntry.pairStat(text: info, annotations: annotations)
            }
        }
        for index in pages {
            let (path, info) = found[index]
            let name = path.split(separator: "/").last.map(String.init) ?? path
            var metadata = stat()
            if let metadataName = ArticleEntry.metadataPath(for: name), metadataNames.contains(String(metadataName.dropLast(5))),
               let metadataPath = ArticleEntry.metadataPath(for: path), stat(metadataPath, &metadata) == 0 {
                found[index].1 = ArticleEntry.pairStat(text: info, annotations: metadata)
            }
        }
        for (subfolder, identity) in subfolders {
            _ = walk(subfolder, identity: identity, into: &found, errors: &errors, walked: &walked)
        }
        return true
    }

    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

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

    public init(importer: any ArticleImporter = ScrapedArticleImporter(), linker: EntityLinker = EntityLinker(),
                threads: Int = Parallel.defaultThreadCount) {
        self.importer = importer
        self.linker = linker
        self.threads = threads
    }

    /// Everything that decides what the pipeline makes of a file.
    public var fingerprint: String { importer.fingerprint + "\n" + linker.fingerprint }

    /// What an article adds to the vocabulary.
    public func prepare(_ article: Article) -> ImportedArticle {
        ImportedArticle(article: article, concepts: linker.contributions(of: article),
                        discoveredModels: linker.discoveredModelNames(in: article))
    }

    /// Reads and parses files in parallel; results in the order of `files`.
    public func importFiles(_ files: [String]) -> [Result<ImportedArticle, LoadError>] {
        let importer = self.importer
        return Parallel.map(files.count, threads: threads) { index in
            importer.importFile(at: files[index]).map { prepare($0) }
        }
    }

    public func vocabulary(for articles: some Sequence<ImportedArticle>) -> Vocabulary {
        var input = VocabularyInput()
        for imported in articles { input.add(imported.concepts, discoveredModels: imported.discoveredModels) }
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
        let imported = Parallel.map(articles.count, threads: threads) { prepare(articles[$0]) }
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
    /// Files given directly are taken whatever their extension; folders are
    /// walked recursively for `.txt` files, hidden entries and symbolic links
    /// to folders skipped. Sorted by path within each folder; the same file
    /// named twice (or through a folder and directly) loads once.
    public static func expand(_ paths: [String]) -> (files: [String], errors: [LoadError]) {
        var files: [String] = []
        var errors: [LoadError] = []
        var seen: Set<FileIdentity> = []
        func add(_ file: String, _ identity: FileIdentity) {
            if seen.insert(identity).inserted { files.append(file) }
        }
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                errors.append(LoadError(path: path, message: "no such file or folder"))
                continue
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                add(path, FileIdentity(info))
                continue
            }
            var found: [(String, FileIdentity)] = []
            guard walk(path, into: &found) else {
                errors.append(LoadError(path: path, message: "cannot read folder"))
                continue
            }
            if found.isEmpty { errors.append(LoadError(path: path, message: "no .txt article files in this folder")) }
            for (file, identity) in found.sorted(by: { $0.0 < $1.0 }) { add(file, identity) }
        }
        return (files, errors)
    }

    /// Device and inode: one file, however it is named.
    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// `.txt` files under `folder` (readdir, not FileManager: a tenth of the time on large folders).
    static func walk(_ folder: String, into found: inout [(String, FileIdentity)]) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        var subfolders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            // Symbolic links to files count; links to folders are not followed (no loops).
            let type = entry.pointee.d_type
            if type == UInt8(DT_DIR) || (type == UInt8(DT_UNKNOWN) && lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR) {
                subfolders.append(path)
                continue
            }
            guard name.lowercased().hasSuffix(".txt"), stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            found.append((path, FileIdentity(info)))
        }
        for subfolder in subfolders { _ = walk(subfolder, into: &found) }
        return true
    }
}

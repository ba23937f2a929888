import Foundation

/// Everything loaded: articles, entities, mentions, releases, and the files
/// that could not be read. Immutable once built; the UI only reads it.
public struct Corpus: Sendable {
    public var articles: [Article]
    public var entities: [Entity]
    /// Every mention in reading order (article, paragraph, offset).
    public var mentions: [Mention]
    public var releases: [Release]
    public var errors: [LoadError]
    /// Catalogue lines that were skipped, as `file:line: message`.
    public var catalogueProblems: [String]
    /// For each article, the entity indices its annotations list.
    public var annotatedEntities: [Set<Int>]

    /// Mention indices per entity, reading order.
    public let mentionsOfEntity: [[Int]]
    /// Mention indices per article, reading order.
    public let mentionsOfArticle: [[Int]]

    public init(articles: [Article], errors: [LoadError] = [], linker: EntityLinker = EntityLinker()) {
        let linked = linker.link(articles)
        self.articles = articles
        self.entities = linked.entities
        self.mentions = linked.mentions
        self.errors = errors
        self.catalogueProblems = linker.catalogue.problems
        self.annotatedEntities = linked.annotatedEntities
        var byEntity = [[Int]](repeating: [], count: linked.entities.count)
        var byArticle = [[Int]](repeating: [], count: articles.count)
        for (index, mention) in linked.mentions.enumerated() {
            byEntity[mention.entity].append(index)
            byArticle[mention.article].append(index)
        }
        self.mentionsOfEntity = byEntity
        self.mentionsOfArticle = byArticle
        self.releases = ReleaseExtractor(catalogue: linker.catalogue).releases(
            articles: articles, entities: linked.entities, mentions: linked.mentions,
            catalogueEntryOfModel: linked.catalogueEntryOfModel)
    }

    /// Loads files and folders (recursively, `.txt` files, sorted by path).
    public static func load(paths: [String], importer: ScrapedArticleImporter = ScrapedArticleImporter(),
                            linker: EntityLinker = EntityLinker()) -> Corpus {
        let (files, missing) = ArticleFiles.expand(paths)
        var articles: [Article] = []
        var errors = missing
        for file in files {
            switch importer.importFile(at: file) {
            case .success(let article): articles.append(article)
            case .failure(let error): errors.append(error)
            }
        }
        return Corpus(articles: articles, errors: errors, linker: linker)
    }

    /// Warnings on loaded articles, as `path: message`.
    public var warnings: [String] {
        articles.flatMap { article in article.warnings.map { "\(article.path): \($0)" } }
    }
}

/// Expands command-line paths into article files.
public enum ArticleFiles {
    /// Files given directly are taken whatever their extension; folders are
    /// walked recursively for `.txt` files, hidden entries skipped.
    public static func expand(_ paths: [String]) -> (files: [String], errors: [LoadError]) {
        var files: [String] = []
        var errors: [LoadError] = []
        var seen: Set<String> = []
        let manager = FileManager.default
        func add(_ file: String) {
            // The same file named twice (or through a folder and directly) loads once.
            let key = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
            if seen.insert(key).inserted { files.append(file) }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(LoadError(path: path, message: "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                add(path)
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else {
                errors.append(LoadError(path: path, message: "cannot read folder"))
                continue
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { walker.skipDescendants(); continue }
                if name.lowercased().hasSuffix(".txt") { found.append((path as NSString).appendingPathComponent(relative)) }
            }
            if found.isEmpty { errors.append(LoadError(path: path, message: "no .txt article files in this folder")) }
            found.sorted().forEach(add)
        }
        return (files, errors)
    }
}

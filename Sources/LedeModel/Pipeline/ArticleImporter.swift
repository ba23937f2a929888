import Foundation

/// Reads one article format. Importers never fail on odd text: only a
/// file that cannot be read as the format is an error, named for the user;
/// anything questionable inside it becomes a warning on the article.
public protocol ArticleImporter: Sendable {
    /// Parses one file's bytes.
    func parse(_ data: Data, path: String) -> Result<Article, LoadError>
    /// Changes whenever the same bytes could parse differently (rules, data files):
    /// an index built with another fingerprint is rebuilt.
    var fingerprint: String { get }
}

/// Bounds on what one file may bring, so no input can make memory or time
/// grow faster than its size. Going over a bound is a warning naming the
/// file; the rest of the file and the corpus still load.
public struct ImportLimits: Sendable, Hashable {
    /// Files larger than this are not read (an error naming the file).
    public var maximumFileBytes = 64 << 20
    /// Annotation rows kept per file.
    public var maximumAnnotations = 2_000
    /// Longer labels are dropped (Unicode scalars).
    public var maximumLabelLength = 200
    /// Paragraphs kept per article.
    public var maximumParagraphs = 50_000

    public init() {}
    public static let standard = ImportLimits()
}

extension ArticleImporter {
    /// Reads and parses a file; a file over the size limit is an error.
    public func importFile(at path: String, limits: ImportLimits = .standard) -> Result<Article, LoadError> {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(LoadError(path: path, message: "cannot read file"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maximumFileBytes + 1) ?? Data()
        } catch {
            return .failure(LoadError(path: path, message: "cannot read file"))
        }
        if data.count > limits.maximumFileBytes {
            return .failure(LoadError(path: path, message: "file is larger than \(limits.maximumFileBytes >> 20) MB; not read"))
        }
        return parse(data, path: path)
    }
}

/// One file after import: the article, and what it adds to the corpus's vocabulary.
public struct ImportedArticle: Sendable {
    public var article: Article
    public var concepts: [ConceptContribution]
    public var discoveredModels: [String]

    public init(article: Article, concepts: [ConceptContribution], discoveredModels: [String]) {
        self.article = article
        self.concepts = concepts
        self.discoveredModels = discoveredModels
    }
}

// SPDX-License-Identifier: Apache-2.0
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
    /// The bounds on one file (size, annotations, labels, paragraphs).
    var limits: ImportLimits { get }
}

/// Bounds on what one file may bring, so no input can make memory or time
/// grow faster than its size. Going over a bound is a warning naming the
/// file; the rest of the file and the corpus still load.
public struct ImportLimits: Sendable, Hashable {
    /// Files larger than this are not read (an error naming the file).
    /// `LEDE_MAX_FILE_MB` changes it for `standard`.
    public var maximumFileBytes = ImportLimits.defaultFileMegabytes << 20
    /// Annotation rows kept per file.
    public var maximumAnnotations = 2_000
    /// Longer labels are dropped (Unicode scalars).
    public var maximumLabelLength = 200
    /// Paragraphs kept per article.
    public var maximumParagraphs = 50_000

    /// A long article is well under 1 MB; 16 MB leaves room for odd exports
    /// while keeping one file's memory bounded.
    public static let defaultFileMegabytes = 16

    public init() {}

    public static let standard: ImportLimits = {
        var limits = ImportLimits()
        if let text = ProcessInfo.processInfo.environment["LEDE_MAX_FILE_MB"], let megabytes = Int(text), megabytes > 0 {
            limits.maximumFileBytes = min(megabytes, 1 << 20) << 20
        }
        return limits
    }()
}

extension ArticleImporter {
    /// The bounds this importer applies (the standard ones unless it says otherwise).
    public var limits: ImportLimits { .standard }

    /// Reads and parses a file; a file over the size limit is an error.
    public func importFile(at path: String, limits: ImportLimits? = nil) -> Result<Article, LoadError> {
        switch ArticleFileReader.read(path, limits: limits ?? self.limits) {
        case .success(let data): parse(data, path: path)
        case .failure(let error): .failure(error)
        }
    }
}

/// One file after import: the article, and what it adds to the corpus's vocabulary.
public struct ImportedArticle: Sendable {
    public var article: Article
    public var concepts: [ConceptContribution]
    public var discoveredModels: [String]
    /// People, organisations and places found in the text (rules, tagger), sorted.
    public var detectedNames: [DetectedName]

    public init(article: Article, concepts: [ConceptContribution], discoveredModels: [String], detectedNames: [DetectedName] = []) {
        self.article = article
        self.concepts = concepts
        self.discoveredModels = discoveredModels
        self.detectedNames = detectedNames
    }

    /// Discovered model names and detected names in one list, as the index stores them.
    public var storedDiscoveries: [String] { discoveredModels + detectedNames.map(\.storedForm) }
}

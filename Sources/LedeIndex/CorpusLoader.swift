// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel
import Synchronization

/// Opens a corpus for a set of paths: from the index (brought up to date
/// first), or in memory when asked to or when the index cannot be used.
public struct CorpusLoader: Sendable {
    private let lazyBuilder: LazyBuilder
    /// Decides whether an index on disk was built by the same pipeline and data.
    public let dataFingerprint: String
    /// Where index files live; nil runs in memory.
    public var cacheDirectory: String?

    /// The builder, made on first use (reading the data files takes time a
    /// warm start does not need).
    public var builder: CorpusBuilder { lazyBuilder.value }

    public init(builder: CorpusBuilder, cacheDirectory: String?) {
        lazyBuilder = LazyBuilder { builder }
        taggerProblems = builder.tagger?.problems ?? TaggerProblems()
        dataFingerprint = Fingerprint.hex(of: builder.fingerprint)
        self.cacheDirectory = cacheDirectory
    }

    /// The standard data (shipped files and the user's catalogue), parsed only when articles must be read;
    /// `tagger` is `[ner]` of config.toml. Its command is part of the fingerprint: changing it re-indexes.
    /// Without the `catalogue` (`--no-catalogue`), releases come from the articles alone; that index is kept
    /// apart from the one with it, so switching back and forth rebuilds neither.
    public init(configDirectory: String?, cacheDirectory: String?, tagger: TaggerSettings? = nil, catalogue: Bool = true) {
        let problems = TaggerProblems()
        lazyBuilder = LazyBuilder {
            CorpusBuilder(linker: EntityLinker(catalogue: catalogue ? .withUserEntries(configDirectory: configDirectory) : .empty),
                          tagger: tagger.map { ExternalTagger(settings: $0, problems: problems) })
        }
        taggerProblems = problems
        dataFingerprint = Fingerprint.hex(of: StandardData.fingerprint(configDirectory: catalogue ? configDirectory : nil)
                                          + (catalogue ? "" : "\nno catalogue") + (tagger.map { "\n" + $0.fingerprint } ?? ""))
        indexVariant = catalogue ? nil : "no-catalogue"
        self.cacheDirectory = cacheDirectory
    }

    /// Set for a corpus read another way than the standard one (`no-catalogue`): its index is a file of its own.
    public var indexVariant: String?

    /// What the `[ner]` tagger had trouble with, each problem once.
    public var taggerProblems = TaggerProblems()

    public struct Loaded: Sendable {
        public var corpus: any Corpus
        /// One-line notices for the user (index rebuilt, index bypassed …).
        public var notices: [String]
        /// The index, when one is used.
        public var indexer: Indexer?
    }

    /// Opens the index for `paths` without updating it (the browser updates
    /// it in the background). Nil when the index cannot be used; `notices`
    /// then says why.
    public func openIndex(paths: [String], notices: inout [String]) -> (indexer: Indexer, corpus: IndexedCorpus)? {
        guard let cacheDirectory else { return nil }
        let roots = IndexLocation.canonicalRoots(paths)
        let path = IndexLocation.indexPath(roots: roots, cacheDirectory: cacheDirectory, variant: indexVariant)
        do {
            let database = try IndexDatabase.open(path: path, dataFingerprint: dataFingerprint)
            notices += database.notices
            let corpus = try IndexedCorpus(database: database, catalogueProblems: { [lazyBuilder] in lazyBuilder.value.linker.catalogue.problems })
            return (Indexer(database: database, builder: { [lazyBuilder] in lazyBuilder.value }), corpus)
        } catch let unavailable as IndexUnavailable {
            notices.append("\(unavailable.reason); running without the index")
        } catch {
            notices.append("cannot read the index \(path) (\(error)); running without it")
        }
        return nil
    }

    /// Loads synchronously (the export commands): index updated, or memory.
    public func load(paths: [String], needsSearch: Bool = false) -> Loaded {
        var notices: [String] = []
        let (files, states, missing) = ArticleFiles.expandWithStates(paths)
        if let (indexer, corpus) = openIndex(paths: paths, notices: &notices) {
            do {
                let report = try indexer.update(files: files, states: states)
                if needsSearch { try indexer.ensureSearchIndex() }
                try corpus.reload()
                corpus.setErrors(missing + Self.inFileOrder(report.errors, files: files))
                return Loaded(corpus: corpus, notices: notices + taggerProblems.take() + ContainerNotices.shared.take(under: paths), indexer: indexer)
            } catch let unavailable as IndexUnavailable {
                notices.append("\(unavailable.reason); running without the index")
            } catch {
                notices.append("cannot update the index \(indexer.database.path) (\(error)); running without it")
                indexer.database.discard()
            }
        }
        let corpus = builder.buildInMemory(paths: paths)
        return Loaded(corpus: corpus, notices: notices + taggerProblems.take() + ContainerNotices.shared.take(under: paths), indexer: nil)
    }

    /// Errors in the order of the files they name.
    public static func inFileOrder(_ errors: [LoadError], files: [String]) -> [LoadError] {
        var rank: [String: Int] = [:]
        for (index, file) in files.enumerated() { rank[file] = index }
        return errors.sorted { (rank[$0.path] ?? Int.max, $0.path) < (rank[$1.path] ?? Int.max, $1.path) }
    }
}

/// A builder made once, on first use, by whichever thread asks first.
final class LazyBuilder: Sendable {
    private let make: @Sendable () -> CorpusBuilder
    private let made = Mutex<CorpusBuilder?>(nil)

    init(_ make: @escaping @Sendable () -> CorpusBuilder) { self.make = make }

    var value: CorpusBuilder {
        made.withLock { made in
            if let made { return made }
            let builder = make()
            made = builder
            return builder
        }
    }
}

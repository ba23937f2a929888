// SPDX-License-Identifier: Apache-2.0
// ordo-one/benchmark suite for lede:
//   cd Benchmarks && swift package --scratch-path .build-bench benchmark
//
// Each benchmark runs in its own process; the corpora below are globals,
// built lazily the first time a benchmark touches them (outside the
// measured region: setup hooks touch them first).
//
// The 10,000- and 100,000-article corpora are generated folders read
// through the index, as the browser reads them: set LEDE_BENCH_10K and
// LEDE_BENCH_100K to folders made by `Benchmarks/generate-corpus.py`
// (their indexes are built once under $TMPDIR/lede-bench-cache and reused).
// Without them those benchmarks are left out.
import Benchmark
import Foundation
import LedeBenchSupport
import LedeIndex
import LedeModel
import LedeUI

// MARK: - Corpora

/// The bundled samples (6 articles), in memory.
let samplesCorpus = InMemoryCorpus.load(paths: [BenchPaths.samplesFolder])

/// 1,000 articles generated in memory from the samples, each with its own title.
let articles1000 = CorpusGenerator.variedArticles(count: 1000)
let corpus1000 = InMemoryCorpus(articles: articles1000)

/// A generated folder through the index (built on first use, then warm).
func indexedCorpus(environment name: String) -> (any Corpus)? {
    guard let folder = ProcessInfo.processInfo.environment[name] else { return nil }
    let cache = NSTemporaryDirectory() + "/lede-bench-cache"
    let loaded = CorpusLoader(configDirectory: nil, cacheDirectory: cache).load(paths: [folder])
    return loaded.corpus
}

nonisolated(unsafe) var indexedCorpora: [Int: any Corpus] = [:]

func corpus(ofSize size: Int) -> (any Corpus)? {
    switch size {
    case 6: return samplesCorpus
    case 1000: return corpus1000
    default:
        if let known = indexedCorpora[size] { return known }
        let loaded = indexedCorpus(environment: size == 10_000 ? "LEDE_BENCH_10K" : "LEDE_BENCH_100K")
        indexedCorpora[size] = loaded
        return loaded
    }
}

let sizes: [Int] = [6, 1000] + (ProcessInfo.processInfo.environment["LEDE_BENCH_10K"] != nil ? [10_000] : [])
    + (ProcessInfo.processInfo.environment["LEDE_BENCH_100K"] != nil ? [100_000] : [])

/// The same 1,000 articles written to a folder, for the load and memory benchmarks.
let folder1000: String = {
    let folder = BenchPaths.makeTemporaryFolder("lede-bench-1000")
    CorpusGenerator.writeVaried(count: 1000, to: folder)
    return folder
}()

/// Mutable browser state carried from one iteration to the next.
final class StateBox: @unchecked Sendable {
    /// Made in each benchmark's setup, so that registering the benchmarks builds no corpus.
    var state: BrowserState!
}

let width = 120
let height = 40

/// The listed entity with the most mentions (for `]` and the dossier).
func busiestEntity(_ corpus: any Corpus) -> EntityID? {
    corpus.allEntities().filter { $0.type != .model }.max { corpus.mentionCount(of: $0.id) < corpus.mentionCount(of: $1.id) }?.id
}

// MARK: - Benchmarks

let benchmarks: @Sendable () -> Void = {
    let timeMetrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .throughput]
    Benchmark.defaultConfiguration = .init(metrics: timeMetrics, warmupIterations: 3,
                                           maxDuration: .seconds(2), maxIterations: 2_000)

    // (a) Corpus load of the bundled samples: read, parse, link, releases, in memory.
    Benchmark("load: bundled samples (6 files, in memory)",
              configuration: .init(metrics: timeMetrics + [.peakMemoryResident, .mallocBytesCount])) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(InMemoryCorpus.load(paths: [BenchPaths.samplesFolder]))
        }
    }

    // (b) First frame: a fresh state rendered at 120×40 (wraps the first article).
    for size in sizes {
        Benchmark("first frame 120x40: \(size) articles") { benchmark in
            for _ in benchmark.scaledIterations {
                let state = BrowserState(corpus: corpus(ofSize: size)!, width: width, height: height)
                blackHole(BrowserView.render(state))
            }
        } setup: {
            blackHole(corpus(ofSize: size)?.articleCount)
        }
    }

    // (c) Per keystroke: handle(key) + render, state carried over between
    // iterations. Several corpus sizes to see whether the cost grows with it.
    for size in sizes {
        let box = StateBox()
        let setup: Benchmark.BenchmarkSetupHook = {
            box.state = BrowserState(corpus: corpus(ofSize: size)!, width: width, height: height)
            blackHole(BrowserView.render(box.state))
        }

        Benchmark("render only (no key) 120x40: \(size) articles") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(BrowserView.render(box.state)) }
        } setup: { try await setup() }

        // j: scroll the reader one line; back to the top once it stops moving.
        Benchmark("key j + render: \(size) articles") { benchmark in
            let before = box.state.reader.scroll
            benchmark.startMeasurement()
            box.state.apply(.key(.character("j")))
            blackHole(BrowserView.render(box.state))
            benchmark.stopMeasurement()
            if box.state.reader.scroll == before { box.state.reader.scroll = 0 }
        } setup: { try await setup() }

        // Tab: the next mention in the article (wraps).
        Benchmark("key Tab + render: \(size) articles") { benchmark in
            box.state.apply(.key(.tab))
            blackHole(BrowserView.render(box.state))
        } setup: { try await setup() }

        // ]: the next mention of the busiest entity, on into the next article.
        // After drawing, the event loop reads ahead (readAhead); so does this, unmeasured.
        Benchmark("key ] on the busiest entity + render: \(size) articles") { benchmark in
            box.state.apply(.key(.character("]")))
            blackHole(BrowserView.render(box.state))
            benchmark.stopMeasurement()
            box.state.readAhead()
        } setup: {
            try await setup()
            if let entity = busiestEntity(box.state.corpus),
               let first = box.state.corpus.mentionList(of: entity).mention(at: 0, corpus: box.state.corpus) {
                box.state.jump(to: first.id)
            }
        }

        // }: the next article (wraps to the first at the end), with the loop's read-ahead unmeasured.
        Benchmark("key } (next article) + render: \(size) articles") { benchmark in
            box.state.apply(.key(.character("}")))
            blackHole(BrowserView.render(box.state))
            benchmark.stopMeasurement()
            box.state.readAhead()
            if box.state.articlePosition == box.state.corpus.articleCount - 1 { box.state.apply(.key(.character("g"))) }
        } setup: {
            try await setup()
            box.state.readAhead()
        }

        // The dossier of the busiest entity: open, one row down, close.
        Benchmark("dossier of the busiest entity: open + j + render: \(size) articles") { benchmark in
            guard let entity = busiestEntity(box.state.corpus) else { return }
            benchmark.startMeasurement()
            box.state.overlay = .dossier(DossierState(entity: entity, selection: 0))
            box.state.apply(.key(.character("j")))
            blackHole(BrowserView.render(box.state))
            benchmark.stopMeasurement()
            box.state.overlay = nil
        } setup: { try await setup() }

        // Sidebar filter: e (focus the sidebar), / (open the filter), then
        // one character; each keystroke measured on its own with its render.
        Benchmark("key e (focus sidebar) + render: \(size) articles") { benchmark in
            box.state.apply(.key(.character("e")))
            blackHole(BrowserView.render(box.state))
            benchmark.stopMeasurement()
            box.state.apply(.key(.character("r")))
        } setup: { try await setup() }

        Benchmark("key 'a' in filter + render: \(size) articles") { benchmark in
            box.state.apply(.key(.character("e")))
            box.state.apply(.key(.character("/")))
            benchmark.startMeasurement()
            box.state.apply(.key(.character("a")))
            blackHole(BrowserView.render(box.state))
            benchmark.stopMeasurement()
            box.state.apply(.key(.escape))
            box.state.apply(.key(.character("r")))
        } setup: { try await setup() }

        // The article list: A, then G (to the last article), then close.
        Benchmark("article list A + G + render: \(size) articles") { benchmark in
            box.state.apply(.key(.character("A")))
            box.state.apply(.key(.character("G")))
            blackHole(BrowserView.render(box.state))
            benchmark.stopMeasurement()
            box.state.overlay = nil
        } setup: { try await setup() }
    }

    // (d) Memory of loading the 1,000-article corpus in memory.
    let memoryMetrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident, .peakMemoryResidentDelta,
                                            .mallocCountTotal, .mallocBytesCount]
    Benchmark("load: 1000 files from disk (in memory)",
              configuration: .init(metrics: memoryMetrics, warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 5)) { _ in
        blackHole(InMemoryCorpus.load(paths: [folder1000]))
    } setup: {
        blackHole(folder1000)
    } teardown: {
        try? FileManager.default.removeItem(atPath: folder1000)
    }

    Benchmark("build: 1000 parsed articles linked in memory",
              configuration: .init(metrics: memoryMetrics, warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 5)) { _ in
        blackHole(InMemoryCorpus(articles: articles1000))
    } setup: {
        blackHole(articles1000.count)
    }
}

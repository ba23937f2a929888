// ordo-one/benchmark suite for lede:
//   cd Benchmarks && swift package --scratch-path .build-bench benchmark
//
// Each benchmark runs in its own process; the corpora below are globals,
// built lazily the first time a benchmark touches them (outside the
// measured region: setup hooks touch them first).
import Benchmark
import Foundation
import LedeBenchSupport
import LedeModel
import LedeUI

// MARK: - Corpora

/// The bundled samples (6 articles), loaded from disk.
let samplesCorpus = Corpus.load(paths: [BenchPaths.samplesFolder])

/// 1,000 (or 100) articles generated in memory from the samples, each with its own title.
let corpus1000 = Corpus(articles: CorpusGenerator.variedArticles(count: 1000))
let corpus100 = Corpus(articles: CorpusGenerator.variedArticles(count: 100))

func corpus(ofSize size: Int) -> Corpus {
    switch size {
    case 6: return samplesCorpus
    case 100: return corpus100
    default: return corpus1000
    }
}

/// The same 1,000 articles written to a folder, for the load and memory benchmarks.
let folder1000: String = {
    let folder = BenchPaths.makeTemporaryFolder("lede-bench-1000")
    CorpusGenerator.writeVaried(count: 1000, to: folder)
    return folder
}()

let articles1000 = CorpusGenerator.variedArticles(count: 1000)

/// Mutable browser state carried from one iteration to the next.
final class StateBox: @unchecked Sendable {
    /// Made in each benchmark's setup, so that registering the benchmarks builds no corpus.
    var state: BrowserState!
}

let width = 120
let height = 40

// MARK: - Benchmarks

let benchmarks: @Sendable () -> Void = {
    let timeMetrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .throughput]
    Benchmark.defaultConfiguration = .init(metrics: timeMetrics, warmupIterations: 3,
                                           maxDuration: .seconds(2), maxIterations: 2_000)

    // (a) Corpus load of the bundled samples: read, parse, link, releases.
    Benchmark("load: bundled samples (6 files)",
              configuration: .init(metrics: timeMetrics + [.peakMemoryResident, .mallocBytesCount])) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Corpus.load(paths: [BenchPaths.samplesFolder]))
        }
    }

    // (b) First frame: a fresh state rendered at 120×40 (wraps the first article).
    for size in [6, 1000] {
        Benchmark("first frame 120x40: \(size) articles") { benchmark in
            for _ in benchmark.scaledIterations {
                let state = BrowserState(corpus: corpus(ofSize: size), width: width, height: height)
                blackHole(BrowserView.render(state))
            }
        } setup: {
            blackHole(corpus(ofSize: size).articles.count)
        }
    }

    // (c) Per keystroke: handle(key) + render, state carried over between
    // iterations. Three corpus sizes to see whether the cost grows with it.
    for size in [6, 100, 1000] {
        let box = StateBox()
        let setup: Benchmark.BenchmarkSetupHook = {
            box.state = BrowserState(corpus: corpus(ofSize: size), width: width, height: height)
            blackHole(BrowserView.render(box.state))
        }

        Benchmark("render only (no key) 120x40: \(size) articles") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(BrowserView.render(box.state)) }
        } setup: { try await setup() }

        // j: scroll the reader one line; back to the top once it stops moving.
        Benchmark("key j + render: \(size) articles") { benchmark in
            let before = box.state.reader.scroll
            benchmark.startMeasurement()
            box.state.handle(.character("j"))
            blackHole(BrowserView.render(box.state))
            benchmark.stopMeasurement()
            if box.state.reader.scroll == before { box.state.reader.scroll = 0 }
        } setup: { try await setup() }

        // Tab: the next mention in the article (wraps).
        Benchmark("key Tab + render: \(size) articles") { benchmark in
            box.state.handle(.tab)
            blackHole(BrowserView.render(box.state))
        } setup: { try await setup() }

        // ]: the next mention of the same entity, on into the next article.
        Benchmark("key ] + render: \(size) articles") { benchmark in
            box.state.handle(.character("]"))
            blackHole(BrowserView.render(box.state))
        } setup: {
            try await setup()
            box.state.handle(.tab) // focus a mention first
        }

        // Sidebar filter: e (focus the sidebar), / (open the filter), then
        // one character; each keystroke measured on its own with its render.
        Benchmark("key e (focus sidebar) + render: \(size) articles") { benchmark in
            box.state.handle(.character("e"))
            blackHole(BrowserView.render(box.state))
            benchmark.stopMeasurement()
            box.state.handle(.character("r"))
        } setup: { try await setup() }

        Benchmark("key / (open filter) + render: \(size) articles") { benchmark in
            box.state.handle(.character("e"))
            benchmark.startMeasurement()
            box.state.handle(.character("/"))
            blackHole(BrowserView.render(box.state))
            benchmark.stopMeasurement()
            box.state.handle(.escape)
            box.state.handle(.character("r"))
        } setup: { try await setup() }

        Benchmark("key 'a' in filter + render: \(size) articles") { benchmark in
            box.state.handle(.character("e"))
            box.state.handle(.character("/"))
            benchmark.startMeasurement()
            box.state.handle(.character("a"))
            blackHole(BrowserView.render(box.state))
            benchmark.stopMeasurement()
            box.state.handle(.escape)
            box.state.handle(.character("r"))
        } setup: { try await setup() }
    }

    // (d) Memory of loading the 1,000-article corpus.
    let memoryMetrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident, .peakMemoryResidentDelta,
                                            .mallocCountTotal, .mallocBytesCount]
    Benchmark("load: 1000 files from disk (Corpus.load)",
              configuration: .init(metrics: memoryMetrics, warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 5)) { _ in
        blackHole(Corpus.load(paths: [folder1000]))
    } setup: {
        blackHole(folder1000)
    } teardown: {
        try? FileManager.default.removeItem(atPath: folder1000)
    }

    Benchmark("build: Corpus(articles:) from 1000 parsed articles",
              configuration: .init(metrics: memoryMetrics, warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 5)) { _ in
        blackHole(Corpus(articles: articles1000))
    } setup: {
        blackHole(articles1000.count)
    }
}

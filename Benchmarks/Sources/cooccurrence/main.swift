// SPDX-License-Identifier: Apache-2.0
// cooccurrence: opens a folder through the index (warm) and times the
// co-occurrence query for its most-mentioned entity (issue 14's target: an
// entity with about 20,000 mentions over 10,000 articles in 50 ms or less),
// the sidebar's `c` key as the browser runs it, and the whole-corpus graph.
//
//   cooccurrence CACHE FOLDER [ROUNDS]
import Foundation
import LedeBenchSupport
import LedeIndex
import LedeModel
import LedeUI

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    print("usage: cooccurrence CACHE FOLDER [ROUNDS]")
    exit(2)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
let clock = ContinuousClock()
func milliseconds(_ duration: Duration) -> Double { duration.seconds * 1000 }

let loaded = CorpusLoader(configDirectory: nil, cacheDirectory: arguments[0]).load(paths: [arguments[1]])
let corpus = loaded.corpus
let entities = corpus.allEntities()
guard let busiest = entities.max(by: { corpus.mentionCount(of: $0.id) < corpus.mentionCount(of: $1.id) }) else {
    print("no entities")
    exit(1)
}
print("\(corpus.articleCount) articles, \(entities.count) entities; busiest: \(busiest.label), "
      + "\(corpus.mentionCount(of: busiest.id)) mentions in \(corpus.articles(mentioning: busiest.id).count) articles")

// The first query of a generation also reads every entity's unit counts.
var start = clock.now
var table = corpus.cooccurrences(of: busiest.id, unit: .paragraph)
print(String(format: "first query (reads the unit counts too): %.1f ms, %d partners", milliseconds(clock.now - start), table.rows.count))
for unit in CooccurrenceUnit.allCases {
    for order in CooccurrenceOrder.allCases {
        var samples: [Duration] = []
        for _ in 0..<rounds {
            start = clock.now
            table = corpus.cooccurrences(of: busiest.id, unit: unit, order: order)
            samples.append(clock.now - start)
        }
        let stats = DurationStats(samples)
        print(String(format: "%@ by %@: p50 %.1f ms  max %.1f ms  (%d partners; top: %@)", unit.rawValue, order.rawValue,
                     milliseconds(stats.median), milliseconds(stats.samples.last ?? .zero), table.rows.count,
                     table.rows.prefix(3).compactMap { corpus.entity($0.entity)?.label }.joined(separator: ", ")))
    }
}

// `c` in the sidebar, as the browser runs it: update, then the frame. The
// two busiest entities take turns, so each `c` makes its table anew (the
// browser keeps the last one).
let busiestTwo = entities.sorted { corpus.mentionCount(of: $0.id) > corpus.mentionCount(of: $1.id) }.prefix(2).map(\.id)
var state = BrowserState(corpus: corpus, width: 120, height: 40)
var regions = DrawnRegions()
state.apply(.key(.character("e")))
_ = BrowserView.render(state, reusing: &regions)
var keySamples: [Duration] = []
for round in 0..<rounds {
    state.sidebar.selectedEntity = busiestTwo[round % busiestTwo.count]
    start = clock.now
    state.apply(.key(.character("c")))
    _ = BrowserView.render(state, reusing: &regions)
    keySamples.append(clock.now - start)
    state.apply(.key(.character("c")))
    _ = BrowserView.render(state, reusing: &regions)
}
let keyStats = DurationStats(keySamples)
print(String(format: "sidebar c (update + frame, a new table each time): p50 %.1f ms  max %.1f ms", milliseconds(keyStats.median),
             milliseconds(keyStats.samples.last ?? .zero)))

start = clock.now
let graph = CooccurrenceGraph(corpus: corpus, unit: .paragraph, minimumWeight: 5)
print(String(format: "whole-corpus graph (min weight 5): %.0f ms, %d nodes, %d edges", milliseconds(clock.now - start), graph.nodes.count,
             graph.edges.count))

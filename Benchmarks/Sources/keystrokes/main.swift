// SPDX-License-Identifier: Apache-2.0
// keystrokes: opens a folder through the index (warm) and times update +
// render for a sequence of keys, printing percentiles; for profiling the
// browser's per-key path outside the terminal (`perf record`).
//
//   keystrokes CACHE FOLDER [ROUNDS]
import Foundation
import LedeBenchSupport
import LedeIndex
import LedeModel
import LedeUI

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    print("usage: keystrokes CACHE FOLDER [ROUNDS]")
    exit(2)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let loaded = CorpusLoader(configDirectory: nil, cacheDirectory: arguments[0]).load(paths: [arguments[1]])
var state = BrowserState(corpus: loaded.corpus, width: 120, height: 40)
// Kept from frame to frame, as the event loop keeps it.
var regions = DrawnRegions()
_ = BrowserView.render(state, reusing: &regions)
let keys: [(String, Key)] = [("j", .character("j")), ("Tab", .tab), ("]", .character("]")), ("}", .character("}")),
                             ("e", .character("e")), ("r", .character("r")), ("t", .character("t")), ("l", .character("l")),
                             ("r", .character("r"))]
let clock = ContinuousClock()
var samples: [String: [Duration]] = [:]
for _ in 0..<rounds {
    for (name, key) in keys {
        let start = clock.now
        state.apply(.key(key))
        _ = BrowserView.render(state, reusing: &regions)
        samples[name, default: []].append(clock.now - start)
        // As the event loop does after drawing, before it waits for the next key.
        state.readAhead()
    }
}
for (name, _) in keys where samples[name] != nil {
    let stats = DurationStats(samples.removeValue(forKey: name)!)
    print(String(format: "%-4@ p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms", name, stats.median.seconds * 1000,
                 stats.percentile(99).seconds * 1000, (stats.samples.last ?? .zero).seconds * 1000))
}

// The article list: each order in turn (s), then a filter typed a letter at a time (/ d e e p).
var list = state
list.apply(.key(.character("A")))
for round in 0..<3 {
    for name in ["s"] + ["/", "d", "e", "e", "p", "<Esc>"] {
        let key: Key = name == "<Esc>" ? .escape : .character(Character(name))
        let start = clock.now
        list.apply(.key(key))
        _ = BrowserView.render(list, reusing: &regions)
        let label = name == "s" ? "A s" : "A /" + name
        samples[label, default: []].append(clock.now - start)
    }
    for _ in 0..<4 {
        let start = clock.now
        list.apply(.key(.character("s")))
        _ = BrowserView.render(list, reusing: &regions)
        samples["A s", default: []].append(clock.now - start)
    }
    _ = round
}
for label in ["A s", "A //", "A /d", "A /e", "A /p", "A /<Esc>"] where samples[label] != nil {
    let stats = DurationStats(samples.removeValue(forKey: label)!)
    print(String(format: "%-9@ p50 %7.3f ms  max %7.3f ms  (%d samples)", label, stats.median.seconds * 1000,
                 (stats.samples.last ?? .zero).seconds * 1000, stats.samples.count))
}


// The dossier's mentions over time (issue 14): the histogram of the most-mentioned entity when its
// generation is new (the publication days read once, then its postings), again (both kept), for twenty
// other entities (each a postings read), and the dossier's frame on the top entity with the line drawn.
let corpus = loaded.corpus
let ranked = corpus.allEntities().map { ($0.id, corpus.mentionCount(of: $0.id)) }.sorted { $0.1 > $1.1 }
if let (top, topMentions) = ranked.first {
    for round in 0..<5 {
        // A new snapshot, as after the index commits: the publication days are read again.
        try? (corpus as? IndexedCorpus)?.reload()
        var start = clock.now
        let histogram = corpus.mentionHistogram(of: top)
        samples["histogram, after a reload", default: []].append(clock.now - start)
        start = clock.now
        _ = corpus.mentionHistogram(of: top)
        samples["histogram, again", default: []].append(clock.now - start)
        // Its two parts after a reload: the postings alone, then the publication days (an entity named once).
        try? (corpus as? IndexedCorpus)?.reload()
        start = clock.now
        _ = corpus.articles(mentioning: top)
        samples["  its postings after a reload", default: []].append(clock.now - start)
        if let (rare, _) = ranked.last(where: { $0.1 > 0 }) {
            start = clock.now
            _ = corpus.mentionHistogram(of: rare)
            samples["  publication days (rare entity)", default: []].append(clock.now - start)
        }
        for (entity, _) in ranked.dropFirst(1 + round * 20).prefix(20) {
            start = clock.now
            _ = corpus.mentionHistogram(of: entity)
            samples["histogram, entity not read yet", default: []].append(clock.now - start)
        }
        var dossier = state
        dossier.overlay = .dossier(DossierState(entity: top))
        start = clock.now
        _ = BrowserView.render(dossier, reusing: &regions)
        samples["dossier frame", default: []].append(clock.now - start)
        if round == 0 {
            print("most mentioned: \(corpus.entity(top)?.label ?? "?"), \(topMentions) mentions; \(histogram.bins.count) \(histogram.period)s, "
                  + "busiest \(histogram.busiest.map(histogram.label(of:)) ?? "none"), \(histogram.undatedMentions) undated")
        }
    }
    for label in ["histogram, after a reload", "histogram, again", "  its postings after a reload", "  publication days (rare entity)", "histogram, entity not read yet", "dossier frame"] {
        let stats = DurationStats(samples.removeValue(forKey: label)!)
        print(String(format: "%-33@ p50 %7.3f ms  max %7.3f ms  (%d samples)", label, stats.median.seconds * 1000,
                     (stats.samples.last ?? .zero).seconds * 1000, stats.samples.count))
    }
}

// The timeline's `p` (each organisation's busiest period): the first time in a snapshot (an entity
// lookup, postings and histogram per organisation with releases), then off and on again (kept).
var timeline = state
timeline.apply(.key(.character("t")))
for _ in 0..<5 {
    try? (corpus as? IndexedCorpus)?.reload()
    timeline.corpusDidChange(indexing: nil)
    for label in ["p (first in a snapshot)", "p (off)", "p (on, kept)"] {
        let start = clock.now
        timeline.apply(.key(.character("p")))
        _ = BrowserView.render(timeline, reusing: &regions)
        samples[label, default: []].append(clock.now - start)
    }
    timeline.apply(.key(.character("p")))
}
print("organisations with releases: \(Set(corpus.releases.compactMap(\.organisation)).count)")
for label in ["p (first in a snapshot)", "p (off)", "p (on, kept)"] {
    let stats = DurationStats(samples.removeValue(forKey: label)!)
    print(String(format: "%-33@ p50 %7.3f ms  max %7.3f ms  (%d samples)", label, stats.median.seconds * 1000,
                 (stats.samples.last ?? .zero).seconds * 1000, stats.samples.count))
}

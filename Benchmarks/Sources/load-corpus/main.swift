// SPDX-License-Identifier: Apache-2.0
// load-corpus: loads article files the way `lede` does and prints what it
// found, for measuring time and peak memory from outside (`/usr/bin/time`).
//
//   load-corpus --write-varied 1000 FOLDER     writes 1,000 articles made from the samples
//   load-corpus [--index CACHE] PATH…          loads PATHs in memory, or through an index in CACHE
//   load-corpus --none                         the same process, loading nothing (baseline)
import Foundation
import LedeBenchSupport
import LedeIndex
import LedeModel

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--write-varied", arguments.count == 3, let count = Int(arguments[1]) {
    try? FileManager.default.createDirectory(atPath: arguments[2], withIntermediateDirectories: true)
    CorpusGenerator.writeVaried(count: count, to: arguments[2])
    print("wrote \(count) articles to \(arguments[2])")
    exit(0)
}
if arguments.first == "--none" {
    print("loaded nothing")
    exit(0)
}
var cache: String?
if arguments.first == "--index", arguments.count >= 2 {
    cache = arguments[1]
    arguments.removeFirst(2)
}
guard !arguments.isEmpty else {
    print("usage: load-corpus --write-varied N FOLDER | [--index CACHE] PATH… | --none")
    exit(2)
}
let clock = ContinuousClock()
let start = clock.now
let loaded = CorpusLoader(configDirectory: nil, cacheDirectory: cache).load(paths: arguments)
let corpus = loaded.corpus
let elapsed = clock.now - start
let mentions = corpus.allEntities().reduce(0) { $0 + corpus.mentionCount(of: $1.id) }
print("\(corpus.articleCount) articles, \(corpus.allEntities().count) entities, \(mentions) mentions, "
      + "\(corpus.releases.count) releases, \(corpus.errors.count) errors in \(elapsed)"
      + (loaded.indexer == nil ? " (in memory)" : " (index)"))
for notice in loaded.notices { print("notice: \(notice)") }

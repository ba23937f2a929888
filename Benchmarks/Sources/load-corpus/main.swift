// load-corpus: loads article files the way `lede` does and prints what it
// found, for measuring peak memory from outside (`/usr/bin/time -v`).
//
//   load-corpus --write-varied 1000 FOLDER   writes 1,000 articles made from the samples
//   load-corpus --write-large 2000 50 FOLDER writes linker-vs-grep's corpus (2,000 files of ≥50 KB)
//   load-corpus PATH…                        Corpus.load(paths:) and a summary
//   load-corpus --none                       the same process, loading nothing (baseline)
import Foundation
import LedeBenchSupport
import LedeModel

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--write-varied", arguments.count == 3, let count = Int(arguments[1]) {
    try? FileManager.default.createDirectory(atPath: arguments[2], withIntermediateDirectories: true)
    CorpusGenerator.writeVaried(count: count, to: arguments[2])
    print("wrote \(count) articles to \(arguments[2])")
    exit(0)
}
if arguments.first == "--write-large", arguments.count == 4, let count = Int(arguments[1]), let kb = Int(arguments[2]) {
    try? FileManager.default.createDirectory(atPath: arguments[3], withIntermediateDirectories: true)
    let written = CorpusGenerator.writeLargeCorpus(to: arguments[3], count: count, bodyBytes: kb * 1000, seed: 2025)
    print("wrote \(written.files.count) files, \(written.fileBytes) bytes to \(arguments[3])")
    exit(0)
}
if arguments.first == "--none" {
    print("loaded nothing")
    exit(0)
}
guard !arguments.isEmpty else {
    print("usage: load-corpus --write-varied N FOLDER | --write-large N KB FOLDER | PATH… | --none")
    exit(2)
}
let clock = ContinuousClock()
let start = clock.now
let corpus = Corpus.load(paths: arguments)
let elapsed = clock.now - start
print("\(corpus.articles.count) articles, \(corpus.entities.count) entities, \(corpus.mentions.count) mentions, "
      + "\(corpus.releases.count) releases, \(corpus.errors.count) errors in \(elapsed)")

// linker-vs-grep: lede's entity linker against `grep -F` over the same
// generated ~100 MB of scraped-format articles, in one run.
//
//   swift run -c release --scratch-path .build-bench linker-vs-grep [--files 2000] [--kb 50] [--seed 2025] [--keep]
import Foundation
import LedeBenchSupport
import LedeModel

// MARK: - Options

var fileCount = 2000
var bodyKB = 50
var seed: UInt64 = 2025
var keep = false
var grepRepeats = 3
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--files": fileCount = Int(arguments.next() ?? "") ?? fileCount
    case "--kb": bodyKB = Int(arguments.next() ?? "") ?? bodyKB
    case "--seed": seed = UInt64(arguments.next() ?? "") ?? seed
    case "--grep-repeats": grepRepeats = max(1, Int(arguments.next() ?? "") ?? grepRepeats)
    case "--keep": keep = true
    default:
        print("usage: linker-vs-grep [--files N] [--kb K] [--seed S] [--grep-repeats R] [--keep]")
        exit(2)
    }
}

let clock = ContinuousClock()
/// CPU time of this process (user + system), in seconds: the machine is shared,
/// so wall-clock numbers can include time spent waiting for a core.
func processCPU() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
/// CPU time (user + system) of waited-for children, in seconds.
func childrenCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}
/// CPU seconds of the last `timed` call.
var lastCPU = 0.0
@MainActor func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
    let cpuStart = processCPU()
    let start = clock.now
    let value = try body()
    let wall = clock.now - start
    lastCPU = processCPU() - cpuStart
    return (value, wall)
}
func mb(_ bytes: Int) -> Double { Double(bytes) / 1_000_000 }
func rate(_ bytes: Int, _ duration: Duration) -> String { String(format: "%.1f", mb(bytes) / duration.seconds) }
func secs(_ duration: Duration) -> String { String(format: "%.3f", duration.seconds) }
func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

// MARK: - Generate

let folder = BenchPaths.makeTemporaryFolder("lede-linker-vs-grep")
log("generating \(fileCount) files of ≥\(bodyKB) KB of paragraphs in \(folder) …")
let (corpusFiles, generateTime) = timed {
    CorpusGenerator.writeLargeCorpus(to: folder, count: fileCount, bodyBytes: bodyKB * 1000, seed: seed)
}
let generateCPU = lastCPU
log("  \(String(format: "%.1f", mb(corpusFiles.fileBytes))) MB written in \(secs(generateTime)) s")

// MARK: - Read and parse (not part of the linker number)

log("reading and parsing …")
let importer = ScrapedArticleImporter()
let (articles, parseTime) = timed {
    corpusFiles.files.map { path -> Article in
        guard case .success(let article) = importer.importFile(at: path) else { fatalError("cannot import \(path)") }
        return article
    }
}
let parseCPU = lastCPU
let paragraphBytes = articles.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.utf8.count } }
let paragraphCount = articles.reduce(0) { $0 + $1.paragraphs.count }

// MARK: - The linker alone

log("linking …")
let (linked, linkTime) = timed { EntityLinker().link(articles) }
let linkCPU = lastCPU

// Where the linker's time goes: the model-name scanner (regular expressions
// over every paragraph) and the automaton scan, each on its own.
let names = LinkerNames.all(entities: linked.entities)
let known = Set(linked.entities.flatMap(\.names))
let allParagraphs = articles.flatMap(\.paragraphs)
log("model-name scanner alone …")
let (discovered, scannerTime) = timed { ModelNameScanner().names(in: allParagraphs, known: known) }
let scannerCPU = lastCPU
log("automaton alone …")
let patterns = names.enumerated().map { index, name in
    NamePattern(text: name, caseRule: NameForms.caseRule(for: name), payload: index)
}
let (matcher, buildTime) = timed { NameMatcher(patterns: patterns) }
let buildCPU = lastCPU
let (rawMatches, scanTime) = timed {
    allParagraphs.reduce(0) { $0 + matcher.allMatches(in: $1).count }
}
let scanCPU = lastCPU

// The release extractor runs after the linker in Corpus(articles:).
log("release extractor alone …")
let (releases, releasesTime) = timed {
    ReleaseExtractor(catalogue: .bundled).releases(articles: articles, entities: linked.entities, mentions: linked.mentions,
                                                   catalogueEntryOfModel: linked.catalogueEntryOfModel)
}
let releasesCPU = lastCPU

// MARK: - Full load (read + parse + link + releases)

log("Corpus.load …")
let (loaded, loadTime) = timed { Corpus.load(paths: [folder]) }
let loadCPU = lastCPU
let loadedArticles = loaded.articles.count
let loadedMentions = loaded.mentions.count
let loadedReleases = loaded.releases.count

// MARK: - grep

let namesPath = folder + ".names.txt"
try! (names.joined(separator: "\n") + "\n").write(toFile: namesPath, atomically: false, encoding: .utf8)

struct GrepRun {
    var label: String
    var times: [Duration]
    var cpu: [Double]
    var output: String
}

/// Runs grep with its output read through a pipe (GNU grep stops at the first
/// match when stdout is /dev/null, so the output must really be consumed).
@MainActor func grep(_ options: [String], locale: String) -> (Duration, Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/grep")
    process.arguments = options + ["-F", "-f", namesPath] + corpusFiles.files
    process.environment = ["LC_ALL": locale, "PATH": "/usr/bin:/bin"]
    let pipe = Pipe()
    process.standardOutput = pipe
    let start = clock.now
    try! process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (clock.now - start, data)
}

var grepRuns: [GrepRun] = []
for (options, what) in [(["-c"], "grep -c -F -f names.txt"), (["-o"], "grep -o -F -f names.txt (output lines counted)")] {
    for locale in ["C", "C.UTF-8"] {
        log("\(what) with LC_ALL=\(locale) …")
        var times: [Duration] = []
        var cpu: [Double] = []
        var summary = ""
        for _ in 0..<grepRepeats {
            let cpuStart = childrenCPU()
            let (time, data) = grep(options, locale: locale)
            cpu.append(childrenCPU() - cpuStart)
            times.append(time)
            let text = String(decoding: data, as: UTF8.self)
            if options == ["-c"] {
                let counts = text.split(separator: "\n").compactMap { $0.split(separator: ":").last.flatMap { Int($0) } }
                summary = "\(counts.reduce(0, +)) matching lines"
            } else {
                summary = "\(text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }) matches"
            }
        }
        grepRuns.append(GrepRun(label: "\(what), LC_ALL=\(locale)", times: times, cpu: cpu, output: summary))
    }
}

// MARK: - Report

let fileBytes = corpusFiles.fileBytes
func cpuText(_ cpu: Double) -> String { String(format: "%.3f", cpu) }
func cpuRate(_ bytes: Int, _ cpu: Double) -> String { cpu > 0 ? String(format: "%.1f", mb(bytes) / cpu) : "" }
func row(_ what: String, _ wall: Duration, _ cpu: Double, _ bytes: Int?, _ of: String, _ notes: String) -> String {
    "| \(what) | \(secs(wall)) | \(cpuText(cpu)) | \(bytes.map { rate($0, wall) } ?? "") | \(bytes.map { cpuRate($0, cpu) } ?? "") | \(of) | \(notes) |"
}
print("""
linker-vs-grep  \(Date())
corpus: \(fileCount) files, \(String(format: "%.1f", mb(fileBytes))) MB on disk, \(paragraphCount) paragraphs, \
\(String(format: "%.1f", mb(paragraphBytes))) MB of paragraph text (UTF-8)
names: \(names.count) (\(linked.entities.count) entities, \(patterns.count) automaton patterns, \(matcher.stateCount) states)
linker: \(linked.mentions.count) mentions; raw automaton matches: \(rawMatches); discovered models: \(discovered.count); releases: \(releases.count)

| what | wall s | CPU s | MB/s (wall) | MB/s (CPU) | bytes | notes |
|---|---:|---:|---:|---:|---|---|
""")
print(row("generate files", generateTime, generateCPU, fileBytes, "file", ""))
print(row("read + parse (ScrapedArticleImporter)", parseTime, parseCPU, fileBytes, "file", "\(articles.count) articles"))
print(row("**EntityLinker().link(articles)**", linkTime, linkCPU, paragraphBytes, "paragraph", "\(linked.mentions.count) mentions"))
print(row("  ModelNameScanner alone (inside link)", scannerTime, scannerCPU, paragraphBytes, "paragraph", "2 NSRegularExpressions"))
print(row("  NameMatcher build alone (inside link)", buildTime, buildCPU, nil, "", "\(patterns.count) patterns"))
print(row("  NameMatcher.allMatches scan alone (inside link)", scanTime, scanCPU, paragraphBytes, "paragraph", "\(rawMatches) matches"))
print(row("ReleaseExtractor.releases alone (after link)", releasesTime, releasesCPU, paragraphBytes, "paragraph", "\(releases.count) releases"))
print(row("Corpus.load (read+parse+link+releases)", loadTime, loadCPU, fileBytes, "file",
          "\(loadedArticles) articles, \(loadedMentions) mentions, \(loadedReleases) releases"))
for run in grepRuns {
    let stats = DurationStats(run.times)
    let medianCPU = run.cpu.sorted()[run.cpu.count / 2]
    let all = run.times.map(secs).joined(separator: ", ")
    print(row("**\(run.label)** (median of \(run.times.count))", stats.median, medianCPU, fileBytes, "file", "\(run.output); wall runs: \(all) s"))
}

if keep {
    log("kept \(folder) and \(namesPath)")
} else {
    try? FileManager.default.removeItem(atPath: folder)
    try? FileManager.default.removeItem(atPath: namesPath)
}

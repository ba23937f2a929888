import ArgumentParser
import LedeModel

/// Output formats of the export subcommands.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json, tsv, csv, markdown
}

/// Loads the paths (bundled samples when none), reports unreadable files on
/// stderr, and tells whether any input failed.
func loadCorpus(_ paths: [String]) -> Corpus {
    let corpus = Corpus.load(paths: paths.isEmpty ? BundledSamples.paths() : paths,
                             linker: EntityLinker(catalogue: .withUserEntries(configDirectory: ConfigDirectory.path())))
    for error in corpus.errors { printError("lede: \(error.path): \(error.message)") }
    for problem in corpus.catalogueProblems { printError("lede: \(problem)") }
    for warning in corpus.warnings { printError("lede: warning: \(warning)") }
    return corpus
}

/// Prints to stderr with control characters made visible: messages carry
/// file names and article text.
func printError(_ message: String) {
    var standardError = StandardError()
    print(ControlCharacters.visible(message), to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}

/// Exit status 1 when any input could not be read or parsed.
func finish(_ corpus: Corpus) throws {
    if !corpus.errors.isEmpty { throw ExitCode(1) }
}

import Foundation

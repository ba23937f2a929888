// SPDX-License-Identifier: Apache-2.0
import CFuzzerDriver
import Foundation

/// `lede-fuzz <harness> [libFuzzer flags] [corpus folders or files]`.
///
/// The harness name is taken off the command line before libFuzzer sees it,
/// and kept in `LEDE_FUZZ_HARNESS` so that processes libFuzzer starts itself
/// (`-fork`, `-jobs`, `-minimize_crash`) run the same harness.
@main
struct LedeFuzz {
    static let harnesses: [String: @Sendable (UnsafeRawBufferPointer) -> Void] = [
        "importer": ImporterHarness.run,
        "linker": ImporterHarness.runThroughLinker,
        "formats": FormatsHarness.run,
        "html": HTMLHarness.run,
        "json": JSONHarness.run,
        "dates": DatesHarness.run,
        "search": SearchHarness.run,
        "config": ConfigHarness.run,
        "feed": FeedHarness.run,
        "warc": WARCHarness.run,
    ]

    nonisolated(unsafe) static var selected: (@Sendable (UnsafeRawBufferPointer) -> Void)?

    static func main() {
        var arguments = CommandLine.arguments
        let name: String
        if arguments.count > 1, harnesses[arguments[1]] != nil {
            name = arguments.remove(at: 1)
            setenv("LEDE_FUZZ_HARNESS", name, 1)
        } else if let fromEnvironment = ProcessInfo.processInfo.environment["LEDE_FUZZ_HARNESS"], harnesses[fromEnvironment] != nil {
            name = fromEnvironment
        } else {
            FileHandle.standardError.write(Data("usage: lede-fuzz \(harnesses.keys.sorted().joined(separator: "|")) [libFuzzer flags] [corpus ...]\n".utf8))
            exit(2)
        }
        let harness = harnesses[name]!
        selected = harness
        // Lazily built tables (catalogue, gazetteer, regular expressions, keymap)
        // are made here, once, so that the first input is not slow and their
        // memory is never mistaken for a leak of one input.
        for warmUp in WarmUp.inputs { warmUp.utf8.withContiguousStorageIfAvailable { harness(UnsafeRawBufferPointer($0)) } }

        var argc = Int32(arguments.count)
        // libFuzzer keeps pointers into argv for the whole run: never freed.
        let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: arguments.count + 1)
        for (index, argument) in arguments.enumerated() { argv[index] = strdup(argument) }
        argv[arguments.count] = nil
        var argvPointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        exit(LLVMFuzzerRunDriver(&argc, &argvPointer) { data, size in
            LedeFuzz.selected!(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        })
    }
}

/// Inputs every harness runs once before fuzzing.
enum WarmUp {
    static let inputs = [
        "# Warm-up\n\nTessa MarlowPublishedMar 19 2025 In January, DeepSeek released its R1 model. The Zed-9 model came out on March 3, 2025."
            + "{\"contentId\":\"x\",\"annotations\":[{\"type\":\"ORGANISATION\",\"predicate\":\"http://www.ft.com/ontology/annotation/about\","
            + "\"prefLabel\":\"DeepSeek\",\"id\":\"1\",\"url\":\"https://www.ft.com/deepseek\"}]}",
        "[keys]\nquit = [\"q\"]\n[ui]\ntext = { fg = \"#ffffff\" }\n",
        "deepseek \"open source\" reason*",
        "<!doctype html><html><head><title>Warm-up | Site</title></head><body><article><p>DeepSeek released R1 in January.</p></article></body></html>",
    ]
}

/// A broken invariant: say which, then trap, so libFuzzer records the input.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("lede-fuzz: invariant broken: \(message())\n".utf8))
        fatalError("invariant broken")
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes as text, invalid UTF-8 repaired (U+FFFD), as a reader of a file would see it.
    var text: String { String(decoding: self, as: UTF8.self) }
}

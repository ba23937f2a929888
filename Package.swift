// swift-tools-version: 6.1
// SPDX-License-Identifier: Apache-2.0
import PackageDescription

// Linux only: the terminal, the indexer and the child programs call glibc
// directly (sigaction's layout, MSG_NOSIGNAL, SOCK_CLOEXEC, posix_spawn's
// _np calls, /proc) without guards. Say so here rather than fail later.
#if !os(Linux)
#error("lede builds on Linux only (see DECISIONS.md, \"Linux only\")")
#endif

let package = Package(
    name: "lede",
    products: [
        .executable(name: "lede", targets: ["lede"]),
        .library(name: "LedeText", targets: ["LedeText"]),
        .library(name: "LedeModel", targets: ["LedeModel"]),
        .library(name: "LedeUI", targets: ["LedeUI"]),
        .library(name: "LedeIndex", targets: ["LedeIndex"]),
        .library(name: "LedeConfig", targets: ["LedeConfig"]),
        .library(name: "LedeFetch", targets: ["LedeFetch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Sentences, words and their normal forms: the one place for those rules.
        .target(name: "LedeText"),
        // Parsed articles, entities, mentions, releases. Foundation, and Yams for Markdown front matter.
        .target(
            name: "LedeModel",
            dependencies: ["LedeText", "CLibXML2", "CZlib", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        // The persistent index: the same Corpus queries, answered from SQLite (GRDB, FTS5).
        .target(
            name: "LedeIndex",
            dependencies: ["LedeModel", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // Fetching feeds and pages into a folder (lede fetch, the browser's refresh): the only network use.
        .target(name: "LedeFetch", dependencies: ["LedeModel"]),
        // State, events, keymap, update, panes, widgets, theme styles. No curses, no files.
        .target(name: "LedeUI", dependencies: ["LedeModel", "LedeText"]),
        // config.toml, key rebinding, theme files and where they are found; the shipped themes as resources.
        .target(
            name: "LedeConfig",
            dependencies: ["LedeModel", "LedeUI", .product(name: "TOMLKit", package: "TOMLKit")],
            resources: [.copy("Themes")]
        ),
        // libxml2 (HTML pages, feeds) and zlib (gzip, WARC) as system libraries.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // ncursesw as a system library; the shim header sets the wide-char defines.
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        // The flags signal handlers set (volatile sig_atomic_t, which Swift cannot declare) and the handlers that set them.
        .target(name: "CSignalFlags"),
        // The only module that touches curses.
        .target(name: "LedeTerminal", dependencies: ["CNcursesw", "CSignalFlags", "LedeUI"]),
        .executableTarget(
            name: "lede",
            dependencies: [
                "LedeModel", "LedeIndex", "LedeUI", "LedeConfig", "LedeTerminal", "LedeFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Samples")]
        ),
        .target(name: "LedeTestSupport", dependencies: ["LedeModel", "LedeUI"], path: "Tests/LedeTestSupport"),
        .testTarget(name: "LedeTextTests", dependencies: ["LedeText"]),
        .testTarget(name: "LedeModelTests", dependencies: ["LedeModel", "LedeText", "LedeTestSupport"], exclude: ["Fixtures", "DevelopmentSet", "ReleaseHeldOut"]),
        .testTarget(name: "LedeIndexTests", dependencies: ["LedeIndex", "LedeModel", "LedeTestSupport"]),
        .testTarget(name: "LedeUITests", dependencies: ["LedeUI", "LedeConfig", "LedeModel", "LedeTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LedeTestSupport", "LedeModel", "LedeIndex"]),
    ]
)

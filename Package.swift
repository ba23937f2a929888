// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "lede",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lede", targets: ["lede"]),
        .library(name: "LedeModel", targets: ["LedeModel"]),
        .library(name: "LedeUI", targets: ["LedeUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Parsed articles, entities, mentions, releases. Foundation only.
        .target(
            name: "LedeModel",
            resources: [.copy("Resources")]
        ),
        // State, actions, keymap, update, layout, widgets, themes. No curses.
        .target(
            name: "LedeUI",
            dependencies: ["LedeModel", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // ncursesw as a system library; the shim header sets the wide-char defines.
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        // The only module that touches curses.
        .target(name: "LedeTerminal", dependencies: ["CNcursesw", "LedeUI"]),
        .executableTarget(
            name: "lede",
            dependencies: [
                "LedeModel", "LedeUI", "LedeTerminal", .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Samples")]
        ),
        .target(name: "LedeTestSupport", dependencies: ["LedeModel", "LedeUI"], path: "Tests/LedeTestSupport"),
        .testTarget(name: "LedeModelTests", dependencies: ["LedeModel", "LedeTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LedeUITests", dependencies: ["LedeUI", "LedeModel", "LedeTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LedeTestSupport"]),
    ]
)

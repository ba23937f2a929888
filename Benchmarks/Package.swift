// swift-tools-version: 6.1
// SPDX-License-Identifier: Apache-2.0
// Benchmarks for lede, kept apart from the main package so that its build
// and tests never pull in ordo-one/benchmark. Build with its own scratch path:
//   swift build -c release --scratch-path .build-bench
import PackageDescription

let package = Package(
    name: "lede-benchmarks",
    dependencies: [
        .package(name: "lede", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Corpus generation and paths shared by the benchmark executables.
        .target(
            name: "LedeBenchSupport",
            dependencies: [.product(name: "LedeModel", package: "lede")]
        ),
        // Loads files as lede does, for peak memory measured from outside (/usr/bin/time -v).
        .executableTarget(
            name: "load-corpus",
            dependencies: ["LedeBenchSupport", .product(name: "LedeModel", package: "lede"), .product(name: "LedeIndex", package: "lede")]
        ),
        // Update + render per key on an indexed folder, percentiles printed; for profiling.
        .executableTarget(
            name: "keystrokes",
            dependencies: ["LedeBenchSupport", .product(name: "LedeModel", package: "lede"), .product(name: "LedeIndex", package: "lede"),
                           .product(name: "LedeUI", package: "lede")]
        ),
        // The co-occurrence query, the sidebar's c key and the whole-corpus graph on an indexed folder.
        .executableTarget(
            name: "cooccurrence",
            dependencies: ["LedeBenchSupport", .product(name: "LedeModel", package: "lede"), .product(name: "LedeIndex", package: "lede"),
                           .product(name: "LedeUI", package: "lede")]
        ),
        .executableTarget(name: "listfilter", dependencies: [.product(name: "LedeIndex", package: "lede"), .product(name: "LedeUI", package: "lede"), .product(name: "LedeModel", package: "lede")]),
        .executableTarget(name: "posbench", dependencies: [.product(name: "LedeIndex", package: "lede"), .product(name: "LedeUI", package: "lede"), .product(name: "LedeModel", package: "lede")]),
        // ordo-one/benchmark suite: load, first frame, keystrokes, memory.
        .executableTarget(
            name: "LedeBenchmarks",
            dependencies: [
                "LedeBenchSupport",
                .product(name: "LedeModel", package: "lede"),
                .product(name: "LedeIndex", package: "lede"),
                .product(name: "LedeUI", package: "lede"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LedeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

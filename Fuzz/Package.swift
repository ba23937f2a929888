// swift-tools-version: 6.1
// SPDX-License-Identifier: Apache-2.0
// libFuzzer harnesses for lede's parsers, kept apart from the main package so
// that its build and tests never see the sanitizer flags. Build and run with
// ./run.sh (which passes -sanitize=fuzzer,address to every Swift target, so
// LedeModel and LedeUI are instrumented too); the scratch path is .build-fuzz.
import PackageDescription

let package = Package(
    name: "lede-fuzz",
    dependencies: [
        .package(name: "lede", path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver, so one executable can pick its harness from argv.
        .target(name: "CFuzzerDriver"),
        // One executable, one harness per mode: lede-fuzz importer|json|dates|search|config [libFuzzer flags] [corpus …]
        .executableTarget(
            name: "lede-fuzz",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "LedeModel", package: "lede"),
                .product(name: "LedeText", package: "lede"),
                .product(name: "LedeUI", package: "lede"),
                .product(name: "LedeConfig", package: "lede"),
            ]
        ),
    ]
)

// swift-tools-version: 6.1
// LearningContract: the Microsoft Graph Viva Learning learningCourseActivity API as an executable contract.
// No dependencies beyond the toolchain (Foundation, Dispatch, Glibc, XCTest, Swift Testing).
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "LearningContract",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "LearningContract", targets: ["LearningContract"]),
        .library(name: "LearningHTTP", targets: ["LearningHTTP"]),
        .library(name: "LearningEmulator", targets: ["LearningEmulator"]),
        .library(name: "LearningConformance", targets: ["LearningConformance"]),
        .library(name: "LearningContractCLI", targets: ["LearningContractCLI"]),
        .executable(name: "learning-contract", targets: ["learning-contract"]),
        .executable(name: "learning-bench", targets: ["learning-bench"]),
    ],
    targets: [
        // The contract: strict JSON reader, rules as data, error catalog, ambiguities, validator, exporters.
        .target(name: "LearningContract", swiftSettings: strict),
        // A small HTTP/1.1 server and client over POSIX sockets.
        .target(name: "LearningHTTP", swiftSettings: strict),
        // The reference emulator: the documented API in memory, served by LearningHTTP.
        .target(name: "LearningEmulator", dependencies: ["LearningContract", "LearningHTTP"], swiftSettings: strict),
        // The conformance runner: replays Conformance/ fixtures against any base URL.
        .target(
            name: "LearningConformance",
            dependencies: ["LearningContract", "LearningHTTP"],
            swiftSettings: strict
        ),
        // The emulator as the runner's default target: wires LearningEmulator into LearningConformance, which
        // never imports what it judges.
        .target(
            name: "LearningEmbeddedEmulator",
            dependencies: ["LearningContract", "LearningHTTP", "LearningEmulator", "LearningConformance"],
            swiftSettings: strict
        ),
        // Generators used only by tests and benchmarks (fixture generator, synthetic corpus, SplitMix64); not a product.
        .target(name: "LearningFixtures", dependencies: ["LearningContract", "LearningConformance"], swiftSettings: strict),
        // Everything the command line does, as a testable library.
        .target(
            name: "LearningContractCLI",
            dependencies: ["LearningContract", "LearningHTTP", "LearningEmulator", "LearningConformance", "LearningEmbeddedEmulator"],
            swiftSettings: strict
        ),
        .executableTarget(name: "learning-contract", dependencies: ["LearningContractCLI"], swiftSettings: strict),
        // Release-mode benchmarks; never part of `swift test`.
        .executableTarget(
            name: "learning-bench",
            dependencies: [
                "LearningContract", "LearningHTTP", "LearningEmulator", "LearningConformance", "LearningEmbeddedEmulator",
                "LearningFixtures",
            ],
            swiftSettings: strict
        ),
        // What every test target shares: golden files with record modes, the process runner, the executable finder,
        // the repository paths.
        .target(name: "LearningTestSupport", path: "Tests/LearningTestSupport", swiftSettings: strict),
        .testTarget(
            name: "LearningContractTests",
            dependencies: ["LearningContract", "LearningFixtures", "LearningTestSupport"],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(name: "LearningHTTPTests", dependencies: ["LearningHTTP", "LearningTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "LearningEmulatorTests",
            dependencies: ["LearningEmulator", "LearningContract", "LearningHTTP", "LearningFixtures", "LearningTestSupport"],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LearningConformanceTests",
            dependencies: [
                "LearningConformance", "LearningEmbeddedEmulator", "LearningEmulator", "LearningContract", "LearningHTTP",
                "LearningFixtures", "LearningTestSupport",
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LearningContractCLITests",
            dependencies: ["LearningContractCLI", "LearningTestSupport"],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
    ]
)

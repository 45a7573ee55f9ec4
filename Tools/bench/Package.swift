// swift-tools-version: 6.1
// The benchmark suite, kept out of the root package's build graph (STYLE.md G15).
// `Tools/bench/run.sh` builds it in release mode and drives it; see README.md, "Performance".
import PackageDescription

let package = Package(
    name: "RollbookBench",
    platforms: [.macOS(.v14)],
    dependencies: [
        // run.sh builds with --static-swift-stdlib, so rollbook can be one static executable.
        .package(name: "Rollbook", path: "../..", traits: ["StaticExecutable"]),
        // Only to read the generated log back (the same version the root package pins).
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // In-process drivers: history generation through the ControlPlane, append through the store API,
        // point-in-time reads. Prints one JSON object per run; run.py turns runs into metric lines.
        .executableTarget(
            name: "rollbook-bench",
            dependencies: [
                .product(name: "ControlPlane", package: "Rollbook"),
                .product(name: "Store", package: "Rollbook"),
                .product(name: "Manifests", package: "Rollbook"),
                .product(name: "KubeModel", package: "Rollbook"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/RollbookBench"),
    ]
)

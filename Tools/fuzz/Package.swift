// swift-tools-version: 6.1
import PackageDescription

/// A libFuzzer target for the manifest decoder and Deployment validation, kept out of the main build graph.
///
/// Build and run it with `Tools/fuzz/run.sh`; it needs `-sanitize=fuzzer`, which `run.sh` passes.
let package = Package(
    name: "RollbookFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Rollbook", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "ManifestFuzzer",
            dependencies: [
                .product(name: "Manifests", package: "Rollbook"),
                .product(name: "KubeModel", package: "Rollbook"),
            ],
            path: "ManifestFuzzer")
    ]
)

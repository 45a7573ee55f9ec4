// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

let package = Package(
    name: "Rollbook",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rollbook", targets: ["rollbook"]),
        .library(name: "KubeModel", targets: ["KubeModel"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "ControlPlane", targets: ["ControlPlane"]),
        // For Tools/fuzz, which fuzzes the decoder without building the rest.
        .library(name: "Manifests", targets: ["Manifests"]),
    ],
    traits: [
        .trait(name: "StaticExecutable", description: "Release on Linux: link rollbook as one static executable (with --static-swift-stdlib)."),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        // `rollbook serve`. FullFoundation only: the swift-configuration trait is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Pure Kubernetes value types, defaults, validation, template hashing.
        .target(name: "KubeModel", swiftSettings: swiftSettings),
        // YAML/JSON manifests in (strict) and out (kubectl's -o yaml|json).
        .target(
            name: "Manifests",
            dependencies: ["KubeModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings),
        // kubectl-style rendering: tables, describe, history, errors. Pure functions to String.
        .target(name: "Printers", dependencies: ["KubeModel"], swiftSettings: swiftSettings),
        // The event-sourced domain: events, per-Deployment state, evolve.
        .target(name: "Cluster", dependencies: ["KubeModel"], swiftSettings: swiftSettings),
        // Deterministic Deployment / ReplicaSet controllers and the simulated kubelet.
        .target(name: "Controllers", dependencies: ["KubeModel", "Cluster"], swiftSettings: swiftSettings),
        // The system zlib: stream snapshots are stored deflated.
        .systemLibrary(name: "CDeflate", providers: [.apt(["libdeflate-dev"])]),
        // Everything SQL: the append-only log, projections, migrations. The only GRDB user.
        .target(
            name: "Store",
            dependencies: [
                "Cluster", "KubeModel", "CDeflate",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["EmbedMigrations"]),
        // The façade every adapter uses: commands in, events and answers out.
        .target(
            name: "ControlPlane",
            dependencies: ["Store", "Controllers", "Manifests", "Cluster", "KubeModel"],
            swiftSettings: swiftSettings),
        // `rollbook serve`: the Kubernetes API over the same control plane. The only Hummingbird user.
        .target(
            name: "APIServer",
            dependencies: [
                "ControlPlane", "Manifests", "Printers", "Cluster", "KubeModel", "Store",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "RollbookCLI",
            dependencies: [
                "ControlPlane", "Printers", "Manifests", "APIServer",
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "rollbook", dependencies: ["RollbookCLI"], swiftSettings: swiftSettings,
            // Release: one static executable, as Go links kubectl. Every CLI read is a process, and a dynamic one
            // spent ~2 ms of a 10 ms `rollout history` in the loader: relocating libstdc++, resolving symbols
            // lazily, and the runtime's start-up `dladdr` walking the 40k symbols that `-static-stdlib` exports.
            // Static also means fixed-address (no relocations to apply); heap and stack are still randomized.
            // glibc warns at link time that NSS (`getpwuid`) needs its own version's libraries at run time:
            // the binary is built where it runs, and Rollbook reads `$HOME`/`$USER` before any such lookup.
            // docs/notes/performance.md, "Process start".
            // Static needs `--static-swift-stdlib` too (the Swift libraries' own static dependencies come with it),
            // hence a trait: `swift build -c release --static-swift-stdlib --traits StaticExecutable`, as
            // Tools/bench does. Without it a release build is a dynamic, fixed-address (non-PIE) executable.
            linkerSettings: [
                .unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release, traits: ["StaticExecutable"])),
                .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release)),
            ]),

        // Build tooling: Migrations/*.sql become Swift string literals inside the binary.
        .executableTarget(name: "embed-migrations", path: "Tools/embed-migrations"),
        .plugin(
            name: "EmbedMigrations", capability: .buildTool(), dependencies: ["embed-migrations"],
            path: "Tools/Plugins/EmbedMigrations"),

        .target(name: "TestSupport", dependencies: ["KubeModel"], path: "Tests/TestSupport"),
        .testTarget(name: "KubeModelTests", dependencies: ["KubeModel", "TestSupport"]),
        .testTarget(name: "ManifestsTests", dependencies: ["Manifests", "TestSupport"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "PrintersTests", dependencies: ["Printers", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ControllersTests", dependencies: ["Controllers", "Cluster", "TestSupport"]),
        .testTarget(
            name: "StoreTests",
            dependencies: [
                "Store", "Cluster", "ControlPlane", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "ControlPlaneTests", dependencies: ["ControlPlane", "Cluster", "KubeModel", "Printers", "Store", "TestSupport"]),
        .testTarget(
            name: "RollbookCLITests",
            dependencies: [
                "RollbookCLI", "ControlPlane", "Store", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden", "BadManifests"]),
        .testTarget(
            name: "APIServerTests",
            dependencies: [
                "APIServer", "ControlPlane", "KubeModel", "RollbookCLI", "Store", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Golden", "Python"]),
    ]
)

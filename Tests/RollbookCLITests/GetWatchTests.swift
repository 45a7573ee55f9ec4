import Foundation
import Testing
@testable import TestSupport

/// `get -w`: the listing, then a line per change another command makes while the watch runs. Each form was
/// diffed with kubectl v1.32's `get -w` through `rollbook serve` on the same store: tables (whose columns only
/// widen: a later line is aligned with every line before it), custom columns (the same, header once),
/// `--watch-only` (the header comes with the first line), `-o name`, `-o yaml` (`---` between documents),
/// `-o jsonpath` with `-l`.
@Suite(.serialized)
struct GetWatchTests {
    static let now = "2026-11-26T15:00:00Z"

    @Test func aWatchPrintsEveryChangeAfterItsListing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        _ = try cli.run(["images", "load", "nginx:1.0"], now: Self.now)
        _ = try cli.run(["create", "deployment", "web", "--image=nginx:1.0"], now: Self.now)
        var transcript = ""
        for (index, watch) in [
            ["get", "deploy", "-w", "--request-timeout=2s"],
            ["get", "pods", "--watch-only", "--request-timeout=3s"],
            ["get", "deploy", "web", "-w", "-o", "name", "--request-timeout=2s"],
            ["get", "deploy", "-w", "-o", "custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas", "--request-timeout=2s"],
            ["get", "deploy", "-l", "app=web", "-w", "-o", "jsonpath={.status.readyReplicas}/{.spec.replicas} ",
             "--request-timeout=2s"],
        ].enumerated() {
            let replicas = index % 2 == 0 ? "3" : "1"
            let result = try Self.watching(watch, in: cli) {
                _ = try cli.run(["scale", "deploy/web", "--replicas=\(replicas)"], now: Self.now)
                _ = try cli.run(["create", "deployment", "a-much-longer-name", "--image=nginx:1.0"], now: Self.now)
                _ = try cli.run(["delete", "deploy", "a-much-longer-name"], now: Self.now)
            }
            transcript += result.transcript(of: watch.joined(separator: " "))
        }
        for refused in [
            ["get", "deploy", "-w", "--at", "1"], ["get", "deploy", "-w", "--request-timeout=soon"],
            ["get", "deploy,rs", "-w"], ["get", "deploy", "nosuch", "-w"],
        ] {
            transcript += try cli.run(refused, now: Self.now).transcript(of: refused.joined(separator: " "))
        }
        try expectGolden(transcript, named: "fidelity/get-watch.txt")
    }

    /// Runs the watch, waits until it has printed its listing (or, for `--watch-only`, has had time to start),
    /// runs `changes`, and returns the watch's whole output once its timeout ends it.
    static func watching(_ arguments: [String], in cli: CLIRunner, changes: () throws -> Void) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = cli.binary
        process.arguments = arguments + ["--store", cli.store]
        var env = ProcessInfo.processInfo.environment
        env["ROLLBOOK_NOW"] = now
        env["ROLLBOOK_ACTOR"] = "tester"
        env["TZ"] = "UTC"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        var stdout = Data()
        if arguments.contains("--watch-only") {
            Thread.sleep(forTimeInterval: 1.5)
        } else {
            while stdout.isEmpty { stdout += out.fileHandleForReading.availableData }
        }
        try changes()
        stdout += out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Result(
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
            exitCode: process.terminationStatus)
    }
}

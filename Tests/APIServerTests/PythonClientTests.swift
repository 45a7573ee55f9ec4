import Foundation
import GRDB
import Testing
import TestSupport

/// The Kubernetes Python client (`kubernetes` on PyPI) lists, reads and patches Deployments, and its token
/// names the actor. Unlike kubectl, it sends the token over plain HTTP.
@Suite(.enabled(if: PythonClient.isInstalled, "the kubernetes Python client is not installed (pip install kubernetes): skipping"))
struct PythonClientTests {
    @Test func listsReadsAndPatchesDeployments() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try "py-token,carol,1003\n".write(toFile: dir.path("tokens.csv"), atomically: true, encoding: .utf8)
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        let now = "2026-11-26T15:00:00Z"
        _ = try cli.run(["images", "load", "web:1.0", "web:2.0"], now: now)
        _ = try cli.run(["create", "deployment", "web", "--image=web:1.0", "--replicas=2"], now: now)
        let server = try ServeProcess(
            binary: cli.binary, store: cli.store, arguments: ["--token-file", "tokens.csv"], now: now, directory: dir.url)
        defer { server.stop() }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Python/list_and_patch.py").path
        let result = try PythonClient.run([script, server.url, "py-token"], directory: dir.url)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == """
            list: ['web']
            read: web 2 web:1.0
            patch replicas: 4
            json patch image: web:2.0
            scale: 3
            missing: 404 NotFound deployments.apps "nope" not found

            """)
        let db = try DatabaseQueue(path: cli.store)
        let changes = try db.read { db in
            try String.fetchAll(
                db, sql: "SELECT type FROM events WHERE actor = 'carol' ORDER BY seq")
        }
        #expect(changes == ["DeploymentScaled", "DeploymentImageSet", "DeploymentScaled"])
    }
}

enum PythonClient {
    static let isInstalled: Bool = {
        (try? run(["-c", "import kubernetes"], directory: URL(fileURLWithPath: "/")))?.exitCode == 0
    }()

    static func run(_ arguments: [String], directory: URL) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
            exitCode: process.terminationStatus)
    }
}

import Foundation
import Testing
import TestSupport

/// Point-in-time reads (`--at`) under load and after a crash: they never wait for a writer, never fail with a
/// lock error, and never write, not even the catch-up a plain read does.
@Suite(.serialized)
struct ReadOnlyTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "web:1"}]}

        """

    static let pointReads: [[String]] = [
        ["get", "deployments", "--at", "5"],
        ["get", "pods", "--at", "40", "-o", "wide"],
        ["describe", "deployment/web", "--at", "60"],
        ["rollout", "history", "deployment/web", "--at", "80"],
    ]

    private func setUp(_ dir: TemporaryDirectory) throws -> CLIRunner {
        try Self.manifest.write(toFile: dir.path("web.yaml"), atomically: true, encoding: .utf8)
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        #expect(try cli.run(["images", "load", "web:1", "web:2"], now: "").exitCode == 0)
        #expect(try cli.run(["apply", "-f", "web.yaml"], now: "").exitCode == 0)
        #expect(try cli.run(["set", "image", "deployment/web", "web=web:2"], now: "").exitCode == 0)
        return cli
    }

    @Test func pointInTimeReadsDuringWritesNeitherWaitNorWrite() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = try setUp(dir)
        let runs = ConcurrentRuns.run(workers: 2, readers: 0) { worker, step in
            worker == 0
                ? ["scale", "deployment/web", "--replicas=\(step % 5 + 1)"]
                : Self.pointReads[step % Self.pointReads.count]
        } body: { arguments in
            try cli.run(arguments, now: "")
        } until: { $0 < 30 }
        for run in runs {
            #expect(run.result.exitCode == 0, "\(run.arguments): \(run.result.stderr)")
            #expect(!run.result.stderr.contains("locked"))
        }
        let audit = try StoreAudit(path: dir.path("store.db"))
        #expect(audit.problems == [])
        #expect(!audit.commandArguments.contains { $0.contains("--at") }, "a point-in-time read recorded a command")
    }

    @Test func pointInTimeReadsAfterAKillLeaveTheFilesAlone() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = try setUp(dir)
        let process = Process()
        process.executableURL = cli.binary
        process.arguments = ["scale", "deployment/web", "--replicas=40", "--store", cli.store]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 0.12)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let files = ["store.db", "store.db-wal"].map { dir.url.appendingPathComponent($0) }
        // Opening a WAL store may create an empty -wal file; only content counts.
        func contents() -> [Data] { files.map { (try? Data(contentsOf: $0)) ?? Data() } }
        let before = contents()
        for arguments in Self.pointReads {
            let result = try cli.run(arguments, now: "")
            #expect(result.exitCode == 0, "\(arguments): \(result.stderr)")
        }
        #expect(contents() == before, "a point-in-time read changed the store files")
        #expect(try StoreAudit(path: dir.path("store.db")).problems == [])
    }
}

import Foundation
import Testing
import TestSupport

/// Files that are not Rollbook stores, or are damaged: every command says so in one `error:` line and exits 1;
/// none crashes or prints a driver message.
@Suite(.serialized)
struct DamagedStoreTests {
    enum Damage: String, CaseIterable, Sendable {
        case truncated, overwrittenHeader, textFile, scribbledPages, scribbledTail
    }

    static let commands: [[String]] = [
        ["get", "deployments"], ["images", "load", "web:9"], ["scale", "deployment/web", "--replicas=2"], ["replay"],
    ]

    /// A store with some history, checkpointed so everything is in the main file.
    private func makeStore(_ dir: TemporaryDirectory) throws -> CLIRunner {
        try """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: "web:1"}]}

            """.write(toFile: dir.path("web.yaml"), atomically: true, encoding: .utf8)
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        _ = try cli.run(["images", "load", "web:1", "web:2"], now: "2026-11-26T15:00:00Z")
        _ = try cli.run(["apply", "-f", "web.yaml"], now: "2026-11-26T15:00:10Z")
        _ = try cli.run(["set", "image", "deployment/web", "web=web:2"], now: "2026-11-26T15:01:00Z")
        return cli
    }

    private func damage(_ path: String, _ damage: Damage) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        switch damage {
        case .truncated:
            try handle.truncate(atOffset: size / 3)
        case .overwrittenHeader:
            try handle.seek(toOffset: 0)
            handle.write(Data("not SQLite at all".utf8))
        case .textFile:
            try handle.truncate(atOffset: 0)
            handle.write(Data("apiVersion: apps/v1\nkind: Deployment\n".utf8))
        case .scribbledPages, .scribbledTail:
            // Garbage over the start of every page after the first (every b-tree is broken), or of the last third
            // only (the schema opens, the log's pages do not).
            var offset: UInt64 = damage == .scribbledPages ? 4096 : (size * 2 / 3) / 4096 * 4096
            while offset < size {
                try handle.seek(toOffset: offset)
                handle.write(Data(repeating: 0xA5, count: 64))
                offset += 4096
            }
        }
    }

    @Test(arguments: Damage.allCases)
    func damagedStoreGivesOneCleanError(_ kind: Damage) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = try makeStore(dir)
        // The last connection to close folds the WAL into the main file; damage that file, not a log beside it.
        _ = try cli.run(["get", "deployments"], now: "2026-11-26T15:01:00Z")
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dir.path("store.db" + suffix)) }
        try damage(dir.path("store.db"), kind)
        var failures = 0
        for arguments in Self.commands {
            let result = try cli.run(arguments, now: "2026-11-26T15:02:00Z")
            let context = Comment(rawValue: "\(kind) \(arguments): \(result.stderr)")
            #expect([0, 1].contains(result.exitCode), context)
            if result.exitCode == 0 { continue }
            failures += 1
            #expect(result.stderr.hasPrefix("error: "), context)
            #expect(result.stderr.split(separator: "\n").count == 1, context)
            #expect(!result.stderr.contains("SQLite error") && !result.stderr.contains("Fatal"), context)
        }
        #expect(failures >= 1, "\(kind): some command must notice the damage")
    }
}

import Foundation
import Testing
import TestSupport

/// Several `rollbook` processes mutating one store at once: every command succeeds or fails the way kubectl
/// fails, nothing is lost or duplicated, the log stays gapless and chained, and the projections still equal a
/// replay of the log.
@Suite(.serialized)
struct ConcurrencyTests {
    static let deployments = ["alpha", "beta", "gamma"]
    static let workers = 4
    static let commandsPerWorker = 50

    @Test func fourWritersOnOneStoreLoseNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        try setUp(cli, in: dir)

        let runs = ConcurrentRuns.run(workers: Self.workers, readers: 1) { worker, step in
            Self.command(worker: worker, step: step)
        } body: { arguments in
            try cli.run(arguments, now: "")
        } until: { $0 < Self.commandsPerWorker }

        var writes = runs.filter { !$0.isRead }
        #expect(writes.count == Self.workers * Self.commandsPerWorker)
        for run in runs { expectCleanExit(run) }
        #expect(writes.filter { $0.result.exitCode == 0 }.count > writes.count / 2, "most writes succeed")

        let audit = try StoreAudit(path: dir.path("store.db"))
        #expect(audit.problems == [])
        try expectNoLostOrDuplicateAnnotations(writes, audit: audit, cli: cli)
        try expectLastScaleWins(audit: audit, cli: cli)
        let verbs = Set(writes.map { $0.arguments[0] })
        let recorded = audit.commandArguments.filter { verbs.contains($0.first ?? "") }.count
        writes.removeAll { $0.result.exitCode != 0 }
        #expect(recorded <= writes.count, "no more mutating command rows than successful mutating commands")
        #expect(try StoreAudit.replayMatches(path: dir.path("store.db")), "projections equal a replay of the log")
    }

    /// Six processes creating the same store at once: one creates and migrates it, the others wait and use it.
    /// (Before the migrator looked twice inside transactions, a loser could see half a schema and call the file
    /// "not a Rollbook store".)
    @Test func concurrentFirstUseCreatesOneStore() throws {
        for round in 0..<8 {
            let dir = try TemporaryDirectory()
            defer { dir.remove() }
            let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
            let runs = ConcurrentRuns.run(workers: 6, readers: 0) { worker, _ in
                ["images", "load", "image-\(worker):\(round)"]
            } body: { arguments in
                try cli.run(arguments, now: "")
            } until: { $0 < 1 }
            for run in runs { #expect(run.result.exitCode == 0, "\(run.result.stderr)") }
            let audit = try StoreAudit(path: dir.path("store.db"))
            #expect(audit.problems == [])
            #expect(audit.eventCount == 6 && audit.commandCount == 6)
        }
    }

    /// Loads images and creates the Deployments, one command at a time.
    private func setUp(_ cli: CLIRunner, in dir: TemporaryDirectory) throws {
        #expect(try cli.run(["images", "load", "web:1", "web:2", "web:3"], now: "").exitCode == 0)
        for name in Self.deployments {
            for worker in 0..<Self.workers {
                try Self.manifest(name, env: "worker-\(worker)")
                    .write(toFile: dir.path("\(name)-\(worker).yaml"), atomically: true, encoding: .utf8)
            }
            let created = try cli.run(["apply", "-f", "\(name)-0.yaml"], now: "")
            #expect(created.stdout == "deployment.apps/\(name) created\n")
        }
    }

    /// Step `step` of worker `worker`: every worker touches every Deployment, with every kind of mutation.
    static func command(worker: Int, step: Int) -> [String] {
        let name = deployments[(worker + step) % deployments.count]
        let target = "deployment/\(name)"
        switch step % 8 {
        case 0, 4: return ["annotate", target, "w\(worker)-s\(step)=\(worker * 1000 + step)"]
        case 1, 5: return ["scale", target, "--replicas=\((worker + step) % 4)"]
        case 2: return ["set", "image", target, "web=web:\(step % 3 + 1)"]
        case 3: return ["apply", "-f", "\(name)-\(worker).yaml"]
        case 6: return ["rollout", (step / 8) % 2 == 0 ? "pause" : "resume", target]
        default: return ["rollout", step % 3 == 0 ? "undo" : "restart", target]
        }
    }

    /// No `replicas`: `apply` then never changes the scale, so the last `scale` decides it.
    static func manifest(_ name: String, env: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          labels: {app: \(name)}
        spec:
          selector:
            matchLabels: {app: \(name)}
          template:
            metadata:
              labels: {app: \(name)}
            spec:
              containers:
              - name: web
                image: web:1
                env:
                - {name: APPLIED_BY, value: \(env)}

        """
    }

    /// Exit 0, or exit 1 with one kubectl-style line; never a lock error, a trap or a signal.
    private func expectCleanExit(_ run: ConcurrentRuns.Run) {
        let result = run.result
        let context = Comment(rawValue: "rollbook \(run.arguments.joined(separator: " ")): \(result.stderr)")
        #expect([0, 1].contains(result.exitCode), context)
        for forbidden in ["database is locked", "SQLITE", "Fatal error", "busy", "concurrencyConflict"] {
            #expect(!result.stderr.contains(forbidden), context)
        }
        if result.exitCode != 0 {
            #expect(result.stderr.hasPrefix("error: ") || result.stderr.hasPrefix("Error from server"), context)
        }
    }

    /// Every annotate used a fresh key: each success committed exactly once, and its key is on the Deployment
    /// unless a later `rollout undo` replaced the annotations with the old ReplicaSet's, as kubectl's undo does.
    private func expectNoLostOrDuplicateAnnotations(
        _ writes: [ConcurrentRuns.Run], audit: StoreAudit, cli: CLIRunner
    ) throws {
        let annotates = writes.filter { $0.arguments[0] == "annotate" }
        #expect(annotates.allSatisfy { $0.result.exitCode == 0 })
        var committedAt: [String: Int] = [:]
        for run in annotates {
            let rows = audit.commandArguments.indices.filter {
                Array(audit.commandArguments[$0].prefix(run.arguments.count)) == run.arguments
            }
            #expect(rows.count == 1, "annotate \(run.arguments[2]) is recorded \(rows.count) times")
            committedAt[run.arguments[2]] = rows.first
        }
        for name in Self.deployments {
            let metadata = try Self.object(name, cli: cli)["metadata"] as? [String: Any]
            let annotations = metadata?["annotations"] as? [String: String] ?? [:]
            let undo = ["rollout", "undo", "deployment/\(name)"]
            let lastUndo = audit.commandArguments.lastIndex { $0.starts(with: undo) }
            for run in annotates where run.arguments[1] == "deployment/\(name)" {
                if let lastUndo, let index = committedAt[run.arguments[2]], index < lastUndo { continue }
                let (key, value) = run.arguments[2].split(separator: "=").map(String.init).pair
                #expect(annotations[key] == value, "annotation \(key) on \(name) was lost")
            }
        }
    }

    /// The final `spec.replicas` is what the last committed `scale` of that Deployment asked for (a scale to the
    /// current value commits nothing, so it cannot be last with a different value).
    private func expectLastScaleWins(audit: StoreAudit, cli: CLIRunner) throws {
        for name in Self.deployments {
            let scales = audit.commandArguments.filter { $0.first == "scale" && $0.contains("deployment/\(name)") }
            let requested = scales.last?.first { $0.hasPrefix("--replicas=") }.map { Int($0.dropFirst(11)) ?? -1 }
            let spec = try Self.object(name, cli: cli)["spec"] as? [String: Any]
            #expect(spec?["replicas"] as? Int == requested ?? 1, "\(name) lost a scale")
        }
    }

    private static func object(_ name: String, cli: CLIRunner) throws -> [String: Any] {
        let result = try cli.run(["get", "deployment", name, "-o", "json"], now: "")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return json as? [String: Any] ?? [:]
    }
}

extension Array where Element == String {
    fileprivate var pair: (String, String) { (self.first ?? "", count > 1 ? self[1] : "") }
}

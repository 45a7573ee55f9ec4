import Foundation
import Testing
import TestSupport

/// A store with a small multi-user history, built once through the real binary and copied for each test:
/// two Deployments, four actors, a change-cause, two rollbacks, a scale and a paused rollout.
struct AuditFixture {
    static let serve = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: serve
          labels:
            app: serve
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: serve
          template:
            metadata:
              labels:
                app: serve
            spec:
              containers:
                - name: serve
                  image: auto-serve:latest

        """

    static let api = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
                - name: api
                  image: auto-serve:1.1.1

        """

    /// Who runs what, in order, ten simulated seconds apart.
    static let script: [(actor: String, arguments: [String])] = [
        ("ops", ["images", "load", "auto-serve:latest", "auto-serve:1.1.1", "auto-serve:2.2.2"]),
        ("alice", ["apply", "-f", "serve.yaml"]),
        ("bob", ["apply", "-f", "api.yaml"]),
        ("alice", ["set", "image", "deployment/serve", "serve=auto-serve:1.1.1"]),
        ("bob", ["annotate", "deployment/serve", "kubernetes.io/change-cause=upgrade to 2.2.2"]),
        ("bob", ["set", "image", "deployment/serve", "serve=auto-serve:2.2.2"]),
        ("carol", ["rollout", "undo", "deployment/serve"]),
        ("bob", ["scale", "deployment/api", "--replicas=3"]),
        ("alice", ["rollout", "undo", "deployment/serve", "--to-revision=1"]),
        ("bob", ["rollout", "pause", "deployment/api"]),
        ("bob", ["set", "image", "deployment/api", "api=auto-serve:2.2.2"]),
        ("bob", ["rollout", "resume", "deployment/api"]),
    ]

    /// `2026-11-26T15:00:00Z` plus ten seconds per step.
    static func clock(_ step: Int) -> String {
        let minute = (step * 10) / 60, second = (step * 10) % 60
        return String(format: "2026-11-26T15:%02d:%02dZ", minute, second)
    }

    /// The history, built on first use.
    private static let template = Result { () throws -> TemporaryDirectory in
        let dir = try TemporaryDirectory()
        try serve.write(toFile: dir.path("serve.yaml"), atomically: true, encoding: .utf8)
        try api.write(toFile: dir.path("api.yaml"), atomically: true, encoding: .utf8)
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        for (step, command) in script.enumerated() {
            let result = try cli.run(command.arguments + ["--as", command.actor], now: clock(step))
            guard result.exitCode == 0 else {
                throw FixtureError(description: "fixture step \(command.arguments) failed: \(result.stderr)")
            }
        }
        return dir
    }

    let dir: TemporaryDirectory
    let cli: CLIRunner
    var store: String { dir.path("store.db") }

    /// A private copy of the history, for a test that may read or tamper with it.
    init() throws {
        let source = try AuditFixture.template.get()
        dir = try TemporaryDirectory()
        // Every writer has exited, so the file (and a WAL, if one is left) is a consistent copy.
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source.path("store.db" + suffix)) {
            try FileManager.default.copyItem(atPath: source.path("store.db" + suffix), toPath: dir.path("store.db" + suffix))
        }
        cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
    }

    /// Runs `rollbook ARGS` at a clock after the whole script.
    func run(_ arguments: [String]) throws -> CLIRunner.Result {
        try cli.run(arguments, now: AuditFixture.clock(AuditFixture.script.count))
    }

    /// The transcript of `rollbook ARGS`, with this copy's directory written as `$DIR`.
    func transcript(_ arguments: [String]) throws -> String {
        let display = arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
        let template = try AuditFixture.template.get()
        return try run(arguments).transcript(of: display)
            .replacingOccurrences(of: dir.url.path, with: "$DIR").replacingOccurrences(of: template.url.path, with: "$DIR")
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

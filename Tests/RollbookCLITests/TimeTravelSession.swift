import Foundation
import Store
import Testing
import TestSupport

/// A store driven through the built binary with a clock ten simulated seconds per step, for the
/// time-travel tests: commands run as given actors, and every step remembers the sequence number the log
/// had reached once it was done.
struct TimeTravelSession {
    static let web = deployment(name: "web", replicas: 2, image: "app:1")
    static let api = deployment(name: "api", replicas: 1, image: "app:1")
    static let worker = deployment(name: "worker", replicas: 1, image: "app:1")
    static let extra = deployment(name: "extra", replicas: 1, image: "app:1")

    /// A Deployment manifest that keeps only two old ReplicaSets, so history outgrows what kubectl keeps.
    static func deployment(name: String, replicas: Int, image: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          labels:
            app: \(name)
        spec:
          replicas: \(replicas)
          revisionHistoryLimit: 2
          selector:
            matchLabels:
              app: \(name)
          template:
            metadata:
              labels:
                app: \(name)
            spec:
              containers:
                - name: \(name)
                  image: \(image)
                  imagePullPolicy: Never

        """
    }

    let directory: TemporaryDirectory
    let cli: CLIRunner
    /// Steps run so far; step *n* runs at ``clock(_:)`` of *n*.
    private(set) var step = 0

    init() throws {
        directory = try TemporaryDirectory()
        for (name, text) in ["web.yaml": Self.web, "api.yaml": Self.api, "worker.yaml": Self.worker,
                             "extra.yaml": Self.extra] {
            try text.write(toFile: directory.path(name), atomically: true, encoding: .utf8)
        }
        cli = try CLIRunner(store: directory.path("store.db"), workingDirectory: directory.url)
    }

    var store: String { directory.path("store.db") }

    /// `2026-11-26T15:00:00Z` plus ten seconds per step.
    static func clock(_ step: Int) -> String { ScenarioScript.clock(step * 10) }

    /// The time of the step most recently run.
    var now: String { Self.clock(step) }

    /// Moves the clock to the next step and runs a mutating command there, which must succeed.
    @discardableResult
    mutating func mutate(_ command: String, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> CLIRunner.Result
    {
        step += 1
        let result = try run(command)
        #expect(result.exitCode == 0, "\(command): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    /// Runs a command at the current step's time, without moving the clock.
    func run(_ command: String, at now: String? = nil) throws -> CLIRunner.Result {
        try cli.run(ScenarioScript.split(command), now: now ?? self.now)
    }

    /// Runs read commands side by side at the current step's time: reads do not disturb each other.
    func runAll(_ commands: [String]) throws -> [String: CLIRunner.Result] {
        let results = Results()
        let (cli, now) = (cli, now)
        DispatchQueue.concurrentPerform(iterations: commands.count) { index in
            results.set(commands[index], Result { try cli.run(ScenarioScript.split(commands[index]), now: now) })
        }
        return try results.all.mapValues { try $0.get() }
    }

    /// The sequence number of the newest event.
    func head() throws -> Int64 {
        try SQLiteStore(path: store, readOnly: true).read { try $0.headSequence() }
    }

    func remove() { directory.remove() }
}

/// Results gathered from concurrent workers.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Result<CLIRunner.Result, any Error>] = [:]

    func set(_ key: String, _ value: Result<CLIRunner.Result, any Error>) { lock.withLock { values[key] = value } }

    var all: [String: Result<CLIRunner.Result, any Error>] { lock.withLock { values } }
}

import Foundation
import Store
import Testing
import TestSupport

/// `--at`: a scripted history of 55 commands over three Deployments (rollbacks, pauses, deletions and
/// re-creations, revisionHistoryLimit 2), with the read commands' output captured live after each one. Every
/// capture must come back byte for byte from `--at` the sequence number that ended the command, asked much
/// later, and from `--at` the step's time; and none of those reads may change the store.
@Suite(.serialized)
struct PointInTimeTests {
    static let script = [
        "images load app:1 app:2 app:3 app:4 app:5 app:6",
        "apply -f web.yaml --as alice",
        "apply -f api.yaml --as bob",
        "apply -f worker.yaml -n team",
        "set image deployment/web web=app:2 --as alice",
        "annotate deployment/web kubernetes.io/change-cause=web-on-app2",
        "set image deployment/web web=app:3 --as carol",
        "set image deployment/web web=app:4",
        "rollout undo deployment/web --as dave",
        "scale deployment/web --replicas=3",
        "set image deployment/api api=app:2 --as bob",
        "rollout pause deployment/api",
        "set image deployment/api api=app:3",
        "scale deployment/api --replicas=3",
        "rollout resume deployment/api",
        "rollout restart deployment/web",
        "set image deployment/worker worker=app:2 -n team",
        "rollout undo deployment/api",
        "set image deployment/web web=app:5",
        "rollout undo deployment/web",
        "scale deployment/web --replicas=1",
        "delete deployment api",
        "set image deployment/web web=app:6",
        "apply -f api.yaml --as erin",
        "rollout pause deployment/web",
        "set image deployment/web web=app:1",
        "annotate deployment/web team=blue",
        "rollout resume deployment/web",
        "scale deployment/worker --replicas=2 -n team",
        "set image deployment/api api=app:4",
        "set image deployment/api api=app:5",
        "rollout undo deployment/api",
        "rollout restart deployment/api",
        "delete deployment worker -n team",
        "apply -f worker.yaml -n team",
        "set image deployment/web web=app:2",
        "rollout undo deployment/web",
        "scale deployment/api --replicas=2",
        "images load app:7",
        "set image deployment/web web=app:7",
        "rollout pause deployment/web",
        "scale deployment/web --replicas=4",
        "rollout resume deployment/web",
        "set image deployment/worker worker=app:3 -n team",
        "rollout undo deployment/worker -n team",
        "annotate deployment/api kubernetes.io/change-cause=api-on-app6",
        "set image deployment/api api=app:6",
        "delete deployment web",
        "apply -f web.yaml",
        "set image deployment/web web=app:3",
        "rollout undo deployment/web",
        "scale deployment/web --replicas=3",
        "rollout restart deployment/worker -n team",
        "images load app:8",
        "set image deployment/api api=app:1",
    ]

    /// What is captured after every command.
    static let reads = [
        "get deployments -A",
        "get rs -A",
        "get pods -A",
        "describe deployment",
        "rollout history deployment/web",
        "rollout history deployment/api",
    ]

    /// Also captured after every fifth command, to keep the test near a minute.
    static let occasionalReads = [
        "rollout status deployment/web --watch=false",
        "rollout history deployment/worker -n team --all",
        "images list",
    ]

    struct Capture: Sendable {
        var sequence: Int64
        var time: String
        var outputs: [String: CLIRunner.Result]
    }

    @Test func readsAtEveryCommandEqualWhatWasPrintedLive() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        var captures: [Capture] = []
        for (index, command) in PointInTimeTests.script.enumerated() {
            try session.mutate(command)
            let reads = PointInTimeTests.reads + (index % 5 == 0 ? PointInTimeTests.occasionalReads : [])
            let outputs = try session.runAll(reads)
            captures.append(Capture(sequence: try session.head(), time: session.now, outputs: outputs))
        }
        #expect(captures.count >= 50)
        #expect(Set(captures.map(\.sequence)).count == captures.count, "every command appended events")

        let before = try StoreFingerprint(session.store)
        let farLater = TimeTravelSession.clock(10_000)
        let mismatches = Mismatches()
        let cli = session.cli
        let frozen = captures
        DispatchQueue.concurrentPerform(iterations: frozen.count) { index in
            let capture = frozen[index]
            var points = [String(capture.sequence)]
            if index % 10 == 0 { points.append(capture.time) }
            for point in points {
                for (read, live) in capture.outputs {
                    let command = ScenarioScript.split(read) + ["--at", point]
                    let past = try? cli.run(command, now: farLater)
                    if past != live { mismatches.add("step \(index + 1) `\(read) --at \(point)`", past, live) }
                }
            }
        }
        for (label, past, live) in mismatches.all {
            let printed = "\(past?.stdout ?? "")\(past?.stderr ?? "")"
            Issue.record("\(label) differs.\n--- live\n\(live.stdout)\(live.stderr)\n--- at\n\(printed)")
        }
        #expect(try StoreFingerprint(session.store) == before, "--at reads must not write")
    }

    @Test func mutatingCommandsRefuseAt() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        try session.mutate("images load app:1")
        try session.mutate("apply -f web.yaml")
        let head = try session.head()
        for (command, verb) in [("apply -f web.yaml", "apply"), ("scale deployment/web --replicas=5", "scale"),
                                ("rollout undo deployment/web", "rollout undo"), ("delete deployment web", "delete"),
                                ("set image deployment/web web=app:2", "set image")] {
            let result = try session.run(command + " --at 1")
            #expect(result.exitCode == 1, "\(command) --at must be a usage error")
            #expect(result.stderr == "Error: unknown flag: --at\nSee 'rollbook \(verb) --help' for usage.\n")
        }
        #expect(try session.head() == head)
    }

    @Test func pointsOutsideTheLogAreRefused() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        try session.mutate("images load app:1")
        let head = try session.head()
        let cases = [
            ("0", "error: invalid argument \"0\" for \"--at\" flag: event sequence numbers start at 1\n"),
            ("99", "error: invalid argument \"99\" for \"--at\" flag: there is no event 99: the log ends at "
                + "sequence \(head)\n"),
            ("noon", "error: invalid argument \"noon\" for \"--at\" flag: want an event sequence number or an RFC 3339 "
                + "time such as 2026-11-26T15:00:00Z\n"),
        ]
        for (point, message) in cases {
            let result = try session.run("get deployments --at \(point)")
            #expect(result.stderr == message)
            #expect(result.exitCode == 1)
        }
        let before = try session.run("images list --at 2026-11-26T14:00:00Z")
        #expect(before.stderr == "No images loaded.\n")
        let later = try session.run("images list --at 2026-11-26T15:00:40Z")
        #expect(later.stdout.contains("app:1   yes      no        0s        ready       30s"))
    }
}

/// Results that differed, collected from concurrent workers.
private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(String, CLIRunner.Result?, CLIRunner.Result)] = []

    func add(_ label: String, _ past: CLIRunner.Result?, _ live: CLIRunner.Result) {
        lock.withLock { items.append((label, past, live)) }
    }

    var all: [(String, CLIRunner.Result?, CLIRunner.Result)] { lock.withLock { items.sorted { $0.0 < $1.0 } } }
}

/// What must not change when only reading: the database file's bytes and the log's length and head hash.
struct StoreFingerprint: Equatable {
    var bytes: Data
    var head: Int64

    init(_ path: String) throws {
        let store = try SQLiteStore(path: path, readOnly: true)
        head = try store.read { try $0.headSequence() }
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    }
}

import Cluster
import ControlPlane
import GRDB
import KubeModel
@testable import Store
import Testing
import TestSupport

/// Stream snapshots: where they are taken, that folding from one gives exactly the state folding from the
/// first event gives, that replay rebuilds them and verify checks them, and that reads work without them.
struct StreamSnapshotTests {
    static let streams: [StreamID] = [
        .deployment(namespace: "team", name: "web"), .deployment(namespace: "team", name: "api"),
        .deployment(namespace: "team1", name: "web"),
    ]

    /// Three Deployments (one in a namespace whose name extends another's) through rollouts, scales and
    /// restarts, ten simulated seconds apart: several hundred events per stream.
    static func makeStore(_ dir: TemporaryDirectory) throws -> SQLiteStore {
        let store = try SQLiteStore(path: dir.path("store.db"))
        var now = Timestamp(seconds: 1_790_000_000)
        func plane() -> ControlPlane {
            now = now.adding(seconds: 10)
            return ControlPlane(store: store, now: now, actor: "alice", argv: ["test"])
        }
        try plane().loadImages(["app:1", "app:2", "app:3"], startupSeconds: 2, behaviour: .ready)
        for id in streams.prefix(2) { try plane().create([(deployment(id), nil)], namespace: "team") }
        for step in 0..<45 {
            let id = streams[step % 3]
            guard let (namespace, name) = id.deploymentKey else { continue }
            if step == 2 { try plane().create([(deployment(id), nil)], namespace: namespace) }
            switch step % 5 {
            case 0, 1, 2:
                _ = try plane().setImage(
                    namespace: namespace, name: name, images: [(name, "app:\(step % 3 + 1)")],
                    changeCause: "step \(step)")
            case 3:
                try plane().scale(namespace: namespace, name: name, replicas: step % 4 + 1, currentReplicas: nil)
            default:
                try plane().restart(namespace: namespace, name: name)
            }
        }
        now = now.adding(seconds: 3600)
        try plane().catchUp()
        return store
    }

    static func deployment(_ id: StreamID) -> Deployment {
        let name = id.deploymentKey?.name ?? ""
        var template = PodTemplateSpec()
        template.metadata.labels = ["app": name]
        template.spec.containers = [
            Container(raw: ["name": .string(name), "image": .string("app:1"), "imagePullPolicy": .string("Never")])
        ]
        let spec = DeploymentSpec(replicas: 3, selector: LabelSelector(matchLabels: ["app": name]), template: template)
        return Deployment(metadata: ObjectMeta(name: name, labels: ["app": name]), spec: spec)
    }

    struct Snapshot: Equatable {
        var stream: String
        var sequence: Int64
        var version: Int
        var json: String
        var kubeEvents: String
    }

    static func snapshots(_ path: String) throws -> [Snapshot] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM stream_snapshots ORDER BY stream_id, seq").map { row in
                Snapshot(
                    stream: row["stream_id"], sequence: row["seq"], version: row["stream_version"],
                    json: try Deflate.decompress(row["state"], size: row["state_size"]),
                    kubeEvents: try Deflate.decompress(row["kube_events"], size: row["kube_events_size"]))
            }
        }
    }

    @Test func snapshotsAreTakenWhereAStreamCrossesAMultipleOfTheInterval() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        let taken = try Self.snapshots(store.path)
        let db = try DatabaseQueue(path: store.path)
        for id in Self.streams {
            let mine = taken.filter { $0.stream == id.rawValue }
            let head = try db.read { try Int.fetchOne($0, sql: "SELECT max(stream_version) FROM events WHERE stream_id = ?",
                                                      arguments: [id.rawValue]) } ?? 0
            #expect(head >= 3 * StreamSnapshots.interval, "the scenario gives \(id) several snapshots")
            // One per multiple crossed, each a few versions past it at most (the rest of its command).
            #expect(mine.map { $0.version / StreamSnapshots.interval } == Array(1...(head / StreamSnapshots.interval)))
            for snapshot in mine {
                let event = try db.read {
                    try Int.fetchOne($0, sql: "SELECT stream_version FROM events WHERE seq = ? AND stream_id = ?",
                                     arguments: [snapshot.sequence, id.rawValue])
                }
                #expect(event == snapshot.version, "a snapshot is taken after its stream's own event")
                let state = try StoredJSON.decode(DeploymentStream.self, snapshot.json)
                #expect(state.version == snapshot.version && state.events.isEmpty)
                let kubeEvents = try StoredJSON.decode(KubeEventState.self, snapshot.kubeEvents)
                #expect(!kubeEvents.events.isEmpty, "Kubernetes Events are kept in their own part")
            }
        }
    }

    @Test func foldingFromASnapshotGivesTheStateFoldingFromTheStartGives() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        let taken = try Self.snapshots(store.path)
        let head = try store.read { try $0.headSequence() }
        var random = SystemRandomNumberGenerator()
        // Every snapshot's own event and its neighbours, and random points.
        var points = Set(taken.flatMap { [$0.sequence - 1, $0.sequence, $0.sequence + 1] })
        for _ in 0..<40 { points.insert(Int64.random(in: 1...head, using: &random)) }
        let db = try DatabaseQueue(path: store.path)
        var fromSnapshots = 0
        try db.read { db in
            for point in points.sorted() where point >= 1 && point <= head {
                for id in Self.streams {
                    let fast = try EventFold.stream(id, upTo: point, in: db)
                    let slow = try EventFold.stream(id, upTo: point, in: db, snapshots: false)
                    #expect(try StoredJSON.encode(fast) == StoredJSON.encode(slow), "\(id) at \(point)")
                    #expect(fast == slow)
                    // A read's fold (no correlator state) differs from the whole state in that state alone.
                    var read = try EventFold.stream(id, upTo: point, in: db, correlator: false)
                    #expect(read.aggregates.isEmpty && read.events == slow.events)
                    read.aggregates = slow.aggregates
                    #expect(read == slow, "\(id) at \(point)")
                    let objects = try EventFold.objects(id, upTo: point, in: db)
                    #expect(objects.deployment == slow.deployment && objects.replicaSets == slow.replicaSets)
                    #expect(objects.pods == slow.pods && objects.revisions == slow.revisions)
                    #expect(objects.containerTimers == slow.containerTimers && objects.events.isEmpty)
                    if try StreamSnapshots.latest(of: id, upTo: point, in: db) != nil { fromSnapshots += 1 }
                }
            }
        }
        #expect(fromSnapshots > points.count, "most reads start from a snapshot")
    }

    @Test func theLiveStoreTakesTheSnapshotsAReplayTakes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        let live = try Self.snapshots(store.path)
        #expect(!live.isEmpty)
        try store.replay()
        #expect(try Self.snapshots(store.path) == live)
    }

    /// Commits assemble snapshots from the projection rows they wrote; a rebuild encodes folded states. Both
    /// must give the same bytes, or reads would differ by where a store's snapshots came from.
    @Test func snapshotsFromProjectionRowsAreTheEncodedStates() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        let live = try Self.snapshots(store.path)
        #expect(live.count >= 9)
        try DatabaseQueue(path: store.path).write { try $0.execute(sql: "DELETE FROM stream_snapshots") }
        try store.replay()
        let rebuilt = try Self.snapshots(store.path)
        #expect(rebuilt.count == live.count)
        for (fromRows, encoded) in zip(live, rebuilt) {
            #expect(fromRows.json == encoded.json, "\(fromRows.stream) at \(fromRows.sequence)")
            #expect(fromRows.kubeEvents == encoded.kubeEvents, "\(fromRows.stream) at \(fromRows.sequence)")
        }
    }

    /// The Kubernetes Events part is scanned rather than parsed into a tree: it must read what the tree reads,
    /// for every snapshot of the scenario and for Events the scanner hands back (escapes, unusual numbers).
    @Test func scanningTheKubeEventsPartReadsWhatDecodingReads() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        var texts = try Self.snapshots(store.path).map(\.kubeEvents)
        #expect(!texts.isEmpty)
        var odd = try StoredJSON.decode(KubeEventState.self, texts[0])
        let name = try #require(odd.events.keys.sorted().first)
        odd.events[name]?.message = "quote \" backslash \\ tab\t ünïcödé"
        odd.events["second"] = odd.events[name]
        texts.append(try StoredJSON.encode(odd))
        texts.append(try StoredJSON.encode(odd).replacingOccurrences(of: #""count":"#, with: #""count": 1e0 , "x":"#))
        for text in texts {
            let scanned = try KubeEventState.decode(text)
            let decoded = try StoredJSON.decode(KubeEventState.self, text)
            #expect(scanned.events == decoded.events && scanned.aggregates == decoded.aggregates)
            #expect(scanned.eventSequence == decoded.eventSequence)
            let stepped = try KubeEventState.decode(Array(text.utf8), correlator: false)
            #expect(stepped.events == decoded.events && stepped.aggregates.isEmpty)
            #expect(stepped.eventSequence == decoded.eventSequence)
        }
        #expect(throws: (any Error).self) { try KubeEventState.decode(#"{"events":{},"aggregates":{}}"#) }
    }

    @Test func readsFallBackToFoldingWhenAStoreHasNoSnapshots() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        let live = try Self.snapshots(store.path)
        let head = try store.read { try $0.headSequence() }
        let points = [head / 3, head / 2, head]
        func read() throws -> [[ReplicaSet]] {
            try points.map { point in
                try store.read(at: store.resolve(.sequence(point))) { try $0.replicaSets(namespace: "team") }
            }
        }
        let withSnapshots = try read()
        // As a store migrated from schema 3 is: the table exists and is empty.
        try DatabaseQueue(path: store.path).write { try $0.execute(sql: "DELETE FROM stream_snapshots") }
        #expect(try read() == withSnapshots)
        #expect(try store.verify().isConsistent, "a missing snapshot is no drift")
        try store.replay()
        #expect(try Self.snapshots(store.path) == live, "replay fills the table")
    }

    @Test func verifyFindsASnapshotThatIsNotItsStreamsFold() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        #expect(try store.verify().isConsistent)
        let db = try DatabaseQueue(path: store.path)
        // The Kubernetes Events of the stream's next snapshot, stored under an earlier event.
        try db.write { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT seq, kube_events, kube_events_size FROM stream_snapshots WHERE stream_id = ? ORDER BY seq LIMIT 2",
                arguments: [Self.streams[0].rawValue])
            try db.execute(
                sql: "UPDATE stream_snapshots SET kube_events = ?, kube_events_size = ? WHERE stream_id = ? AND seq = ?",
                arguments: [rows[1]["kube_events"], rows[1]["kube_events_size"], Self.streams[0].rawValue, rows[0]["seq"]])
        }
        let report = try store.verify()
        #expect(report.problem?.kind == .projectionsDiffer)
        #expect(report.problem?.detail.hasPrefix("stream_snapshots \(Self.streams[0].rawValue)/") == true)
    }

    @Test func deploymentStreamsAreThoseWithAnEventByThePoint() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        let db = try DatabaseQueue(path: store.path)
        let firstOfTeam1 = try db.read {
            try Int64.fetchOne($0, sql: "SELECT min(seq) FROM events WHERE stream_id = ?",
                               arguments: [Self.streams[2].rawValue])
        } ?? 0
        let head = try store.read { try $0.headSequence() }
        for point in [1, firstOfTeam1 - 1, firstOfTeam1, head] {
            let at = try store.resolve(.sequence(point))
            let scanned = try db.read { db in
                try String.fetchAll(
                    db, sql: "SELECT DISTINCT stream_id FROM events WHERE seq <= ? AND stream_id LIKE 'deployment/%'",
                    arguments: [point]
                ).map(StreamID.init(rawValue:))
            }
            for namespace in [nil, "team", "team1", "tea", "other"] as [String?] {
                let expected = scanned.filter { namespace == nil || $0.deploymentKey?.namespace == namespace }.sorted()
                #expect(try store.read(at: at) { try $0.deploymentStreams(namespace: namespace) } == expected)
            }
        }
        let all = try store.read(at: store.resolve(.sequence(head))) { try $0.deploymentStreams(namespace: nil) }
        #expect(all == Self.streams.sorted())
    }
}

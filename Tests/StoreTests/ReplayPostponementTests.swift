import Cluster
import KubeModel
@testable import Store
import Testing
import TestSupport

/// A full replay puts off decoding Pod events and Deployment status updates until it knows whether a later
/// event overwrites them (`ReplayStream`). Each history here has an event that matters although an event
/// of the same object follows it; a replay that dropped it would not match the projections the commands wrote.
struct ReplayPostponementTests {
    let web = StreamID.deployment(namespace: "default", name: "web")

    /// A store whose commands append hand-written events to the `web` stream, folded as commands fold them.
    struct Log {
        let store: SQLiteStore
        let stream: StreamID
        var now = Timestamp(seconds: 1_790_000_000)

        mutating func command(_ events: [ClusterEvent]) throws {
            now = now.adding(seconds: 10)
            let (id, now) = (stream, now)
            try store.write(command: CommandInfo(actor: "alice", argv: ["test"], now: now)) { writer in
                var state = try writer.stream(id)
                var pending: [PendingEvent] = []
                for event in events {
                    let sequence = writer.nextSequence + Int64(pending.count)
                    state.apply(event, sequence: sequence, at: now)
                    state.version += 1
                    pending.append(PendingEvent(stream: id, event: event, actor: "alice", sequence: sequence, time: now))
                }
                try writer.commit(pending, streams: [state], node: nil)
            }
        }

        /// Replays the log and returns the stream's state as the projections then hold it.
        func replayMatches() throws -> DeploymentStream {
            let live = try store.projectionDump()
            try store.replay()
            #expect(try store.projectionDump() == live)
            return try store.read { try $0.stream(stream) }
        }
    }

    func log(_ dir: TemporaryDirectory) throws -> Log {
        Log(store: try SQLiteStore(path: dir.path("store.db")), stream: web)
    }

    func pod(_ name: String, image: String = "nginx:1.25") -> ClusterEvent {
        var metadata = ObjectMeta(name: name, namespace: "default", labels: ["app": "web"])
        metadata.uid = "uid-\(name)"
        return .podCreated(PodObject(pod: Pod(
            metadata: metadata, spec: PodSpec(raw: ["containers": .array([.object(["image": .string(image)])])]))))
    }

    func status(_ name: String, phase: String, timers: [String: ContainerTimer]? = nil) -> ClusterEvent {
        var status = PodStatus()
        status.phase = phase
        return .podStatusUpdated(PodStatusUpdated(name: name, status: status, timers: timers))
    }

    func timer(_ seconds: Int64) -> ContainerTimer { ContainerTimer(due: Timestamp(seconds: 1_790_000_000 + seconds), attempt: 1) }

    @Test func laterStatusUpdatesAndDeletionsOverwriteEarlierOnes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var log = try log(dir)
        try log.command([pod("a"), status("a", phase: "Pending", timers: ["app": timer(100)]), pod("b")])
        try log.command([status("a", phase: "Running"), status("b", phase: "Running", timers: ["app": timer(200)])])
        try log.command([status("b", phase: "Failed"), .podDeleted(ObjectName(name: "a"))])
        let state = try log.replayMatches()
        #expect(state.pods.keys.sorted() == ["b"])
        #expect(state.pods["b"]?.status.phase == "Failed")
        #expect(state.containerTimers.isEmpty, "b's last update has no timers; a is gone")
        #expect(state.podSequence == 2)
    }

    /// A creation replaces the Pod object but not the timers an earlier status update left.
    @Test func aRecreatedPodKeepsItsEarlierTimers() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var log = try log(dir)
        try log.command([pod("a"), status("a", phase: "Running", timers: ["app": timer(100)])])
        try log.command([pod("a", image: "nginx:1.26")])
        let state = try log.replayMatches()
        #expect(state.containerTimers["a/app"] == timer(100))
        #expect(state.pods["a"]?.status.phase == nil, "the new Pod object has no status yet")
        #expect(state.podSequence == 2)
    }

    /// A status update of a Pod that does not exist still sets its timers.
    @Test func timersOfAnAbsentPodSurvive() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var log = try log(dir)
        try log.command([status("ghost", phase: "Running", timers: ["app": timer(50)]), pod("a")])
        let state = try log.replayMatches()
        #expect(state.containerTimers["ghost/app"] == timer(50))
    }

    /// Timers are keyed `pod/container`: deleting Pod `a/b` removes the timer `a/b/c` that an update of Pod
    /// `a` (container `b/c`) set before, so that update cannot wait past the deletion.
    @Test func aNameWithASlashReachesAnotherPodsTimers() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var log = try log(dir)
        try log.command([pod("a"), status("a", phase: "Running", timers: ["b/c": timer(10), "d": timer(20)])])
        try log.command([.podDeleted(ObjectName(name: "a/b"))])
        let state = try log.replayMatches()
        #expect(state.containerTimers.keys.sorted() == ["a/d"])
    }

    @Test func deploymentStatusWaitsOnlyUntilTheDeploymentChanges() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var log = try log(dir)
        var deployment = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"), spec: DeploymentSpec(replicas: 2))
        deployment.metadata.uid = "uid-web"
        func status(_ replicas: Int) -> ClusterEvent {
            var status = DeploymentStatus()
            status.replicas = replicas
            return .deploymentStatusUpdated(StatusUpdated(status: status))
        }
        try log.command([.deploymentCreated(DeploymentObject(deployment: deployment)), status(1), status(2)])
        // The revision annotation takes the resourceVersion after the status update: order matters.
        try log.command([status(3), .deploymentRevisionSet(RevisionSet(revision: "1"))])
        var state = try log.replayMatches()
        #expect(state.deployment?.status.replicas == 3)
        #expect(state.deployment?.metadata.resourceVersion == "5")

        try log.command([status(4), .deploymentScaled(Scaled(from: 2, to: 5)), status(5), pod("a")])
        state = try log.replayMatches()
        #expect(state.deployment?.status.replicas == 5)
        #expect(state.deployment?.metadata.resourceVersion == "8")

        try log.command([status(6), .deploymentDeleted(Deleted(cascade: "orphan"))])
        state = try log.replayMatches()
        #expect(state.deployment == nil)

        try log.command([status(7), .deploymentCreated(DeploymentObject(deployment: deployment))])
        state = try log.replayMatches()
        #expect(state.deployment?.status.replicas == nil, "a status update before the Deployment existed did nothing")
    }

    /// A replay writes revision records as it meets them; writing the streams at the end must keep them.
    @Test func revisionsOutliveTheirReplicaSets() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var log = try log(dir)
        func replicaSet(_ name: String, revision: String) -> ClusterEvent {
            let metadata = ObjectMeta(
                name: name, namespace: "default", labels: ["app": "web"], annotations: [AnnotationKey.revision: revision])
            return .replicaSetCreated(ReplicaSetObject(replicaSet: ReplicaSet(
                metadata: metadata,
                spec: ReplicaSetSpec(replicas: 1, minReadySeconds: nil, selector: LabelSelector(matchLabels: ["app": "web"]),
                                     template: PodTemplateSpec()))))
        }
        try log.command([replicaSet("web-1", revision: "1"), replicaSet("web-2", revision: "2")])
        try log.command([.replicaSetDeleted(ObjectName(name: "web-1")), replicaSet("web-3", revision: "3")])
        let state = try log.replayMatches()
        #expect(state.revisions.map(\.revision) == [1, 2, 3])
    }

    /// A long log is folded a share of the streams per pass; any number of passes gives the same projections.
    @Test(arguments: [2, 3, 7])
    func passesOverShareOfTheStreamsAddUp(_ eventsPerPass: Int) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("store.db"))
        for name in ["a", "b", "c", "d", "e"] {
            var log = Log(store: store, stream: .deployment(namespace: "default", name: name))
            try log.command([pod("\(name)-1"), status("\(name)-1", phase: "Running", timers: ["app": timer(10)])])
            try log.command([pod("\(name)-2"), .podDeleted(ObjectName(name: "\(name)-1"))])
        }
        let live = try store.projectionDump()
        var folded: [Int64] = []
        try store.replay(eventsPerPass: Int64(eventsPerPass)) { if $0.phase == "replaying" { folded.append($0.done) } }
        #expect(try store.projectionDump() == live)
        #expect(folded.last == 20, "every event is folded once, whatever the pass")
    }

    @Test(arguments: [
        (#"{"name":"a","status":{},"timers":null}"#, "a"),
        (#"{ "status" : {"name":"x"} , "name" : "a" }"#, "a"),
        (#"{"name":"x","status":{},"name":"a"}"#, "a"),
        (#"{"name":"x\"","status":{}}"#, "x\""),
        (#"{"name":5,"status":{}}"#, nil),
        (#"{"status":{}}"#, nil),
    ] as [(String, String?)])
    func podNamesOfStatusUpdatesAreReadAsDecodingReadsThem(_ payload: String, _ expected: String?) {
        var text = payload
        #expect(text.withUTF8 { ClusterEvent.podName(type: "PodStatusUpdated", currentPayload: $0) } == expected)
    }

    @Test func podNamesOfCreationsComeFromTheLastMetadata() throws {
        let created = try pod("a").encoded().payload
        let twice = #"{"pod":{"metadata":{"name":"x"}},"#
            + created.dropFirst()
            .replacingOccurrences(of: #""metadata":{"#, with: #""metadata":{"name":"y","#)
        for (payload, expected) in [(created, "a"), (twice, "a")] {
            var text = payload
            #expect(text.withUTF8 { ClusterEvent.podName(type: "PodCreated", currentPayload: $0) } == expected)
        }
    }
}

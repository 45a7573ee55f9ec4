import Cluster
import GRDB
import KubeModel

/// One Deployment stream folded by a full replay: ``DeploymentStream/apply(_:sequence:at:)`` for every
/// event, except that an event whose whole effect a later event may overwrite is kept undecoded until it is
/// known whether one does. Only the final state matters to a replay, so an overwritten event is never decoded.
///
/// The rules (each relies on what `apply` does with the events involved):
/// - A Pod's `PodCreated` sets the Pod, and its `PodStatusUpdated` sets the Pod's status and resourceVersion
///   and replaces its container timers. Of the other event types only `PodAdopted`, an orphaning
///   `ReplicaSetDeleteRequested` and a ReplicaSet or orphaned Pods moving between streams (`ReplicaSetReleased`,
///   `ReplicaSetTransferred`, `PodsReleased`, `PodsTransferred`, which take or bring Pods and their timers) write
///   Pods, as do a user's `PodConfigured`, the ReplicaSet controller's `PodOrphaned` and the scheduler's `PodBound`,
///   and they apply everything
///   waiting first; so these wait per Pod: a later `PodStatusUpdated` of the Pod drops a waiting
///   one, a `PodCreated` drops a waiting creation, a `PodDeleted` or `PodDeleteRequested` drops both.
///   Whatever still waits at the end is applied in log order. The counters a creation moves (``DeploymentStream/podSequence``) are counted on arrival.
///   Pod names containing `/` are not kept (timers are keyed `pod/container`, so such a name could reach
///   another Pod's timers), and events about them first apply everything waiting.
/// - `DeploymentStatusUpdated` sets the Deployment's status and resourceVersion. It waits until the next
///   event that touches the Deployment: another status update, `DeploymentCreated` or `DeploymentDeleted`
///   drop it (they replace or remove the Deployment; an orphaning delete reads only its uid); any other
///   Deployment event applies it first. ReplicaSet, Pod and Kubernetes Event events never read the Deployment's
///   status (`ReplicaSetConfigured` reads its uid, which a status update never changes).
/// - Payloads of an older schema version are upcast and applied at once, after everything waiting.
///
/// A dropped event is never decoded, so a payload that would not decode is not noticed here;
/// `rollbook verify` decodes every event.
struct ReplayStream {
    private(set) var state: DeploymentStream
    private var pods: [String: WaitingPod] = [:]
    private var deploymentStatus: Waiting?

    /// An event kept as it is stored, with where it stood in the log.
    private struct Waiting {
        var type: String
        var sequence: Int64
        var time: Timestamp
        var payload: [UInt8]

        init(_ event: ReplayEvent) {
            type = event.type
            sequence = event.sequence
            time = event.time
            payload = Array(event.payload)
        }
    }

    private struct WaitingPod {
        var created: Waiting?
        var status: Waiting?
    }

    init(namespace: String, name: String) {
        state = DeploymentStream(namespace: namespace, name: name)
    }

    /// Continues from a state already folded (a snapshot's).
    init(continuing state: DeploymentStream) {
        self.state = state
    }

    /// Folds one event of this stream. Returns whether it is a user mutation (the replay records the last
    /// one's command).
    mutating func take(_ event: ReplayEvent) throws -> Bool {
        defer {
            state.version += 1
            state.lastEventTime = event.time
        }
        guard event.schemaVersion == ClusterEvent.currentSchemaVersion else {
            try applyWaiting()
            return apply(try event.decoded(), event)
        }
        switch event.type {
        case "PodCreated", "PodStatusUpdated":
            guard let pod = event.prepared.podName, !pod.utf8.contains(UInt8(ascii: "/")) else {
                try applyWaitingPods()
                return apply(try event.decoded(), event)
            }
            let waiting = Waiting(event)
            if event.type == "PodCreated" {
                state.podSequence += 1
                // A creation after a waiting status update cannot drop it: the update's timers outlive the Pod object.
                if pods[pod]?.status != nil { try applyWaiting(pod: pod) }
                pods[pod, default: WaitingPod()].created = waiting
            } else {
                pods[pod, default: WaitingPod()].status = waiting
            }
            return false
        case "PodAdopted", "ReplicaSetDeleteRequested", "ReplicaSetReleased", "ReplicaSetTransferred", "PodsReleased",
            "PodsTransferred", "PodConfigured", "PodOrphaned", "PodBound":
            // Rare, and they write Pods: everything waiting goes first.
            try applyWaitingPods()
            return apply(try event.decoded(), event)
        case "PodDeleted", "PodDeleteRequested":
            let decoded = try event.decoded()
            switch decoded {
            case .podDeleted(let object), .podDeleteRequested(let object):
                if object.name.utf8.contains(UInt8(ascii: "/")) { try applyWaitingPods() } else { pods[object.name] = nil }
            default:
                break
            }
            return apply(decoded, event)
        case "DeploymentStatusUpdated":
            deploymentStatus = Waiting(event)
            return false
        case "DeploymentCreated", "DeploymentDeleted":
            deploymentStatus = nil
            return apply(try event.decoded(), event)
        default:
            if !ReplayStream.leavesDeploymentAlone.contains(event.type) { try applyWaitingDeploymentStatus() }
            return apply(try event.decoded(), event)
        }
    }

    /// Event types whose `apply` neither reads nor writes the Deployment.
    private static let leavesDeploymentAlone: Set<String> = [
        "ReplicaSetCreated", "ReplicaSetScaled", "ReplicaSetAnnotated", "ReplicaSetStatusUpdated", "ReplicaSetOrphaned",
        "ReplicaSetAdopted", "ReplicaSetDeleted", "ReplicaSetDeleteRequested", "EventRecorded", "PodAdopted",
        "ReplicaSetReleased", "ReplicaSetTransferred", "ReplicaSetConfigured", "PodsReleased",
        "PodsTransferred", "PodConfigured", "PodOrphaned", "PodBound",
    ]

    /// Hands over the revision records assigned since the last call (a replay writes them at once).
    mutating func takeRevisions() -> [RevisionRecord] {
        defer { state.revisions = [] }
        return state.revisions
    }

    /// The stream's final state: everything still waiting applied.
    mutating func finish() throws -> DeploymentStream {
        try applyWaiting()
        return state
    }

    private mutating func apply(_ decoded: ClusterEvent, _ event: ReplayEvent) -> Bool {
        state.apply(decoded, sequence: event.sequence, at: event.time)
        return decoded.isUserMutation
    }

    private mutating func applyWaiting() throws {
        try applyWaitingDeploymentStatus()
        try applyWaitingPods()
    }

    private mutating func applyWaitingDeploymentStatus() throws {
        guard let waiting = deploymentStatus else { return }
        deploymentStatus = nil
        try apply(waiting)
    }

    /// Waiting Pods are independent of one another (no names with `/`), so their order does not matter.
    private mutating func applyWaitingPods() throws {
        for pod in Array(pods.keys) { try applyWaiting(pod: pod) }
    }

    private mutating func applyWaiting(pod: String) throws {
        guard let waiting = pods.removeValue(forKey: pod) else { return }
        if let created = waiting.created { try apply(created) }
        if let status = waiting.status { try apply(status) }
    }

    /// Applies a waiting event where it stood; the counters and time it would move were moved on arrival.
    private mutating func apply(_ waiting: Waiting) throws {
        let event = try waiting.payload.withUnsafeBufferPointer {
            try ClusterEvent(type: waiting.type, currentPayload: $0)
        }
        let (podSequence, lastEventTime) = (state.podSequence, state.lastEventTime)
        state.apply(event, sequence: waiting.sequence, at: waiting.time)
        (state.podSequence, state.lastEventTime) = (podSequence, lastEventTime)
    }
}

/// One event as a replay's fold sees it: where it stands in the log, its stored payload, and what the
/// decoding thread made of it.
struct ReplayEvent {
    var sequence: Int64
    var type: String
    var schemaVersion: Int
    var time: Timestamp
    var payload: UnsafeBufferPointer<UInt8>
    var prepared: PreparedEvent

    /// Makes the event of an `events` row (``EventFold/columns``) for `body`, which must not keep it: its
    /// payload points into the row's text.
    static func withRow<T>(_ row: Row, _ body: (ReplayEvent) throws -> T) throws -> T {
        let type: String = row["type"]
        let schemaVersion: Int = row["schema_version"]
        var payload: String = row["payload"]
        return try payload.withUTF8 { bytes in
            try body(ReplayEvent(
                sequence: row["seq"], type: type, schemaVersion: schemaVersion,
                time: Timestamp(rfc3339: row["occurred_at"]) ?? Timestamp(seconds: 0), payload: bytes,
                prepared: .waiting(type: type, schemaVersion: schemaVersion, payload: bytes)))
        }
    }

    /// The decoded event: the decoding thread's, or decoded here (an older schema version is upcast).
    func decoded() throws -> ClusterEvent {
        if let decoded = prepared.decoded { return try decoded.get() }
        if schemaVersion == ClusterEvent.currentSchemaVersion {
            return try ClusterEvent(type: type, currentPayload: payload)
        }
        return try ClusterEvent(decoding: EncodedEvent(
            type: type, schemaVersion: schemaVersion, payload: String(decoding: payload, as: UTF8.self)))
    }
}

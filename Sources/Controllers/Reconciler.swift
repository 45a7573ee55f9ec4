import Cluster
import KubeModel

/// Runs the simulated control plane over one Deployment stream until nothing changes.
///
/// Every step is emitted as an event and folded into ``stream`` at once, so later steps of the same
/// sync see the controller's own writes, as §9 of the semantics describes.
public struct Reconciler {
    public private(set) var stream: DeploymentStream
    public let node: NodeState
    public let now: Timestamp
    public private(set) var pending: [PendingEvent] = []
    private var nextSequence: Int64
    /// Whether a ReplicaSet of this name lives in another stream of the namespace. Names are unique in a
    /// namespace, and a claimed orphan may carry a name this stream's Deployment would make: creating it there
    /// is the API server's AlreadyExists, a hash collision.
    public var nameTakenElsewhere: (String) -> Bool = { _ in false }
    /// Whether a Pod of this name lives in another stream of the namespace (a Pod a user wrote): a generated name
    /// the API server would refuse as AlreadyExists, so the ReplicaSet controller takes another.
    public var podNameTakenElsewhere: (String) -> Bool = { _ in false }
    /// The API server's admission of a Pod the ReplicaSet controller creates, given the stream as it stands: nil, or
    /// the refusal (a ResourceQuota's). The Simulation knows the namespace beyond this stream.
    public var admitPod: (Pod, DeploymentStream) -> String? = { _, _ in nil }
    /// ReplicaSets whose Pod creations failed in this reconcile, with the error: they try again at the next one.
    var creationFailures: [String: String] = [:]
    /// The API server's admission of a ReplicaSet the Deployment controller creates (a ResourceQuota's refusal).
    public var admitReplicaSet: (ReplicaSet, DeploymentStream) -> String? = { _, _ in nil }
    /// Whether the Deployment's new ReplicaSet was refused in this reconcile: it tries again at the next one.
    var replicaSetCreateRefused = false

    public init(
        stream: DeploymentStream, node: NodeState, now: Timestamp, nextSequence: Int64, pending: [PendingEvent] = []
    ) {
        self.stream = stream
        self.node = node
        self.now = now
        self.nextSequence = nextSequence
        self.pending = pending
    }

    /// The sequence number the next emitted event gets.
    public var sequenceAfterPending: Int64 { nextSequence }

    /// Appends an event to this command's output and folds it into the stream state.
    public mutating func emit(_ event: ClusterEvent, actor: String) {
        stream.apply(event, sequence: nextSequence, at: now)
        stream.version += 1
        pending.append(PendingEvent(stream: stream.id, event: event, actor: actor, sequence: nextSequence, time: now))
        nextSequence += 1
    }

    /// Syncs the Deployment, then lets the ReplicaSet controller and kubelet settle, until a full round
    /// changes nothing. The bound only guards against a bug looping forever.
    public mutating func reconcile() {
        // A refused create is tried once per reconcile: the next one (a wake-up, a user's write) tries again.
        creationFailures = [:]
        replicaSetCreateRefused = false
        var rounds = 0
        while step() {
            rounds += 1
            precondition(rounds < 10_000, "reconcile did not converge for \(stream.id)")
        }
    }

    /// One round: garbage collection, one Deployment sync, then the ReplicaSet controller and kubelet
    /// settle. Returns whether anything happened.
    @discardableResult
    public mutating func step() -> Bool {
        let before = pending.count
        collectGarbage()
        if stream.deployment != nil { syncDeployment() }
        settle()
        return pending.count != before
    }

    /// One round of the scheduler, the ReplicaSet controller and the kubelet over every ReplicaSet in the stream.
    mutating func settle() {
        // The scheduler's queue puts a Pod that waited ahead of the ones the controllers create now.
        scheduleWaitingPods()
        for rs in stream.replicaSets.values.sortedByCreation() { manageReplicas(of: rs.name) }
        runKubelet()
        for rs in stream.replicaSets.values.sortedByCreation() { updateReplicaSetStatus(rs.name) }
    }
}


import Cluster
import Controllers
import KubeModel
import Store

/// The simulated cluster inside one write transaction: the streams a command touches, time catching up
/// to `now`, and every event produced, in order, ready to commit.
struct Simulation {
    let reader: StoreReader
    private let writer: StoreWriter
    let now: Timestamp
    var node: NodeState
    private(set) var nodeChanged = false
    /// Every namespace's ResourceQuotas, which admit the Pods the controllers create.
    private(set) var quotas: QuotaState
    private(set) var quotasChanged = false
    /// What the projections hold of a namespace with quotas, read once per command (they change only at its commit).
    var storedNamespaces: [String: StoredNamespace] = [:]
    private(set) var streams: [StreamID: DeploymentStream] = [:]
    private(set) var touched: [StreamID] = []
    private(set) var pending: [PendingEvent] = []
    private var nextSequence: Int64

    init(writer: StoreWriter, now: Timestamp) throws {
        reader = writer.reader
        self.writer = writer
        self.now = now
        node = try writer.node()
        quotas = try writer.quotas()
        nextSequence = writer.nextSequence
    }

    mutating func stream(_ id: StreamID) throws -> DeploymentStream {
        if let loaded = streams[id] { return loaded }
        let loaded = try writer.stream(id)
        streams[id] = loaded
        return loaded
    }

    /// Runs the controllers over one stream at `time`; their events are attributed to `causedBy` when given.
    mutating func run(_ id: StreamID, at time: Timestamp, causedBy: String? = nil, _ body: (inout Reconciler) -> Void)
        throws
    {
        var reconciler = Reconciler(stream: try stream(id), node: node, now: time, nextSequence: nextSequence)
        let namespace = id.deploymentKey?.namespace
        if let namespace, let admit = try quotaAdmission(in: namespace, outside: id, at: time) {
            reconciler.admitPod = admit.pod
            reconciler.admitReplicaSet = admit.replicaSet
        }
        reconciler.nameTakenElsewhere = { [reader, streams] name in
            Simulation.replicaSet(name, heldOutside: id, reader: reader, loaded: streams)
        }
        reconciler.podNameTakenElsewhere = { [reader, streams] name in
            Simulation.pod(name, heldOutside: id, reader: reader, loaded: streams)
        }
        body(&reconciler)
        guard !reconciler.pending.isEmpty else { return }
        pending += reconciler.pending.map { event in
            var event = event
            event.causedBy = causedBy
            return event
        }
        nextSequence = reconciler.sequenceAfterPending
        streams[id] = reconciler.stream
        if !touched.contains(id) { touched.append(id) }
        if let namespace { try recountQuotas(in: namespace, at: time, causedBy: causedBy) }
    }

    /// Lets simulated time pass up to `now`: every stream whose next happening (a pod becoming ready, a
    /// crash, a pull retry, `minReadySeconds`, a progress deadline) is due is reconciled at that moment, in
    /// time order across streams, so the log reads as a timeline.
    mutating func catchUp() throws {
        var wake: [StreamID: Timestamp] = [:]
        for (id, due) in try reader.dueStreams(by: now) { wake[id] = due }
        while let (id, due) = wake.filter({ $0.value <= now }).min(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            if id == .quotas {
                try resyncQuotas(at: due)
                wake[id] = quotas.nextResync
                continue
            }
            let cause = try reader.lastCommand(of: id)
            try run(id, at: due, causedBy: cause) { $0.reconcile() }
            wake[id] = try stream(id).nextWakeUp(after: due)
        }
    }

    /// Appends a node event (image cache) and folds it into the node state.
    mutating func emitNode(_ event: ClusterEvent, actor: String) {
        node.apply(event, at: now)
        node.version += 1
        nodeChanged = true
        pending.append(PendingEvent(stream: .node, event: event, actor: actor, sequence: nextSequence, time: now))
        nextSequence += 1
    }

    /// Appends an event of the quotas' stream and folds it into ``quotas``.
    mutating func emitQuota(_ event: ClusterEvent, actor: String, at time: Timestamp, causedBy: String? = nil) {
        quotas.apply(event, sequence: nextSequence, at: time)
        quotas.version += 1
        quotasChanged = true
        pending.append(PendingEvent(
            stream: .quotas, event: event, actor: actor, sequence: nextSequence, time: time, causedBy: causedBy))
        nextSequence += 1
    }

    /// Whether a stream other than `id` holds a ReplicaSet named `name`: one this command loaded, as it now is,
    /// or, for the rest, the projections.
    static func replicaSet(
        _ name: String, heldOutside id: StreamID, reader: StoreReader, loaded: [StreamID: DeploymentStream]
    ) -> Bool {
        guard let namespace = id.deploymentKey?.namespace else { return false }
        let elsewhere = loaded.filter { $0.key != id && $0.key.deploymentKey?.namespace == namespace }
        if elsewhere.contains(where: { $0.value.replicaSets[name] != nil }) { return true }
        guard let holder = try? reader.streamID(ofReplicaSet: name, namespace: namespace), holder != id else { return false }
        // A stream this command loaded answers for itself above.
        return loaded[holder] == nil
    }

    /// Whether a stream other than `id` holds a Pod named `name`, as ``replicaSet(_:heldOutside:reader:loaded:)``.
    static func pod(_ name: String, heldOutside id: StreamID, reader: StoreReader, loaded: [StreamID: DeploymentStream])
        -> Bool
    {
        guard let namespace = id.deploymentKey?.namespace else { return false }
        let elsewhere = loaded.filter { $0.key != id && $0.key.deploymentKey?.namespace == namespace }
        if elsewhere.contains(where: { $0.value.pods[name] != nil }) { return true }
        guard let holder = try? reader.streamID(ofPod: name, namespace: namespace), holder != id else { return false }
        return loaded[holder] == nil
    }

    /// The streams this command has loaded so far.
    var loadedStreams: [StreamID] { Array(streams.keys) }

    /// The touched streams, for the commit.
    var touchedStreams: [DeploymentStream] { touched.compactMap { streams[$0] } }
}

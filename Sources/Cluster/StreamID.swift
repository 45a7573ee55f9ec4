/// Names an event stream. One stream per Deployment holds its ReplicaSets' and Pods' events too;
/// the simulated node's image cache has a stream of its own.
public struct StreamID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static func deployment(namespace: String, name: String) -> StreamID {
        StreamID(rawValue: "deployment/\(namespace)/\(name)")
    }

    public static let node = StreamID(rawValue: "node/\(NodeState.nodeName)")

    /// Every namespace's ResourceQuotas (``QuotaState``).
    public static let quotas = StreamID(rawValue: "resourcequotas")

    public var description: String { rawValue }

    public static func < (lhs: StreamID, rhs: StreamID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `(namespace, name)` for a Deployment stream.
    public var deploymentKey: (namespace: String, name: String)? {
        let parts = rawValue.split(separator: "/", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "deployment" else { return nil }
        return (parts[1], parts[2])
    }
}

/// Who caused an event: a user (from `--as` / `ROLLBOOK_ACTOR`) or a simulated component.
public enum Actor {
    public static let deploymentController = "deployment-controller"
    public static let replicaSetController = "replicaset-controller"
    public static let kubelet = "kubelet"
    public static let scheduler = "default-scheduler"
    public static let garbageCollector = "garbage-collector"
    public static let quotaController = "resourcequota-controller"
}

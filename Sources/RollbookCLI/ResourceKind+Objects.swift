import KubeModel
import Store

/// Reading a kind's objects by name or selector, one stream at most per name.
extension ResourceKind {
    /// Whether an object of this kind named `name` exists in `reader`'s state (one stream read at most).
    func exists(_ name: String, namespace: String, in reader: any StateReading) throws -> Bool {
        switch self {
        case .deployment: try reader.deploymentExists(.deployment(namespace: namespace, name: name))
        case .replicaSet: try reader.streamID(ofReplicaSet: name, namespace: namespace) != nil
        case .pod: try reader.streamID(ofPod: name, namespace: namespace) != nil
        case .resourceQuota: try reader.quotas(namespace: namespace).contains { $0.name == name }
        case .event: false
        }
    }

    /// The objects of this kind in the namespace, or in every namespace for nil, with their namespace and labels.
    func labelledObjects(in namespace: String?, reader: any StateReading) throws
        -> [(namespace: String, name: String, labels: [String: String]?)]
    {
        func listed(_ meta: [ObjectMeta]) -> [(namespace: String, name: String, labels: [String: String]?)] {
            meta.map { ($0.namespace ?? "default", $0.name, $0.labels) }
        }
        return switch self {
        case .deployment: listed(try reader.deployments(namespace: namespace).map(\.metadata))
        case .replicaSet: listed(try reader.replicaSets(namespace: namespace).map(\.metadata))
        case .pod: listed(try reader.pods(namespace: namespace).map(\.metadata))
        case .resourceQuota: listed(try reader.quotas(namespace: namespace).map(\.metadata))
        case .event: []
        }
    }

    /// The objects of this kind in the namespace, with their labels, for a selector to choose from.
    func labelledObjects(namespace: String, in reader: any StateReading) throws -> [(name: String, labels: [String: String]?)] {
        try metadata(namespace: namespace, in: reader).map { ($0.name, $0.labels) }
    }

    /// The metadata of every object of this kind in the namespace.
    func metadata(namespace: String, in reader: any StateReading) throws -> [ObjectMeta] {
        switch self {
        case .deployment: try reader.deployments(namespace: namespace).map(\.metadata)
        case .replicaSet: try reader.replicaSets(namespace: namespace).map(\.metadata)
        case .pod: try reader.pods(namespace: namespace).map(\.metadata)
        case .resourceQuota: try reader.quotas(namespace: namespace).map(\.metadata)
        case .event: []
        }
    }
}

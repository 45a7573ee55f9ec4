import ControlPlane
import Store

/// What a rollout verb says when its objects are not Deployments (polymorphichelpers): the viewers and the
/// rollbacker are looked up by kind, once; pause, resume and restart fail object by object. Either way an object
/// that does not exist is NotFound first, as the resource builder fetches it before any of that.
enum RolloutRefusal {
    /// `no status viewer has been implemented for ReplicaSet.apps`
    case statusViewer
    /// `no history viewer has been implemented for "ReplicaSet.apps"`
    case historyViewer
    /// `no rollbacker has been implemented for "ReplicaSet.apps"`
    case rollbacker
    /// `replicasets.apps "web-1" pausing is not supported` (`pausing`, `resuming`, `restarting`)
    case unsupported(gerund: String)

    /// The errors for `names` of `kind` (not a Deployment), given which of them exist.
    func errors(_ kind: ResourceKind, names: [String], exists: (String) throws -> Bool) throws -> [CommandError] {
        let groupKind = kind == .pod ? "Pod" : kind == .replicaSet ? "ReplicaSet.apps" : "Event"
        // The builder's NotFound errors come before the objects' own, in the order named.
        var missing: [CommandError] = [], refused: [CommandError] = []
        for name in names {
            guard try exists(name) else {
                missing.append(CommandError.notFound(kind.resource, name))
                if case .unsupported = self { continue } else { return missing }
            }
            switch self {
            case .statusViewer: return [.client("no status viewer has been implemented for \(groupKind)")]
            case .historyViewer: return [.client("no history viewer has been implemented for \"\(groupKind)\"")]
            case .rollbacker: return [.client("no rollbacker has been implemented for \"\(groupKind)\"")]
            case .unsupported(let gerund): refused.append(.client("\(kind.resource) \"\(name)\" \(gerund) is not supported"))
            }
        }
        return missing + refused
    }

    /// Whether an object of `kind` named `name` exists in `reader`'s state.
    static func exists(_ kind: ResourceKind, _ name: String, namespace: String, in reader: any StateReading) throws -> Bool {
        switch kind {
        case .deployment: try reader.deploymentExists(.deployment(namespace: namespace, name: name))
        case .replicaSet: try reader.streamID(ofReplicaSet: name, namespace: namespace) != nil
        case .pod: try reader.streamID(ofPod: name, namespace: namespace) != nil
        case .event: false
        }
    }
}

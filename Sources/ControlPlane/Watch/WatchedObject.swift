public import KubeModel

/// The kinds of object a watch can follow.
public enum WatchedResource: String, Sendable, Hashable {
    case deployments, replicaSets, pods, events, resourceQuotas
}

/// One object as a watch or a list delivers it.
public enum WatchedObject: Sendable, Hashable {
    case deployment(Deployment)
    case replicaSet(ReplicaSet)
    case pod(Pod)
    case event(KubeEvent)
    case resourceQuota(ResourceQuota)

    public var name: String {
        switch self {
        case .deployment(let object): object.name
        case .replicaSet(let object): object.name
        case .pod(let object): object.name
        case .event(let object): object.name
        case .resourceQuota(let object): object.name
        }
    }

    public var namespace: String {
        switch self {
        case .deployment(let object): object.namespace
        case .replicaSet(let object): object.metadata.namespace ?? "default"
        case .pod(let object): object.metadata.namespace ?? "default"
        case .event(let object): object.namespace
        case .resourceQuota(let object): object.namespace
        }
    }

    /// The object's metadata (an Event's name and namespace only).
    public var metadata: ObjectMeta {
        get {
            switch self {
            case .deployment(let object): object.metadata
            case .replicaSet(let object): object.metadata
            case .pod(let object): object.metadata
            case .event(let object): ObjectMeta(name: object.name, namespace: object.namespace)
            case .resourceQuota(let object): object.metadata
            }
        }
        set {
            switch self {
            case .deployment(var object): object.metadata = newValue; self = .deployment(object)
            case .replicaSet(var object): object.metadata = newValue; self = .replicaSet(object)
            case .pod(var object): object.metadata = newValue; self = .pod(object)
            case .resourceQuota(var object): object.metadata = newValue; self = .resourceQuota(object)
            case .event: break
            }
        }
    }

    /// `Kind.group`, as label and annotate head their listings (`Deployment.apps`, `Pod.`).
    public var kindAndGroup: String {
        switch self {
        case .deployment: "Deployment.apps"
        case .replicaSet: "ReplicaSet.apps"
        case .pod: "Pod."
        case .event: "Event."
        case .resourceQuota: "ResourceQuota."
        }
    }

    public var labels: [String: String] {
        switch self {
        case .deployment(let object): object.metadata.labels ?? [:]
        case .replicaSet(let object): object.metadata.labels ?? [:]
        case .pod(let object): object.metadata.labels ?? [:]
        case .resourceQuota(let object): object.metadata.labels ?? [:]
        case .event: [:]
        }
    }

    /// The same object stamped with another `resourceVersion` (a deletion's, for a DELETED event).
    func stamped(_ resourceVersion: String) -> WatchedObject {
        switch self {
        case .deployment(var object):
            object.metadata.resourceVersion = resourceVersion
            return .deployment(object)
        case .replicaSet(var object):
            object.metadata.resourceVersion = resourceVersion
            return .replicaSet(object)
        case .pod(var object):
            object.metadata.resourceVersion = resourceVersion
            return .pod(object)
        case .resourceQuota(var object):
            object.metadata.resourceVersion = resourceVersion
            return .resourceQuota(object)
        case .event:
            return self
        }
    }
}

/// One watch event: an object appeared, changed or went away at ``resourceVersion``.
public struct ObjectChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case added = "ADDED", modified = "MODIFIED", deleted = "DELETED"
    }

    public var kind: Kind
    public var object: WatchedObject
    /// The sequence number of the event that made this version.
    public var resourceVersion: Int64

    public init(kind: Kind, object: WatchedObject, resourceVersion: Int64) {
        self.kind = kind
        self.object = object
        self.resourceVersion = resourceVersion
    }
}

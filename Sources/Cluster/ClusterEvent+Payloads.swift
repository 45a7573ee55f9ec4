import KubeModel

// The payloads of `ClusterEvent`: what each event carries, encoded as its JSON.

public struct Empty: Sendable, Hashable, Codable { public init() {} }

public struct ImageRef: Sendable, Hashable, Codable {
    public var image: String
    public init(image: String) { self.image = image }
}

/// How pods using an image behave once it is on the node.
public enum ImageBehaviour: String, Sendable, Hashable, Codable {
    case ready, neverReady = "never-ready", crash
}

public struct ImageLoaded: Sendable, Hashable, Codable {
    public var image: String
    public var startupSeconds: Int
    public var behaviour: ImageBehaviour
    public init(image: String, startupSeconds: Int = 0, behaviour: ImageBehaviour = .ready) {
        self.image = image
        self.startupSeconds = startupSeconds
        self.behaviour = behaviour
    }
}

public struct DeploymentObject: Sendable, Hashable, Codable {
    public var deployment: Deployment
    /// Set when the write was a server-side apply (or kubectl's upgrade of client-side apply's field managers).
    public var serverSideApply: ServerSideApply?
    public init(deployment: Deployment, serverSideApply: ServerSideApply? = nil) {
        self.deployment = deployment
        self.serverSideApply = serverSideApply
    }
}

/// What a server-side apply request sent, kept so field ownership (`metadata.managedFields`) can be rebuilt from the
/// log: the field manager and the configuration it applied; or, with no configuration, kubectl's upgrade of the named
/// client-side apply managers into that manager's Apply entry (client-go's csaupgrade).
public struct ServerSideApply: Sendable, Hashable, Codable {
    public var manager: String
    public var configuration: JSONValue?
    public var upgradedFrom: [String]?

    public init(manager: String, configuration: JSONValue? = nil, upgradedFrom: [String]? = nil) {
        self.manager = manager
        self.configuration = configuration
        self.upgradedFrom = upgradedFrom
    }
}

public struct ImageSet: Sendable, Hashable, Codable {
    /// Container name → new image, only for containers whose image changed.
    public var images: [String: String]
    /// Init container name → new image. Absent from events written before init containers were set, whose
    /// `images` therefore never reached an init container: a replay folds them as they were folded then.
    public var initImages: [String: String]?
    public var changeCause: String?
    public init(images: [String: String], initImages: [String: String]? = nil, changeCause: String?) {
        self.images = images
        self.initImages = initImages
        self.changeCause = changeCause
    }
}

public struct Scaled: Sendable, Hashable, Codable {
    public var from: Int
    public var to: Int
    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }
}

public struct RolledBack: Sendable, Hashable, Codable {
    public var toRevision: Int
    public var template: PodTemplateSpec
    public var annotations: [String: String]
    public init(toRevision: Int, template: PodTemplateSpec, annotations: [String: String]) {
        self.toRevision = toRevision
        self.template = template
        self.annotations = annotations
    }
}

public struct Annotated: Sendable, Hashable, Codable {
    public var set: [String: String]
    public var removed: [String]
    public init(set: [String: String], removed: [String]) {
        self.set = set
        self.removed = removed
    }
}

public struct Restarted: Sendable, Hashable, Codable {
    public var restartedAt: String
    public init(restartedAt: String) { self.restartedAt = restartedAt }
}

public struct Deleted: Sendable, Hashable, Codable {
    /// `background` (dependents garbage-collected) or `orphan`.
    public var cascade: String
    public init(cascade: String) { self.cascade = cascade }
}

public struct StatusUpdated: Sendable, Hashable, Codable {
    public var status: DeploymentStatus
    public init(status: DeploymentStatus) { self.status = status }
}

public struct RevisionSet: Sendable, Hashable, Codable {
    public var revision: String
    public init(revision: String) { self.revision = revision }
}

public struct ObjectName: Sendable, Hashable, Codable {
    public var name: String
    public init(name: String) { self.name = name }
}

/// A Pod's binding to a node (the `pods/binding` subresource the scheduler writes).
public struct PodBinding: Sendable, Hashable, Codable {
    public var name: String
    public var nodeName: String
    public init(name: String, nodeName: String) {
        self.name = name
        self.nodeName = nodeName
    }
}

/// `kubectl delete rs NAME [--cascade=orphan]`.
public struct ReplicaSetDeletion: Sendable, Hashable, Codable {
    public var name: String
    /// `orphan` leaves the ReplicaSet's pods, without their owner reference; `background` (and nil, in events
    /// recorded before the cascade was) lets the garbage collector delete them.
    public var cascade: String?
    public init(name: String, cascade: String) {
        self.name = name
        self.cascade = cascade
    }
}

public struct ReplicaSetObject: Sendable, Hashable, Codable {
    public var replicaSet: ReplicaSet
    /// Set when the write was a server-side apply (see ``DeploymentObject/serverSideApply``).
    public var serverSideApply: ServerSideApply?
    public init(replicaSet: ReplicaSet, serverSideApply: ServerSideApply? = nil) {
        self.replicaSet = replicaSet
        self.serverSideApply = serverSideApply
    }
}

/// An orphaned ReplicaSet leaving its stream for the stream (`to`) of the Deployment that claims it.
public struct ReplicaSetRelease: Sendable, Hashable, Codable {
    public var name: String
    public var to: String
    public init(name: String, to: String) {
        self.name = name
        self.to = to
    }
}

/// An orphaned ReplicaSet arriving from another stream (`from`), with its Pods and their container timers (keyed
/// `pod/container`), unchanged: claiming it is no write to the objects; the adoption that follows is.
public struct ReplicaSetTransfer: Sendable, Hashable, Codable {
    public var from: String
    public var replicaSet: ReplicaSet
    public var pods: [Pod]
    public var timers: [String: ContainerTimer]
    public init(from: String, replicaSet: ReplicaSet, pods: [Pod], timers: [String: ContainerTimer]) {
        self.from = from
        self.replicaSet = replicaSet
        self.pods = pods
        self.timers = timers
    }
}

public struct PodsRelease: Sendable, Hashable, Codable {
    public var names: [String]
    public var to: String
    public init(names: [String], to: String) {
        self.names = names
        self.to = to
    }
}

/// Orphaned Pods arriving from another stream (`from`) with their container timers (keyed `pod/container`),
/// unchanged, as a ReplicaSet's arrive in ``ReplicaSetTransfer``.
public struct PodsTransfer: Sendable, Hashable, Codable {
    public var from: String
    public var pods: [Pod]
    public var timers: [String: ContainerTimer]
    public init(from: String, pods: [Pod], timers: [String: ContainerTimer]) {
        self.from = from
        self.pods = pods
        self.timers = timers
    }
}

public struct ReplicaSetScaled: Sendable, Hashable, Codable {
    public var name: String
    public var from: Int
    public var to: Int
    /// `desired-replicas` and `max-replicas`, refreshed on every scale.
    public var desiredReplicas: Int
    public var maxReplicas: Int
    public init(name: String, from: Int, to: Int, desiredReplicas: Int, maxReplicas: Int) {
        self.name = name
        self.from = from
        self.to = to
        self.desiredReplicas = desiredReplicas
        self.maxReplicas = maxReplicas
    }
}

public struct ReplicaSetAnnotated: Sendable, Hashable, Codable {
    public var name: String
    public var annotations: [String: String]
    public var minReadySeconds: Int?
    public init(name: String, annotations: [String: String], minReadySeconds: Int?) {
        self.name = name
        self.annotations = annotations
        self.minReadySeconds = minReadySeconds
    }
}

public struct ReplicaSetStatusUpdated: Sendable, Hashable, Codable {
    public var name: String
    public var status: ReplicaSetStatus
    public init(name: String, status: ReplicaSetStatus) {
        self.name = name
        self.status = status
    }
}

/// An orphan taking an owner: a ReplicaSet adopted by a Deployment, or a Pod by a ReplicaSet.
public struct Adoption: Sendable, Hashable, Codable {
    public var name: String
    public var owner: OwnerReference
    public init(name: String, owner: OwnerReference) {
        self.name = name
        self.owner = owner
    }
}

public struct PodObject: Sendable, Hashable, Codable {
    public var pod: Pod
    public init(pod: Pod) { self.pod = pod }
}

public struct PodStatusUpdated: Sendable, Hashable, Codable {
    public var name: String
    public var status: PodStatus
    /// When the kubelet next acts on each container (readiness after startup, crash, pull retry).
    public var timers: [String: ContainerTimer]?
    public init(name: String, status: PodStatus, timers: [String: ContainerTimer]? = nil) {
        self.name = name
        self.status = status
        self.timers = timers
    }
}

/// The kubelet's next scheduled action for one container, and how many back-offs led there.
public struct ContainerTimer: Sendable, Hashable, Codable {
    public var due: Timestamp
    public var attempt: Int
    public init(due: Timestamp, attempt: Int) {
        self.due = due
        self.attempt = attempt
    }
}

public import KubeModel

/// One object read from a manifest file, both as the JSON kubectl would send and as a typed value.
public struct ManifestDocument: Sendable {
    /// The file name as given on the command line, or `STDIN`.
    public var source: String
    /// The position among the objects of this source, counting the items of a `List` one by one.
    public var index: Int
    /// The object as written (converted from YAML the way sigs.k8s.io/yaml does); feeds `last-applied-configuration`.
    public var raw: JSONValue
    public var object: ManifestObject
    /// What the server warns of when it takes the object (`unknown field "spec.x"` under `--validate=warn`).
    public var warnings: [String] = []
    /// The unknown fields the server drops under `--validate=warn|false` (their paths).
    public var droppedFields: [String] = []

    public init(source: String, index: Int, raw: JSONValue, object: ManifestObject) {
        self.source = source
        self.index = index
        self.raw = raw
        self.object = object
    }
}

/// The kinds of object a manifest may hold: Deployments, and the ReplicaSets and Pods users create on their own.
public enum ManifestObject: Sendable {
    case deployment(Deployment)
    case replicaSet(ReplicaSetManifest)
    case pod(Pod)
    case resourceQuota(ResourceQuota)

    /// The Deployment; nil for another kind (verbs that act on Deployments only have their files refused then).
    public var deployment: Deployment? {
        guard case .deployment(let deployment) = self else { return nil }
        return deployment
    }

    public var metadata: ObjectMeta {
        get {
            switch self {
            case .deployment(let deployment): deployment.metadata
            case .replicaSet(let manifest): manifest.replicaSet.metadata
            case .pod(let pod): pod.metadata
            case .resourceQuota(let quota): quota.metadata
            }
        }
        set {
            switch self {
            case .deployment(var deployment): deployment.metadata = newValue; self = .deployment(deployment)
            case .replicaSet(var manifest): manifest.replicaSet.metadata = newValue; self = .replicaSet(manifest)
            case .pod(var pod): pod.metadata = newValue; self = .pod(pod)
            case .resourceQuota(var quota): quota.metadata = newValue; self = .resourceQuota(quota)
            }
        }
    }

    public var name: String { metadata.name }

    /// The resource as kubectl names it in messages and `-o name` (`deployment.apps`, `replicaset.apps`, `pod`).
    public var resource: String {
        switch self {
        case .deployment: "deployment.apps"
        case .replicaSet: "replicaset.apps"
        case .pod: "pod"
        case .resourceQuota: "resourcequota"
        }
    }
}

/// A ReplicaSet as a manifest holds it. apps/v1 keeps `spec.selector` in a pointer: a missing selector is another
/// validation error than an empty one, so the manifest remembers which it was.
public struct ReplicaSetManifest: Sendable {
    public var replicaSet: ReplicaSet
    public var selectorGiven: Bool

    public init(replicaSet: ReplicaSet, selectorGiven: Bool) {
        self.replicaSet = replicaSet
        self.selectorGiven = selectorGiven
    }
}

/// Everything kubectl gets out of one source: the objects it would send, and the errors it would report.
///
/// kubectl keeps going after some errors: an unknown kind skips one document, and the API server rejects one object
/// at a time. A syntax or validation error stops the rest of the file, but what came before it is still applied.
public struct ManifestDecodeResult: Sendable {
    /// Documents in file order; a failure is a document the API server would refuse (unknown field, wrong type).
    public var documents: [Result<ManifestDocument, ManifestError>]
    /// kubectl's client-side errors (parsing, validation, mapping) in the order it meets them.
    public var errors: [ManifestError]

    public init(documents: [Result<ManifestDocument, ManifestError>] = [], errors: [ManifestError] = []) {
        self.documents = documents
        self.errors = errors
    }

    /// The documents that would be accepted.
    public var accepted: [ManifestDocument] {
        documents.compactMap { try? $0.get() }
    }
}

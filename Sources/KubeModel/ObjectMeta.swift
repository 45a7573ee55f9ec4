/// `metav1.ObjectMeta`, limited to the fields Deployments, ReplicaSets and Pods use.
public struct ObjectMeta: Sendable, Hashable, Codable {
    public var name: String
    public var generateName: String?
    public var namespace: String?
    public var uid: String?
    public var resourceVersion: String?
    public var generation: Int?
    public var creationTimestamp: Timestamp?
    public var deletionTimestamp: Timestamp?
    public var deletionGracePeriodSeconds: Int?
    public var labels: [String: String]?
    public var annotations: [String: String]?
    public var ownerReferences: [OwnerReference]?
    public var finalizers: [String]?

    public init(name: String, namespace: String? = nil, labels: [String: String]? = nil,
                annotations: [String: String]? = nil) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }

    /// Reads or writes one annotation; writing nil removes it, and an emptied map becomes nil.
    public subscript(annotation key: String) -> String? {
        get { annotations?[key] }
        set {
            var map = annotations ?? [:]
            map[key] = newValue
            annotations = map.isEmpty ? nil : map
        }
    }

    /// The controller reference, if this object is owned by a controller.
    public var controllerRef: OwnerReference? { ownerReferences?.first { $0.controller == true } }
}

/// `metav1.OwnerReference`.
public struct OwnerReference: Sendable, Hashable, Codable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    public var controller: Bool?
    public var blockOwnerDeletion: Bool?

    public init(apiVersion: String, kind: String, name: String, uid: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = true
        self.blockOwnerDeletion = true
    }
}

/// Annotation and label keys the controllers and kubectl use.
public enum AnnotationKey {
    public static let revision = "deployment.kubernetes.io/revision"
    public static let revisionHistory = "deployment.kubernetes.io/revision-history"
    public static let desiredReplicas = "deployment.kubernetes.io/desired-replicas"
    public static let maxReplicas = "deployment.kubernetes.io/max-replicas"
    public static let changeCause = "kubernetes.io/change-cause"
    public static let lastApplied = "kubectl.kubernetes.io/last-applied-configuration"
    public static let rollbackTo = "deprecated.deployment.rollback.to"
    public static let restartedAt = "kubectl.kubernetes.io/restartedAt"
    public static let podTemplateHash = "pod-template-hash"

    /// Annotations never copied between a Deployment and its ReplicaSets.
    public static let skipped: Set<String> = [lastApplied, revision, revisionHistory, desiredReplicas, maxReplicas, rollbackTo]
}

/// `apps/v1.ReplicaSet`.
public struct ReplicaSet: Sendable, Hashable, Codable {
    public var apiVersion: String = "apps/v1"
    public var kind: String = "ReplicaSet"
    public var metadata: ObjectMeta
    public var spec: ReplicaSetSpec
    public var status: ReplicaSetStatus = ReplicaSetStatus()

    public init(metadata: ObjectMeta, spec: ReplicaSetSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public var name: String { metadata.name }
    public var replicas: Int { spec.replicas ?? 0 }
    public var revision: Int? { metadata[annotation: AnnotationKey.revision].flatMap { Int($0) } }
    public var availableReplicas: Int { status.availableReplicas ?? 0 }
}

public struct ReplicaSetSpec: Sendable, Hashable, Codable {
    public var replicas: Int?
    public var minReadySeconds: Int?
    public var selector: LabelSelector
    public var template: PodTemplateSpec

    public init(replicas: Int?, minReadySeconds: Int?, selector: LabelSelector, template: PodTemplateSpec) {
        self.replicas = replicas
        self.minReadySeconds = minReadySeconds
        self.selector = selector
        self.template = template
    }
}

public struct ReplicaSetStatus: Sendable, Hashable, Codable {
    public var replicas: Int?
    public var fullyLabeledReplicas: Int?
    public var readyReplicas: Int?
    public var availableReplicas: Int?
    public var observedGeneration: Int?
    public var conditions: [ReplicaSetCondition]?

    public init() {}
}

public struct ReplicaSetCondition: Sendable, Hashable, Codable {
    public var type: String
    public var status: String
    public var lastTransitionTime: Timestamp?
    public var reason: String?
    public var message: String?
}

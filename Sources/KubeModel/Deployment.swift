/// `apps/v1.Deployment`.
public struct Deployment: Sendable, Hashable, Codable {
    public var apiVersion: String = "apps/v1"
    public var kind: String = "Deployment"
    public var metadata: ObjectMeta
    public var spec: DeploymentSpec
    public var status: DeploymentStatus = DeploymentStatus()

    public init(metadata: ObjectMeta, spec: DeploymentSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public var name: String { metadata.name }
    public var namespace: String { metadata.namespace ?? "default" }

    /// The revision recorded in the `deployment.kubernetes.io/revision` annotation, if any.
    public var revision: Int? { metadata[annotation: AnnotationKey.revision].flatMap { Int($0) } }
}

public struct DeploymentSpec: Sendable, Hashable, Codable {
    public var replicas: Int?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec
    public var strategy: DeploymentStrategy?
    public var minReadySeconds: Int?
    public var revisionHistoryLimit: Int?
    public var progressDeadlineSeconds: Int?
    public var paused: Bool?

    public init(replicas: Int? = nil, selector: LabelSelector? = nil, template: PodTemplateSpec = PodTemplateSpec(),
                strategy: DeploymentStrategy? = nil) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.strategy = strategy
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        replicas = try container.decodeIfPresent(Int.self, forKey: .replicas)
        selector = try container.decodeIfPresent(LabelSelector.self, forKey: .selector)
        template = try container.decodeIfPresent(PodTemplateSpec.self, forKey: .template) ?? PodTemplateSpec()
        strategy = try container.decodeIfPresent(DeploymentStrategy.self, forKey: .strategy)
        minReadySeconds = try container.decodeIfPresent(Int.self, forKey: .minReadySeconds)
        revisionHistoryLimit = try container.decodeIfPresent(Int.self, forKey: .revisionHistoryLimit)
        progressDeadlineSeconds = try container.decodeIfPresent(Int.self, forKey: .progressDeadlineSeconds)
        paused = try container.decodeIfPresent(Bool.self, forKey: .paused)
    }

    /// Replicas after defaulting (apps/v1 defaults to 1).
    public var desiredReplicas: Int { replicas ?? 1 }
    public var isPaused: Bool { paused ?? false }
    public var isRecreate: Bool { strategy?.type == "Recreate" }
}

public struct DeploymentStrategy: Sendable, Hashable, Codable {
    public var type: String?
    public var rollingUpdate: RollingUpdateDeployment?

    public init(type: String? = nil, rollingUpdate: RollingUpdateDeployment? = nil) {
        self.type = type
        self.rollingUpdate = rollingUpdate
    }
}

public struct RollingUpdateDeployment: Sendable, Hashable, Codable {
    public var maxUnavailable: IntOrString?
    public var maxSurge: IntOrString?

    public init(maxUnavailable: IntOrString? = nil, maxSurge: IntOrString? = nil) {
        self.maxUnavailable = maxUnavailable
        self.maxSurge = maxSurge
    }
}

public struct DeploymentStatus: Sendable, Hashable, Codable {
    public var observedGeneration: Int?
    public var replicas: Int?
    public var updatedReplicas: Int?
    public var readyReplicas: Int?
    public var availableReplicas: Int?
    public var unavailableReplicas: Int?
    public var conditions: [DeploymentCondition]?
    public var collisionCount: Int?

    public init() {}

    public func condition(_ type: String) -> DeploymentCondition? { conditions?.first { $0.type == type } }
}

/// A Deployment condition (`Available`, `Progressing`, `ReplicaFailure`).
public struct DeploymentCondition: Sendable, Hashable, Codable {
    public var type: String
    public var status: String
    public var lastUpdateTime: Timestamp?
    public var lastTransitionTime: Timestamp?
    public var reason: String?
    public var message: String?

    public init(type: String, status: String, reason: String, message: String, at now: Timestamp) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
        self.lastUpdateTime = now
        self.lastTransitionTime = now
    }
}

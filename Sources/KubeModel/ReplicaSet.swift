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

extension ReplicaSetStatus {
    /// `calculateStatus`'s failure condition: a sync whose creations failed adds `ReplicaFailure` (reason
    /// `FailedCreate`, the error as message) unless one is there; a sync without error removes it.
    public mutating func noteCreationFailure(_ error: String?, missing: Bool, at now: Timestamp) {
        let current = conditions?.firstIndex { $0.type == "ReplicaFailure" }
        if let error, current == nil {
            let condition = ReplicaSetCondition(
                type: "ReplicaFailure", status: "True", lastTransitionTime: now,
                reason: missing ? "FailedCreate" : "FailedDelete", message: error)
            conditions = (conditions ?? []) + [condition]
        } else if error == nil, let current {
            conditions?.remove(at: current)
            if conditions?.isEmpty == true { conditions = nil }
        }
    }

    /// When the ReplicaSet controller's creations began failing (its `ReplicaFailure` condition), if they are.
    public var failingSince: Timestamp? {
        conditions?.first { $0.type == "ReplicaFailure" && $0.reason == "FailedCreate" }?.lastTransitionTime
    }
}

extension ReplicaSetStatus {
    /// The whole seconds after the first failure at which the controller's work queue tries a failing ReplicaSet
    /// again: its back-off waits 5 ms and doubles up to 1000 s (`DefaultControllerRateLimiter`), so the seven
    /// retries of the first second land in it, then 1 s, 2 s, 5 s, … 1310 s, and every 1000 s after.
    /// (The k-th retry comes 0.005 × (2^k − 1) s after the failure; these are k = 8 … 18, whole seconds.)
    public static let retryOffsets: [Int64] = [1, 2, 5, 10, 20, 40, 81, 163, 327, 655, 1310]

    /// Retries within the failure's first second, which the back-off makes at once.
    public static let retriesInFirstSecond = 7

    /// The next retry of a ReplicaSet failing since `since`, after `time`.
    public static func nextRetry(failingSince since: Timestamp, after time: Timestamp) -> Timestamp {
        let elapsed = time.seconds - since.seconds
        if let offset = retryOffsets.first(where: { $0 > elapsed }) { return since.adding(seconds: offset) }
        let last = retryOffsets.last!
        return since.adding(seconds: last + ((elapsed - last) / 1000 + 1) * 1000)
    }
}

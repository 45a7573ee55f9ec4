/// `core/v1.Pod`.
public struct Pod: Sendable, Hashable, Codable {
    public var apiVersion: String = "v1"
    public var kind: String = "Pod"
    public var metadata: ObjectMeta
    public var spec: PodSpec
    public var status: PodStatus = PodStatus()

    public init(metadata: ObjectMeta, spec: PodSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public var name: String { metadata.name }
    public var isTerminating: Bool { metadata.deletionTimestamp != nil }
    public var isReady: Bool { status.condition("Ready")?.status == "True" }
}

public struct PodStatus: Sendable, Hashable, Codable {
    public var phase: String?
    public var conditions: [PodCondition]?
    public var message: String?
    public var reason: String?
    public var hostIP: String?
    public var hostIPs: [PodIP]?
    public var podIP: String?
    public var podIPs: [PodIP]?
    public var startTime: Timestamp?
    public var containerStatuses: [ContainerStatus]?
    public var initContainerStatuses: [ContainerStatus]?
    public var qosClass: String?

    public init() {}

    public func condition(_ type: String) -> PodCondition? { conditions?.first { $0.type == type } }

    /// Bound to a node: `PodScheduled` turns True (the other conditions are the kubelet's).
    public mutating func scheduled(at time: Timestamp) {
        var conditions = (self.conditions ?? []).filter { $0.type != "PodScheduled" }
        conditions.append(PodCondition(type: "PodScheduled", status: "True", at: time))
        self.conditions = conditions
    }

    /// The scheduler's verdict that no node fits: `PodScheduled False` with the reason `Unschedulable`.
    public var unschedulable: String? {
        guard let condition = condition("PodScheduled"), condition.status == "False", condition.reason == "Unschedulable"
        else { return nil }
        return condition.message
    }
}

public struct PodIP: Sendable, Hashable, Codable {
    public var ip: String
    public init(ip: String) { self.ip = ip }
}

public struct PodCondition: Sendable, Hashable, Codable {
    public var type: String
    public var status: String
    public var lastTransitionTime: Timestamp?
    public var reason: String?
    public var message: String?

    public init(type: String, status: String, at time: Timestamp, reason: String? = nil, message: String? = nil) {
        self.type = type
        self.status = status
        self.lastTransitionTime = time
        self.reason = reason
        self.message = message
    }

    private enum CodingKeys: String, CodingKey {
        case type, status, lastProbeTime, lastTransitionTime, reason, message
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        status = try container.decode(String.self, forKey: .status)
        lastTransitionTime = try container.decodeIfPresent(Timestamp.self, forKey: .lastTransitionTime)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        message = try container.decodeIfPresent(String.self, forKey: .message)
    }

    /// The kubelet never probes conditions here, so `lastProbeTime` is always `null`, as the API shows it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(status, forKey: .status)
        try container.encodeNil(forKey: .lastProbeTime)
        try container.encodeIfPresent(lastTransitionTime, forKey: .lastTransitionTime)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(message, forKey: .message)
    }
}

public struct ContainerStatus: Sendable, Hashable, Codable {
    public var name: String
    public var image: String
    public var imageID: String
    public var containerID: String?
    public var ready: Bool
    public var started: Bool?
    public var restartCount: Int
    public var state: ContainerState
    public var lastState: ContainerState

    public init(name: String, image: String, state: ContainerState) {
        self.name = name
        self.image = image
        self.imageID = ""
        self.ready = false
        self.started = false
        self.restartCount = 0
        self.state = state
        self.lastState = ContainerState()
    }
}

public struct ContainerState: Sendable, Hashable, Codable {
    public var waiting: Waiting?
    public var running: Running?
    public var terminated: Terminated?

    public init(waiting: Waiting? = nil, running: Running? = nil, terminated: Terminated? = nil) {
        self.waiting = waiting
        self.running = running
        self.terminated = terminated
    }

    public struct Waiting: Sendable, Hashable, Codable {
        public var reason: String?
        public var message: String?
        public init(reason: String?, message: String? = nil) {
            self.reason = reason
            self.message = message
        }
    }

    public struct Running: Sendable, Hashable, Codable {
        public var startedAt: Timestamp?
        public init(startedAt: Timestamp?) { self.startedAt = startedAt }
    }

    public struct Terminated: Sendable, Hashable, Codable {
        public var exitCode: Int
        public var reason: String?
        public var message: String?
        public var startedAt: Timestamp?
        public var finishedAt: Timestamp?
        public var containerID: String?
        public init(exitCode: Int, reason: String?, startedAt: Timestamp?, finishedAt: Timestamp?) {
            self.exitCode = exitCode
            self.reason = reason
            self.startedAt = startedAt
            self.finishedAt = finishedAt
        }
    }
}

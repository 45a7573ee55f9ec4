import KubeModel

/// The cluster's ResourceQuotas, every namespace's, as one stream of their own: few objects, written by users and
/// by the quota controller's status updates. A pure fold of that stream's events.
public struct QuotaState: Sendable, Hashable {
    public var version: Int = 0
    /// Keyed `namespace/name`.
    public var quotas: [String: ResourceQuota] = [:]
    /// Quotas whose status a user wrote, keyed as ``quotas``, with the controller's full resync that counts over it
    /// (`--resource-quota-sync-period`, five minutes): its informer ignores status updates, so nothing sooner does
    /// unless the namespace changes.
    public var resyncs: [String: Timestamp] = [:]

    /// The controller's full resync period.
    public static let resyncSeconds: Int64 = 300

    /// When the stream next has something to do: the earliest resync.
    public var nextResync: Timestamp? { resyncs.values.min() }

    public init() {}

    public static func key(namespace: String, name: String) -> String { "\(namespace)/\(name)" }

    /// The quota of that namespace and name, if any.
    public func quota(namespace: String, name: String) -> ResourceQuota? { quotas[Self.key(namespace: namespace, name: name)] }

    /// The quotas of one namespace, by name.
    public func quotas(in namespace: String) -> [ResourceQuota] {
        quotas.values.filter { $0.namespace == namespace }.sorted { $0.name < $1.name }
    }

    public mutating func apply(_ event: ClusterEvent, sequence: Int64, at time: Timestamp) {
        switch event {
        case .resourceQuotaWritten(let written):
            var quota = written
            quota.metadata.resourceVersion = String(sequence)
            quotas[Self.key(namespace: quota.namespace, name: quota.name)] = quota
        case .resourceQuotaStatusUpdated(let update), .resourceQuotaStatusWritten(let update):
            let key = Self.key(namespace: update.namespace, name: update.name)
            quotas[key]?.status = update.status
            quotas[key]?.metadata.resourceVersion = String(sequence)
            if case .resourceQuotaStatusWritten = event {
                resyncs[key] = resyncs[key] ?? time.adding(seconds: Self.resyncSeconds)
            } else {
                resyncs[key] = nil
            }
        case .resourceQuotaDeleted(let ref):
            let key = Self.key(namespace: ref.namespace, name: ref.name)
            quotas[key] = nil
            resyncs[key] = nil
        default:
            break
        }
    }
}

/// A namespaced object's name.
public struct NamespacedName: Sendable, Hashable, Codable {
    public var namespace: String
    public var name: String
    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }
}

/// The quota controller's recount of one quota.
public struct QuotaStatusUpdated: Sendable, Hashable, Codable {
    public var namespace: String
    public var name: String
    public var status: ResourceQuotaStatus
    public init(namespace: String, name: String, status: ResourceQuotaStatus) {
        self.namespace = namespace
        self.name = name
        self.status = status
    }
}

extension ClusterEvent {
    /// The namespace of the quota a quota event is about; nil for any other event.
    public var quotaNamespace: String? {
        switch self {
        case .resourceQuotaWritten(let quota): quota.namespace
        case .resourceQuotaStatusUpdated(let update), .resourceQuotaStatusWritten(let update): update.namespace
        case .resourceQuotaDeleted(let ref): ref.namespace
        default: nil
        }
    }
}

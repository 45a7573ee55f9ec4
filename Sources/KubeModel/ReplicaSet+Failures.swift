/// A ReplicaSet whose creations fail, a Deployment whose new ReplicaSet is refused, and the work queue's back-off
/// their controllers retry on.
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
    /// The next retry of a ReplicaSet failing since `since`, after `time`: the work queue retries it for ever.
    public static func nextRetry(failingSince since: Timestamp, after time: Timestamp) -> Timestamp {
        WorkQueueBackOff.nextRetry(failingSince: since, after: time)!
    }
}

extension Deployment {
    /// The next retry of a Deployment whose new ReplicaSet was refused since `since` (its Progressing condition's
    /// `ReplicaSetCreateError`), after `time`; nil once the controller's fifteen requeues (`maxRetries`) are spent.
    public func nextCreateRetry(after time: Timestamp) -> Timestamp? {
        guard let condition = status.conditions?.first(where: { $0.type == "Progressing" }),
            condition.reason == "ReplicaSetCreateError", let since = condition.lastTransitionTime
        else { return nil }
        return WorkQueueBackOff.nextRetry(failingSince: since, after: time, retries: 15)
    }
}

/// client-go's `DefaultTypedControllerRateLimiter` for one failing key: it waits 5 ms and doubles up to 1000 s.
public enum WorkQueueBackOff {
    /// The whole seconds after the first failure at which retries 8, 9, … 18 fall (the k-th comes
    /// 0.005 × (2^k − 1) s after it); the seven before land in its first second.
    static let offsets: [Int64] = [1, 2, 5, 10, 20, 40, 81, 163, 327, 655, 1310]

    /// Retries within the failure's first second, which the back-off makes at once.
    public static let retriesInFirstSecond = 7

    /// The next retry after `time` of a key failing since `since`; nil when `retries` (a controller's cap on
    /// requeues) are spent.
    public static func nextRetry(failingSince since: Timestamp, after time: Timestamp, retries: Int? = nil) -> Timestamp? {
        let elapsed = time.seconds - since.seconds
        let allowed = retries.map { Array(offsets.prefix(max(0, $0 - retriesInFirstSecond))) } ?? offsets
        if let offset = allowed.first(where: { $0 > elapsed }) { return since.adding(seconds: offset) }
        guard retries == nil, let last = offsets.last else { return nil }
        return since.adding(seconds: last + (max(0, elapsed - last) / 1000 + 1) * 1000)
    }
}

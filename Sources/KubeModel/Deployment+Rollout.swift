extension Deployment {
    /// `MaxSurge(d)`: the ceil-resolved maxSurge, 0 unless the strategy is RollingUpdate.
    public var maxSurge: Int {
        guard !spec.isRecreate, let rolling = spec.strategy?.rollingUpdate else { return 0 }
        return resolvedFenceposts.surge
    }

    /// `MaxUnavailable(d)`: the floor-resolved value, 0 for Recreate or 0 replicas, capped at replicas.
    public var maxUnavailable: Int {
        guard !spec.isRecreate, spec.strategy?.rollingUpdate != nil, spec.desiredReplicas > 0 else { return 0 }
        return min(resolvedFenceposts.unavailable, spec.desiredReplicas)
    }

    /// `ResolveFenceposts`: percentages against replicas; if both resolve to 0, unavailable becomes 1.
    public var resolvedFenceposts: (surge: Int, unavailable: Int) {
        let rolling = spec.strategy?.rollingUpdate
        let replicas = spec.desiredReplicas
        let surge = (rolling?.maxSurge ?? .string("25%")).scaled(total: replicas, roundUp: true) ?? 0
        let unavailable = (rolling?.maxUnavailable ?? .string("25%")).scaled(total: replicas, roundUp: false) ?? 0
        if surge == 0 && unavailable == 0 { return (0, 1) }
        return (surge, unavailable)
    }

    /// A progress deadline is set unless it is nil or MaxInt32.
    public var hasProgressDeadline: Bool {
        guard let seconds = spec.progressDeadlineSeconds else { return false }
        return seconds != Int(Int32.max)
    }
}

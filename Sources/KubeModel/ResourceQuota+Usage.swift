/// The quota controller's count (`syncResourceQuota`) and the admission plugin's check of a new Pod
/// (`CheckRequest` in apiserver/pkg/admission/plugin/resourcequota/controller.go).
extension ResourceQuota {
    /// Object counts of kinds Rollbook's cluster never holds (Services, Secrets, Jobs, …): the quota controller counts
    /// them, and here there are none. `count/<resource>.<group>` is counted for v1.32's namespaced resources only
    /// (the controller makes an evaluator for each resource discovery lists); another name gets no `used` entry.
    static let countedElsewhere = Set([
        "services", "services.loadbalancers", "services.nodeports", "secrets", "configmaps",
        "persistentvolumeclaims", "requests.storage", "replicationcontrollers",
    ]).union([
        "services", "secrets", "configmaps", "persistentvolumeclaims", "replicationcontrollers", "serviceaccounts",
        "endpoints", "limitranges", "podtemplates", "statefulsets.apps", "daemonsets.apps",
        "controllerrevisions.apps", "jobs.batch", "cronjobs.batch", "horizontalpodautoscalers.autoscaling",
        "poddisruptionbudgets.policy", "ingresses.networking.k8s.io", "networkpolicies.networking.k8s.io",
        "leases.coordination.k8s.io", "endpointslices.discovery.k8s.io", "roles.rbac.authorization.k8s.io",
        "rolebindings.rbac.authorization.k8s.io", "csistoragecapacities.storage.k8s.io",
    ].map { "count/" + $0 })

    /// `generic.Matches`: the quota limits something Pods use, and the Pod is in every scope.
    public func charges(_ pod: Pod) -> Bool {
        !PodQuota.matchingResources((status?.hard ?? spec.hard ?? [:]).keys).isEmpty && inScopes(pod)
    }

    private func inScopes(_ pod: Pod) -> Bool { scopeRequirements.allSatisfy { PodQuota.matches(pod, $0) } }

    /// The status the quota controller writes: `hard` from the spec, `used` for each limited resource it can count
    /// (`CalculateUsage`), from the namespace's Pods and the object counts Rollbook knows.
    public func computedStatus(pods: [Pod], objectCounts: [String: Int], at now: Timestamp) -> ResourceQuotaStatus {
        let hard = spec.hard ?? [:]
        let podResources = PodQuota.matchingResources(hard.keys)
        var used: ResourceList = [:]
        if !podResources.isEmpty {
            for name in podResources { used[name] = .zero }
            for pod in pods where inScopes(pod) { used = used.adding(PodQuota.usage(of: pod, at: now)) }
            used = used.masked(to: podResources)
        }
        for name in hard.keys where used[name] == nil {
            if let count = objectCounts[name] {
                used[name] = Quantity(parsing: String(count))!
            } else if Self.countedElsewhere.contains(name) || Self.isStorageClassLimit(name) {
                used[name] = .zero
            }
        }
        return ResourceQuotaStatus(hard: hard, used: used.texts)
    }

    /// `<class>.storageclass.storage.k8s.io/persistentvolumeclaims` and `…/requests.storage`: claims of a class.
    private static func isStorageClassLimit(_ name: String) -> Bool {
        name.hasSuffix(".storageclass.storage.k8s.io/persistentvolumeclaims")
            || name.hasSuffix(".storageclass.storage.k8s.io/requests.storage")
    }
}

/// The ResourceQuota admission plugin's answer to a Pod's creation.
public enum QuotaAdmission {
    /// The quotas (by name, the order Rollbook checks them in) with the Pod charged, or the plugin's refusal, which
    /// the API server wraps as `pods "<name>" is forbidden: <refusal>`.
    public static func admit(_ pod: Pod, to quotas: [ResourceQuota], at now: Timestamp) -> Result<[ResourceQuota], Refusal> {
        var interesting: [Int] = []
        for (index, quota) in quotas.enumerated() where quota.charges(pod) {
            let restricted = PodQuota.matchingResources((quota.status?.hard ?? [:]).keys)
            if let missing = PodQuota.missingConstraints(required: restricted, in: pod) {
                return .failure(Refusal(message: "failed quota: \(quota.name): \(missing)"))
            }
            interesting.append(index)
        }
        let delta = PodQuota.usage(of: pod, at: now).filter { !$0.value.isZero }
        guard !interesting.isEmpty, !delta.isEmpty else { return .success(quotas) }
        var charged = quotas
        for index in interesting {
            let quota = quotas[index]
            let hard = ResourceList(texts: quota.status?.hard), used = ResourceList(texts: quota.status?.used)
            let requested = delta.masked(to: hard.keys)
            guard !requested.isEmpty else { continue }
            let newUsage = used.adding(requested)
            let exceeded = hard.keys.filter { name in
                guard requested[name] != nil, let value = newUsage[name] else { return false }
                return value.compare(hard[name]!) == .orderedDescending
            }
            if !exceeded.isEmpty {
                return .failure(Refusal(message: """
                    exceeded quota: \(quota.name), requested: \(requested.masked(to: exceeded).prettyPrinted), \
                    used: \(used.masked(to: exceeded).prettyPrinted), limited: \(hard.masked(to: exceeded).prettyPrinted)
                    """))
            }
            charged[index].status?.used = newUsage.texts
        }
        return .success(charged)
    }

    public struct Refusal: Error, Sendable, Hashable {
        public var message: String
    }
}

extension QuotaAdmission {
    /// The object-count evaluator's check of a create (`count/deployments.apps`, `resourcequotas`): one more of the
    /// counted names must stay within each quota without scopes that limits them.
    /// - Parameter quotas: The namespace's quotas, by name, with their status as the controller counts it now.
    public static func admitObject(counting names: [String], to quotas: [ResourceQuota]) -> Refusal? {
        for quota in quotas where (quota.spec.scopes ?? []).isEmpty && quota.spec.scopeSelector == nil {
            let hard = ResourceList(texts: quota.status?.hard), used = ResourceList(texts: quota.status?.used)
            var requested: ResourceList = [:]
            for name in names where hard[name] != nil { requested[name] = Quantity(parsing: "1")! }
            let exceeded = requested.keys.filter { name in
                (used[name] ?? .zero).adding(requested[name]!).compare(hard[name]!) == .orderedDescending
            }
            if !exceeded.isEmpty {
                return Refusal(message: """
                    exceeded quota: \(quota.name), requested: \(requested.masked(to: exceeded).prettyPrinted), \
                    used: \(used.masked(to: exceeded).prettyPrinted), limited: \(hard.masked(to: exceeded).prettyPrinted)
                    """)
            }
        }
        return nil
    }
}

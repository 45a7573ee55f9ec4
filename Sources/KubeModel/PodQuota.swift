/// What a Pod counts against a ResourceQuota: the pod evaluator of pkg/quota/v1/evaluator/core/pods.go.
public enum PodQuota {
    /// `podResources`: what the evaluator tracks by name (huge pages and extended resources go by prefix).
    static let trackedResources: Set<String> = [
        "count/pods", "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory",
        "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods",
    ]

    /// `validationSet`: quota on these makes every container name them ("this was a mistake", says upstream).
    static let mustBeSpecified: Set<String> = ["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]

    /// `MatchingResources`: the names of `input` the evaluator tracks.
    public static func matchingResources(_ input: some Sequence<String>) -> [String] {
        input.filter { name in
            trackedResources.contains(name) || name.hasPrefix("hugepages-") || name.hasPrefix("requests.hugepages-")
                || (!isNative(name) && name.hasPrefix("requests."))
        }
    }

    /// `PodUsageFunc`: one `count/pods` for every stored Pod; the rest only while the Pod is alive (`QuotaV1Pod`).
    public static func usage(of pod: Pod, at now: Timestamp) -> ResourceList {
        var result: ResourceList = ["count/pods": Quantity(parsing: "1")!]
        guard isCharged(pod, at: now) else { return result }
        let requests = pod.spec.podRequests, limits = pod.spec.podLimits
        var compute: ResourceList = ["pods": Quantity(parsing: "1")!]
        compute.merge(usageHelper(requests: requests, limits: limits)) { $1 }
        result = result.adding(compute)
        return result
    }

    /// `QuotaV1Pod`: a finished Pod, or one whose deletion's grace has run out, is no longer charged.
    static func isCharged(_ pod: Pod, at now: Timestamp) -> Bool {
        if pod.status.phase == "Succeeded" || pod.status.phase == "Failed" { return false }
        if let deletion = pod.metadata.deletionTimestamp, let grace = pod.metadata.deletionGracePeriodSeconds,
            now.seconds > deletion.seconds + Int64(grace)
        {
            return false
        }
        return true
    }

    /// `podComputeUsageHelper`, without the `pods` entry.
    private static func usageHelper(requests: ResourceList, limits: ResourceList) -> ResourceList {
        var result: ResourceList = [:]
        for name in ["cpu", "memory", "ephemeral-storage"] {
            if let request = requests[name] {
                result[name] = request
                result["requests.\(name)"] = request
            }
            if let limit = limits[name] { result["limits.\(name)"] = limit }
        }
        for (name, request) in requests {
            if name.hasPrefix("hugepages-") {
                result[name] = request
                result["requests.\(name)"] = request
            }
            if isExtended(name) { result["requests.\(name)"] = request }
        }
        return result
    }

    /// `Constraints`: with quota on cpu or memory, each container must request or limit them; nil when all do.
    public static func missingConstraints(required: some Sequence<String>, in pod: Pod) -> String? {
        let requiredSet = Set(required).intersection(mustBeSpecified)
        var missing: [String: Set<String>] = [:]
        for container in pod.spec.containers + pod.spec.initContainers {
            let resources = container.raw["resources"]
            var present: ResourceList = ["pods": Quantity.zero]
            present.merge(usageHelper(requests: ResourceList(json: resources?["requests"]),
                                      limits: ResourceList(json: resources?["limits"]))) { $1 }
            for name in requiredSet where present[name] == nil { missing[name, default: []].insert(container.name) }
        }
        guard !missing.isEmpty else { return nil }
        let parts = missing.keys.sorted().map { "\($0) for: \(missing[$0]!.sorted().joined(separator: ","))" }
        return "must specify \(parts.joined(separator: "; "))"
    }

    /// `podMatchesScopeFunc`.
    public static func matches(_ pod: Pod, _ scope: ScopedResourceSelectorRequirement) -> Bool {
        switch scope.scopeName {
        case "Terminating": return isTerminating(pod)
        case "NotTerminating": return !isTerminating(pod)
        case "BestEffort": return pod.spec.qosClass == "BestEffort"
        case "NotBestEffort": return pod.spec.qosClass != "BestEffort"
        case "PriorityClass":
            let priorityClass = pod.spec.priorityClassName ?? ""
            switch scope.operator {
            case "Exists": return !priorityClass.isEmpty
            case "DoesNotExist": return priorityClass.isEmpty
            case "In": return !priorityClass.isEmpty && (scope.values ?? []).contains(priorityClass)
            case "NotIn": return priorityClass.isEmpty || !(scope.values ?? []).contains(priorityClass)
            default: return false
            }
        case "CrossNamespacePodAffinity": return usesCrossNamespaceAffinity(pod)
        default: return false
        }
    }

    private static func isTerminating(_ pod: Pod) -> Bool {
        (pod.spec.raw["activeDeadlineSeconds"]?.intValue).map { $0 >= 0 } ?? false
    }

    /// `usesCrossNamespacePodAffinity`: a pod (anti-)affinity term that names namespaces or selects them.
    private static func usesCrossNamespaceAffinity(_ pod: Pod) -> Bool {
        guard let affinity = pod.spec.raw["affinity"] else { return false }
        for kind in ["podAffinity", "podAntiAffinity"] {
            let required = affinity[kind]?["requiredDuringSchedulingIgnoredDuringExecution"]?.arrayValue ?? []
            let preferred = (affinity[kind]?["preferredDuringSchedulingIgnoredDuringExecution"]?.arrayValue ?? [])
                .compactMap { $0["podAffinityTerm"] }
            for term in required + preferred {
                if !(term["namespaces"]?.arrayValue ?? []).isEmpty || (term["namespaceSelector"].map { $0 != .null } ?? false) {
                    return true
                }
            }
        }
        return false
    }

    /// `IsNativeResource`: no domain, or a `kubernetes.io` one.
    static func isNative(_ name: String) -> Bool { !name.contains("/") || name.contains("kubernetes.io/") }

    /// `IsExtendedResourceName`: a container resource of another domain, which quota counts as `requests.<name>`.
    static func isExtended(_ name: String) -> Bool { !isNative(name) && !name.hasPrefix("requests.") }
}

extension PodSpec {
    /// `PodRequests`: the containers' requests summed; each init container raises the total to its own (plus the
    /// sidecars started before it); sidecars add to it; then the overhead.
    public var podRequests: ResourceList { aggregate("requests") }

    /// `PodLimits`, the same over limits.
    public var podLimits: ResourceList { aggregate("limits") }

    private func aggregate(_ key: String) -> ResourceList {
        var total: ResourceList = [:]
        for container in containers { total = total.adding(ResourceList(json: container.raw["resources"]?[key])) }
        var sidecars: ResourceList = [:], initMax: ResourceList = [:]
        for container in initContainers {
            var own = ResourceList(json: container.raw["resources"]?[key])
            if container.isSidecar {
                total = total.adding(own)
                sidecars = sidecars.adding(own)
                own = sidecars
            } else {
                own = own.adding(sidecars)
            }
            initMax = initMax.raised(to: own)
        }
        total = total.raised(to: initMax)
        let overhead = ResourceList(json: raw["overhead"])
        if key == "requests" { return total.adding(overhead) }
        // Limits take the overhead only where a container set one.
        for (name, quantity) in overhead { if let limit = total[name] { total[name] = limit.adding(quantity) } }
        return total
    }
}

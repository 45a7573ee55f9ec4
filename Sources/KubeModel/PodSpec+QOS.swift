/// A Pod's quality-of-service class and the requests it is created with.
extension PodSpec {
    /// `ComputePodQOS` (pkg/apis/core/helper/qos), which the API server records as `status.qosClass` when a Pod is
    /// created: BestEffort without cpu or memory requests or limits; Guaranteed when every container limits both
    /// and the requests equal the limits; Burstable otherwise. Init containers count like the others.
    public var qosClass: String {
        var requests: [String: Double] = [:]
        var limits: [String: Double] = [:]
        var guaranteed = true
        for container in containers + initContainers {
            let declaredLimits = Self.positiveComputeQuantities(container.resources?["limits"])
            for (name, value) in Self.positiveComputeQuantities(container.resources?["requests"]) {
                requests[name, default: 0] += value
            }
            for (name, value) in declaredLimits { limits[name, default: 0] += value }
            if declaredLimits["cpu"] == nil || declaredLimits["memory"] == nil { guaranteed = false }
        }
        if requests.isEmpty && limits.isEmpty { return "BestEffort" }
        if guaranteed, requests.allSatisfy({ limits[$0.key] == $0.value }), requests.count == limits.count {
            return "Guaranteed"
        }
        return "Burstable"
    }

    /// `SetDefaults_Pod`: a container that sets a limit but no request for a resource requests the limit. Pods
    /// only: a Deployment's template keeps its requests as written.
    public mutating func defaultRequestsToLimits() {
        mapEveryContainer(Self.requestingLimits)
    }

    private static func requestingLimits(_ container: Container) -> Container {
        guard case .object(var resources)? = container.raw["resources"], case .object(let limits)? = resources["limits"]
        else { return container }
        var requests: [String: JSONValue] = [:]
        if case .object(let given)? = resources["requests"] { requests = given }
        for (name, limit) in limits where requests[name] == nil { requests[name] = limit }
        resources["requests"] = .object(requests)
        var container = container
        container.raw["resources"] = .object(resources)
        return container
    }

    private static func positiveComputeQuantities(_ list: JSONValue?) -> [String: Double] {
        var result: [String: Double] = [:]
        for name in ["cpu", "memory"] {
            if let value = list?[name].flatMap(quantityValue), value > 0 { result[name] = value }
        }
        return result
    }
}

/// The numeric value of a resource quantity such as `250m`, `1.5`, `128Mi` or `1e3`.
public func quantityValue(_ quantity: JSONValue) -> Double? {
    switch quantity {
    case .int(let value): return Double(value)
    case .double(let value): return value
    case .string(let text): return quantityValue(text)
    default: return nil
    }
}

private func quantityValue(_ text: String) -> Double? {
    let suffixes: [(String, Double)] = [
        ("Ki", 0x1p10), ("Mi", 0x1p20), ("Gi", 0x1p30), ("Ti", 0x1p40), ("Pi", 0x1p50), ("Ei", 0x1p60),
        ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15),
        ("E", 1e18),
    ]
    for (suffix, factor) in suffixes where text.hasSuffix(suffix) {
        return Double(text.dropLast(suffix.count)).map { $0 * factor }
    }
    return Double(text)
}

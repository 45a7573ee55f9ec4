import KubeModel

/// kubectl's `qos.GetPodQOS`: the recorded `status.qosClass`, else computed from cpu and memory
/// requests and limits (Guaranteed, Burstable or BestEffort).
func qosClass(of pod: Pod) -> String {
    if let recorded = pod.status.qosClass, !recorded.isEmpty { return recorded }
    var requests: [String: Double] = [:]
    var limits: [String: Double] = [:]
    var guaranteed = true
    for container in pod.spec.containers + pod.spec.initContainers {
        let declaredLimits = positiveComputeQuantities(container.resources?["limits"])
        for (name, value) in positiveComputeQuantities(container.resources?["requests"]) {
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

private func positiveComputeQuantities(_ list: JSONValue?) -> [String: Double] {
    var result: [String: Double] = [:]
    for name in ["cpu", "memory"] {
        if let value = list?[name].flatMap(quantityValue), value > 0 { result[name] = value }
    }
    return result
}

/// The numeric value of a resource quantity such as `250m`, `1.5`, `128Mi` or `1e3`.
func quantityValue(_ quantity: JSONValue) -> Double? {
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

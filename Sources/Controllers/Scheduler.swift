import Cluster
import KubeModel

/// The default scheduler's filters for the one node, in the framework's order (pkg/scheduler/framework/plugins):
/// NodeAffinity (`nodeSelector` and required node affinity), NodePorts (host ports), InterPodAffinity (the Pod's
/// required affinity and anti-affinity, then the bound Pods' anti-affinity). Taints (the node has none), resources
/// and volumes are not checked. The verdict is worded as `FitError.Error()` words it, with the default preemption's:
/// a failure preemption cannot resolve is "not helpful", and otherwise no Pod has a lower priority to evict.
public enum Scheduler {
    /// The `FailedScheduling` message for `pod` beside the Pods `bound` to the node, or nil when the node fits.
    public static func failure(of pod: Pod, beside bound: [Pod]) -> String? {
        let verdict: (String, Bool)?
        switch NodeSelectorMatch.nodeNames(pod.spec) {
        // The PreFilter rejects terms that name no node in common, and leaves out the nodes they do not name.
        case let names? where names.isEmpty: verdict = ("pod affinity terms conflict", false)
        case let names? where !names.contains(NodeState.nodeName):
            verdict = ("1 node(s) didn't satisfy plugin(s) [NodeAffinity]", false)
        default: verdict = firstFailure(of: pod, beside: bound).map { ("1 " + $0.0, $0.1) }
        }
        guard let (reasons, resolvable) = verdict else { return nil }
        let preemption = pod.spec.raw["preemptionPolicy"]?.stringValue == "Never"
            ? "not eligible due to preemptionPolicy=Never."
            : "0/1 nodes are available: 1 "
                + (resolvable ? "No preemption victims found for incoming pod." : "Preemption is not helpful for scheduling.")
        return "0/1 nodes are available: \(reasons). preemption: \(preemption)"
    }

    /// The first filter the node fails, and whether evicting Pods could resolve it (`Unschedulable`, not
    /// `UnschedulableAndUnresolvable`).
    private static func firstFailure(of pod: Pod, beside bound: [Pod]) -> (String, Bool)? {
        if !NodeSelectorMatch.matches(pod.spec, labels: NodeState.labels, nodeName: NodeState.nodeName) {
            return ("node(s) didn't match Pod's node affinity/selector", false)
        }
        let others = bound.filter { $0.name != pod.name || $0.metadata.namespace != pod.metadata.namespace }
        if others.contains(where: { hostPortsClash($0, pod) }) {
            return ("node(s) didn't have free ports for the requested pod ports", true)
        }
        let affinity = PodAffinityTerm.terms(of: pod, "podAffinity")
        if !affinity.isEmpty {
            guard affinity.allSatisfy(\.hasTopology) else { return ("node(s) didn't match pod affinity rules", false) }
            let colocated = others.contains { other in affinity.allSatisfy { $0.matches(other) } }
            // With no Pod to join anywhere (there is one node), the first Pod of a group with affinity to itself
            // may start the group.
            if !colocated && !affinity.allSatisfy({ $0.matches(pod) }) {
                return ("node(s) didn't match pod affinity rules", false)
            }
        }
        let antiAffinity = PodAffinityTerm.terms(of: pod, "podAntiAffinity").filter(\.hasTopology)
        if others.contains(where: { other in antiAffinity.contains { $0.matches(other) } }) {
            return ("node(s) didn't match pod anti-affinity rules", true)
        }
        if others.contains(where: { other in
            PodAffinityTerm.terms(of: other, "podAntiAffinity").contains { $0.hasTopology && $0.matches(pod) }
        }) {
            return ("node(s) didn't satisfy existing pods anti-affinity rules", true)
        }
        return nil
    }

    /// Whether two Pods ask for the same host port (same protocol, and the same host IP or either on every address).
    private static func hostPortsClash(_ a: Pod, _ b: Pod) -> Bool {
        func ports(_ pod: Pod) -> [(port: Int, protocol: String, ip: String)] {
            pod.spec.containers.flatMap { container in
                (container.raw["ports"]?.arrayValue ?? []).compactMap { port in
                    guard let host = port["hostPort"]?.intValue, host > 0 else { return nil }
                    let ip = port["hostIP"]?.stringValue ?? ""
                    return (host, port["protocol"]?.stringValue ?? "TCP", ip.isEmpty ? "0.0.0.0" : ip)
                }
            }
        }
        let wanted = ports(b)
        return ports(a).contains { used in
            wanted.contains { $0.port == used.port && $0.protocol == used.protocol
                && ($0.ip == used.ip || $0.ip == "0.0.0.0" || used.ip == "0.0.0.0") }
        }
    }
}

/// One required `PodAffinityTerm` of a Pod: the Pods its selector matches in its namespaces, placed by its topology
/// key (the one node is one domain of every key it has a label for).
struct PodAffinityTerm {
    let selector: LabelSelector?
    let namespaces: Set<String>
    let namespaceSelector: LabelSelector?
    let topologyKey: String

    var hasTopology: Bool { NodeState.labels[topologyKey] != nil }

    /// The required terms of `pod`'s `podAffinity` or `podAntiAffinity`.
    static func terms(of pod: Pod, _ kind: String) -> [PodAffinityTerm] {
        let terms = pod.spec.raw["affinity"]?[kind]?["requiredDuringSchedulingIgnoredDuringExecution"]?.arrayValue ?? []
        return terms.map { term in
            let namespaces = Set((term["namespaces"]?.arrayValue ?? []).compactMap(\.stringValue))
            let namespaceSelector = term["namespaceSelector"].flatMap { try? LabelSelector(reading: $0) }
            // getNamespacesFromPodAffinityTerm: neither namespaces nor a selector means the Pod's own namespace.
            return PodAffinityTerm(
                selector: term["labelSelector"].flatMap { try? LabelSelector(reading: $0) },
                namespaces: namespaces.isEmpty && namespaceSelector == nil
                    ? [pod.metadata.namespace ?? "default"] : namespaces,
                namespaceSelector: namespaceSelector, topologyKey: term["topologyKey"]?.stringValue ?? "")
        }
    }

    /// Whether `pod` is one the term selects (a missing label selector selects nothing).
    func matches(_ pod: Pod) -> Bool {
        let namespace = pod.metadata.namespace ?? "default"
        let inNamespace = namespaces.contains(namespace)
            || namespaceSelector?.matches(["kubernetes.io/metadata.name": namespace]) == true
        return inNamespace && selector?.matches(pod.metadata.labels ?? [:]) == true
    }
}

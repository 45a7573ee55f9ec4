public import KubeModel

/// `kubectl get pods`: `NAME READY STATUS RESTARTS AGE`, and with `wide` also
/// `IP NODE NOMINATED NODE READINESS GATES`. `showNamespace` adds the leading `NAMESPACE` column.
public func podsTable(_ pods: [Pod], wide: Bool, showNamespace: Bool, now: Timestamp) -> String {
    var table = TablePrinter(
        columns: ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
            + (wide ? ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"] : []),
        showNamespace: showNamespace)
    for pod in pods {
        let summary = PodTableSummary(pod)
        var cells = [
            pod.name, "\(summary.readyContainers)/\(summary.totalContainers)", summary.status,
            restartsCell(summary, now: now), age(of: pod.metadata.creationTimestamp, now: now),
        ]
        if wide {
            let ip = pod.status.podIPs?.first?.ip ?? pod.status.podIP ?? ""
            let node = pod.spec.nodeName ?? ""
            cells += [ip.isEmpty ? "<none>" : ip, node.isEmpty ? "<none>" : node, "<none>", readinessGatesCell(pod)]
        }
        table.addRow(namespace: pod.metadata.namespace ?? "default", cells)
    }
    return table.render()
}

/// `N`, or `N (<age> ago)` after the most recent container termination.
private func restartsCell(_ summary: PodTableSummary, now: Timestamp) -> String {
    guard summary.restarts != 0, let last = summary.lastRestart else { return String(summary.restarts) }
    return "\(summary.restarts) (\(age(of: last, now: now)) ago)"
}

/// `<none>`, or `true/total` over the pod's readiness gates.
private func readinessGatesCell(_ pod: Pod) -> String {
    let gates = pod.spec.raw["readinessGates"]?.arrayValue ?? []
    guard !gates.isEmpty else { return "<none>" }
    let passing = gates.filter { pod.status.condition($0["conditionType"]?.goScalar ?? "")?.status == "True" }
    return "\(passing.count)/\(gates.count)"
}

public import KubeModel

/// `kubectl describe replicaset` (describe.go `describeReplicaSet`).
///
/// - Parameters:
///   - replicaSet: The ReplicaSet.
///   - pods: Candidate pods; only those it controls (by controller UID, or by name when either UID
///     is unset) and that match its selector are counted in `Pods Status`.
///   - events: The events whose involved object is this ReplicaSet.
///   - now: The clock that event ages are measured against.
public func describeReplicaSet(_ replicaSet: ReplicaSet, pods: [Pod], events: [KubeEvent]?, now: Timestamp) -> String {
    var writer = DescribeWriter()
    let metadata = replicaSet.metadata
    writer.write(0, "Name:\t\(replicaSet.name)\n")
    writer.write(0, "Namespace:\t\(metadata.namespace ?? "default")\n")
    writer.write(0, "Selector:\t\(replicaSet.spec.selector.formatted)\n")
    writer.labels("Labels", metadata.labels)
    writer.annotations("Annotations", metadata.annotations)
    if let owner = metadata.controllerRef { writer.write(0, "Controlled By:\t\(owner.kind)/\(owner.name)\n") }
    writer.write(0, "Replicas:\t\(replicaSet.status.replicas ?? 0) current / \(replicaSet.replicas) desired\n")
    let phases = pods.filter { isControlled($0, by: replicaSet) }.map { $0.status.phase ?? "" }
    let count = { (phase: String) in phases.filter { $0 == phase }.count }
    writer.write(0, "Pods Status:\t\(count("Running")) Running / \(count("Pending")) Waiting / "
        + "\(count("Succeeded")) Succeeded / \(count("Failed")) Failed\n")
    writer.podTemplate(replicaSet.spec.template)
    writer.conditions(replicaSet.status.conditions?.map { ($0.type, $0.status, $0.reason ?? "") } ?? [])
    writer.events(events, now: now)
    return writer.finish()
}

/// `getPodStatusForController`'s filter: selected by the selector and controlled by this ReplicaSet.
private func isControlled(_ pod: Pod, by replicaSet: ReplicaSet) -> Bool {
    guard replicaSet.spec.selector.matches(pod.metadata.labels ?? [:]), let owner = pod.metadata.controllerRef else {
        return false
    }
    if let uid = replicaSet.metadata.uid, !owner.uid.isEmpty { return owner.uid == uid }
    return owner.kind == "ReplicaSet" && owner.name == replicaSet.name
}

public import KubeModel

/// `kubectl describe deployment`, byte for byte (describe.go `describeDeployment`).
///
/// - Parameters:
///   - deployment: The Deployment, as stored (defaults applied).
///   - oldReplicaSets: The old ReplicaSets in creation order, including those scaled to 0.
///   - newReplicaSet: The ReplicaSet whose template matches the Deployment's, if any.
///   - events: The events whose involved object is this Deployment.
///   - now: The clock that event ages are measured against.
public func describeDeployment(
    _ deployment: Deployment, oldReplicaSets: [ReplicaSet], newReplicaSet: ReplicaSet?, events: [KubeEvent]?,
    now: Timestamp
) -> String {
    var writer = DescribeWriter()
    let spec = deployment.spec
    let status = deployment.status
    writer.write(0, "Name:\t\(deployment.name)\n")
    writer.write(0, "Namespace:\t\(deployment.namespace)\n")
    writer.write(0, "CreationTimestamp:\t\(Timestamp.rfc1123Z(deployment.metadata.creationTimestamp))\n")
    writer.labels("Labels", deployment.metadata.labels)
    writer.annotations("Annotations", deployment.metadata.annotations)
    writer.write(0, "Selector:\t\(selectorString(spec.selector))\n")
    writer.write(0, "Replicas:\t\(spec.desiredReplicas) desired | \(status.updatedReplicas ?? 0) updated | "
        + "\(status.replicas ?? 0) total | \(status.availableReplicas ?? 0) available | "
        + "\(status.unavailableReplicas ?? 0) unavailable\n")
    writer.write(0, "StrategyType:\t\(spec.strategy?.type ?? "")\n")
    writer.write(0, "MinReadySeconds:\t\(spec.minReadySeconds ?? 0)\n")
    if let rolling = spec.strategy?.rollingUpdate {
        let unavailable = rolling.maxUnavailable?.description ?? "<nil>"
        let surge = rolling.maxSurge?.description ?? "<nil>"
        writer.write(0, "RollingUpdateStrategy:\t\(unavailable) max unavailable, \(surge) max surge\n")
    }
    writer.podTemplate(spec.template)
    writer.conditions(status.conditions?.map { ($0.type, $0.status, $0.reason ?? "") } ?? [])
    if !oldReplicaSets.isEmpty || newReplicaSet != nil {
        writer.write(0, "OldReplicaSets:\t\(replicaSetList(oldReplicaSets))\n")
        writer.write(0, "NewReplicaSet:\t\(replicaSetList(newReplicaSet.map { [$0] } ?? []))\n")
    }
    writer.events(events, now: now)
    return writer.finish()
}

/// `labels.Selector.String()`: like `LabelSelector.formatted`, but empty for an empty selector.
func selectorString(_ selector: LabelSelector?) -> String {
    guard let selector, !selector.isEmpty else { return "" }
    return selector.formatted
}

/// `printReplicaSetsByLabels`: `name (current/desired replicas created)`, comma-joined.
private func replicaSetList(_ replicaSets: [ReplicaSet]) -> String {
    let list = replicaSets.map { "\($0.name) (\($0.status.replicas ?? 0)/\($0.replicas) replicas created)" }
    return list.isEmpty ? "<none>" : list.joined(separator: ", ")
}

extension DescribeWriter {
    /// The `Conditions:` table of workloads: the type cell keeps a trailing space, as upstream.
    mutating func conditions(_ rows: [(type: String, status: String, reason: String)]) {
        guard !rows.isEmpty else { return }
        write(0, "Conditions:\n  Type\tStatus\tReason\n")
        write(1, "----\t------\t------\n")
        for row in rows { write(1, "\(row.type) \t\(row.status)\t\(row.reason)\n") }
    }
}
